import { Edit, ShowButton, TopToolbar } from 'react-admin';
import { ProductForm } from './ProductForm';
import { ProductPlans } from './ProductPlans';

const Actions = () => (
  <TopToolbar>
    <ShowButton />
  </TopToolbar>
);

// Pessimistic: the API validates (specs per category, prices that still fit every plan) and its
// answer must reach the form before anything is shown as saved.
export const ProductEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" actions={<Actions />}>
    <ProductForm />
    <ProductPlans />
  </Edit>
);
