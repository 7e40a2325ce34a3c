import { Box } from '@mui/material';
import { Create, PasswordInput, required, SelectInput, SimpleForm, TextInput } from 'react-admin';
import { validateEmail, validateFullName, validatePassword, validatePhone, validateUsername } from '../customers/validation';
import { STAFF_ROLE_CHOICES } from './roles';

const row = { display: 'flex', gap: 2, flexWrap: 'wrap', width: '100%', '& > *': { flex: '1 1 220px' } } as const;

/** ADMIN opens an account for a colleague and hands over the first password. */
export const StaffCreate = () => (
  <Create redirect="list">
    <SimpleForm sx={{ maxWidth: 880 }} defaultValues={{ role: 'SUPPORT' }}>
      <Box sx={row}>
        <TextInput source="fullName" validate={validateFullName} />
        <SelectInput source="role" choices={STAFF_ROLE_CHOICES} validate={required()} />
      </Box>
      <Box sx={row}>
        <TextInput source="username" validate={validateUsername} helperText="resources.staff.helper.username" autoComplete="off" />
        <PasswordInput source="password" validate={validatePassword} helperText="resources.staff.helper.password" autoComplete="new-password" />
      </Box>
      <Box sx={row}>
        <TextInput source="email" type="email" validate={validateEmail} />
        <TextInput source="phone" validate={validatePhone} helperText="resources.customers.helper.phone" />
      </Box>
    </SimpleForm>
  </Create>
);
