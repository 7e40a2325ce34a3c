import { Box, Card, CardActionArea, CardContent, Skeleton, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import { Link } from 'react-router';

/** A list link with its filter, e.g. /orders?filter={"overdue":true}. */
export const filtered = (path: string, filter: Record<string, unknown>) => `${path}?filter=${encodeURIComponent(JSON.stringify(filter))}`;

/**
 * One figure on the dashboard, linking to the list behind it. `value` is already formatted (a count
 * in the UI language, or rupiah); undefined while loading. `alert`: work waiting (arrears, transfers to
 * verify), the figure turns orange when it is not zero.
 */
export const StatCard = ({
  icon,
  title,
  to,
  value,
  detail,
  testId,
  alert = false,
  error = false,
}: {
  icon: ReactNode;
  title: string;
  to: string;
  value?: string;
  detail?: ReactNode;
  testId: string;
  alert?: boolean;
  error?: boolean;
}) => {
  const translate = useTranslate();
  const pending = alert && value !== undefined && !/^(Rp )?0$/.test(value);
  return (
    <Card sx={{ flex: '1 1 240px', maxWidth: 360 }}>
      <CardActionArea component={Link} to={to} sx={{ height: '100%' }}>
        <CardContent sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
          <Box sx={{ color: pending ? 'warning.main' : 'primary.main', display: 'flex', '& svg': { fontSize: 44 } }}>{icon}</Box>
          <Box sx={{ minWidth: 0 }}>
            <Typography variant="body2" color="text.secondary">
              {title}
            </Typography>
            <Typography variant="h5" component="p" data-testid={`count-${testId}`} sx={{ whiteSpace: 'nowrap', ...(pending ? { color: 'warning.dark' } : {}) }}>
              {error ? translate('angsur.dashboard.unavailable') : value === undefined ? <Skeleton width={80} /> : value}
            </Typography>
            {detail && (
              <Typography variant="caption" color="text.secondary" component="div">
                {detail}
              </Typography>
            )}
          </Box>
        </CardContent>
      </CardActionArea>
    </Card>
  );
};
