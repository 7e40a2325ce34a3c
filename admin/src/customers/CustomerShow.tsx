import { Box, Stack } from '@mui/material';
import { BooleanField, EditButton, EmailField, Labeled, Show, TextField, TopToolbar, useRecordContext } from 'react-admin';
import { StatementDownload } from '../statements/StatementDownload';
import { DateTimeField, EnumField, PhoneField } from '../fields';

const Actions = () => (
  <TopToolbar>
    <EditButton />
  </TopToolbar>
);

const row = { display: 'flex', gap: 4, flexWrap: 'wrap' } as const;

/** Staff download any customer's statement of account. */
const CustomerStatement = () => {
  const record = useRecordContext<{ id: string }>();
  return record ? <StatementDownload customerId={record.id} /> : null;
};

export const CustomerShow = () => (
  <Show actions={<Actions />}>
    <Stack spacing={2} sx={{ p: 2 }}>
      <Box sx={row}>
        <Labeled source="fullName">
          <TextField source="fullName" variant="h6" />
        </Labeled>
        <Labeled source="username">
          <TextField source="username" />
        </Labeled>
        <Labeled source="active">
          <BooleanField source="active" />
        </Labeled>
      </Box>
      <Box sx={row}>
        <Labeled source="email">
          <EmailField source="email" />
        </Labeled>
        <Labeled source="phone">
          <PhoneField source="phone" />
        </Labeled>
        <Labeled source="nik">
          <TextField source="nik" emptyText="-" />
        </Labeled>
        <Labeled source="locale">
          <EnumField source="locale" prefix="angsur.locales" />
        </Labeled>
      </Box>
      <Box sx={row}>
        <Labeled source="company">
          <TextField source="company" emptyText="-" />
        </Labeled>
        <Labeled source="address">
          <TextField source="address" emptyText="-" sx={{ whiteSpace: 'pre-line' }} />
        </Labeled>
      </Box>
      <Labeled source="note">
        <TextField source="note" emptyText="-" sx={{ whiteSpace: 'pre-line' }} />
      </Labeled>
      <Box sx={row}>
        <Labeled source="createdAt">
          <DateTimeField source="createdAt" />
        </Labeled>
        <Labeled source="lastLoginAt">
          <DateTimeField source="lastLoginAt" emptyText="-" />
        </Labeled>
      </Box>
      <CustomerStatement />
    </Stack>
  </Show>
);
