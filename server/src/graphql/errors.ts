import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import type { ValidationError } from 'class-validator';
import type { Logger } from 'pino';
import { AppError } from '../common/errors';
import { t } from '../common/messages';
import { tokenLimitError } from './limits';

function firstProblem(errors: ValidationError[], prefix = ''): { field: string; message: string } | null {
  for (const e of errors) {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const message = e.constraints && Object.values(e.constraints)[0];
    if (message) return { field, message };
    const nested = firstProblem(e.children ?? [], field);
    if (nested) return nested;
  }
  return null;
}

function allFields(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    return [...(e.constraints ? [field] : []), ...allFields(e.children ?? [], field)];
  });
}

/**
 * Every error leaves the API with a stable `extensions.code` and, for bad input, the `field` it is
 * about. Anything unexpected is logged with its stack and reaches the client as a plain
 * INTERNAL_SERVER_ERROR (its text only outside production).
 */
export function makeFormatError(logger: Logger, production: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const unwrapped = unwrapResolverError(error);
    // Apollo wraps validation-rule errors (our operation limits) in its own GRAPHQL_VALIDATION_FAILED.
    const original = unwrapped instanceof GraphQLError && unwrapped.originalError instanceof AppError ? unwrapped.originalError : unwrapped;
    const base = { locations: formatted.locations, path: formatted.path };
    if (original instanceof AppError) {
      const { http: _http, ...extensions } = original.extensions;
      return { ...base, message: original.message, extensions };
    }
    if (original instanceof ArgumentValidationError) {
      const problem = firstProblem(original.extensions.validationErrors as ValidationError[]);
      return {
        ...base,
        message: problem?.message ?? t('validation.invalid', { field: 'input' }),
        extensions: {
          code: 'BAD_USER_INPUT',
          field: problem?.field ?? null,
          fields: allFields(original.extensions.validationErrors as ValidationError[]),
        },
      };
    }
    const code = formatted.extensions?.code as string | undefined;
    const tooLong = code === 'GRAPHQL_PARSE_FAILED' ? tokenLimitError(formatted.message) : null;
    if (tooLong) {
      const { http: _http, ...extensions } = tooLong.extensions;
      return { ...base, message: tooLong.message, extensions };
    }
    if (code === 'BAD_USER_INPUT') {
      // graphql-js variable coercion: 'Variable "$input" got invalid value "X" at "input.category"; ...'
      const at = /at "([^"]+)"/.exec(formatted.message)?.[1];
      const variable = /Variable "\$(\w+)"/.exec(formatted.message)?.[1];
      const path = at ?? variable ?? null;
      const field = path ? path.replace(/^\w+\./, '').replace(/\[\d+\]/g, '') || path : null;
      return { ...base, message: formatted.message, extensions: { code, field } };
    }
    if (code && code !== 'INTERNAL_SERVER_ERROR') {
      const { stacktrace: _stack, http: _http, ...extensions } = formatted.extensions ?? {};
      return { ...base, message: formatted.message, extensions };
    }
    logger.error({ err: original }, 'unhandled error in GraphQL operation');
    return {
      ...base,
      message: production ? t('internal') : formatted.message,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
