import { accessRecord, requireUser } from '../accounts/access';
import express, { Router } from 'express';
import { notFound } from '../common/errors';
import { formatDateID } from '../common/time';
import type { AppServices } from '../app/services';
import { Spk, SpkVersion } from '../spk/spk.entity';
import { uploadSignedSpk } from '../spk/spk.service';
import { PageImageCache, parsePageParam } from '../spk/page-images';
import type { EntityManager } from '@mikro-orm/postgresql';
import { httpUser, sendError } from './auth';
import { uploadBody } from './request-body';

const SIGNED_UPLOAD_LIMIT = 10 * 1024 * 1024;

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
/** 3171010101900001 -> 3171 **** **** 0001; +6281234567890 -> +62812 **** 7890 */
export const maskNik = (nik: string | null) => (nik ? `${nik.slice(0, 4)} **** **** ${nik.slice(12)}` : '-');
export const maskPhone = (phone: string) => `${phone.slice(0, 6)} **** ${phone.slice(-4)}`;

/**
 * SPK documents over plain HTTP: authorized downloads of every version, the customer's signed
 * upload, and the public verification page that the QR on every page opens.
 */
export function spkRoutes(services: AppServices): Router {
  const router = Router();
  const { orm } = services;
  const pageImages = new PageImageCache();

  /** A version of an SPK the caller may see (staff, or the SPK's customer); anything else is 404. */
  async function findVersion(req: express.Request, em: EntityManager) {
    const user = requireUser(await httpUser(req, em, services));
    // Someone else's SPK does not exist as far as this caller can tell.
    const spk = accessRecord(user, await em.findOne(Spk, String(req.params.id)), { owner: (r) => r.customer.id, notFound: 'spk.notFound' });
    const version = await em.findOne(SpkVersion, { spk, version: Number(req.params.version) || -1 });
    if (!version) throw notFound('spk.notFound');
    return version;
  }

  router.get('/files/spk/:id/versions/:version', async (req, res) => {
    const em = orm.em.fork();
    try {
      const version = await findVersion(req, em);
      const file = (await em.populate(version, ['file.data'])).file.$;
      res.set({
        'content-type': 'application/pdf',
        'content-disposition': `${req.query.download ? 'attachment' : 'inline'}; filename="${file.fileName}"`,
        'cache-control': 'private, no-store',
        'x-content-sha256': version.sha256,
      });
      res.send(file.data);
    } catch (err) {
      sendError(res, err, services);
    }
  });

  /**
   * One page of a version as PNG (1-based, or `last`: where the signature blocks are), for comparing
   * the admin-signed signature page with the customer's upload. A version never changes, so the
   * rendering is cached by its SHA-256 and the browser may revalidate with the ETag.
   */
  router.get('/files/spk/:id/versions/:version/pages/:page.png', async (req, res) => {
    const em = orm.em.fork();
    try {
      const version = await findVersion(req, em);
      const page = parsePageParam(String(req.params.page));
      if (page === null) throw notFound('spk.pageNotFound');
      const image = await pageImages.get(version.sha256, page, async () => (await em.populate(version, ['file.data'])).file.$.data);
      if (!image) throw notFound('spk.pageNotFound');
      const etag = `"${version.sha256.slice(0, 32)}-${image.page}"`;
      res.set({
        'cache-control': 'private, no-cache',
        etag,
        'x-page-number': String(image.page),
        'x-page-count': String(image.pageCount),
        'access-control-expose-headers': 'x-page-number, x-page-count',
      });
      if (req.headers['if-none-match'] === etag) {
        res.status(304).end();
        return;
      }
      res.type('png').send(image.png);
    } catch (err) {
      sendError(res, err, services);
    }
  });

  router.put('/files/spk/:id/signed', uploadBody(services, SIGNED_UPLOAD_LIMIT), async (req, res) => {
    const em = orm.em.fork();
    try {
      const user = await httpUser(req, em, services);
      const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const spk = await uploadSignedSpk(em, services.spk, user, req.params.id, bytes);
      const version = await em.findOneOrFail(SpkVersion, { spk, version: spk.currentVersion });
      res.status(201).json({ spkId: spk.id, status: spk.status, version: version.version, sha256: version.sha256, verification: version.verification });
    } catch (err) {
      sendError(res, err, services);
    }
  });

  router.get('/verify/:code', async (req, res) => {
    const em = orm.em.fork();
    const spk = /^SPK-[A-Z0-9]{10}$/.test(req.params.code) ? await em.findOne(Spk, { documentCode: req.params.code }, { populate: ['customer'] }) : null;
    const version = spk ? await em.findOne(SpkVersion, { spk, version: spk.currentVersion }) : null;
    const rows: [string, string][] = spk
      ? [
          ['Nomor SPK', spk.number],
          ['Status', spk.status],
          ['Tanggal', formatDateID(spk.createdAt)],
          ['Versi', String(spk.currentVersion)],
          ['SHA-256 versi ini', version?.sha256 ?? '-'],
          ['Nomor seri e-Meterai', spk.stampSerial ?? '-'],
          ['Pihak pertama', services.config.COMPANY_NAME],
          ['Pihak kedua', spk.customer.$.fullName],
          ['NIK pihak kedua', maskNik(spk.customer.$.nik)],
          ['Telepon pihak kedua', maskPhone(spk.customer.$.phone)],
        ]
      : [];
    res.status(spk ? 200 : 404).type('html').set('cache-control', 'no-store').send(`<!doctype html>
<html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Verifikasi SPK</title>
<style>body{font-family:system-ui,sans-serif;max-width:640px;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
h1{font-size:1.4rem}table{border-collapse:collapse;width:100%}td{padding:.4rem;border-bottom:1px solid #ddd;vertical-align:top}
td:first-child{color:#555;width:40%}.ok{color:#0a6b2d}.bad{color:#a31515}code{word-break:break-all}</style></head>
<body><h1>Verifikasi Surat Perjanjian Kerjasama</h1>
${
  spk
    ? `<p class="ok">Dokumen ini terdaftar di ${escapeHtml(services.config.COMPANY_NAME)}.</p><table>${rows
        .map(([k, v]) => `<tr><td>${escapeHtml(k)}</td><td>${k.startsWith('SHA') ? `<code>${escapeHtml(v)}</code>` : escapeHtml(v)}</td></tr>`)
        .join('')}</table><p>Bandingkan SHA-256 di atas dengan berkas yang Anda terima.</p>`
    : '<p class="bad">Kode dokumen tidak dikenal: dokumen ini tidak diterbitkan oleh kami.</p>'
}
</body></html>`);
  });

  return router;
}
