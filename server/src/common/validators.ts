import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';
import { isValidNIK, normalizePhoneID } from './id-formats';
import { t, type MessageKey } from './messages';

/**
 * class-validator decorators whose messages follow the request's language. Field names in messages
 * are the GraphQL field names; clients read `extensions.field` to place the error.
 */
function rule(name: string, key: MessageKey, test: (value: unknown, args: ValidationArguments) => boolean, params: (a: ValidationArguments) => Record<string, string | number> = () => ({})) {
  return (options: ValidationOptions = {}): PropertyDecorator =>
    (target, propertyName) =>
      registerDecorator({
        name,
        target: target.constructor,
        propertyName: propertyName as string,
        options: { message: (a: ValidationArguments) => t(key, { field: a.property, ...params(a) }), ...options },
        validator: { validate: test },
      });
}

export const IsPhoneID = rule('isPhoneID', 'validation.phone', (v) => typeof v === 'string' && normalizePhoneID(v) !== null);
export const IsNIK = rule('isNIK', 'validation.nik', (v) => typeof v === 'string' && isValidNIK(v));
/** NPWP since 2024: 16 digits (for an individual it is the NIK). */
export const IsNPWP = rule('isNPWP', 'validation.npwp', (v) => typeof v === 'string' && /^\d{16}$/.test(v));
/** NITKU: the NPWP and a 6-digit place-of-business code, 22 digits. */
export const IsNITKU = rule('isNITKU', 'validation.nitku', (v) => typeof v === 'string' && /^\d{22}$/.test(v));
export const IsUsername = rule('isUsername', 'validation.username', (v) => typeof v === 'string' && /^[a-z0-9._-]{3,32}$/.test(v));
export const IsPassword = rule('isPassword', 'validation.password', (v) => typeof v === 'string' && v.length >= 10 && v.length <= 200);
export const IsEmailAddress = rule('isEmailAddress', 'validation.email', (v) => typeof v === 'string' && v.length <= 254 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v));
export const IsSlug = rule('isSlug', 'validation.slug', (v) => typeof v === 'string' && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(v) && v.length <= 80);
export const NotBlank = rule('notBlank', 'validation.required', (v) => typeof v === 'string' && v.trim().length > 0);

export function MaxChars(max: number, options?: ValidationOptions) {
  return rule('maxChars', 'validation.tooLong', (v) => typeof v !== 'string' || v.length <= max, () => ({ max }))(options);
}

export function IntRange(min: number, max: number, options?: ValidationOptions) {
  return rule('intRange', 'validation.range', (v) => Number.isInteger(v) && (v as number) >= min && (v as number) <= max, () => ({ min, max }))(options);
}

/** Rupiah amounts (bigint): `positive` refuses 0, otherwise only negatives are refused. */
export function IsMoney(opts: { positive?: boolean; max?: bigint } = {}, options?: ValidationOptions) {
  const max = opts.max ?? 10n ** 15n;
  return rule(
    opts.positive ? 'isPositiveMoney' : 'isMoney',
    opts.positive ? 'validation.moneyPositive' : 'validation.moneyNonNegative',
    (v) => typeof v === 'bigint' && (opts.positive ? v > 0n : v >= 0n) && v <= max,
  )(options);
}
