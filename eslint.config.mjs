// Type-aware lint (typescript-eslint) over the server, tests, benchmarks, scripts and the back office.
// Only rules that catch bugs the compiler does not: promises nobody awaits or that are passed where a
// callback's result is ignored, awaiting what is not a promise, and `{} as T` casts that claim a shape
// the object does not have (annotate instead, so the compiler checks it). `void` marks a promise that
// is deliberately not awaited, with a comment saying why.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'admin/dist/**', 'admin/src/gql/**', 'node_modules/**', 'test/artifacts/**', 'bench/results/**', 'migrations/**'] },
  {
    files: ['server/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts', 'admin/src/**/*.{ts,tsx}'],
    extends: [tseslint.configs.base],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/consistent-type-assertions': ['error', { assertionStyle: 'as', objectLiteralTypeAssertions: 'allow-as-parameter' }],
    },
  },
);
