import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import { Box, Link, Typography } from '@mui/material';
import { useRecordContext } from 'react-admin';
import { StatusChipField } from '../fields';
import { PROVISIONING_COLORS, SERVICE_STATUS_COLORS, type Service } from './choices';

/** Fields of a service row or page, reading the service from the record context. */

interface CellProps {
  label?: string;
  source?: string;
}

export const ServiceStatusField = (_props: CellProps) => <StatusChipField source="status" prefix="resources.services.status" colors={SERVICE_STATUS_COLORS} />;

export const ProvisioningField = (_props: CellProps) => (
  <StatusChipField source="provisioning" prefix="resources.services.provisioning" colors={PROVISIONING_COLORS} />
);

/** The service's name, with the hosting page it serves (the local driver) as a link. */
export const ServiceLabelField = (_props: CellProps) => {
  const service = useRecordContext<Service>();
  if (!service) return null;
  return (
    <Box sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5 }}>
      <Typography component="span" variant="body2" sx={{ fontFamily: 'monospace' }}>
        {service.label}
      </Typography>
      {service.driver === 'local' && (
        <Link href={service.hostingUrl} target="_blank" rel="noopener noreferrer" onClick={(e) => e.stopPropagation()} sx={{ display: 'inline-flex' }} aria-label={service.hostingUrl}>
          <OpenInNewIcon fontSize="inherit" />
        </Link>
      )}
    </Box>
  );
};

/** The driver's last failure, shortened in lists (the page shows all of it). */
export const LastErrorField = ({ full = false }: CellProps & { full?: boolean }) => {
  const service = useRecordContext<Service>();
  if (!service?.lastError) return <Typography component="span" variant="body2" color="text.secondary">-</Typography>;
  return (
    <Typography component="span" variant="body2" color="error" title={service.lastError} sx={full ? { whiteSpace: 'pre-line' } : { display: 'block', maxWidth: 280, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
      {service.lastError}
    </Typography>
  );
};
