import { AsyncLocalStorage } from 'node:async_hooks';

export type Locale = 'id' | 'en';

export interface RequestScope {
  requestId: string;
  locale: Locale;
}

const storage = new AsyncLocalStorage<RequestScope>();

/** Runs `fn` with a request scope so deep code (errors, audit) knows the request id and language. */
export function runInRequestScope<T>(scope: RequestScope, fn: () => T): T {
  return storage.run(scope, fn);
}

export function currentScope(): RequestScope | undefined {
  return storage.getStore();
}

/** Indonesian unless the client asked for English first. */
export function localeFromHeader(header: string | undefined | null): Locale {
  if (!header) return 'id';
  const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'id';
}
