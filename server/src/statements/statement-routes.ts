import { Router } from 'express';
import { DateTime } from 'luxon';
import { accessRecord, requirePermission } from '../accounts/access';
import { User } from '../accounts/user.entity';
import { brandingFromConfig } from '../branding/branding';
import { badInput } from '../common/errors';
import { currentScope, type Locale } from '../common/request-context';
import { todayJakarta, ZONE } from '../common/time';
import type { AppServices } from '../app/services';
import { httpUser, sendError } from '../http/auth';
import { receivablesCsv, statementCsv, statementPdf } from './documents';
import { ledgerOf, statementFrom } from './ledger';
import { receivablesAt } from './receivables';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const dateParam = (value: unknown, field: string, fallback: string) => {
  if (value === undefined || value === '') return fallback;
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value) || !DateTime.fromISO(value).isValid) throw badInput(field, 'validation.date');
  return value;
};

/**
 * Statements of account and the receivables export.
 * - GET /statements/:customerId?from&to&format=pdf|csv&lang=id|en — `me` for the caller; a customer gets
 *   only their own (another customer's id answers NOT_FOUND, as if it did not exist), staff anyone's.
 *   Default period: the current month up to today (Asia/Jakarta).
 * - GET /exports/receivables.csv?date — FINANCE (and ADMIN): receivables at the end of the date, aged.
 */
export function statementRoutes(services: AppServices): Router {
  const router = Router();

  router.get('/statements/:customerId', async (req, res) => {
    const em = services.orm.em.fork();
    try {
      const user = await httpUser(req, em, services);
      const id = req.params.customerId === 'me' && user ? user.id : req.params.customerId;
      const customer = accessRecord(user, UUID.test(id) ? await em.findOne(User, id) : null, { owner: (c) => c.id, notFound: 'user.notFound' });
      const today = todayJakarta(services.clock);
      const from = dateParam(req.query.from, 'from', DateTime.fromISO(today, { zone: ZONE }).startOf('month').toISODate()!);
      const to = dateParam(req.query.to, 'to', today);
      if (from > to) throw badInput('from', 'statement.badPeriod');
      const format = req.query.format ?? 'pdf';
      if (format !== 'pdf' && format !== 'csv') throw badInput('format', 'statement.badFormat');
      const locale: Locale = req.query.lang === 'en' || req.query.lang === 'id' ? req.query.lang : (currentScope()?.locale ?? 'id');
      const statement = statementFrom(await ledgerOf(em, customer.id), from, to);
      const party = { name: customer.company ?? customer.fullName, email: customer.email, address: customer.companyAddress ?? customer.address };
      const name = `${locale === 'en' ? 'statement' : 'rekening'}-${customer.username}-${from}-${to}`;
      if (format === 'csv') {
        res.set({ 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}.csv"` });
        res.send(statementCsv(statement, party, locale));
        return;
      }
      const c = services.config;
      const pdf = await statementPdf(statement, party, { ...brandingFromConfig(c), address: c.COMPANY_ADDRESS, npwp: c.COMPANY_NPWP ?? null }, locale, services.clock.now());
      res.set({ 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="${name}.pdf"` });
      res.send(Buffer.from(pdf));
    } catch (err) {
      sendError(res, err, services);
    }
  });

  router.get('/exports/receivables.csv', async (req, res) => {
    const em = services.orm.em.fork();
    try {
      requirePermission(await httpUser(req, em, services), 'receivables.export');
      const date = dateParam(req.query.date, 'date', todayJakarta(services.clock));
      const rows = await receivablesAt(em, date);
      res.set({ 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="piutang-${date}.csv"` });
      res.send(receivablesCsv(rows, date));
    } catch (err) {
      sendError(res, err, services);
    }
  });
  return router;
}
