import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app';

/**
 * Issue 11 item 4: a production start (NODE_ENV=production, no demo data) can be entered. The
 * providers are configured as production demands; none of them is called by this test.
 */
const production = {
  NODE_ENV: 'production',
  SEED_DEMO_DATA: 'false',
  SMTP_HOST: '127.0.0.1',
  SPK_SIGNING_P12_BASE64: 'AAAA',
  STAMP_DUTY_PROVIDER: 'mekari',
  MEKARI_BASE_URL: 'http://127.0.0.1:9',
  MEKARI_CLIENT_ID: 'client',
  MEKARI_CLIENT_SECRET: 'secret',
  PAYMENT_GATEWAY: 'midtrans',
  MIDTRANS_SERVER_KEY: 'SB-Mid-server-test',
  MIDTRANS_SNAP_URL: 'http://127.0.0.1:9',
  DATA_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 7).toString('base64')}`,
  DATA_HASH_KEY: Buffer.alloc(32, 9).toString('base64'),
  // Production requires staff two-factor sign-in by default; the first admin then enrols at its first
  // login (test/accounts/two-factor.test.ts). Off here, so this test can act as that admin.
  STAFF_2FA_REQUIRED: 'false',
};

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ env: production });
});
afterAll(() => t?.close());

const LOGIN = `mutation($i: LoginInput!) { login(input: $i) { user { username role } } }`;

describe('production bootstrap', () => {
  it('creates the first admin from ADMIN_PASSWORD and no demo data', async () => {
    expect(t.app.services.config.production).toBe(true);
    const admin = await t.gql(LOGIN, { i: { login: 'admin', password: t.adminPassword } });
    expect(admin.errors).toBeUndefined();
    expect(admin.data.login.user).toEqual({ username: 'admin', role: 'ADMIN' });
    expect(t.app.seeded?.admin).toMatchObject({ username: 'admin', generated: false });
    expect(t.app.seeded?.demoCustomer).toBeNull();

    // No demo catalog and no demo customer.
    expect((await t.ok(`{ products { total } }`)).products.total).toBe(0);
    const users = await t.ok(`{ users(perPage: 50) { total items { username role } } }`, {}, await t.adminToken());
    expect(users.users.items).toEqual([{ username: 'admin', role: 'ADMIN' }]);
  });

  it('a restart with another ADMIN_PASSWORD leaves the existing admin alone', async () => {
    if (!t.databaseUrl) return; // the embedded database is per app; the restart case needs a shared one
    const again = await startTestApp({ env: { ...production, ADMIN_PASSWORD: 'another-password-123' }, databaseUrl: t.databaseUrl });
    try {
      expect(again.app.seeded?.admin).toBeNull();
      expect((await again.gql(LOGIN, { i: { login: 'admin', password: 'another-password-123' } })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect((await again.gql(LOGIN, { i: { login: 'admin', password: t.adminPassword } })).errors).toBeUndefined();
    } finally {
      await again.close();
    }
  });
});
