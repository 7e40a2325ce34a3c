import { ArrayField, DataTable, FunctionField, TextField, useTranslate } from 'react-admin';
import { DateTimeField, EnumField } from '../fields';
import { DownloadFileButton } from '../files';
import type { SpkVersion } from './choices';

/** Every version of the document (drafts, the admin-signed one, customer uploads), with its SHA-256. */
export const SpkVersions = (_props: { label?: false }) => {
  const translate = useTranslate();
  return (
    <ArrayField source="versions" sort={{ field: 'version', order: 'DESC' }}>
      <DataTable bulkActionButtons={false} rowClick={false}>
        <DataTable.NumberCol source="version" label="resources.spks.versions.version" />
        <DataTable.Col source="kind" label="resources.spks.versions.kind">
          <EnumField source="kind" prefix="resources.spks.versions.kinds" />
        </DataTable.Col>
        <DataTable.Col source="note" label="resources.spks.versions.note">
          <TextField source="note" emptyText="-" />
        </DataTable.Col>
        <DataTable.Col source="sha256" label="resources.spks.versions.sha256">
          <TextField source="sha256" sx={{ fontFamily: 'monospace', fontSize: 12, wordBreak: 'break-all' }} />
        </DataTable.Col>
        <DataTable.Col source="createdAt" label="resources.spks.versions.createdAt">
          <DateTimeField source="createdAt" stacked />
        </DataTable.Col>
        <DataTable.Col label={false}>
          <FunctionField<SpkVersion>
            render={(v) => (
              <DownloadFileButton
                path={`${v.downloadUrl}?download=1`}
                fallbackName={`spk-v${v.version}.pdf`}
                label="resources.spks.versions.download"
                tooltip={translate('resources.spks.versions.downloadHint', { version: v.version })}
              />
            )}
          />
        </DataTable.Col>
      </DataTable>
    </ArrayField>
  );
};
