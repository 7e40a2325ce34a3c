import { Router } from 'express';
import type { AppServices } from '../app/services';
import { handleProviderCallback } from '../spk/provider-signing';
import { SignatureProviderError } from '../spk/signature-provider';
import { sendError } from './auth';
import { rawBody } from './request-body';

/** A callback names a document and a status; a signed PDF never travels in it (we download it). */
const CALLBACK_MAX_BYTES = 256 * 1024;

/**
 * Callbacks of the certified signature provider (PSrE): POST /hooks/psre/<provider>. The adapter checks
 * that the callback is the provider's (HMAC header for the sandbox, the secret token in the URL for
 * Privy); then the result is fetched from the provider and applied once (spk/provider-signing.ts). The
 * answer tells the provider whether to retry: 2xx done (or a repeat), 404 unknown document, 5xx try later.
 */
export function psreRoutes(services: AppServices): Router {
  const router = Router();
  router.post('/hooks/psre/:provider', rawBody(CALLBACK_MAX_BYTES), async (req, res) => {
    try {
      const outcome = await handleProviderCallback(services, String(req.params.provider), {
        headers: req.headers,
        query: req.query as Record<string, unknown>,
        rawBody: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
      });
      services.logger.info({ provider: req.params.provider, outcome }, 'signature provider callback');
      if (outcome.outcome === 'UNKNOWN') return void res.status(404).json({ error: { code: 'NOT_FOUND', message: 'unknown document' } });
      if (outcome.outcome === 'PROVIDER_ERROR') return void res.status(502).json({ error: { code: 'PSRE_ERROR', message: outcome.reason ?? 'provider error' } });
      res.json({ status: 'ok', outcome: outcome.outcome });
    } catch (err) {
      if (err instanceof SignatureProviderError && err.kind === 'BAD_CALLBACK_SIGNATURE') {
        return void res.status(401).json({ error: { code: 'UNAUTHENTICATED', message: err.message } });
      }
      if (err instanceof SignatureProviderError && err.kind === 'BAD_CALLBACK') return void res.status(400).json({ error: { code: 'BAD_USER_INPUT', message: err.message } });
      sendError(res, err, services);
    }
  });
  return router;
}
