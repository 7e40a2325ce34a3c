import fs from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface EmbeddedDatabase {
  host: string;
  port: number;
  dataDir: string;
  /** Whether the data folder was created by this start (an empty database). */
  created: boolean;
  stop(): Promise<void>;
}

/**
 * PostgreSQL compiled to WASM (PGlite), served over the Postgres wire protocol on a loopback port so
 * MikroORM talks to it exactly as to a real server. PGlite runs one transaction at a time, so the
 * socket takes one connection and the pool must be { min: 0, max: 1 }.
 */
export async function startEmbeddedDatabase(dataDir: string, port = 0): Promise<EmbeddedDatabase> {
  const pgDir = path.join(dataDir, 'pgdata');
  const created = !(await fs.stat(path.join(pgDir, 'PG_VERSION')).then(() => true, () => false));
  await fs.mkdir(pgDir, { recursive: true });
  const db = await PGlite.create({ dataDir: pgDir });
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port, maxConnections: 1 });
  await server.start();
  const [host, actualPort] = server.getServerConn().split(':');
  return {
    host: host!,
    port: Number(actualPort),
    dataDir: pgDir,
    created,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
