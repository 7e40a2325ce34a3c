import fs from 'node:fs';
import path from 'node:path';
import express, { Router } from 'express';

/** Serves the built back office at /admin, with index.html for every client-side route. */
export function adminRoutes(distDir: string): Router {
  const router = Router();
  const index = path.join(distDir, 'index.html');
  router.use('/admin', express.static(distDir, { index: false, maxAge: '1h' }));
  router.get(/^\/admin(\/.*)?$/, (_req, res) => {
    if (!fs.existsSync(index)) {
      res.status(503).type('text/plain').send('Back office belum dibangun: jalankan `npm run build:admin`.\nThe back office is not built: run `npm run build:admin`.');
      return;
    }
    res.set('Cache-Control', 'no-cache').sendFile(index);
  });
  return router;
}
