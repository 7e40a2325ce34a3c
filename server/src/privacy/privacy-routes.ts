import { Router } from 'express';
import { requireUser } from '../accounts/access';
import { audit } from '../audit/audit';
import { todayJakarta } from '../common/time';
import type { AppServices } from '../app/services';
import { httpUser, sendError } from '../http/auth';
import { personalDataOf, personalDataPdf } from './export';

/**
 * A signed-in user downloads their own personal data (UU PDP Art. 7, 13): JSON for moving it elsewhere,
 * PDF for reading. Each download is audited; nobody downloads another person's data here.
 */
export function privacyRoutes(services: AppServices): Router {
  const router = Router();
  router.get('/privacy/my-data.:format', async (req, res) => {
    const em = services.orm.em.fork();
    try {
      const user = requireUser(await httpUser(req, em, services));
      const format = req.params.format;
      if (format !== 'json' && format !== 'pdf') return void res.status(404).json({ error: { code: 'NOT_FOUND', message: 'Not found' } });
      const data = await personalDataOf(em, user.id, services.clock.now());
      audit(em, user, 'privacy.export', { entityType: 'User', entityId: user.id }, { format });
      await em.flush();
      const name = `data-pribadi-${todayJakarta(services.clock)}.${format}`;
      res.set({ 'content-disposition': `attachment; filename="${name}"`, 'cache-control': 'no-store' });
      if (format === 'json') res.type('application/json').send(JSON.stringify(data, null, 2));
      else res.type('application/pdf').send(Buffer.from(await personalDataPdf(data)));
    } catch (err) {
      sendError(res, err, services);
    }
  });
  return router;
}
