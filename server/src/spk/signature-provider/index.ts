import { createHmac } from 'node:crypto';
import type { Config } from '../../config/config';
import { PrivySignatureProvider, type PrivySignatureOptions } from './privy';
import type { SignatureProvider, SignatureProviderName } from './provider';
import { SandboxSignatureProvider, type SandboxSignatureOptions } from './sandbox';
import { sandboxCaLoader } from './sandbox-ca';

export * from './provider';
export { chainsToAnchor } from './trust';
export { createSandboxCa, issueSignerIdentity, sandboxCaLoader, SANDBOX_CA_NAME, type SandboxCa } from './sandbox-ca';
export { SandboxSignatureProvider, SANDBOX_CALLBACK_HEADER, SANDBOX_OTP_ATTEMPTS, sandboxCallbackSignature, type SandboxSignatureOptions } from './sandbox';
export { PrivySignatureProvider, PRIVY_PRODUCTION_BASE_URL, PRIVY_SANDBOX_BASE_URL, privyStatus, type PrivySignatureOptions } from './privy';

/** Options per provider; only the chosen provider's block is needed. */
export interface SignatureProviderOptions {
  sandbox?: SandboxSignatureOptions;
  privy?: PrivySignatureOptions;
}

/** The sandbox is the default everywhere except where Privy credentials are configured on purpose. */
export function createSignatureProvider(name: SignatureProviderName = 'sandbox', opts: SignatureProviderOptions = {}): SignatureProvider {
  switch (name) {
    case 'sandbox':
      if (!opts.sandbox) throw new Error('signature provider sandbox is selected but has no options');
      return new SandboxSignatureProvider(opts.sandbox);
    case 'privy':
      if (!opts.privy) throw new Error('signature provider privy is selected but has no options');
      return new PrivySignatureProvider(opts.privy);
    default:
      throw new Error(`unknown signature provider ${String(name satisfies never)}`);
  }
}

/** PEM certificates from one setting: base64 of the concatenated PEM blocks (a .env line cannot hold newlines). */
export function pemCertificates(base64: string | undefined): string[] {
  if (!base64) return [];
  const text = Buffer.from(base64, 'base64').toString('utf8');
  return text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
}

/**
 * The app's provider from configuration (null with SIGNATURE_PROVIDER=none: the electronic route is off,
 * customers upload); the sandbox's OTPs and callbacks are keyed from `installationSecret`.
 */
export function signatureProviderFromConfig(config: Config, installationSecret: string): SignatureProvider | null {
  if (config.SIGNATURE_PROVIDER === 'none') return null;
  const secret = createHmac('sha256', installationSecret).update('angsur:psre-sandbox').digest('hex');
  return createSignatureProvider(config.SIGNATURE_PROVIDER, {
    sandbox: { secret, ca: sandboxCaLoader(config.dataDir) },
    ...(config.PRIVY_USERNAME && config.PRIVY_PASSWORD && config.PRIVY_MERCHANT_KEY && config.PRIVY_OWNER_PRIVY_ID && config.PRIVY_ENTERPRISE_TOKEN && config.PRIVY_CALLBACK_TOKEN
      ? {
          privy: {
            baseUrl: config.PRIVY_BASE_URL,
            username: config.PRIVY_USERNAME,
            password: config.PRIVY_PASSWORD,
            merchantKey: config.PRIVY_MERCHANT_KEY,
            ownerPrivyId: config.PRIVY_OWNER_PRIVY_ID,
            enterpriseToken: config.PRIVY_ENTERPRISE_TOKEN,
            callbackToken: config.PRIVY_CALLBACK_TOKEN,
            caCertificatesPem: pemCertificates(config.PRIVY_CA_CERTS_BASE64),
          },
        }
      : {}),
  });
}
