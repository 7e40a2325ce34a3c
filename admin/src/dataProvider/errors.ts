import { HttpError } from 'react-admin';
import type { GraphQLErrorShape } from '../auth/session';

/** HTTP-like statuses for the API's error codes: react-admin's authProvider.checkError reads `status`. */
const STATUS: Record<string, number> = {
  BAD_USER_INPUT: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  QUERY_TOO_COMPLEX: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
};

/** "specs.cpu" -> { specs: { cpu: message } }: the shape react-admin's forms put under each input. */
function setPath(target: Record<string, unknown>, path: string, message: string) {
  const parts = path.split('.').filter(Boolean);
  let node = target;
  for (const part of parts.slice(0, -1)) {
    if (typeof node[part] !== 'object' || node[part] === null) node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
  const last = parts[parts.length - 1];
  if (last && node[last] === undefined) node[last] = message;
}

function graphQLErrorsOf(error: unknown): GraphQLErrorShape[] {
  // ra-data-graphql wraps Apollo's error in an HttpError whose body is the ApolloError.
  for (const candidate of [(error as { body?: unknown })?.body, error]) {
    const list = (candidate as { graphQLErrors?: GraphQLErrorShape[] })?.graphQLErrors;
    if (Array.isArray(list) && list.length) return list;
  }
  return [];
}

/**
 * Any failure of the data provider -> an HttpError react-admin understands: the API's localized
 * message (never a raw code), a status from the code, and for bad input `body.errors`, which the
 * forms show on the input concerned, with the message itself as the form-level notification.
 */
export function toHttpError(error: unknown): HttpError {
  const errors = graphQLErrorsOf(error);
  if (!errors.length) {
    if (error instanceof HttpError || (error as { networkError?: unknown })?.networkError) {
      // Apollo's network error (re-thrown by ra-data-graphql as an HttpError): the server could not be reached.
      return new HttpError('angsur.errors.network', 0, { code: 'NETWORK' });
    }
    // A bug on this side (e.g. an unsupported call): say so, and keep the details for the console.
    console.error(error);
    return new HttpError('ra.notification.data_provider_error', 0, { code: 'CLIENT' });
  }
  const first = errors[0]!;
  const code = first.extensions?.code ?? 'INTERNAL_SERVER_ERROR';
  const fieldErrors: Record<string, unknown> = {};
  for (const e of errors) {
    const field = e.extensions?.field;
    if (field && (e.extensions?.code === 'BAD_USER_INPUT' || e.extensions?.code === 'CONFLICT')) setPath(fieldErrors, field, e.message);
  }
  // The extensions carry details a view may explain better than the message (e.g. which profile fields are missing).
  const details = first.extensions ?? {};
  const body = Object.keys(fieldErrors).length ? { code, details, errors: { ...fieldErrors, root: { serverError: first.message } } } : { code, details };
  return new HttpError(first.message, STATUS[code] ?? 500, body);
}
