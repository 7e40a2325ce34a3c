import { Create } from 'react-admin';
import { ProductForm, productDefaults } from './ProductForm';

export const ProductCreate = () => (
  <Create redirect="show">
    <ProductForm isCreate defaultValues={productDefaults} />
  </Create>
);
