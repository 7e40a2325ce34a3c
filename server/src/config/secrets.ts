import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Config } from './config';

/**
 * JWT_SECRET comes from the environment. Outside production, when it is unset, a random secret is
 * made once and kept in the data folder (mode 600), so sessions survive a restart of the quick start.
 */
export async function resolveJwtSecret(config: Config): Promise<string> {
  if (config.JWT_SECRET) return config.JWT_SECRET;
  const file = path.join(config.dataDir, 'dev-secrets.json');
  try {
    const saved = JSON.parse(await fs.readFile(file, 'utf8')) as { jwtSecret?: string };
    if (saved.jwtSecret && saved.jwtSecret.length >= 32) return saved.jwtSecret;
  } catch {
    // not there yet
  }
  const jwtSecret = randomBytes(48).toString('base64url');
  await fs.mkdir(config.dataDir, { recursive: true });
  await fs.writeFile(file, JSON.stringify({ jwtSecret }), { mode: 0o600 });
  return jwtSecret;
}
