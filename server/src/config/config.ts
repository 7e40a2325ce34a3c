import path from 'node:path';
import { z } from 'zod';
import { CipherError, cipherFromEnv } from '../privacy/field-cipher';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/** Every setting Angsur reads; `.env.example` documents each of them. */
const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: int(0, 65535).default(4000),
  PUBLIC_URL: z.url().optional(),
  TRUST_PROXY: bool.default(false),
  CORS_ORIGINS: z.string().default(''),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),

  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  DATABASE_POOL_MAX: int(1, 100).default(10),
  DATA_DIR: z.string().min(1).default('./data'),
  EMBEDDED_DB_PORT: int(0, 65535).default(0),
  DB_MIGRATE_ON_START: bool.default(false),

  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  ACCESS_TOKEN_TTL_SECONDS: int(60, 86_400).default(900),
  REFRESH_TOKEN_TTL_DAYS: int(1, 365).default(30),
  LOGIN_MAX_PER_IP: int(1, 10_000).default(30),
  LOGIN_MAX_FAILURES_PER_ACCOUNT: int(1, 1_000).default(5),
  LOGIN_WINDOW_SECONDS: int(10, 86_400).default(900),
  PASSWORD_RESET_TTL_MINUTES: int(5, 1440).default(60),
  PASSWORD_RESET_MAX_PER_HOUR: int(1, 100).default(3),
  PASSWORD_RESET_MAX_PER_IP_PER_HOUR: int(1, 10_000).default(20),
  STAFF_2FA_REQUIRED: bool.optional(),
  DATA_ENCRYPTION_KEYS: z.string().optional(),
  DATA_HASH_KEY: z.string().optional(),

  SEED_DEMO_DATA: bool.optional(),
  ADMIN_USERNAME: z.string().regex(/^[a-z0-9._-]{3,32}$/, 'use 3-32 of a-z 0-9 . _ -').default('admin'),
  ADMIN_EMAIL: z.email().default('admin@angsur.local'),
  ADMIN_PASSWORD: z.string().min(10, 'must be at least 10 characters').optional(),

  PAYMENT_GATEWAY: z.enum(['sandbox', 'midtrans', 'xendit']).default('sandbox'),
  SANDBOX_PAYMENT_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  MIDTRANS_SERVER_KEY: z.string().min(8).optional(),
  MIDTRANS_SNAP_URL: z.url().optional(),
  XENDIT_SECRET_KEY: z.string().min(8).optional(),
  XENDIT_CALLBACK_TOKEN: z.string().min(8).optional(),
  XENDIT_BASE_URL: z.url().optional(),
  MIDTRANS_CORE_URL: z.url().optional(),
  QRIS_MAX_AMOUNT: z.coerce.bigint().positive().default(10_000_000n),
  VIRTUAL_ACCOUNT_BANK: z.string().regex(/^[A-Z_]{3,16}$/, 'a gateway bank code such as BNI, BRI, MANDIRI, PERMATA, BCA').default('BNI'),
  TRANSFER_UNIQUE_CODE: z.enum(['fee', 'refund', 'off']).default('fee'),
  STATEMENT_MATCH_WINDOW_DAYS: int(0, 60).default(7),
  STATEMENT_WEBHOOK_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),

  COMPANY_NAME: z.string().min(2).default('PT Angsur Hosting Nusantara'),
  COMPANY_ADDRESS: z.string().min(5).default('Jl. Jend. Sudirman Kav. 52-53, Jakarta Selatan 12190'),
  COMPANY_PHONE: z.string().min(5).default('+62 21 5000 1234'),
  COMPANY_EMAIL: z.email().default('billing@angsur.local'),
  COMPANY_WEBSITE: z.string().optional(),
  COMPANY_NPWP: z.string().optional(),
  COMPANY_CITY: z.string().min(2).default('Jakarta'),
  // The portal's look (login page, app bar, emails, sandbox pay page): see server/src/branding.
  COMPANY_PRIMARY_COLOR: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'use a colour such as #0b5fa5').default('#0b5fa5'),
  COMPANY_LOGO_FILE: z.string().optional(),
  // Where customers transfer to: "Bank:number:Holder;Bank:number:Holder".
  COMPANY_BANK_ACCOUNTS: z
    .string()
    .regex(/^[^:;]{2,40}:[0-9 .-]{5,30}:[^:;]{2,100}(;\s*[^:;]{2,40}:[0-9 .-]{5,30}:[^:;]{2,100})*;?$/, 'use Bank:number:Holder, separated by ;')
    .default('BCA:872 012 3456:PT Angsur Hosting Nusantara;Bank Mandiri:124 00 0987654 3:PT Angsur Hosting Nusantara'),
  // The person who signs for the company when the signing staff member is not an authorised signer.
  COMPANY_REPRESENTATIVE_NAME: z.string().min(2).default('Andi Pratama'),
  COMPANY_REPRESENTATIVE_TITLE: z.string().min(2).default('Direktur Utama'),
  // Staff accounts allowed to sign SPKs in their own name: "username:Full Name:Title;...".
  SPK_AUTHORISED_SIGNERS: z
    .string()
    .optional()
    .transform((v, ctx) => {
      const out: { username: string; name: string; title: string }[] = [];
      for (const entry of (v ?? '').split(';').map((e) => e.trim()).filter(Boolean)) {
        const [username, name, title] = entry.split(':').map((p) => p.trim());
        if (!username || !name || name.length < 2 || !title || title.length < 2) {
          ctx.addIssue({ code: 'custom', message: `"${entry}": use username:Full Name:Title, separated by ;` });
          return z.NEVER;
        }
        out.push({ username, name, title });
      }
      return out;
    }),
  SPK_SIGNING_P12_BASE64: z.string().optional(),
  SPK_SIGNING_P12_PASSPHRASE: z.string().optional(),
  // PPN (PMK 131/2024): 12 % on 11/12 of the price; 0 turns VAT off. Copied onto each order at checkout.
  VAT_RATE_BPS: int(0, 5_000).default(1_200),
  VAT_BASE_FACTOR: z.string().regex(/^[1-9]\d{0,2}\/[1-9]\d{0,2}$/, 'use numerator/denominator, e.g. 11/12').default('11/12'),
  // When a tax invoice is made: when an installment is paid in full, or when it is invoiced (INVOICE_LEAD_DAYS).
  TAX_POINT: z.enum(['PAID', 'INVOICED']).default('PAID'),
  // The invoicing moment: an installment is invoiced this many days before its due date (0 = on it).
  INVOICE_LEAD_DAYS: int(0, 60).default(7),
  // Coretax transaction code: 04 = DPP nilai lain (PMK 131/2024), 01 = ordinary tax base.
  TAX_TRX_CODE: z.string().regex(/^(0[1-9]|10)$/, 'use a two-digit Coretax code 01-10').default('04'),
  // The seller's NITKU (22 digits, the NPWP + 6-digit place-of-business code); default NPWP + 000000.
  COMPANY_NITKU: z.string().regex(/^\d{22}$/, 'use 22 digits').optional(),
  STAMP_DUTY_PROVIDER: z.enum(['sandbox', 'mekari']).default('sandbox'),
  // Receipts (kwitansi) for an amount above this many rupiah carry an e-Meterai (UU 10/2020 art. 3: above Rp 5.000.000).
  RECEIPT_STAMP_THRESHOLD: z.coerce.bigint().min(0n).default(5_000_000n),
  // Who bears the Rp 10.000 of each e-Meterai: CUSTOMER adds it to the order's next open installment (tax/stamp-ledger.ts).
  STAMP_DUTY_BORNE_BY: z.enum(['COMPANY', 'CUSTOMER']).default('COMPANY'),
  // e-Meterai bought before purchases were recorded in the back office (the opening stock); the quota is this
  // plus the recorded purchases (0 and none recorded: not tracked). ADMIN is warned when STAMP_QUOTA_LOW remain.
  STAMP_QUOTA: int(0, 100_000_000).default(0),
  STAMP_QUOTA_LOW: int(0, 100_000_000).default(20),
  MEKARI_BASE_URL: z.url().optional(),
  MEKARI_CLIENT_ID: z.string().optional(),
  MEKARI_CLIENT_SECRET: z.string().optional(),
  // Certified electronic signature of the customer (PSrE): sandbox (default outside production), privy,
  // or none (default in production: customers sign on paper or with their own certificate and upload).
  SIGNATURE_PROVIDER: z.enum(['none', 'sandbox', 'privy']).optional(),
  PRIVY_BASE_URL: z.url().default('https://api-sandbox.privy.id/v3/merchant'),
  PRIVY_USERNAME: z.string().optional(),
  PRIVY_PASSWORD: z.string().optional(),
  PRIVY_MERCHANT_KEY: z.string().optional(),
  PRIVY_OWNER_PRIVY_ID: z.string().optional(),
  PRIVY_ENTERPRISE_TOKEN: z.string().optional(),
  PRIVY_CALLBACK_TOKEN: z.string().min(16).optional(),
  PRIVY_CA_CERTS_BASE64: z.string().optional(),

  VM_PROVISIONING_DRIVER: z.enum(['local', 'proxmox']).default('local'),
  PROXMOX_API_URL: z.url().optional(),
  PROXMOX_TOKEN_ID: z.string().regex(/^[^@\s]+@[^!\s]+![^=\s]+$/, 'use user@realm!tokenid').optional(),
  PROXMOX_TOKEN_SECRET: z.string().optional(),
  PROXMOX_NODE: z.string().optional(),
  PROXMOX_TEMPLATES: z
    .string()
    .regex(/^[\w.-]+=\d+(,[\w.-]+=\d+)*$/, 'use os=vmid pairs, e.g. ubuntu-24.04=9000,debian-12=9001')
    .optional(),

  SMTP_HOST: z.string().optional(),
  SMTP_PORT: int(1, 65535).default(587),
  SMTP_SECURE: bool.default(false),
  SMTP_USER: z.string().optional(),
  SMTP_PASSWORD: z.string().optional(),
  SMTP_FROM: z.string().default('Angsur <billing@angsur.local>'),
  WHATSAPP_PROVIDER: z.enum(['sandbox', 'cloud']).default('sandbox'),
  WHATSAPP_API_URL: z.url().optional(),
  WHATSAPP_API_VERSION: z.string().default('v21.0'),
  WHATSAPP_PHONE_NUMBER_ID: z.string().optional(),
  WHATSAPP_ACCESS_TOKEN: z.string().optional(),
  WHATSAPP_APP_SECRET: z.string().optional(),
  WHATSAPP_VERIFY_TOKEN: z.string().optional(),
  JOBS_ENABLED: bool.default(true),
  BILLING_PASS_TIME: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'use HH:MM (Asia/Jakarta)').default('06:00'),
  REMINDER_DAYS_BEFORE: z.string().regex(/^\d{1,2}(,\d{1,2})*$/, 'use days such as 7,3,1').default('7,3,1'),
  REMINDER_DAYS_AFTER: z.string().regex(/^\d{1,2}(,\d{1,2})*$/, 'use days such as 1,3,7').default('1,3,7'),

  GRAPHQL_MAX_DEPTH: int(2, 50).default(10),
  GRAPHQL_MAX_COMPLEXITY: int(10, 100_000).default(2_000),
  GRAPHQL_MAX_ALIASES: int(0, 1_000).default(15),
  GRAPHQL_MAX_DIRECTIVES: int(0, 1_000).default(20),
  GRAPHQL_MAX_FIELD_COST: int(10, 1_000_000).default(5_000),
  GRAPHQL_MAX_TOKENS: int(100, 1_000_000).default(3_000),
  GRAPHQL_BODY_LIMIT: z
    .string()
    .regex(/^\d+(b|kb|mb)$/i, 'use a size such as 1mb or 512kb')
    .default('1mb'),
  GRAPHQL_INTROSPECTION: bool.optional(),
  GRAPHQL_COMPILE_AFTER: int(0, 1_000_000).default(2),
});

export type Env = z.infer<typeof schema>;

/** Every variable the server reads (the test keeps `.env.example` in step with this list). */
export const CONFIG_KEYS = Object.keys(schema.shape);

export interface Config extends Omit<Env, 'SIGNATURE_PROVIDER'> {
  /** Resolved: sandbox outside production, none in production, unless set. */
  SIGNATURE_PROVIDER: 'none' | 'sandbox' | 'privy';
  production: boolean;
  embedded: boolean;
  dataDir: string;
  publicUrl: string;
  corsOrigins: string[];
  seedDemoData: boolean;
  introspection: boolean;
  /** ADMIN and FINANCE must sign in with a second factor. */
  staffTwoFactorRequired: boolean;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and checks the environment once; every bad value is reported by name, all at once. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const raw: Record<string, string> = {};
  for (const key of Object.keys(schema.shape)) {
    const value = env[key];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  const problems: string[] = [];
  if (production && !e.JWT_SECRET) problems.push('JWT_SECRET: required when NODE_ENV=production');
  if (e.PAYMENT_GATEWAY === 'midtrans' && !e.MIDTRANS_SERVER_KEY) problems.push('MIDTRANS_SERVER_KEY: required when PAYMENT_GATEWAY=midtrans');
  if (e.PAYMENT_GATEWAY === 'xendit' && (!e.XENDIT_SECRET_KEY || !e.XENDIT_CALLBACK_TOKEN)) {
    problems.push('XENDIT_SECRET_KEY and XENDIT_CALLBACK_TOKEN: required when PAYMENT_GATEWAY=xendit');
  }
  if (e.STAMP_DUTY_PROVIDER === 'mekari' && (!e.MEKARI_BASE_URL || !e.MEKARI_CLIENT_ID || !e.MEKARI_CLIENT_SECRET)) {
    problems.push('MEKARI_BASE_URL, MEKARI_CLIENT_ID and MEKARI_CLIENT_SECRET: required when STAMP_DUTY_PROVIDER=mekari');
  }
  if (
    e.SIGNATURE_PROVIDER === 'privy' &&
    (!e.PRIVY_USERNAME || !e.PRIVY_PASSWORD || !e.PRIVY_MERCHANT_KEY || !e.PRIVY_OWNER_PRIVY_ID || !e.PRIVY_ENTERPRISE_TOKEN || !e.PRIVY_CALLBACK_TOKEN || !e.PRIVY_CA_CERTS_BASE64)
  ) {
    problems.push(
      'PRIVY_USERNAME, PRIVY_PASSWORD, PRIVY_MERCHANT_KEY, PRIVY_OWNER_PRIVY_ID, PRIVY_ENTERPRISE_TOKEN, PRIVY_CALLBACK_TOKEN and PRIVY_CA_CERTS_BASE64: required when SIGNATURE_PROVIDER=privy',
    );
  }
  if (production && e.SIGNATURE_PROVIDER === 'sandbox') {
    problems.push('SIGNATURE_PROVIDER: the sandbox PSrE certifies nothing; it is refused when NODE_ENV=production (use privy, or none)');
  }
  if (e.VM_PROVISIONING_DRIVER === 'proxmox' && (!e.PROXMOX_API_URL || !e.PROXMOX_TOKEN_ID || !e.PROXMOX_TOKEN_SECRET || !e.PROXMOX_NODE || !e.PROXMOX_TEMPLATES)) {
    problems.push('PROXMOX_API_URL, PROXMOX_TOKEN_ID, PROXMOX_TOKEN_SECRET, PROXMOX_NODE and PROXMOX_TEMPLATES: required when VM_PROVISIONING_DRIVER=proxmox');
  }
  if (e.WHATSAPP_PROVIDER === 'cloud' && (!e.WHATSAPP_PHONE_NUMBER_ID || !e.WHATSAPP_ACCESS_TOKEN)) {
    problems.push('WHATSAPP_PHONE_NUMBER_ID and WHATSAPP_ACCESS_TOKEN: required when WHATSAPP_PROVIDER=cloud');
  }
  if (production && !e.SMTP_HOST) problems.push('SMTP_HOST: email must go out over SMTP when NODE_ENV=production');
  if (production && !e.SPK_SIGNING_P12_BASE64) {
    problems.push('SPK_SIGNING_P12_BASE64: the provider certificate (PKCS#12, base64) is required when NODE_ENV=production');
  }
  if (production && e.STAMP_DUTY_PROVIDER === 'sandbox') {
    problems.push('STAMP_DUTY_PROVIDER: the sandbox e-Meterai is refused when NODE_ENV=production');
  }
  if (production && e.PAYMENT_GATEWAY === 'sandbox') {
    // The sandbox pay page lets anyone holding a payment link mark it paid: never with real customers.
    problems.push('PAYMENT_GATEWAY: sandbox is refused when NODE_ENV=production; use midtrans or xendit (their sandbox keys for staging)');
  }
  try {
    cipherFromEnv({ keys: e.DATA_ENCRYPTION_KEYS, hashKey: e.DATA_HASH_KEY, production });
  } catch (err) {
    if (!(err instanceof CipherError)) throw err;
    problems.push(`DATA_ENCRYPTION_KEYS / DATA_HASH_KEY: ${err.message}`);
  }
  if (problems.length) throw new ConfigError(problems);

  const embedded = !e.DATABASE_URL;
  return {
    ...e,
    production,
    embedded,
    dataDir: path.resolve(e.DATA_DIR),
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    corsOrigins: e.CORS_ORIGINS.split(',').map((s) => s.trim()).filter(Boolean),
    seedDemoData: e.SEED_DEMO_DATA ?? !production,
    introspection: e.GRAPHQL_INTROSPECTION ?? true,
    staffTwoFactorRequired: e.STAFF_2FA_REQUIRED ?? production,
    SIGNATURE_PROVIDER: e.SIGNATURE_PROVIDER ?? (production ? 'none' : 'sandbox'),
  };
}
