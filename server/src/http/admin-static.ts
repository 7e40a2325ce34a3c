import fs from 'node:fs';
import path from 'node:path';
import express, { Router } from 'express';

/**
 * Serves the built back office at /admin, with index.html for every client-side route. `transform`
 * fills in what only the server knows (the company's branding) before the page goes out.
 */
export function adminRoutes(distDir: string, transform: (html: string) => string = (html) => html): Router {
  const router = Router();
  const index = path.join(distDir, 'index.html');
  const sendIndex = (_req: express.Request, res: express.Response) => {
    if (!fs.existsSync(index)) {
      res.status(503).type('text/plain').send('Back office belum dibangun: jalankan `npm run build:admin`.\nThe back office is not built: run `npm run build:admin`.');
      return;
    }
    res.set('Cache-Control', 'no-cache').type('html').send(transform(fs.readFileSync(index, 'utf8')));
  };
  // index.html only ever goes out filled in, also when asked for by its own name.
  router.get('/admin/index.html', sendIndex);
  router.use('/admin', express.static(distDir, { index: false, maxAge: '1h' }));
  router.get(/^\/admin(\/.*)?$/, sendIndex);
  return router;
}
