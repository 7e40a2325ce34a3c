
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config/config';
import { generateDevIdentity, type SigningIdentity } from './document/sign';

/**
 * Who signs an SPK for the company: the staff member who presses "sign" when configuration lists
 * them as an authorised signer, otherwise the configured representative. The document's first
 * party, the visible signature and the signature's /Name are all this one person.
 */
export function spkSigner(config: Pick<Config, 'SPK_AUTHORISED_SIGNERS' | 'COMPANY_REPRESENTATIVE_NAME' | 'COMPANY_REPRESENTATIVE_TITLE'>, staffUsername: string | null) {
  const listed = config.SPK_AUTHORISED_SIGNERS.find((s) => s.username === staffUsername);
  return listed ? { name: listed.name, title: listed.title } : { name: config.COMPANY_REPRESENTATIVE_NAME, title: config.COMPANY_REPRESENTATIVE_TITLE };
}

/**
 * The provider's signing certificate: from SPK_SIGNING_P12_BASE64 (+ passphrase) when configured;
 * otherwise (development, embedded mode) a self-signed certificate made on first use and kept in the
 * data folder, so every SPK of an installation is signed by the same development identity.
 */
export function signingIdentityLoader(config: Config): () => Promise<SigningIdentity> {
  let cached: Promise<SigningIdentity> | undefined;
  return () => (cached ??= load(config));
}

async function load(config: Config): Promise<SigningIdentity> {
  if (config.SPK_SIGNING_P12_BASE64) {
    return { p12: Buffer.from(config.SPK_SIGNING_P12_BASE64, 'base64'), passphrase: config.SPK_SIGNING_P12_PASSPHRASE ?? '' };
  }
  const file = path.join(config.dataDir, 'dev-signing.json');
  try {
    const saved = JSON.parse(await fs.readFile(file, 'utf8')) as { p12: string; passphrase: string };
    return { p12: Buffer.from(saved.p12, 'base64'), passphrase: saved.passphrase };
  } catch {
    // first start
  }
  const identity = await generateDevIdentity({
    commonName: `${config.COMPANY_NAME} (DEVELOPMENT)`,
    organization: config.COMPANY_NAME,
    email: config.COMPANY_EMAIL,
    validDays: 3650,
  });
  await fs.mkdir(config.dataDir, { recursive: true });
  await fs.writeFile(file, JSON.stringify({ p12: identity.p12.toString('base64'), passphrase: identity.passphrase }), { mode: 0o600 });
  return identity;
}
