import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsList } from '../../migrations';
import { startTestApp, type TestApp } from '../support/app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

describe('migrations', () => {
  it('are all applied and the entities need no schema change (run `npm run db:migration:create` if this fails)', async () => {
    expect(await t.app.orm.getMigrator().getPendingMigrations()).toEqual([]);
    const diff = await t.app.orm.schema.getUpdateSchemaSQL({ wrap: false, safe: false });
    expect(diff.trim()).toBe('');
  });

  it('every migration is listed in migrations/index.ts', async () => {
    const onDisk = fs.readdirSync('migrations').filter((f) => /^Migration\d+.*\.ts$/.test(f)).map((f) => f.replace(/\.ts$/, '')).sort();
    expect(migrationsList.map((m) => m.name)).toEqual(onDisk);
  });
});
