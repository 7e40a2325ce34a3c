import { email, maxLength, regex, required } from 'react-admin';

/** The checks the API makes too, so most mistakes are caught before saving. */
export const validateFullName = [required(), maxLength(120)];
export const validateEmail = [required(), email()];
/** 08..., +62... or 62... (the API normalizes to E.164 and has the last word). */
export const validatePhone = [required(), regex(/^(\+?62|0)[\s-]?\d[\d\s-]{6,16}$/, 'angsur.validation.phone')];
export const validateNik = [regex(/^\d{16}$/, 'angsur.validation.nik')];
export const validateUsername = [required(), regex(/^[a-z0-9._-]{3,32}$/, 'angsur.validation.username')];
export const validatePassword = [required(), regex(/^.{10,200}$/s, 'angsur.validation.password')];

export const localeChoices = [
  { id: 'id', name: 'angsur.locales.id' },
  { id: 'en', name: 'angsur.locales.en' },
];
