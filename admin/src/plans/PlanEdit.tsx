import { Edit, ShowButton, TopToolbar } from 'react-admin';
import { useFormState } from 'react-hook-form';
import { PlanForm } from './PlanForm';
import { QuotePreview } from './QuotePreview';

const Actions = () => (
  <TopToolbar>
    <ShowButton />
  </TopToolbar>
);

/** Inside the form: tells the preview when it shows the saved terms rather than the ones being typed. */
const FormQuote = () => {
  const { isDirty } = useFormState();
  return <QuotePreview dirty={isDirty} />;
};

export const PlanEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" actions={<Actions />}>
    <PlanForm>
      <FormQuote />
    </PlanForm>
  </Edit>
);
