import type { Config } from '../config/config';

/**
 * The hosting company the portal belongs to: its name, logo, colour, contact and the bank accounts a
 * customer transfers to. Read from configuration once (COMPANY_*), and shown before anyone signs in
 * (login page, the app shell in index.html), in the app bar, in emails and on the sandbox pay page.
 * Everything here is public on purpose: it is what the company prints on its invoices.
 */
export interface BankAccount {
  bank: string;
  number: string;
  holder: string;
}

export interface Branding {
  companyName: string;
  /** Where the logo is served: COMPANY_LOGO_FILE at /branding/logo, or a drawn initial on the primary colour. */
  logoUrl: string;
  primaryColor: string;
  supportEmail: string;
  supportPhone: string;
  website: string | null;
  bankAccounts: BankAccount[];
}

export const LOGO_PATH = '/branding/logo';

/** "BCA:1234567890:PT Contoh;Mandiri:..." → accounts (the format is checked by loadConfig). */
export function parseBankAccounts(text: string): BankAccount[] {
  return text
    .split(';')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const [bank, number, holder] = entry.split(':').map((p) => p.trim());
      return { bank: bank!, number: number!, holder: holder! };
    });
}

export function brandingFromConfig(config: Config): Branding {
  return {
    companyName: config.COMPANY_NAME,
    logoUrl: LOGO_PATH,
    primaryColor: config.COMPANY_PRIMARY_COLOR,
    supportEmail: config.COMPANY_EMAIL,
    supportPhone: config.COMPANY_PHONE,
    website: config.COMPANY_WEBSITE ?? null,
    bankAccounts: parseBankAccounts(config.COMPANY_BANK_ACCOUNTS),
  };
}

/** The first letters of the name without its legal form ("PT Angsur Hosting Nusantara" → "AH"). */
export function initials(companyName: string): string {
  const words = companyName.replace(/^(PT|CV|UD|Tbk)\.?\s+/i, '').split(/\s+/).filter(Boolean);
  return (words.slice(0, 2).map((w) => w[0]!.toUpperCase()).join('') || '?').replace(/[^A-Z0-9]/g, '');
}

/** The logo when none is configured: the initials on the company colour, as an SVG. */
export function drawnLogo(branding: Pick<Branding, 'companyName' | 'primaryColor'>): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="12" fill="${branding.primaryColor}"/><text x="32" y="42" font-family="Arial,Helvetica,sans-serif" font-size="28" font-weight="700" fill="#fff" text-anchor="middle">${initials(branding.companyName)}</text></svg>`;
}
