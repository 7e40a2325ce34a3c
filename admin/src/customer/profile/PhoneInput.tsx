import { regex, required, TextInput } from 'react-admin';

/** Indonesian numbers as people type them: 08..., +62..., 62... (the API normalizes and checks them). */
const PHONE = /^(\+?62|0)[\d\s-]{8,16}$/;

/** The phone of a customer account (sign-up and profile): also their WhatsApp for notifications. */
export const PhoneInput = () => (
  <TextInput
    source="phone"
    label="angsur.customer.profile.phone"
    type="tel"
    autoComplete="tel"
    helperText="angsur.customer.profile.phoneHelp"
    validate={[required(), regex(PHONE, 'angsur.customer.profile.phoneInvalid')]}
  />
);
