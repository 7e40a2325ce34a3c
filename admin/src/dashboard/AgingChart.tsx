import { visuallyHidden } from '@mui/utils';
import { Box, Card, CardContent, Skeleton, Typography, useTheme } from '@mui/material';
import { useTranslate } from 'react-admin';
import { formatRupiah } from '../format';
import { useDashboard, type AgingBucket } from './api';

/**
 * Receivables aging as horizontal bars in plain SVG (no chart library for five bars). Accessible: the
 * SVG is a labelled image for screen readers and the same figures are a real table (visually hidden),
 * every bar carries its amount as text, and colours go from calm to alarming with the age.
 */

const BAR_HEIGHT = 28;
const GAP = 12;
const LABEL_WIDTH = 150;
const VALUE_WIDTH = 210;
const WIDTH = 720;


export const AgingChart = () => {
  const translate = useTranslate();
  const theme = useTheme();
  const { data, error } = useDashboard();
  const colors: Record<AgingBucket, string> = {
    CURRENT: theme.palette.success.main,
    DAYS_1_30: theme.palette.warning.light,
    DAYS_31_60: theme.palette.warning.main,
    DAYS_61_90: theme.palette.error.light,
    OVER_90: theme.palette.error.dark,
  };
  const lines = data?.aging ?? [];
  // bigint all the way: the widest bar is 100 %, the others a share of it in 1/1000ths.
  const max = lines.reduce((m, l) => (BigInt(l.amount) > m ? BigInt(l.amount) : m), 0n);
  const share = (amount: string) => (max === 0n ? 0 : Number((BigInt(amount) * 1000n) / max) / 1000);
  const barSpace = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const height = lines.length * (BAR_HEIGHT + GAP);
  const title = translate('angsur.dashboard.aging.title');
  const label = (bucket: AgingBucket) => translate(`angsur.dashboard.aging.bucket.${bucket}`);

  return (
    <Card sx={{ flex: '2 1 520px' }} data-testid="aging-chart">
      <CardContent>
        <Typography variant="h6" component="h2" id="aging-title">
          {title}
        </Typography>
        <Typography variant="caption" color="text.secondary" component="p" sx={{ mb: 2 }}>
          {translate('angsur.dashboard.aging.hint')}
        </Typography>
        {error ? (
          <Typography color="error">{translate('angsur.dashboard.unavailable')}</Typography>
        ) : !data ? (
          <Skeleton variant="rectangular" height={5 * (BAR_HEIGHT + GAP)} />
        ) : (
          <>
            <Box component="svg" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby="aging-title" sx={{ width: '100%', height: 'auto', display: 'block' }}>
              {lines.map((line, i) => {
                const y = i * (BAR_HEIGHT + GAP);
                const width = Math.max(share(line.amount) * barSpace, BigInt(line.amount) > 0n ? 2 : 0);
                return (
                  <g key={line.bucket} data-bucket={line.bucket}>
                    <text x={0} y={y + BAR_HEIGHT / 2} dominantBaseline="middle" fontSize={14} fill={theme.palette.text.primary}>
                      {label(line.bucket)}
                    </text>
                    <rect x={LABEL_WIDTH} y={y} width={barSpace} height={BAR_HEIGHT} rx={4} fill={theme.palette.action.hover} />
                    <rect x={LABEL_WIDTH} y={y} width={width} height={BAR_HEIGHT} rx={4} fill={colors[line.bucket]} />
                    <text x={LABEL_WIDTH + barSpace + 10} y={y + BAR_HEIGHT / 2} dominantBaseline="middle" fontSize={14} fill={theme.palette.text.primary}>
                      <tspan fontWeight={600} data-testid={`aging-amount-${line.bucket}`}>{formatRupiah(line.amount)}</tspan>
                      <tspan fill={theme.palette.text.secondary}> · {translate('angsur.dashboard.aging.count', { smart_count: line.installments })}</tspan>
                    </text>
                  </g>
                );
              })}
            </Box>
            {/* For screen readers. The clipping box is a div: a table ignores width and overflow, and a
                hidden table as wide as its text widened the whole page. */}
            <Box sx={visuallyHidden}>
              <table>
                <caption>{title}</caption>
                <thead>
                  <tr>
                    <th scope="col">{translate('angsur.dashboard.aging.bucketHeader')}</th>
                    <th scope="col">{translate('angsur.dashboard.aging.amountHeader')}</th>
                    <th scope="col">{translate('angsur.dashboard.aging.countHeader')}</th>
                  </tr>
                </thead>
                <tbody>
                  {lines.map((line) => (
                    <tr key={line.bucket}>
                      <th scope="row">{label(line.bucket)}</th>
                      <td>{formatRupiah(line.amount)}</td>
                      <td>{line.installments}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </Box>
          </>
        )}
      </CardContent>
    </Card>
  );
};
