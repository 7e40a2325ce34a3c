import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { databaseUrlOf } from '../../server/src/app';
import { ConfigError, loadConfig } from '../../server/src/config/config';
import { startEmbeddedDatabase } from '../../server/src/db/embedded';
import { openOrm } from '../../server/src/db/orm';
import { CipherError, FieldCipher, fieldCipher, parseKeyRing } from '../../server/src/privacy/field-cipher';
import { testDatabaseUrl } from '../support/databases';
import { urlFor, withAdminClient } from '../support/db-names';

const key = () => randomBytes(32);

describe('FieldCipher', () => {
  it('keeps the key id beside the ciphertext, so a new key in front rotates without losing old rows', () => {
    const k1 = { id: 'k2025', key: key() };
    const hashKey = key();
    const old = new FieldCipher([k1], hashKey);
    const stored = old.encrypt('3171010101900001', 'users.nik');
    expect(FieldCipher.keyIdOf(stored)).toBe('k2025');
    expect(stored).not.toBe(old.encrypt('3171010101900001', 'users.nik'));

    const rotated = new FieldCipher([{ id: 'k2026', key: key() }, k1], hashKey);
    expect(rotated.decrypt(stored, 'users.nik')).toBe('3171010101900001');
    expect(FieldCipher.keyIdOf(rotated.encrypt('x', 'users.nik'))).toBe('k2026');
    // The search hash does not depend on the encryption key: rotation leaves lookups working.
    expect(rotated.hash('3171010101900001', 'users.nik')).toBe(old.hash('3171010101900001', 'users.nik'));

    const withoutOld = new FieldCipher([{ id: 'k2026', key: key() }], hashKey);
    expect(() => withoutOld.decrypt(stored, 'users.nik')).toThrow(/k2025/);
  });

  it('refuses altered values and values moved to another column', () => {
    const c = new FieldCipher([{ id: 'a', key: key() }], key());
    const stored = c.encrypt('Jl. Merdeka 1', 'users.address');
    expect(() => c.decrypt(stored, 'users.nik')).toThrow(CipherError);
    const parts = stored.split('.');
    parts[3] = Buffer.from('Jl. Merdeka 2').toString('base64url');
    expect(() => c.decrypt(parts.join('.'), 'users.address')).toThrow(CipherError);
    expect(() => c.decrypt('3171010101900001', 'users.address')).toThrow(/not an encrypted value/);
  });

  it('parses the key ring from the environment and rejects bad keys', () => {
    const ring = parseKeyRing(`new:${key().toString('base64')}, old:${key().toString('base64')}`);
    expect(ring.map((k) => k.id)).toEqual(['new', 'old']);
    expect(() => new FieldCipher(parseKeyRing(`short:${randomBytes(16).toString('base64')}`), key())).toThrow(/32 bytes/);
    expect(() => parseKeyRing('no-colon')).toThrow(CipherError);
  });

  it('production needs the keys, checked at start and named', () => {
    const base = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), SMTP_HOST: 'smtp.example.co.id', SPK_SIGNING_P12_BASE64: 'AA==', STAMP_DUTY_PROVIDER: 'mekari', MEKARI_BASE_URL: 'https://m.example', MEKARI_CLIENT_ID: 'a', MEKARI_CLIENT_SECRET: 'b', PAYMENT_GATEWAY: 'xendit', XENDIT_SECRET_KEY: 'xnd_secret', XENDIT_CALLBACK_TOKEN: 'callback-token' };
    expect(() => loadConfig(base)).toThrow(ConfigError);
    try {
      loadConfig(base);
    } catch (err) {
      expect((err as ConfigError).problems.join('\n')).toMatch(/DATA_ENCRYPTION_KEYS/);
    }
    const config = loadConfig({ ...base, DATA_ENCRYPTION_KEYS: `k1:${key().toString('base64')}`, DATA_HASH_KEY: key().toString('base64') });
    expect(config.staffTwoFactorRequired).toBe(true);
    expect(loadConfig({}).staffTwoFactorRequired).toBe(false);
    expect(loadConfig({ STAFF_2FA_REQUIRED: 'true' }).staffTwoFactorRequired).toBe(true);
  });
});

describe('the migration encrypts the NIK and address already stored', () => {
  it('turns plain rows into ciphertext with a hash, and back on the way down', async () => {
    let url: string;
    let cleanup: () => Promise<void>;
    if (testDatabaseUrl) {
      const name = `angsur_t_mig_${process.pid}_${randomBytes(3).toString('hex')}`;
      await withAdminClient(testDatabaseUrl, (c) => c.query(`create database ${name}`));
      url = urlFor(testDatabaseUrl, name);
      cleanup = () => withAdminClient(testDatabaseUrl!, (c) => c.query(`drop database if exists ${name} with (force)`)).then(() => undefined);
    } else {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'angsur-mig-'));
      const db = await startEmbeddedDatabase(dir);
      url = databaseUrlOf(db);
      cleanup = async () => {
        await db.stop();
        fs.rmSync(dir, { recursive: true, force: true });
      };
    }
    const orm = await openOrm({ clientUrl: url, poolMax: 1 });
    try {
      const migrator = orm.getMigrator();
      await migrator.up({ to: 'Migration20261124171500' });
      const conn = orm.em.getConnection();
      await conn.execute(
        `insert into users (id, created_at, updated_at, username, email, password_hash, role, full_name, phone, nik, address, active, locale, notify_by_email, notify_by_whats_app, token_version)
         values (gen_random_uuid(), now(), now(), 'lama', 'lama@example.co.id', 'x', 'CUSTOMER', 'Pelanggan Lama', '+6281234567000', '3171010101900001', 'Jl. Lama 1', true, 'id', true, true, 0)`,
      );
      await migrator.up({ to: 'Migration20261204144655' });
      const [row] = await conn.execute(`select nik, nik_hash, address from users where username = 'lama'`);
      expect(row.nik).toMatch(/^v1\./);
      expect(fieldCipher().decrypt(row.nik, 'users.nik')).toBe('3171010101900001');
      expect(fieldCipher().decrypt(row.address, 'users.address')).toBe('Jl. Lama 1');
      expect(row.nik_hash).toBe(fieldCipher().hash('3171010101900001', 'users.nik'));

      await migrator.down({ to: 'Migration20261124171500' });
      const [plain] = await conn.execute(`select nik, address from users where username = 'lama'`);
      expect(plain).toEqual({ nik: '3171010101900001', address: 'Jl. Lama 1' });
    } finally {
      await orm.close();
      await cleanup();
    }
  });
});
