import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { getSchema } from '../server/src/app/schema';

/** Writes schema.graphql from the code (`--check` fails instead when the file is stale). */
async function main() {
  const sdl = await renderSchema();
  const file = path.resolve(__dirname, '..', 'schema.graphql');
  if (process.argv.includes('--check')) {
    const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    if (current !== sdl) {
      console.error('schema.graphql is stale: run `npm run schema:print`');
      process.exit(1);
    }
    console.log('schema.graphql is up to date');
    return;
  }
  fs.writeFileSync(file, sdl);
  console.log(`wrote ${file}`);
}

export async function renderSchema(): Promise<string> {
  const schema = lexicographicSortSchema(await getSchema());
  return `# Generated from the type-graphql schema by \`npm run schema:print\`; do not edit by hand.\n\n${printSchema(schema)}\n`;
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
