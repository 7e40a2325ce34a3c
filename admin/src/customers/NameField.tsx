import { Box, Typography } from '@mui/material';
import { useRecordContext } from 'react-admin';

/** Full name with the username under it, so one column says who it is. */
export const NameField = (_props: { label?: string; source?: string }) => {
  const user = useRecordContext<{ fullName?: string; username?: string }>();
  if (!user) return null;
  return (
    <Box>
      <Typography variant="body2">{user.fullName}</Typography>
      <Typography variant="caption" color="text.secondary">
        @{user.username}
      </Typography>
    </Box>
  );
};
