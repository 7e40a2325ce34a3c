import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brandingFromConfig, initials, parseBankAccounts } from '../../server/src/branding/branding';
import { brandIndexHtml, brandingRoutes } from '../../server/src/branding/branding-routes';
import { ConfigError, loadConfig } from '../../server/src/config/config';

const config = (env: Record<string, string> = {}) => loadConfig({ NODE_ENV: 'test', ...env });

describe('the company branding from configuration', () => {
  it('has demo defaults: a name, a colour and two bank accounts', () => {
    const b = brandingFromConfig(config());
    expect(b.companyName).toBe('PT Angsur Hosting Nusantara');
    expect(b.primaryColor).toBe('#0b5fa5');
    expect(b.bankAccounts).toEqual([
      { bank: 'BCA', number: '872 012 3456', holder: 'PT Angsur Hosting Nusantara' },
      { bank: 'Bank Mandiri', number: '124 00 0987654 3', holder: 'PT Angsur Hosting Nusantara' },
    ]);
  });

  it('takes the company’s own name, colour and accounts', () => {
    const b = brandingFromConfig(config({ COMPANY_NAME: 'PT Awan Biru', COMPANY_PRIMARY_COLOR: '#aa3300', COMPANY_BANK_ACCOUNTS: 'BNI:0123456789:PT Awan Biru' }));
    expect(b).toMatchObject({ companyName: 'PT Awan Biru', primaryColor: '#aa3300', bankAccounts: [{ bank: 'BNI', number: '0123456789', holder: 'PT Awan Biru' }] });
    expect(initials(b.companyName)).toBe('AB');
  });

  it('refuses a colour or an account list it cannot use, naming the setting', () => {
    const bad: Record<string, string>[] = [{ COMPANY_PRIMARY_COLOR: 'blue' }, { COMPANY_BANK_ACCOUNTS: 'BCA only' }, { COMPANY_BANK_ACCOUNTS: 'BCA:12ab:PT X' }];
    for (const env of bad) {
      expect(() => config(env)).toThrow(ConfigError);
      expect(() => config(env)).toThrow(Object.keys(env)[0]);
    }
    expect(parseBankAccounts('BCA:123456:PT X; ')).toHaveLength(1);
  });

  it('fills the company into index.html, escaped, with the whole branding in a meta the app reads', () => {
    const b = brandingFromConfig(config({ COMPANY_NAME: 'PT "Awan" <Biru>' }));
    const html = brandIndexHtml('<title>__COMPANY_NAME__</title><meta name="angsur-branding" content="__BRANDING_JSON__"><span>__COMPANY_NAME__</span>', b);
    expect(html).not.toContain('__');
    expect(html).not.toContain('<Biru>');
    expect(html).toContain('<title>PT &quot;Awan&quot; &lt;Biru&gt;</title>');
    const meta = /content="([^"]*)"/.exec(html)![1]!;
    const decoded = meta.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
    expect(JSON.parse(decoded)).toEqual(b);
  });
});

describe('the branding routes', () => {
  let base = '';
  let server: import('node:http').Server;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brand-'));
  const logo = path.join(dir, 'logo.png');
  fs.writeFileSync(logo, Buffer.from('89504e470d0a1a0a0000', 'hex'));

  beforeAll(async () => {
    const app = express();
    const b = brandingFromConfig(config({ COMPANY_NAME: 'PT Awan Biru' }));
    app.use('/with-file', brandingRoutes(b, logo));
    app.use('/without', brandingRoutes(b, undefined));
    app.use('/missing', brandingRoutes(b, path.join(dir, 'gone.png')));
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('answers the branding as JSON before anyone signs in', async () => {
    const res = await fetch(`${base}/without/branding.json`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ companyName: 'PT Awan Biru', logoUrl: '/branding/logo' });
  });

  it('serves the configured logo file, and the drawn initials when there is none or it is missing', async () => {
    const file = await fetch(`${base}/with-file/branding/logo`);
    expect(file.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await file.arrayBuffer()).subarray(0, 4).toString('hex')).toBe('89504e47');
    for (const where of ['without', 'missing']) {
      const drawn = await fetch(`${base}/${where}/branding/logo`);
      expect(drawn.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
      expect(await drawn.text()).toContain('>AB</text>');
    }
  });
});
