import { Box } from '@mui/material';
import { BooleanInput, Edit, required, SelectInput, SimpleForm, TextInput } from 'react-admin';
import { localeChoices, validateEmail, validateFullName, validatePhone } from '../customers/validation';
import { STAFF_ROLE_CHOICES } from './roles';

const row = { display: 'flex', gap: 2, flexWrap: 'wrap', width: '100%', '& > *': { flex: '1 1 220px' } } as const;

/** Role changes and deactivation end the account's sessions on every device (the API does that). */
export const StaffEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list">
    <SimpleForm sx={{ maxWidth: 880 }}>
      <Box sx={row}>
        <TextInput source="fullName" validate={validateFullName} />
        <TextInput source="username" readOnly />
      </Box>
      <Box sx={row}>
        <TextInput source="email" type="email" validate={validateEmail} />
        <TextInput source="phone" validate={validatePhone} helperText="resources.customers.helper.phone" />
      </Box>
      <Box sx={row}>
        <SelectInput source="role" choices={STAFF_ROLE_CHOICES} validate={required()} />
        <SelectInput source="locale" choices={localeChoices} validate={required()} />
      </Box>
      <BooleanInput source="active" />
    </SimpleForm>
  </Edit>
);
