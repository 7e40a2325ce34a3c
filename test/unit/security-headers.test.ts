import http from 'node:http';
import express, { type RequestHandler } from 'express';
import helmet from 'helmet';
import { describe, expect, it } from 'vitest';
import { helmetOptions, securityHeaders } from '../../server/src/http/security-headers';

/** The answer's headers from an app with only `middleware` in front of a JSON route. */
async function headersWith(middleware: RequestHandler, forwardedProto?: string): Promise<Record<string, string>> {
  const app = express();
  app.set('trust proxy', true);
  app.use(middleware);
  app.post('/graphql', (_req, res) => void res.json({ data: null }));
  const server = http.createServer(app);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    const { port } = server.address() as { port: number };
    const res = await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: forwardedProto ? { 'x-forwarded-proto': forwardedProto } : {} });
    const out: Record<string, string> = {};
    res.headers.forEach((value, name) => {
      if (!['date', 'etag', 'connection', 'keep-alive'].includes(name)) out[name] = value;
    });
    return out;
  } finally {
    server.close();
  }
}

describe('security headers set from the recorded list', () => {
  it('are exactly what helmet itself sets, over HTTP and over HTTPS (HSTS only there)', async () => {
    const http = await headersWith(securityHeaders());
    expect(http).toEqual(await headersWith(helmet(helmetOptions('http'))));
    expect(http['content-security-policy']).toContain("frame-ancestors 'self'");
    expect(http['strict-transport-security']).toBeUndefined();
    expect(http['x-powered-by']).toBeUndefined();
    const https = await headersWith(securityHeaders(), 'https');
    expect(https).toEqual(await headersWith(helmet(helmetOptions('https')), 'https'));
    expect(https['strict-transport-security']).toContain('max-age=31536000');
  });
});
