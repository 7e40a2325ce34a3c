import type { ProductCategory } from '../gql/schema';

/** In the order the catalogue shows them. */
export const PRODUCT_CATEGORIES = ['VPS', 'CLOUD_SERVER', 'DEDICATED_SERVER', 'COLOCATION'] as const satisfies readonly ProductCategory[];
export type { ProductCategory };

/** Choices for SelectInput; names are translation keys. */
export const categoryChoices = PRODUCT_CATEGORIES.map((id) => ({ id, name: `resources.products.category.${id}` }));

export interface ProductSpecs {
  cpu?: string | null;
  ramGb?: number | null;
  storageGb?: number | null;
  storageType?: string | null;
  bandwidth?: string | null;
  rackUnits?: number | null;
  powerWatts?: number | null;
  ipv4Count?: number | null;
}

export interface Product {
  id: string;
  name: string;
  slug: string;
  category: ProductCategory;
  description: string;
  cashPrice: string;
  setupFee: string;
  active: boolean;
  specs: ProductSpecs;
  createdAt: string;
  updatedAt: string;
  plans?: { id: string }[];
}

/** "4 vCPU · 8 GB RAM · 160 GB NVMe SSD" or "1U · 200 W". */
export function specsSummary(product: Pick<Product, 'category' | 'specs'> | undefined): string {
  const s = product?.specs;
  if (!s) return '';
  const parts =
    product.category === 'COLOCATION'
      ? [s.rackUnits ? `${s.rackUnits}U` : null, s.powerWatts ? `${s.powerWatts} W` : null, s.bandwidth]
      : [s.cpu, s.ramGb ? `${s.ramGb} GB RAM` : null, s.storageGb ? `${s.storageGb} GB${s.storageType ? ` ${s.storageType}` : ''}` : null];
  return parts.filter(Boolean).join(' · ');
}

/** "Paket VPS Pro 4" -> "paket-vps-pro-4": a slug suggestion from a name. */
export const slugify = (name: string) =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 80)
    .replace(/^-+|-+$/g, '');

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
