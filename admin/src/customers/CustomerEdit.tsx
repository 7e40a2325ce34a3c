import { Box } from '@mui/material';
import { BooleanInput, Edit, maxLength, SelectInput, ShowButton, SimpleForm, TextInput, TopToolbar, usePermissions } from 'react-admin';
import { canManageAccounts } from '../auth/permissions';
import { localeChoices, validateEmail, validateFullName, validateNik, validatePhone } from './validation';

const Actions = () => (
  <TopToolbar>
    <ShowButton />
  </TopToolbar>
);

const row = { display: 'flex', gap: 2, flexWrap: 'wrap', width: '100%', '& > *': { flex: '1 1 220px' } } as const;

/** Any staff member can correct a customer's profile; (de)activating the account is ADMIN's. */
export const CustomerEdit = () => {
  const { permissions } = usePermissions();
  return (
    <Edit mutationMode="pessimistic" redirect="show" actions={<Actions />}>
      <SimpleForm sx={{ maxWidth: 880 }}>
        <TextInput source="fullName" validate={validateFullName} />
        <Box sx={row}>
          <TextInput source="email" type="email" validate={validateEmail} />
          <TextInput source="phone" validate={validatePhone} helperText="resources.customers.helper.phone" />
        </Box>
        <Box sx={row}>
          <TextInput source="nik" validate={validateNik} helperText="resources.customers.helper.nik" />
          <TextInput source="company" validate={maxLength(160)} />
          <SelectInput source="locale" choices={localeChoices} />
        </Box>
        <TextInput source="address" multiline minRows={2} validate={maxLength(1000)} />
        <TextInput source="note" multiline minRows={2} validate={maxLength(2000)} />
        {canManageAccounts(permissions) && <BooleanInput source="active" />}
      </SimpleForm>
    </Edit>
  );
};
