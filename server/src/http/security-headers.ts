import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * Security headers on every answer (back office, /verify, /hosting, files, API). The CSP is what the
 * built back office needs and no more: its own scripts only; inline styles (MUI/emotion inject
 * <style> at run time); blob: for the PDFs and images it fetches with the bearer token and shows
 * in <object>/<img>; data: for the inline favicon; the API and graphql-ws on the same origin.
 * Nobody else may frame us (clickjacking). HSTS is only sent on HTTPS (behind a proxy that says so,
 * with TRUST_PROXY=true), where a browser honours it, and upgrading requests likewise.
 */
export function securityHeaders(): RequestHandler {
  const common = {
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'same-origin' as const },
    xFrameOptions: { action: 'sameorigin' as const },
  };
  const directives = {
    defaultSrc: ["'self'"],
    baseUri: ["'self'"],
    scriptSrc: ["'self'"],
    scriptSrcAttr: ["'none'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    objectSrc: ["'self'", 'blob:'],
    frameSrc: ["'self'", 'blob:'],
    workerSrc: ["'self'", 'blob:'],
    formAction: ["'self'"],
    frameAncestors: ["'self'"],
  };
  const overHttp = helmet({ ...common, hsts: false, contentSecurityPolicy: { useDefaults: false, directives } });
  const overHttps = helmet({
    ...common,
    hsts: { maxAge: 365 * 24 * 60 * 60, includeSubDomains: true },
    contentSecurityPolicy: { useDefaults: false, directives: { ...directives, upgradeInsecureRequests: [] } },
  });
  // req.secure follows X-Forwarded-Proto only when TRUST_PROXY is set (Express's `trust proxy`).
  return (req, res, next) => (req.secure ? overHttps : overHttp)(req, res, next);
}
