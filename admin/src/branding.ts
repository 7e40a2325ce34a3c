/**
 * The hosting company the portal belongs to, as the server put it into index.html
 * (server/src/branding): read synchronously, so the first render already has the company's name,
 * logo and colour, on the login page too. The Vite dev server leaves the placeholder: then the demo
 * company from /branding.json's defaults is used. Data only: the texts (i18n) read it, so it imports
 * no UI library; the theme in the company's colour is `brandTheme` in theme.ts.
 */
// The same shape the server sends (type only: nothing of the server is bundled).
export type { BankAccount, Branding } from '../../server/src/branding/branding';
import type { Branding } from '../../server/src/branding/branding';

const DEMO: Branding = {
  companyName: 'PT Angsur Hosting Nusantara',
  logoUrl: '/branding/logo',
  primaryColor: '#0b5fa5',
  supportEmail: 'billing@angsur.local',
  supportPhone: '+62 21 5000 1234',
  website: null,
  bankAccounts: [],
};

function read(): Branding {
  // Outside a browser (Node tests may stub `document`) there is no index.html to read.
  const content = typeof document === 'undefined' || typeof document.querySelector !== 'function' ? null : document.querySelector('meta[name="angsur-branding"]')?.getAttribute('content');
  if (!content || content.startsWith('__')) return DEMO;
  try {
    return { ...DEMO, ...(JSON.parse(content) as Partial<Branding>) };
  } catch {
    return DEMO;
  }
}

export const branding: Branding = read();
