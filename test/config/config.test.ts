import { describe, expect, it } from 'vitest';
import { CONFIG_KEYS, ConfigError, loadConfig } from '../../server/src/config/config';

describe('configuration', () => {
  it('has working defaults: embedded database, demo data, Indonesian-first', () => {
    const config = loadConfig({});
    expect(config.embedded).toBe(true);
    expect(config.PORT).toBe(4000);
    expect(config.seedDemoData).toBe(true);
    expect(config.publicUrl).toBe('http://localhost:4000');
  });

  it('reports every bad value by name, at once', () => {
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', JWT_SECRET: 'short', ACCESS_TOKEN_TTL_SECONDS: '5' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const problems = (err as ConfigError).problems.join('\n');
      expect(problems).toMatch(/^PORT: /m);
      expect(problems).toMatch(/^DATABASE_URL: must be a postgres/m);
      expect(problems).toMatch(/^JWT_SECRET: must be at least 32/m);
      expect(problems).toMatch(/^ACCESS_TOKEN_TTL_SECONDS: /m);
    }
  });

  it('needs the chosen gateway’s keys', () => {
    expect(() => loadConfig({ PAYMENT_GATEWAY: 'midtrans' })).toThrow(/MIDTRANS_SERVER_KEY: required/);
    expect(() => loadConfig({ PAYMENT_GATEWAY: 'xendit', XENDIT_SECRET_KEY: 'xnd_development_abc' })).toThrow(/XENDIT_CALLBACK_TOKEN: required/);
    expect(loadConfig({ PAYMENT_GATEWAY: 'midtrans', MIDTRANS_SERVER_KEY: 'SB-Mid-server-abc' }).PAYMENT_GATEWAY).toBe('midtrans');
  });

  it('demands real secrets in production and turns demo data off there', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/angsur' })).toThrow(/JWT_SECRET: required/);
    const prod = { NODE_ENV: 'production', DATABASE_URL: 'postgres://db/angsur', JWT_SECRET: 'x'.repeat(40) };
    expect(() => loadConfig(prod)).toThrow(/PAYMENT_GATEWAY: sandbox is refused/);
    expect(() => loadConfig({ ...prod, PAYMENT_GATEWAY: 'xendit', XENDIT_SECRET_KEY: 'xnd_production_abc', XENDIT_CALLBACK_TOKEN: 'token-123456' })).toThrow(/SPK_SIGNING_P12_BASE64/);
    // The sandbox PSrE certifies nothing; Privy needs all of its settings; unset means none in production.
    expect(() => loadConfig({ ...prod, SIGNATURE_PROVIDER: 'sandbox' })).toThrow(/SIGNATURE_PROVIDER: the sandbox PSrE/);
    expect(() => loadConfig({ ...prod, SIGNATURE_PROVIDER: 'privy', PRIVY_USERNAME: 'angsur' })).toThrow(/PRIVY_PASSWORD.*required when SIGNATURE_PROVIDER=privy/);
    const config = loadConfig({
      ...prod,
      PAYMENT_GATEWAY: 'xendit',
      XENDIT_SECRET_KEY: 'xnd_production_abc',
      XENDIT_CALLBACK_TOKEN: 'token-123456',
      SPK_SIGNING_P12_BASE64: 'MIIK',
      SMTP_HOST: 'smtp.example.co.id',
      STAMP_DUTY_PROVIDER: 'mekari',
      MEKARI_BASE_URL: 'https://api.mekari.com/v2/esign/v1',
      MEKARI_CLIENT_ID: 'client',
      MEKARI_CLIENT_SECRET: 'secret',
      SIGNATURE_PROVIDER: 'privy',
      PRIVY_BASE_URL: 'https://core.privy.id/v3/merchant',
      PRIVY_USERNAME: 'angsur',
      PRIVY_PASSWORD: 'secret',
      PRIVY_MERCHANT_KEY: 'merchant-key',
      PRIVY_OWNER_PRIVY_ID: 'ANG001',
      PRIVY_ENTERPRISE_TOKEN: 'enterprise-token',
      PRIVY_CALLBACK_TOKEN: 'callback-token-0123456789',
      PRIVY_CA_CERTS_BASE64: 'LS0tLS1CRUdJTg==',
      DATA_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 7).toString('base64')}`,
      DATA_HASH_KEY: Buffer.alloc(32, 9).toString('base64'),
    });
    expect(config.embedded).toBe(false);
    expect(config.seedDemoData).toBe(false);
    expect(config.SIGNATURE_PROVIDER).toBe('privy');
  });
});

describe('.env.example', () => {
  it('documents exactly the variables the server reads', async () => {
    const fs = await import('node:fs');
    const documented = fs
      .readFileSync('.env.example', 'utf8')
      .split('\n')
      .filter((l) => /^[A-Z][A-Z0-9_]*=/.test(l))
      .map((l) => l.split('=')[0]);
    expect([...documented].sort()).toEqual([...CONFIG_KEYS].sort());
  });
});
