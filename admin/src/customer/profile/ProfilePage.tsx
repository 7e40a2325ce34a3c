import { Alert, Box, Card, CardContent, CircularProgress, Stack, Typography } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { BooleanInput, Form, SaveButton, SelectInput, TextInput, Title, email, maxLength, regex, required, useLocaleState, useNotify, useTranslate } from 'react-admin';
import { callApi } from '../../dataProvider';
import type { HttpError } from 'react-admin';
import { formatPhone } from '../../format';
import { ME, UPDATE_PROFILE } from '../api';
import { PasswordForm } from './PasswordForm';
import { PhoneInput } from './PhoneInput';
import { MyDataCard } from '../../privacy/MyDataCard';
import { StatementDownload } from '../../statements/StatementDownload';

interface Me {
  id: string;
  username: string;
  email: string;
  fullName: string;
  phone: string;
  nik: string | null;
  company: string | null;
  companyTitle: string | null;
  companyAddress: string | null;
  address: string | null;
  locale: 'id' | 'en';
  notifyByEmail: boolean;
  notifyByWhatsApp: boolean;
}

const FIELDS = ['fullName', 'email', 'phone', 'nik', 'company', 'companyTitle', 'companyAddress', 'address', 'notifyByEmail', 'notifyByWhatsApp', 'locale'] as const;
/** Optional texts: emptied means "none" for the API. */
const OPTIONAL = new Set<string>(['nik', 'company', 'companyTitle', 'companyAddress', 'address']);
const NIK = /^\d{16}$/;
const ME_KEY = ['customer', 'me'];

/** The API's field errors (BAD_USER_INPUT / CONFLICT with `field`) as react-hook-form errors, or null. */
export const fieldErrorsOf = (error: unknown): Record<string, unknown> | null => {
  const errors = (error as HttpError)?.body?.errors as Record<string, unknown> | undefined;
  if (!errors) return null;
  const { root: _root, ...fields } = errors;
  return Object.keys(fields).length ? fields : null;
};

const ProfileForm = ({ me }: { me: Me }) => {
  const notify = useNotify();
  const translate = useTranslate();
  const queryClient = useQueryClient();
  const [locale, setLocale] = useLocaleState();
  // The phone is shown as people read it (+62 812-3456-7890); the API accepts it back in that form.
  const defaults = { ...me, phone: formatPhone(me.phone), nik: me.nik ?? '', company: me.company ?? '', companyTitle: me.companyTitle ?? '', companyAddress: me.companyAddress ?? '', address: me.address ?? '' };
  const save = async (values: Record<string, unknown>) => {
    const input: Record<string, unknown> = {};
    for (const key of FIELDS) {
      const value = typeof values[key] === 'string' ? (values[key] as string).trim() : values[key];
      if (value === (defaults as Record<string, unknown>)[key]) continue;
      input[key] = OPTIONAL.has(key) && value === '' ? null : value;
    }
    if (!Object.keys(input).length) return undefined;
    try {
      await callApi(UPDATE_PROFILE, { input });
    } catch (error) {
      const fields = fieldErrorsOf(error);
      if (fields) return fields;
      notify((error as Error).message, { type: 'error', messageArgs: { _: (error as Error).message } });
      return undefined;
    }
    notify('angsur.customer.profile.saved', { type: 'success' });
    if (input.locale && input.locale !== locale) setLocale(input.locale as string);
    await queryClient.invalidateQueries({ queryKey: ME_KEY });
    return undefined;
  };
  return (
    <Form record={defaults} onSubmit={save} noValidate>
      <Stack>
        <TextInput source="fullName" label="angsur.customer.profile.fullName" validate={[required(), maxLength(120)]} />
        <TextInput source="email" label="angsur.customer.profile.email" type="email" validate={[required(), email()]} />
        <PhoneInput />
        <TextInput
          source="nik"
          label="angsur.customer.profile.nik"
          helperText="angsur.customer.profile.nikHelp"
          validate={regex(NIK, 'angsur.customer.profile.nikInvalid')}
          slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 16 } }}
        />
        <TextInput source="company" label="angsur.customer.profile.company" helperText="angsur.customer.profile.companyHelp" validate={maxLength(160)} />
        <TextInput source="companyTitle" label="angsur.customer.profile.companyTitle" validate={maxLength(120)} />
        <TextInput source="companyAddress" label="angsur.customer.profile.companyAddress" validate={maxLength(1000)} multiline />
        <TextInput source="address" label="angsur.customer.profile.address" multiline minRows={2} validate={maxLength(1000)} helperText="angsur.customer.profile.addressHelp" />
        <Typography variant="subtitle2" sx={{ mt: 1 }}>
          {translate('angsur.customer.profile.channels')}
        </Typography>
        <BooleanInput source="notifyByEmail" label="angsur.customer.profile.notifyByEmail" helperText={false} />
        <BooleanInput source="notifyByWhatsApp" label="angsur.customer.profile.notifyByWhatsApp" helperText={false} />
        <SelectInput
          source="locale"
          label="angsur.customer.profile.locale"
          choices={[
            { id: 'id', name: 'Bahasa Indonesia' },
            { id: 'en', name: 'English' },
          ]}
          translateChoice={false}
          validate={required()}
        />
        <Box>
          <SaveButton alwaysEnable={false} />
        </Box>
      </Stack>
    </Form>
  );
};

/**
 * Profil: the data the SPK is drawn from (full name, NIK, address, phone, email), the company,
 * how notifications reach the customer besides the app, the language, and the password.
 */
export const ProfilePage = () => {
  const translate = useTranslate();
  const { data: me, error, isPending } = useQuery({ queryKey: ME_KEY, queryFn: () => callApi<Me>(ME) });
  return (
    <Box sx={{ p: { xs: 1, sm: 2 }, display: 'grid', gap: 2, gridTemplateColumns: { xs: 'minmax(0, 1fr)', md: 'minmax(0, 3fr) minmax(0, 2fr)' }, alignItems: 'start' }}>
      <Title title="angsur.customer.profile.title" />
      <Card variant="outlined">
        <CardContent>
          <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
            {translate('angsur.customer.profile.data')}
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            {translate('angsur.customer.profile.dataHelp')}
          </Typography>
          {isPending ? <CircularProgress /> : error ? <Alert severity="error">{error.message}</Alert> : <ProfileForm key={me.id} me={me} />}
        </CardContent>
      </Card>
      <Card variant="outlined">
        <CardContent>
          <PasswordForm />
        </CardContent>
      </Card>
      <Card variant="outlined">
        <CardContent>
          <StatementDownload customerId="me" />
        </CardContent>
      </Card>
      <MyDataCard />
    </Box>
  );
};
