import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import forge from 'node-forge';
import type { SigningIdentity } from '../document/sign';

/** In every certificate the sandbox issues, so nobody mistakes a test signature for a certified one. */
export const SANDBOX_CA_NAME = 'Angsur PSrE SANDBOX CA - TIDAK BERLAKU';

export interface SandboxCa {
  certPem: string;
  keyPem: string;
}

const rsaKeys = () =>
  // With a callback, forge uses Node's native key generation off the main thread.
  new Promise<forge.pki.rsa.KeyPair>((resolve, reject) => forge.pki.rsa.generateKeyPair({ bits: 2048, e: 0x10001 }, (err, pair) => (err ? reject(err) : resolve(pair))));

/** 128 random bits, positive (first byte below 0x80), as CAs issue them. */
const serial = () => `01${randomBytes(16).toString('hex')}`;

/**
 * A fresh CA for the sandbox: made at run time (never a committed key), valid ten years. It certifies
 * nothing outside this installation; its only purpose is that the whole flow, chain check included,
 * runs without a provider.
 */
export async function createSandboxCa(now = new Date(), commonName = SANDBOX_CA_NAME): Promise<SandboxCa> {
  const keys = await rsaKeys();
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = serial();
  cert.validity.notBefore = new Date(now.getTime() - 5 * 60_000);
  cert.validity.notAfter = new Date(now.getTime() + 3650 * 86_400_000);
  const subject = [
    { name: 'countryName', value: 'ID' },
    { name: 'organizationName', value: 'Angsur Sandbox' },
    { name: 'commonName', value: commonName },
  ];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  return { certPem: forge.pki.certificateToPem(cert), keyPem: forge.pki.privateKeyToPem(keys.privateKey) };
}

/**
 * The installation's sandbox CA: made on first use and kept in the data folder (like the development
 * signing identity), so signatures made before a restart still chain to it; with no folder, one per process.
 */
export function sandboxCaLoader(dataDir: string | null): () => Promise<SandboxCa> {
  let cached: Promise<SandboxCa> | undefined;
  return () => (cached ??= load(dataDir));
}

async function load(dataDir: string | null): Promise<SandboxCa> {
  if (!dataDir) return createSandboxCa();
  const file = path.join(dataDir, 'sandbox-psre-ca.json');
  try {
    return JSON.parse(await fs.readFile(file, 'utf8')) as SandboxCa;
  } catch {
    // first start
  }
  const ca = await createSandboxCa();
  await fs.mkdir(dataDir, { recursive: true });
  await fs.writeFile(file, JSON.stringify(ca), { mode: 0o600 });
  return ca;
}

/**
 * The signer's certificate, issued by the sandbox CA at the moment of signing, as a PKCS#12 holding the
 * key, the certificate and the CA certificate (so the signature carries the chain). The NIK goes in the
 * subject's serialNumber attribute, as Indonesian PSrE certificates bind the person to their NIK.
 */
export async function issueSignerIdentity(ca: SandboxCa, signer: { fullName: string; nik: string; email: string; organization: string | null }, now: Date): Promise<SigningIdentity> {
  const keys = await rsaKeys();
  const caCert = forge.pki.certificateFromPem(ca.certPem);
  const caKey = forge.pki.privateKeyFromPem(ca.keyPem);
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = serial();
  cert.validity.notBefore = new Date(now.getTime() - 5 * 60_000);
  cert.validity.notAfter = new Date(now.getTime() + 365 * 86_400_000);
  cert.setSubject([
    { name: 'countryName', value: 'ID' },
    ...(signer.organization ? [{ name: 'organizationName', value: signer.organization }] : []),
    { name: 'commonName', value: signer.fullName },
    { type: '2.5.4.5', value: signer.nik }, // serialNumber
    { name: 'emailAddress', value: signer.email },
  ]);
  cert.setIssuer(caCert.subject.attributes);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
    { name: 'extKeyUsage', emailProtection: true, '1.3.6.1.5.5.7.3.36': true },
    { name: 'subjectKeyIdentifier' },
    { name: 'authorityKeyIdentifier', keyIdentifier: caCert.generateSubjectKeyIdentifier().getBytes() },
  ]);
  cert.sign(caKey, forge.md.sha256.create());
  const passphrase = randomBytes(18).toString('base64url');
  const p12 = forge.pkcs12.toPkcs12Asn1(keys.privateKey, [cert, caCert], passphrase, { algorithm: '3des', friendlyName: signer.fullName });
  return { p12: Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary'), passphrase };
}
