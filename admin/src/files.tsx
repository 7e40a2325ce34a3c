import DownloadIcon from '@mui/icons-material/Download';
import { Box, Button, CircularProgress, Tooltip, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useDataProvider, useNotify, useTranslate } from 'react-admin';
import type { AngsurDataProvider } from './dataProvider';

/**
 * Files behind the API's bearer token (transfer proofs, CSV exports). They are fetched with the
 * Authorization header and handed to the browser as blob: URLs, so the token never appears in a
 * URL, the history or a server log.
 */

/** Saves a blob under `fileName` through a temporary link. */
export function saveBlob(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Give the browser a moment to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A protected file as a blob: URL for an <img> or <object>, revoked when no longer shown. */
export function useProtectedFile(path: string | null | undefined) {
  const dataProvider = useDataProvider<AngsurDataProvider>();
  const { data, error, isPending } = useQuery({
    queryKey: ['protectedFile', path],
    queryFn: () => dataProvider.getFile(path!),
    enabled: !!path,
    // A proof never changes once uploaded; no need to fetch it again while the page is open.
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
  });
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!data) return undefined;
    const objectUrl = URL.createObjectURL(data.blob);
    setUrl(objectUrl);
    return () => {
      URL.revokeObjectURL(objectUrl);
      setUrl(null);
    };
  }, [data]);
  return {
    url,
    contentType: data?.blob.type ?? null,
    fileName: data?.fileName ?? null,
    blob: data?.blob ?? null,
    headers: data?.headers ?? null,
    error: error as Error | null,
    isPending: !!path && isPending,
  };
}

/**
 * Downloads one of the API's protected files (GET with the session's token) and saves it under the
 * server's file name, or `fallbackName`.
 */
export const DownloadFileButton = ({ path, fallbackName, label, tooltip, variant = 'text' }: { path: string; fallbackName: string; label: string; tooltip?: string; variant?: 'text' | 'outlined' | 'contained' }) => {
  const dataProvider = useDataProvider<AngsurDataProvider>();
  const translate = useTranslate();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  // Reports its own failure (notify): the button starts it without awaiting.
  const download = async () => {
    setBusy(true);
    try {
      const file = await dataProvider.getFile(path);
      saveBlob(file.blob, file.fileName ?? fallbackName);
    } catch (error) {
      const text = (error as Error).message;
      notify(text, { type: 'error', messageArgs: { _: text } });
    } finally {
      setBusy(false);
    }
  };
  const button = (
    <Button size="small" variant={variant} onClick={() => void download()} disabled={busy} startIcon={busy ? <CircularProgress size={16} /> : <DownloadIcon />}>
      {translate(label)}
    </Button>
  );
  if (!tooltip) return button;
  return (
    <Tooltip title={translate(tooltip)}>
      <span style={{ display: 'inline-flex' }}>{button}</span>
    </Tooltip>
  );
};

/**
 * The list's CSV export (GET /exports/…csv with the session's token). The API exports every row,
 * whatever the list's filters: the tooltip says so.
 */
export const ExportCsvButton = ({ path, fallbackName, tooltip }: { path: string; fallbackName: string; tooltip: string }) => (
  <DownloadFileButton path={path} fallbackName={fallbackName} tooltip={tooltip} label="angsur.export.csv" />
);

/**
 * A PDF from a blob: URL, shown by the browser's own viewer. Where the browser has none (some
 * headless or locked-down browsers), the fallback text is shown instead.
 */
export const PdfObject = ({ url, title, fallback, height = 560, testId }: { url: string; title: string; fallback: string; height?: number; testId?: string }) => (
  <Box
    component="object"
    data={url}
    type="application/pdf"
    aria-label={title}
    data-testid={testId}
    sx={{ width: '100%', height, border: 1, borderColor: 'divider', borderRadius: 1 }}
  >
    <Typography variant="body2" sx={{ p: 2 }}>
      {fallback}
    </Typography>
  </Box>
);
