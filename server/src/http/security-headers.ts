import type { Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';

/**
 * Security headers on every answer (back office, /verify, /hosting, files, API). The CSP is what the
 * built back office needs and no more: its own scripts only; inline styles (MUI/emotion inject
 * <style> at run time); blob: for the PDFs and images it fetches with the bearer token and shows
 * in <object>/<img>; data: for the inline favicon; the API and graphql-ws on the same origin.
 * Nobody else may frame us (clickjacking). HSTS is only sent on HTTPS (behind a proxy that says so,
 * with TRUST_PROXY=true), where a browser honours it, and upgrading requests likewise.
 * `helmetOptions` says which; exported for the test that compares our answers with helmet's own.
 */
export function helmetOptions(over: 'http' | 'https') {
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
  return over === 'http'
    ? { ...common, hsts: false, contentSecurityPolicy: { useDefaults: false, directives } }
    : {
        ...common,
        hsts: { maxAge: 365 * 24 * 60 * 60, includeSubDomains: true },
        contentSecurityPolicy: { useDefaults: false, directives: { ...directives, upgradeInsecureRequests: [] } },
      };
}

export function securityHeaders(): RequestHandler {
  const overHttp = recorded(helmet(helmetOptions('http')));
  const overHttps = recorded(helmet(helmetOptions('https')));
  // req.secure follows X-Forwarded-Proto only when TRUST_PROXY is set (Express's `trust proxy`).
  return (req, res, next) => (req.secure ? overHttps : overHttp)(req, res, next);
}

type HeaderValue = string | number | readonly string[];

/**
 * helmet's headers, recorded once from helmet itself and then set as a list (issue 14 item 4: a dozen
 * middleware calls per request, 1.5-2 % of a `myOrders` request's CPU). With these options every value
 * is a constant (no nonce, nothing read from the request), so the list is what helmet sets. Recorded
 * from two different requests: if they differ, if helmet fails or does not answer at once, helmet runs
 * on every request as before.
 */
function recorded(middleware: RequestHandler): RequestHandler {
  const probe = (url: string) => {
    const set: [string, HeaderValue][] = [];
    const removed: string[] = [];
    let passed = false;
    const res = {
      setHeader: (name: string, value: HeaderValue) => void set.push([name, value]),
      removeHeader: (name: string) => void removed.push(name),
    };
    try {
      void middleware({ url, method: 'GET', headers: {} } as Request, res as unknown as Response, (err?: unknown) => (passed = !err));
    } catch {
      return null;
    }
    return passed ? { set, removed } : null;
  };
  const one = probe('/');
  const other = probe('/graphql?probe=1');
  if (!one || !other || JSON.stringify(one) !== JSON.stringify(other)) return middleware;
  return (_req, res, next) => {
    for (const [name, value] of one.set) res.setHeader(name, value);
    for (const name of one.removed) res.removeHeader(name);
    next();
  };
}
