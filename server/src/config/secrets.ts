import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Config } from './config';

export interface Secrets {
  jwtSecret: string;
  sandboxPaymentSecret: string;
}

/**
 * Secrets come from the environment. Outside production, what is unset is made once at random and
 * kept in the data folder (mode 600), so sessions and sandbox payments survive a quick-start restart.
 */
export async function resolveSecrets(config: Config): Promise<Secrets> {
  const file = path.join(config.dataDir, 'dev-secrets.json');
  let saved: Partial<Secrets> = {};
  try {
    saved = JSON.parse(await fs.readFile(file, 'utf8')) as Partial<Secrets>;
  } catch {
    // not there yet
  }
  const make = () => randomBytes(48).toString('base64url');
  const secrets: Secrets = {
    jwtSecret: config.JWT_SECRET ?? saved.jwtSecret ?? make(),
    sandboxPaymentSecret: config.SANDBOX_PAYMENT_SECRET ?? saved.sandboxPaymentSecret ?? make(),
  };
  const toSave = {
    ...(config.JWT_SECRET ? {} : { jwtSecret: secrets.jwtSecret }),
    ...(config.SANDBOX_PAYMENT_SECRET ? {} : { sandboxPaymentSecret: secrets.sandboxPaymentSecret }),
  };
  if (Object.entries(toSave).some(([k, v]) => saved[k as keyof Secrets] !== v)) {
    await fs.mkdir(config.dataDir, { recursive: true });
    await fs.writeFile(file, JSON.stringify(toSave), { mode: 0o600 });
  }
  return secrets;
}
