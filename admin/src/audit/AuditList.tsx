import { Box, useMediaQuery, type Theme } from '@mui/material';
import { DataTable, List, SimpleList, TextField, TextInput, useLocale, useRecordContext } from 'react-admin';
import { DateTimeField, EnumField } from '../fields';
import { formatDateTime } from '../format';
import { auditExporter } from '../export/lists';
import { useApiLocale } from '../i18n';
import { HistorySentence, type SentencePart } from './HistorySentence';

const filters = [
  <TextInput key="action" source="action" alwaysOn />,
  <TextInput key="entityType" source="entityType" />,
  <TextInput key="entityId" source="entityId" />,
];

/** The entry's data (what changed, before/after) as indented JSON, for the investigator who needs it. */
const AuditData = () => {
  const entry = useRecordContext<{ data?: unknown; requestId?: string }>();
  if (!entry) return null;
  return (
    <Box component="pre" sx={{ m: 0, p: 1.5, bgcolor: 'action.hover', borderRadius: 1, fontSize: 12, overflow: 'auto', maxHeight: 360 }}>
      {JSON.stringify({ ...(entry.data as object), requestId: entry.requestId }, null, 2)}
    </Box>
  );
};

/** "Sari menangguhkan pesanan ORD-…: alasan …", with the people and records as links. */
const SentenceCell = (_props: { label?: string; source?: string }) => {
  const entry = useRecordContext<{ parts?: SentencePart[] }>();
  return entry?.parts ? <HistorySentence parts={entry.parts} /> : null;
};

/**
 * Who did what, newest first, each entry a sentence in the UI language (the raw action and data stay one
 * click away in the expanded row and in the CSV). Read-only; ADMIN only.
 */
export const AuditList = () => {
  // The sentences come in the UI language: a switch of language asks again (meta is part of the query key).
  const { locale, ready } = useApiLocale();
  const uiLocale = useLocale();
  // On a phone a table of sentences would be squeezed to a word per line: one entry per row instead.
  const phone = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  return (
    <List sort={{ field: 'at', order: 'DESC' }} filters={filters} exporter={auditExporter} queryOptions={{ meta: { locale }, enabled: ready }}>
      {phone ? (
        <SimpleList<{ id: string; at: string; parts?: SentencePart[] }>
          primaryText={(entry) => (entry.parts ? <HistorySentence parts={entry.parts} /> : null)}
          secondaryText={(entry) => formatDateTime(entry.at, uiLocale)}
          linkType={false}
        />
      ) : (
        <DataTable bulkActionButtons={false} expand={<AuditData />} rowClick="expand">
          <DataTable.Col source="at">
            <DateTimeField source="at" />
          </DataTable.Col>
          <DataTable.Col source="sentence" disableSort>
            <SentenceCell />
          </DataTable.Col>
          <DataTable.Col source="actorRole" disableSort>
            <EnumField source="actorRole" prefix="angsur.roles" emptyText="-" />
          </DataTable.Col>
          <DataTable.Col source="action">
            <TextField source="action" sx={{ fontFamily: 'monospace', fontSize: 12, color: 'text.secondary' }} />
          </DataTable.Col>
        </DataTable>
      )}
    </List>
  );
};
