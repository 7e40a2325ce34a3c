import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Encryption at rest for specific personal data (UU PDP 27/2022: NIK, address) and for TOTP secrets.
 *
 * AES-256-GCM with a random 96-bit IV per value. The stored text is `v1.<keyId>.<iv>.<ciphertext>.<tag>`
 * (base64url parts): the key id travels beside the ciphertext, so a new key can be added in front of the
 * ring and old rows are still read with theirs until `reencrypt` has moved them (see README). The column
 * name is bound in as additional data, so a value copied into another column does not decrypt.
 *
 * Lookups cannot use a random-IV ciphertext, so each encrypted column that must be searched has a keyed
 * hash beside it (HMAC-SHA-256 with its own key): equal values give equal hashes, and without the key
 * the hash says nothing (a NIK has too little entropy for a plain hash).
 */
export interface CipherKey {
  id: string;
  key: Buffer;
}

const FORMAT = 'v1';
const ID_RE = /^[A-Za-z0-9_-]{1,32}$/;

export class CipherError extends Error {
  override name = 'CipherError';
}

export class FieldCipher {
  private readonly byId: Map<string, Buffer>;

  /** `keys[0]` encrypts; every key in the ring decrypts. */
  constructor(
    private readonly keys: CipherKey[],
    private readonly hashKey: Buffer,
  ) {
    if (!keys.length) throw new CipherError('at least one encryption key is needed');
    for (const k of keys) {
      if (!ID_RE.test(k.id)) throw new CipherError(`key id "${k.id}": use 1-32 of A-Z a-z 0-9 _ -`);
      if (k.key.length !== 32) throw new CipherError(`key "${k.id}" must be 32 bytes (AES-256)`);
    }
    if (hashKey.length < 32) throw new CipherError('the hash key must be at least 32 bytes');
    this.byId = new Map(keys.map((k) => [k.id, k.key]));
    if (this.byId.size !== keys.length) throw new CipherError('key ids must be unique');
  }

  get currentKeyId(): string {
    return this.keys[0]!.id;
  }

  encrypt(plain: string, column: string): string {
    const { id, key } = this.keys[0]!;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(column));
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [FORMAT, id, iv.toString('base64url'), body.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
  }

  decrypt(stored: string, column: string): string {
    const parts = stored.split('.');
    if (parts.length !== 5 || parts[0] !== FORMAT) throw new CipherError(`${column}: not an encrypted value`);
    const [, id, iv, body, tag] = parts as [string, string, string, string, string];
    const key = this.byId.get(id);
    if (!key) throw new CipherError(`${column}: encrypted with key "${id}", which is not in the key ring`);
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(column));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      throw new CipherError(`${column}: the value does not decrypt with key "${id}" (altered, or another key under that id)`);
    }
  }

  static keyIdOf(stored: string): string | null {
    const parts = stored.split('.');
    return parts.length === 5 && parts[0] === FORMAT ? parts[1]! : null;
  }

  /** Keyed hash for lookups; `normalize` first so equal values written differently still match. */
  hash(value: string, column: string): string {
    return createHmac('sha256', this.hashKey).update(`${column}\0${value}`).digest('hex');
  }

  hashEquals(a: string, b: string): boolean {
    const x = Buffer.from(a, 'hex');
    const y = Buffer.from(b, 'hex');
    return x.length === y.length && timingSafeEqual(x, y);
  }
}

/** `id:base64key,id2:base64key2`; the first encrypts. */
export function parseKeyRing(raw: string): CipherKey[] {
  return raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry) => {
      const at = entry.indexOf(':');
      if (at <= 0) throw new CipherError('use id:base64key pairs separated by commas');
      return { id: entry.slice(0, at), key: Buffer.from(entry.slice(at + 1), 'base64') };
    });
}

/**
 * Development and tests only: a fixed key derived from a public label, so a database copied between test
 * files or data folders stays readable. Anyone can derive it; production refuses to start without real keys.
 */
export function developmentCipher(): FieldCipher {
  const derive = (label: string) => Buffer.from(hkdfSync('sha256', 'angsur-development-only', '', label, 32));
  return new FieldCipher([{ id: 'dev', key: derive('data-encryption') }], derive('data-hash'));
}

export function cipherFromEnv(opts: { keys?: string; hashKey?: string; production: boolean }): FieldCipher {
  if (!opts.keys || !opts.hashKey) {
    if (opts.production) throw new CipherError('DATA_ENCRYPTION_KEYS and DATA_HASH_KEY are required when NODE_ENV=production');
    if (opts.keys || opts.hashKey) throw new CipherError('set DATA_ENCRYPTION_KEYS and DATA_HASH_KEY together');
    return developmentCipher();
  }
  return new FieldCipher(parseKeyRing(opts.keys), Buffer.from(opts.hashKey, 'base64'));
}

/**
 * The process's cipher. The ORM's column type and the migration that encrypts old rows reach it here, as
 * neither is handed the app's services; `createApp` and the scripts set it from the configuration.
 */
let current: FieldCipher | null = null;

export function useFieldCipher(cipher: FieldCipher): void {
  current = cipher;
}

export function fieldCipher(): FieldCipher {
  if (!current) {
    // Opened without createApp (a script, a test's own ORM): same rule as the configuration.
    current = cipherFromEnv({
      keys: process.env.DATA_ENCRYPTION_KEYS || undefined,
      hashKey: process.env.DATA_HASH_KEY || undefined,
      production: process.env.NODE_ENV === 'production',
    });
  }
  return current;
}
