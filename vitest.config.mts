import { fileURLToPath } from 'node:url';
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

// SWC instead of esbuild: type-graphql and MikroORM read decorator metadata, which esbuild does not emit.
export default defineConfig({
  plugins: [swc.vite({
      module: { type: 'es6' },
      jsc: { target: 'es2022', transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false } },
    })],
  test: {
    include: ['test/**/*.test.ts'],
    // graphql 16 has `module` but no `exports`: Vite would pick index.mjs for our code while type-graphql
    // and Apollo (loaded by Node) get index.js. One copy of graphql-js, or scalars are not recognised.
    alias: [{ find: /^graphql$/, replacement: fileURLToPath(new URL('./node_modules/graphql/index.js', import.meta.url)) }],
    setupFiles: ['test/support/setup.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Two cores on CI; every file brings its own database, so more workers only add contention.
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
  },
});
