import { Box, Card, CardContent, CircularProgress, FormControlLabel, Stack, Switch, Typography } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Title, useNotify, useTranslate } from 'react-admin';
import { ME, UPDATE_PROFILE } from '../customer/api';
import { PasswordForm } from '../customer/profile/PasswordForm';
import { callApi } from '../dataProvider';

interface Channels {
  email: string;
  phone: string;
  notifyByEmail: boolean;
  notifyByWhatsApp: boolean;
}

/**
 * A staff member's profile: where alerts about customers' moves reach them. In-app (the bell) is
 * always on; e-mail and WhatsApp are each their choice (the API's notifyByEmail / notifyByWhatsApp,
 * saved at once on each switch). Then their password.
 */
export const ChannelsPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const { data: me } = useQuery({ queryKey: ['staff', 'me'], queryFn: () => callApi<Channels>(ME) });
  const [saving, setSaving] = useState(false);
  const toggle = (key: 'notifyByEmail' | 'notifyByWhatsApp') => async (_: unknown, value: boolean) => {
    setSaving(true);
    try {
      await callApi(UPDATE_PROFILE, { input: { [key]: value } });
      await queryClient.invalidateQueries({ queryKey: ['staff', 'me'] });
      notify('angsur.channels.saved', { type: 'success' });
    } catch (error) {
      notify((error as Error).message, { type: 'error', messageArgs: { _: (error as Error).message } });
    } finally {
      setSaving(false);
    }
  };
  return (
    <Box sx={{ maxWidth: 640, mt: 1 }}>
      <Title title="angsur.channels.title" />
      <Card>
        <CardContent>
          <Typography variant="h6" component="h2">
            {translate('angsur.channels.heading')}
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            {translate('angsur.channels.intro')}
          </Typography>
          {!me ? (
            <CircularProgress size={24} />
          ) : (
            <Stack>
              <FormControlLabel control={<Switch checked disabled />} label={translate('angsur.channels.inApp')} />
              <FormControlLabel
                control={<Switch name="notifyByEmail" checked={me.notifyByEmail} disabled={saving} onChange={(e, value) => void toggle('notifyByEmail')(e, value)} />}
                label={translate('angsur.channels.email', { email: me.email })}
              />
              <FormControlLabel
                control={<Switch name="notifyByWhatsApp" checked={me.notifyByWhatsApp} disabled={saving} onChange={(e, value) => void toggle('notifyByWhatsApp')(e, value)} />}
                label={translate('angsur.channels.whatsapp', { phone: me.phone })}
              />
            </Stack>
          )}
        </CardContent>
      </Card>
      <Card sx={{ mt: 2 }}>
        <CardContent>
          <PasswordForm />
        </CardContent>
      </Card>
    </Box>
  );
};
