import PowerIcon from '@mui/icons-material/PowerSettingsNew';
import RestartIcon from '@mui/icons-material/RestartAlt';
import StartIcon from '@mui/icons-material/PlayArrow';
import TerminalIcon from '@mui/icons-material/Terminal';
import { Alert, Box, Button, Chip, Typography } from '@mui/material';
import type { ReactElement } from 'react';
import { useTranslate } from 'react-admin';
import { ActionButton } from '../../actions';
import { callApi } from '../../dataProvider';
import type { ChipColor } from '../../fields';
import { POWER_SERVICE } from '../api';

export type PowerAction = 'START' | 'STOP' | 'REBOOT';

export interface ServerDetails {
  power: 'running' | 'stopped' | 'paused' | 'unknown';
  ipAddresses: string[];
  access: { label: string; value: string }[];
  consoleUrl: string | null;
  unavailable: string | null;
}

const POWER_COLORS: Record<ServerDetails['power'], ChipColor> = { running: 'success', stopped: 'default', paused: 'warning', unknown: 'default' };
const POWER_ICONS: Record<PowerAction, ReactElement> = { START: <StartIcon />, STOP: <PowerIcon />, REBOOT: <RestartIcon /> };

/** Which actions make sense now: start a stopped server, stop or reboot a running one. */
const sensible = (action: PowerAction, power: ServerDetails['power']) => (action === 'START' ? power !== 'running' : power === 'running');

/**
 * The server behind a service as its driver reports it: power, addresses, how to log in, the console,
 * and the power actions the driver offers (each asks for confirmation; the server audits it).
 */
export const ServerPanel = ({ serviceId, label, details, powerActions }: { serviceId: string; label: string; details: ServerDetails | null; powerActions: PowerAction[] }) => {
  const translate = useTranslate();
  if (!details) return null;
  if (details.unavailable) {
    return <Alert severity="warning">{translate('angsur.customer.services.server.unavailable')}</Alert>;
  }
  return (
    <Box data-testid="server-panel" sx={{ display: 'grid', gap: 1, border: 1, borderColor: 'divider', borderRadius: 1, p: 1.5, minWidth: 0 }}>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, alignItems: 'center' }}>
        <Typography variant="body2" color="text.secondary">
          {translate('angsur.customer.services.server.power')}
        </Typography>
        <Chip size="small" data-power={details.power} color={POWER_COLORS[details.power]} label={translate(`angsur.customer.services.server.powerState.${details.power}`)} />
      </Box>
      {details.ipAddresses.length > 0 && (
        <Box>
          <Typography variant="caption" color="text.secondary">
            {translate('angsur.customer.services.server.ip')}
          </Typography>
          <Typography variant="body2" sx={{ fontFamily: 'monospace', overflowWrap: 'anywhere' }} data-testid="server-ip">
            {details.ipAddresses.join(', ')}
          </Typography>
        </Box>
      )}
      {details.access.map((line) => (
        <Box key={line.label}>
          <Typography variant="caption" color="text.secondary">
            {line.label}
          </Typography>
          <Typography variant="body2" sx={{ fontFamily: 'monospace', overflowWrap: 'anywhere', userSelect: 'all' }}>
            {line.value}
          </Typography>
        </Box>
      ))}
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }}>
        {details.consoleUrl && (
          <Button size="small" variant="outlined" href={details.consoleUrl} target="_blank" rel="noopener" startIcon={<TerminalIcon />}>
            {translate('angsur.customer.services.server.console')}
          </Button>
        )}
        {powerActions.map((action) => (
          <ActionButton
            key={action}
            label={`angsur.customer.services.server.action.${action}`}
            icon={POWER_ICONS[action]}
            color={action === 'START' ? 'success' : 'warning'}
            disabledReason={sensible(action, details.power) ? null : `angsur.customer.services.server.notNow.${action}`}
            title={`angsur.customer.services.server.confirmTitle.${action}`}
            message={`angsur.customer.services.server.confirmMessage.${action}`}
            messageArgs={{ label }}
            successMessage={`angsur.customer.services.server.done.${action}`}
            onConfirm={() => callApi(POWER_SERVICE, { id: serviceId, action })}
          />
        ))}
      </Box>
    </Box>
  );
};
