import ArrowIcon from '@mui/icons-material/ArrowForward';
import { Box, Typography } from '@mui/material';
import { ArrayField, DataTable, FunctionField, TextField, useTranslate } from 'react-admin';
import { DateTimeField, EnumField } from '../fields';
import type { SpkEvent } from './choices';
import { SpkStatusField } from './SpkFields';

/** Who moved the SPK, when, from which state to which, and why. */
export const SpkHistory = (_props: { label?: false }) => {
  const translate = useTranslate();
  return (
    <ArrayField source="history">
      <DataTable bulkActionButtons={false} rowClick={false} data-testid="spk-history">
        <DataTable.Col source="at" label="resources.spks.history.at">
          <DateTimeField source="at" />
        </DataTable.Col>
        <DataTable.Col source="action" label="resources.spks.history.action">
          <EnumField source="action" prefix="resources.spks.history.actions" />
        </DataTable.Col>
        <DataTable.Col source="actor" label="resources.spks.history.actor">
          <FunctionField<SpkEvent>
            render={(e) => (
              <Box>
                <Typography variant="body2">{e.actor?.fullName ?? translate('resources.spks.history.system')}</Typography>
                {e.actorRole && (
                  <Typography variant="caption" color="text.secondary">
                    {translate(`angsur.roles.${e.actorRole}`, { _: e.actorRole })}
                  </Typography>
                )}
              </Box>
            )}
          />
        </DataTable.Col>
        <DataTable.Col label="resources.spks.history.change">
          <Box sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5 }}>
            <SpkStatusField source="fromStatus" />
            <ArrowIcon fontSize="small" color="action" />
            <SpkStatusField source="toStatus" />
          </Box>
        </DataTable.Col>
        <DataTable.Col source="reason" label="resources.spks.history.reason">
          <TextField source="reason" emptyText="-" sx={{ whiteSpace: 'pre-line' }} />
        </DataTable.Col>
      </DataTable>
    </ArrayField>
  );
};
