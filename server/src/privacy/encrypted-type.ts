import { Type, type EntityProperty, type Platform } from '@mikro-orm/core';
import { fieldCipher } from './field-cipher';

/**
 * A text column stored encrypted (see field-cipher.ts) and read as plain text, so the code that uses
 * `user.nik` or `user.address` is unchanged. Filtering on such a column cannot work (every write has a
 * new IV): look rows up through the keyed hash column beside it.
 */
export class EncryptedText extends Type<string | null, string | null> {
  /** @param column the table.column the value belongs to; bound into the ciphertext. */
  constructor(private readonly column: string) {
    super();
  }

  override convertToDatabaseValue(value: string | null): string | null {
    return value === null || value === undefined ? null : fieldCipher().encrypt(value, this.column);
  }

  override convertToJSValue(value: string | null): string | null {
    return value === null || value === undefined ? null : fieldCipher().decrypt(value, this.column);
  }

  // A fresh IV makes every encryption differ: compare what the values say, or each flush rewrites them.
  override compareValues(a: string | null, b: string | null): boolean {
    if (a === b) return true;
    if (a === null || b === null || a === undefined || b === undefined) return false;
    return this.convertToJSValue(a) === this.convertToJSValue(b);
  }

  override compareAsType(): string {
    return 'string';
  }

  override getColumnType(_prop: EntityProperty, _platform: Platform): string {
    return 'text';
  }
}
