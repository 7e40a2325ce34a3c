import type http from 'node:http';

/**
 * An async request handler for a fake provider's http.createServer: a handler that throws ends the
 * request (the client sees a reset) instead of leaving a floating promise and a hung request.
 */
export const served =
  (handler: (req: http.IncomingMessage, res: http.ServerResponse) => Promise<unknown>) => (req: http.IncomingMessage, res: http.ServerResponse) => {
    handler(req, res).catch((err: unknown) => res.destroy(err instanceof Error ? err : new Error(String(err))));
  };
