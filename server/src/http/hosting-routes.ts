import { Router } from 'express';
import { canSee } from '../accounts/access';
import { formatDateID } from '../common/time';
import type { AppServices } from '../app/services';
import { formatRupiah } from '../money/rupiah';
import { Service } from '../hosting/service.entity';
import { ServiceStatus } from '../hosting/service-status';
import { arrearsOf } from '../hosting/hosting.service';
import { appLinks } from '../common/app-links';
import { httpUser } from './auth';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title: string, body: string) {
  return `<!doctype html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>body{font-family:system-ui,sans-serif;max-width:640px;margin:3rem auto;padding:0 1rem;color:#1b1b1b}
.warn{background:#fff4e5;border:1px solid #f0a030;padding:1rem;border-radius:6px}.off{background:#fdecea;border:1px solid #d32f2f;padding:1rem;border-radius:6px}
a.button{display:inline-block;margin:.5rem .5rem 0 0;padding:.6rem 1rem;border-radius:4px;background:#0d47a1;color:#fff;text-decoration:none}
a.secondary{background:#616161}</style></head><body>${body}</body></html>`;
}

/**
 * The local provisioning driver's hosting: what a customer's site looks like from outside. Suspended
 * answers 403 "Layanan ditangguhkan"; an overdue order shows the seed's choice, pay or suspend.
 */
export function hostingRoutes(services: AppServices): Router {
  const router = Router();
  router.get('/hosting/:label', async (req, res) => {
    const em = services.orm.em.fork();
    const service = /^[a-z0-9-]{3,40}$/.test(req.params.label) ? await em.findOne(Service, { label: req.params.label, driver: 'local' }) : null;
    res.set('cache-control', 'no-store');
    if (!service || service.status === ServiceStatus.TERMINATED) {
      return void res.status(404).type('html').send(page('Tidak ditemukan', '<h1>Layanan tidak ditemukan</h1>'));
    }
    const label = escapeHtml(service.label);
    const console = `${services.config.publicUrl}${appLinks.customerOrder(service.order.id)}`;
    if (service.status === ServiceStatus.SUSPENDED) {
      return void res.status(403).type('html').send(
        page('Layanan ditangguhkan', `<div class="off"><h1>Layanan ditangguhkan</h1><p>Layanan <b>${label}</b> sedang ditangguhkan (suspend). Pemilik layanan dapat menghubungi admin atau melunasi tagihan untuk mengaktifkannya kembali.</p><p><i>This service is suspended.</i></p></div>`),
      );
    }
    if (service.status === ServiceStatus.PENDING_SETUP) {
      return void res.status(503).type('html').send(page('Sedang disiapkan', `<h1>Layanan ${label} sedang disiapkan</h1>`));
    }
    const summary = await arrearsOf(em, service.order.id, services.clock);
    // The page is public (it is the customer's site): how much is owed and since when is told only
    // to the owner (or staff) presenting their bearer token; anyone else sees that a choice is due.
    const viewer = await httpUser(req, em, services).catch(() => null);
    const mayKnow = canSee(viewer, (await service.order.loadOrFail()).customer.id);
    const owed = mayKnow
      ? `Ada tunggakan ${escapeHtml(formatRupiah(summary.arrearsAmount))}${summary.nextDue ? ` sejak ${escapeHtml(formatDateID(summary.nextDue.dueDate))}` : ''}. `
      : 'Pemilik layanan: masuk untuk melihat rinciannya. ';
    const overdue =
      summary.arrearsAmount > 0n
        ? `<div class="warn"><h2>Tagihan lewat jatuh tempo</h2><p>${owed}Pilih di menu pesanan: bayar sekarang, atau tangguhkan layanan.</p>
          <a class="button" href="${escapeHtml(console)}">Bayar</a><a class="button secondary" href="${escapeHtml(console)}">Tangguhkan</a></div>`
        : '';
    res.status(200).type('html').send(page(service.label, `${overdue}<h1>${label}</h1><p>Layanan hosting aktif. Selamat datang!</p>`));
  });
  return router;
}
