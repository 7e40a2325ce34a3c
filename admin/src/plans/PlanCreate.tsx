import { Create, type RaRecord } from 'react-admin';
import { planDefaults } from './choices';
import { PlanForm } from './PlanForm';

/** Opened from a product page with the product filled in (location state); back to the product after saving. */
export const PlanCreate = () => (
  <Create redirect={(_resource?: string, id?: unknown, data?: Partial<RaRecord>) => (data?.productId ? `products/${data.productId}/show` : `installmentPlans/${String(id)}/show`)}>
    <PlanForm isCreate defaultValues={planDefaults} />
  </Create>
);
