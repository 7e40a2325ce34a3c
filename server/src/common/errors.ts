import { GraphQLError } from 'graphql';
import { t, type MessageKey } from './messages';

/** The stable codes clients and the back office act on (`extensions.code`). */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'QUERY_TOO_COMPLEX'
  | 'TOO_LARGE'
  | 'SPK_NOT_CONFIRMED'
  | 'PAYMENT_GATEWAY_ERROR'
  | 'QRIS_LIMIT_EXCEEDED'
  | 'STATEMENT_UNREADABLE'
  | 'PROFILE_INCOMPLETE'
  | 'CUSTOMER_IN_ARREARS'
  | 'SPK_NOT_AUTHENTIC'
  | 'SPK_MODIFIED_AFTER_SIGNING'
  | 'STAMP_DUTY_ERROR'
  | 'PDF_WORKER_FAILED'
  | 'PSRE_ERROR'
  | 'PSRE_ACCOUNT_REQUIRED'
  | 'PSRE_OTP_INVALID'
  | 'PSRE_OTP_LOCKED'
  | 'PSRE_NOT_CERTIFIED'
  | 'INTERNAL_SERVER_ERROR';

export class AppError extends GraphQLError {
  constructor(
    readonly code: ErrorCode,
    message: string,
    extensions: Record<string, unknown> = {},
  ) {
    super(message, { extensions: { ...extensions, code } });
    this.name = 'AppError';
  }
}

type Params = Record<string, string | number>;

export const badInput = (field: string, key: MessageKey, params: Params = {}) =>
  new AppError('BAD_USER_INPUT', t(key, { field, ...params }), { field });
export const unauthenticated = (key: MessageKey = 'auth.required') => new AppError('UNAUTHENTICATED', t(key));
export const forbidden = (key: MessageKey = 'auth.forbidden') => new AppError('FORBIDDEN', t(key));
export const notFound = (key: MessageKey, params: Params = {}) => new AppError('NOT_FOUND', t(key, params));
export const conflict = (key: MessageKey, params: Params = {}, extensions: Record<string, unknown> = {}) =>
  new AppError('CONFLICT', t(key, params), extensions);
