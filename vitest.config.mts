import os from 'node:os';
import { fileURLToPath } from 'node:url';
import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

/**
 * Three layers, each a vitest project (`npm run test:unit`, `test:integration`, `test:browser`;
 * `npm test` runs all three):
 * - unit: pure rules, no database, no server, no browser. Fast enough to run on every save. New pure
 *   tests go under test/unit/; the older pure files elsewhere are listed here by name.
 * - integration: the real server on real PostgreSQL (or embedded PGlite), one database per file; also
 *   what starts processes of its own (the PDF worker pool's tests spawn and kill workers: ~15 s).
 * - browser: `*.browser.test.ts`, Chromium driving the built back office.
 */
const unit = [
  'test/unit/**/*.test.ts',
  'test/accounts/access.test.ts',
  'test/admin/csv.test.ts',
  'test/admin/i18n.test.ts',
  'test/common/csv.test.ts',
  'test/common/id-formats.test.ts',
  'test/common/uploads.test.ts',
  'test/config/config.test.ts',
  'test/events/domain-events.test.ts',
  'test/installments/schedule.test.ts',
  'test/money/rupiah.test.ts',
  'test/receipts/receipt-rules.test.ts',
  'test/spk/spk-queue.test.ts',
  'test/lifecycle/runtime.test.ts',
  'test/lifecycle/shutdown.test.ts',
  // Outside adapters against a local HTTP server that speaks the provider's protocol: no database.
  'test/payments/gateways/*.test.ts',
  'test/notifications/channels/*.test.ts',
  'test/hosting/drivers/*.test.ts',
];
const browser = ['test/**/*.browser.test.ts'];

// Integration and browser files each bring their own database (and browser files a Chromium): one
// worker per core, never more, or they only add contention. Unit files are CPU-only and short.
const cores = Math.max(1, os.availableParallelism());

// SWC instead of esbuild: type-graphql and MikroORM read decorator metadata, which esbuild does not emit.
export default defineConfig({
  plugins: [swc.vite({
      module: { type: 'es6' },
      jsc: { target: 'es2022', transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false } },
    })],
  test: {
    // graphql 16 has `module` but no `exports`: Vite would pick index.mjs for our code while type-graphql
    // and Apollo (loaded by Node) get index.js. One copy of graphql-js, or scalars are not recognised.
    alias: [{ find: /^graphql$/, replacement: fileURLToPath(new URL('./node_modules/graphql/index.js', import.meta.url)) }],
    setupFiles: ['test/support/setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Vitest builds one pool per kind from the root's options, so the unit layer's shared module graph
    // (below) is the threads pool's setting, and only the unit project runs on threads.
    poolOptions: { forks: { maxForks: cores, minForks: 1 }, threads: { maxThreads: cores, minThreads: 1, isolate: false } },
    projects: [
      // No globalSetup: the unit layer needs no template database. Not isolated: its files are pure
      // (no database, no mocked modules, globals stubbed only within a test and restored), so each
      // worker runs file after file in one module graph and loads graphql, type-graphql, MikroORM's
      // core, react-admin and pdf-lib once rather than once per file: that loading, not the tests,
      // was most of the layer's CPU time (see README, testing). A file that must stub a module or
      // keep global state belongs in the integration layer, which stays isolated. Group 0: under
      // `npm test` the unit layer runs (and fails) first, then the others, so the two pools never
      // run side by side with more workers than cores.
      { extends: true, test: { name: 'unit', include: unit, pool: 'threads', sequence: { groupOrder: 0 } } },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/**/*.test.ts'],
          exclude: [...unit, ...browser],
          globalSetup: ['test/support/global-setup.ts'],
          sequence: { groupOrder: 1 },
        },
      },
      { extends: true, test: { name: 'browser', include: browser, globalSetup: ['test/support/global-setup.ts'], sequence: { groupOrder: 1 } } },
    ],
  },
});
