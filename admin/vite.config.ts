import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/** Vendor code split by family, so no single chunk carries the whole of MUI + react-admin + Apollo. */
const vendorChunks: [chunk: string, packages: RegExp][] = [
  ['react', /node_modules\/(react|react-dom|scheduler|react-is)\//],
  ['mui', /node_modules\/(@mui|@emotion|@popperjs|stylis|clsx|react-transition-group|@babel\/runtime|hoist-non-react-statics)\//],
  ['apollo', /node_modules\/(@apollo|graphql|graphql-tag|@wry|optimism|zen-observable|ts-invariant|symbol-observable|tslib|rehackt)\//],
  ['react-admin', /node_modules\/(react-admin|ra-[\w-]+|react-router|react-router-dom|@tanstack|react-hook-form|node-polyglot|lodash|inflection|query-string|jsonexport|react-dropzone|dompurify|date-fns)\//],
];

export default defineConfig(({ command }) => ({
  root,
  base: '/admin/',
  plugins: [react()],
  // Apollo Client's development checks and messages stay out of the production bundle.
  define: command === 'build' ? { 'globalThis.__DEV__': 'false' } : {},
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // No source maps: admin/dist is served as is, and the back office source need not be public.
    sourcemap: false,
    rollupOptions: {
      output: {
        manualChunks(id) {
          if (!id.includes('node_modules')) return undefined;
          for (const [chunk, pattern] of vendorChunks) if (pattern.test(id)) return chunk;
          return 'vendor';
        },
      },
    },
  },
  server: {
    // `npx vite --config admin/vite.config.ts` next to a running API (npm run dev, port 4000).
    // Transfer proofs (/files) and CSV exports (/exports) are plain HTTP routes of the same server.
    proxy: Object.fromEntries(
      ['/graphql', '/files', '/exports', '/branding', '/receipts'].map((path) => [path, { target: process.env.ANGSUR_API ?? 'http://127.0.0.1:4000', ws: path === '/graphql' }]),
    ),
  },
}));
