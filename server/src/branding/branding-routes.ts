import fs from 'node:fs';
import path from 'node:path';
import { Router } from 'express';
import { drawnLogo, LOGO_PATH, type Branding } from './branding';

const LOGO_TYPES: Record<string, string> = { '.png': 'image/png', '.svg': 'image/svg+xml', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.webp': 'image/webp' };

/**
 * The company's branding for pages that load before sign-in: /branding.json (what the login page and
 * the app read) and the logo. A logo file that is missing or of an unknown type falls back to the
 * drawn initials rather than a broken image.
 */
export function brandingRoutes(branding: Branding, logoFile: string | undefined): Router {
  const router = Router();
  router.get('/branding.json', (_req, res) => {
    res.set('Cache-Control', 'public, max-age=300').json(branding);
  });
  router.get(LOGO_PATH, (_req, res) => {
    const type = logoFile ? LOGO_TYPES[path.extname(logoFile).toLowerCase()] : undefined;
    if (logoFile && type && fs.existsSync(logoFile)) {
      res.set({ 'Content-Type': type, 'Cache-Control': 'public, max-age=3600', 'X-Content-Type-Options': 'nosniff' }).sendFile(path.resolve(logoFile));
      return;
    }
    res.set({ 'Content-Type': 'image/svg+xml', 'Cache-Control': 'public, max-age=3600' }).send(drawnLogo(branding));
  });
  return router;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/**
 * Puts the company into the built index.html before any script runs: the title, the theme colour, the
 * name in the app shell, and the whole branding as a meta tag the app reads synchronously (so the first
 * paint already has the company's name and colour; the CSP allows no inline script, a meta needs none).
 */
export function brandIndexHtml(html: string, branding: Branding): string {
  return html
    .replaceAll('__COMPANY_NAME__', escapeHtml(branding.companyName))
    .replaceAll('__PRIMARY_COLOR__', escapeHtml(branding.primaryColor))
    .replaceAll('__BRANDING_JSON__', escapeHtml(JSON.stringify(branding)));
}
