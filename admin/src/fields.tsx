import { Box, Chip, InputAdornment, Link, Typography, type TypographyProps } from '@mui/material';
import WhatsAppIcon from '@mui/icons-material/WhatsApp';
import {
  NumberInput,
  TextInput,
  useFieldValue,
  useLocale,
  useTranslate,
  type NumberInputProps,
  type TextInputProps,
} from 'react-admin';
import {
  bpsToPercent,
  formatDate,
  formatDateTime,
  formatPercentBps,
  formatPhone,
  formatRupiah,
  formatTime,
  groupThousands,
  parseRupiah,
  percentToBps,
  whatsappLink,
} from './format';

/** Fields and inputs in Angsur's formats (see format.ts). Fields take `source` like react-admin's own. */

interface FieldProps extends Omit<TypographyProps, 'children'> {
  source: string;
  /** For the column header / labeled layouts (react-admin reads it from the props). */
  label?: string | false;
  sortable?: boolean;
  /** Shown when the value is empty. */
  emptyText?: string;
}

const Text = ({ children, sx, ...props }: TypographyProps) => (
  <Typography component="span" variant="body2" sx={{ whiteSpace: 'nowrap', ...sx }} {...props}>
    {children}
  </Typography>
);

const useValue = (source: string) => useFieldValue({ source }) as unknown;

function pickTypography({ source: _source, label: _label, sortable: _sortable, emptyText: _emptyText, ...rest }: FieldProps) {
  return rest;
}

/** Rupiah (the API's digit string): `Rp 1.500.000`. */
export const RupiahField = (props: FieldProps) => {
  const value = useValue(props.source);
  const text = formatRupiah(value as string | null);
  return <Text {...pickTypography(props)}>{text || props.emptyText || ''}</Text>;
};

/** Basis points as a percentage: 150 -> `1,5%`. */
export const PercentField = (props: FieldProps) => {
  const value = useValue(props.source);
  const locale = useLocale();
  return <Text {...pickTypography(props)}>{formatPercentBps(value as number | null, locale) || props.emptyText || ''}</Text>;
};

/**
 * An instant in Jakarta time: `24 Nov 2026 22.47 WIB`. `stacked` puts the time under the date,
 * for narrow list columns.
 */
export const DateTimeField = ({ stacked = false, ...props }: FieldProps & { stacked?: boolean }) => {
  const value = useValue(props.source) as string | null;
  const locale = useLocale();
  if (stacked && value) {
    return (
      <Box component="span" sx={{ display: 'inline-flex', flexDirection: 'column' }}>
        <Text {...pickTypography(props)}>{formatDate(value, locale)}</Text>
        <Text variant="caption" color="text.secondary">
          {formatTime(value, locale)}
        </Text>
      </Box>
    );
  }
  return <Text {...pickTypography(props)}>{formatDateTime(value, locale) || props.emptyText || ''}</Text>;
};

/** A calendar date (LocalDate or an instant's Jakarta date): `24 Nov 2026`. */
export const DateField = (props: FieldProps) => {
  const value = useValue(props.source);
  const locale = useLocale();
  return <Text {...pickTypography(props)}>{formatDate(value as string | null, locale) || props.emptyText || ''}</Text>;
};

/** `+62 812-3456-7890`, with a WhatsApp link for mobile numbers. */
export const PhoneField = (props: FieldProps) => {
  const value = useValue(props.source) as string | null;
  const translate = useTranslate();
  if (!value) return <Text {...pickTypography(props)}>{props.emptyText ?? ''}</Text>;
  const link = whatsappLink(value);
  return (
    <Text {...pickTypography(props)}>
      <Link href={`tel:${value}`} underline="hover" color="inherit" onClick={(e) => e.stopPropagation()}>
        {formatPhone(value)}
      </Link>
      {link && (
        <Link
          href={link}
          target="_blank"
          rel="noopener noreferrer"
          title={translate('angsur.phone.whatsapp')}
          aria-label={translate('angsur.phone.whatsapp')}
          onClick={(e) => e.stopPropagation()}
          sx={{ ml: 0.75, verticalAlign: 'middle', color: '#1faa53', display: 'inline-flex' }}
        >
          <WhatsAppIcon fontSize="inherit" />
        </Link>
      )}
    </Text>
  );
};

/** A translated enum value: `<EnumField source="category" prefix="resources.products.category" />`. */
export const EnumField = (props: FieldProps & { prefix: string }) => {
  const { prefix, ...rest } = props;
  const value = useValue(rest.source) as string | null;
  const translate = useTranslate();
  return <Text {...pickTypography(rest)}>{value ? translate(`${prefix}.${value}`, { _: value }) : rest.emptyText ?? ''}</Text>;
};

export type ChipColor = 'default' | 'primary' | 'secondary' | 'error' | 'info' | 'success' | 'warning';

/**
 * A translated status as a coloured chip:
 * `<StatusChipField source="status" prefix="resources.orders.status" colors={ORDER_STATUS_COLORS} />`.
 * `value` shows a derived status instead of the record's (an unpaid installment past its due date).
 */
export const StatusChipField = (props: Omit<FieldProps, 'color'> & { prefix: string; colors: Partial<Record<string, ChipColor>>; value?: string | null }) => {
  const { prefix, colors, value: derived, source, emptyText } = props;
  const stored = useValue(source) as string | null;
  const translate = useTranslate();
  const value = derived ?? stored;
  if (!value) return <Text>{emptyText ?? ''}</Text>;
  return <Chip size="small" label={translate(`${prefix}.${value}`, { _: value })} color={colors[value] ?? 'default'} data-status={value} sx={props.sx} />;
};

/**
 * Rupiah typed with thousands separators as you go (`1.500.000`), stored as the API's digit string.
 */
export const RupiahInput = (props: TextInputProps) => (
  <TextInput
    format={(value: unknown) => (value === null || value === undefined || value === '' ? '' : groupThousands(String(value).replace(/[^\d]/g, '')))}
    parse={(text: string) => parseRupiah(text)}
    slotProps={{
      input: { startAdornment: <InputAdornment position="start">Rp</InputAdornment> },
      htmlInput: { inputMode: 'numeric', autoComplete: 'off' },
    }}
    {...props}
  />
);

/**
 * A rate stored in basis points, typed as a percentage: 1,5 (%) <-> 150.
 * `asString` keeps it a digit string for the API's Rupiah-typed rate fields (downPaymentValue, lateFeeValue).
 */
export const PercentInput = ({ asString, ...props }: NumberInputProps & { asString?: boolean }) => (
  <NumberInput
    format={(value: unknown) => {
      const percent = bpsToPercent(value as number | string | null);
      return percent === null ? '' : String(percent);
    }}
    parse={(value: unknown) => {
      const bps = percentToBps(value as number | string | null);
      return bps === null ? null : asString ? String(bps) : bps;
    }}
    slotProps={{ input: { endAdornment: <InputAdornment position="end">%</InputAdornment> } }}
    {...props}
  />
);
