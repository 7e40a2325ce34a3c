import { describe, expect, it } from 'vitest';
import { formatPhoneID, isValidNIK, normalizePhoneID, waMeLink } from '../../server/src/common/id-formats';

describe('Indonesian phone numbers', () => {
  it.each(['081234567890', '+6281234567890', '6281234567890', '0812-3456-7890', '+62 812 3456 7890', '(0812) 3456 7890'])(
    'accepts %s as +6281234567890',
    (input) => {
      expect(normalizePhoneID(input)).toBe('+6281234567890');
    },
  );

  it.each(['12345', '+16505551234', '0812', 'abc', '', '081234567890123456', '+62 812 ABC'])('refuses %s', (input) => {
    expect(normalizePhoneID(input)).toBeNull();
  });

  it('formats for people and for WhatsApp', () => {
    expect(formatPhoneID('+6281234567890')).toBe('+62 812-3456-7890');
    expect(waMeLink('+6281234567890', 'Halo Bapak/Ibu')).toBe('https://wa.me/6281234567890?text=Halo%20Bapak%2FIbu');
  });
});

describe('NIK', () => {
  it('accepts valid numbers, including a woman (day + 40) and a leap day', () => {
    expect(isValidNIK('3171010101900001')).toBe(true);
    expect(isValidNIK('3171014501900001')).toBe(true);
    expect(isValidNIK('3171012902000001')).toBe(true); // 29 Feb 2000
  });

  it.each([
    ['too short', '317101010190001'],
    ['letters', '31710101019000AB'],
    ['province 00', '0071010101900001'],
    ['province out of range', '9971010101900001'],
    ['regency 00', '3100010101900001'],
    ['day 32', '3171013201900001'],
    ['month 13', '3171010113900001'],
    ['29 Feb in a year that is never leap (1901/2001)', '3171012902010001'],
    ['sequence 0000', '3171010101900000'],
  ])('refuses %s', (_, nik) => {
    expect(isValidNIK(nik)).toBe(false);
  });
});
