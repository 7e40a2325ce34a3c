import { randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { hashPassword } from '../accounts/password';
import { Role } from '../accounts/roles';
import { User } from '../accounts/user.entity';
import { InstallmentPlan } from '../catalog/installment-plan.entity';
import { Product, ProductSpecs } from '../catalog/product.entity';
import type { Config } from '../config/config';
import { demoCatalog, demoPlans } from './catalog-data';

export interface CreatedLogin {
  username: string;
  password: string;
  /** false when the password came from the environment and is not to be printed. */
  generated: boolean;
}

export interface SeedResult {
  admin: CreatedLogin | null;
  demoCustomer: CreatedLogin | null;
  productsCreated: number;
  plansCreated: number;
}

const newPassword = () => randomBytes(12).toString('base64url');

/**
 * Idempotent: products by slug, plans by (product, name), the admin and the demo customer by
 * username; what exists is left as it is, so a re-run never overwrites staff edits.
 */
export async function seed(em: EntityManager, config: Config): Promise<SeedResult> {
  const result: SeedResult = { admin: null, demoCustomer: null, productsCreated: 0, plansCreated: 0 };
  await em.transactional(async (tx) => {
    for (const item of demoCatalog) {
      let product: Product | null = await tx.findOne(Product, { slug: item.slug }, { populate: ['plans'] });
      if (!product) {
        product = tx.create(Product, {
          category: item.category,
          name: item.name,
          slug: item.slug,
          description: item.description,
          specs: Object.assign(new ProductSpecs(), item.specs),
          cashPrice: item.cashPrice,
          setupFee: item.setupFee,
          pricesIncludeVat: item.pricesIncludeVat,
          contractEndTerms: item.contractEndTerms,
        });
        result.productsCreated++;
      }
      // Terms came after the first catalogs were seeded: fill them in where nobody has written any.
      product.contractEndTerms ??= item.contractEndTerms;
      const existing = product;
      for (const key of item.plans) {
        const terms = demoPlans[key];
        if (existing.plans.getItems().some((p) => p.name === terms.name)) continue;
        tx.create(InstallmentPlan, { ...terms, product: existing });
        result.plansCreated++;
      }
    }

    result.admin = await ensureFirstAdmin(tx, config, { generate: true });

    if (!(await tx.count(User, { username: 'pelanggan' }))) {
      const password = newPassword();
      tx.create(User, {
        username: 'pelanggan',
        email: 'pelanggan@contoh.co.id',
        passwordHash: await hashPassword(password),
        role: Role.CUSTOMER,
        fullName: 'Budi Santoso',
        phone: '+6281234567890',
        nik: '3171010101900001',
        company: 'CV Contoh Hosting',
        address: 'Jl. Merdeka No. 1, Gambir, Jakarta Pusat 10110',
        note: 'Pelanggan demo',
      });
      result.demoCustomer = { username: 'pelanggan', password, generated: true };
    }
  });
  return result;
}

/**
 * The first ADMIN account, when the database has none (and nobody holds the configured username):
 * from ADMIN_PASSWORD, or with `generate` a random password the caller prints once. Never touches an
 * existing account, so restarting with another ADMIN_PASSWORD changes nothing. Demo data is separate.
 */
export async function ensureFirstAdmin(em: EntityManager, config: Config, opts: { generate: boolean }): Promise<CreatedLogin | null> {
  if (await em.count(User, { $or: [{ username: config.ADMIN_USERNAME }, { role: Role.ADMIN }] })) return null;
  const password = config.ADMIN_PASSWORD ?? (opts.generate ? newPassword() : null);
  if (!password) return null;
  em.create(User, {
    username: config.ADMIN_USERNAME,
    email: config.ADMIN_EMAIL,
    passwordHash: await hashPassword(password),
    role: Role.ADMIN,
    fullName: 'Administrator',
    phone: '+6281100000001',
  });
  await em.flush();
  return { username: config.ADMIN_USERNAME, password, generated: !config.ADMIN_PASSWORD };
}
