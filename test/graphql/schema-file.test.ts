import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderSchema } from '../../scripts/print-schema';

describe('schema.graphql', () => {
  it('matches the schema the code builds (run `npm run schema:print` if this fails)', async () => {
    expect(fs.readFileSync('schema.graphql', 'utf8')).toBe(await renderSchema());
  });
});
