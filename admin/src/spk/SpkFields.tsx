import { Link as MuiLink, Typography } from '@mui/material';
import { Link, useCreatePath, useRecordContext } from 'react-admin';
import { StatusChipField } from '../fields';
import { SPK_STATUS_COLORS, SPK_STATUS_PREFIX, type Spk } from './choices';

/** Fields of an SPK row or page, reading the SPK from the record context. */

interface CellProps {
  label?: string;
  source?: string;
}

export const SpkStatusField = ({ source = 'status' }: CellProps) => <StatusChipField source={source} prefix={SPK_STATUS_PREFIX} colors={SPK_STATUS_COLORS} />;

/** A link to a record's page that does not trigger the row's own click. */
export const RecordLink = ({ resource, id, children, testId }: { resource: string; id: string; children: string; testId?: string }) => {
  const createPath = useCreatePath();
  return (
    <MuiLink
      component={Link}
      to={createPath({ resource, type: 'show', id })}
      underline="hover"
      onClick={(e: React.MouseEvent) => e.stopPropagation()}
      sx={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}
      data-testid={testId}
    >
      {children}
    </MuiLink>
  );
};

export const SpkOrderField = (_props: CellProps) => {
  const spk = useRecordContext<Spk>();
  if (!spk) return null;
  return <RecordLink resource="orders" id={spk.order.id}>{spk.order.number}</RecordLink>;
};

export const SpkCustomerField = (_props: CellProps) => {
  const spk = useRecordContext<Spk>();
  if (!spk) return null;
  return <RecordLink resource="customers" id={spk.customer.id}>{spk.customer.fullName}</RecordLink>;
};

export const SpkNumberField = (_props: CellProps) => {
  const spk = useRecordContext<Spk>();
  if (!spk) return null;
  return (
    <Typography component="span" variant="body2" sx={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>
      {spk.number}
    </Typography>
  );
};
