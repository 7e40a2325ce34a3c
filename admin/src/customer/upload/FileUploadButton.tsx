import UploadIcon from '@mui/icons-material/UploadFile';
import { Alert, Box, Button, CircularProgress } from '@mui/material';
import { useRef, useState } from 'react';
import { useDataProvider, useNotify, useRefresh, useTranslate } from 'react-admin';
import type { AngsurDataProvider } from '../../dataProvider';

export interface FileUploadButtonProps {
  /** Where the bytes go (PUT, with the session's token). */
  path: string;
  label: string;
  /** MIME types the server accepts; checked here too so a wrong file fails before a long upload. */
  accept: readonly string[];
  maxBytes: number;
  /** Translation key of the hint under the button (the types and size allowed). */
  hint: string;
  successMessage: string;
  onUploaded?: (result: unknown) => void;
  testId?: string;
}

/**
 * Picks a file and PUTs it to one of the API's upload routes. Type and size are checked before
 * sending; what the server refuses (not authentic, not a PDF, wrong state) is shown in its own words.
 */
export const FileUploadButton = ({ path, label, accept, maxBytes, hint, successMessage, onUploaded, testId }: FileUploadButtonProps) => {
  const dataProvider = useDataProvider<AngsurDataProvider>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const upload = async (file: File) => {
    setError(null);
    // The browser's type comes from the extension; the server checks the bytes as well.
    if (file.type && !accept.includes(file.type)) return setError(translate('angsur.customer.upload.wrongType'));
    if (file.size > maxBytes) return setError(translate('angsur.customer.upload.tooLarge', { mb: Math.round(maxBytes / 1024 / 1024) }));
    if (file.size === 0) return setError(translate('angsur.customer.upload.empty'));
    setBusy(true);
    try {
      const result = await dataProvider.putFile(path, file);
      notify(successMessage, { type: 'success' });
      onUploaded?.(result);
      refresh();
    } catch (failure) {
      const text = (failure as Error).message;
      setError(translate(text, { _: text }));
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  return (
    <Box data-testid={testId}>
      <input
        ref={input}
        type="file"
        hidden
        accept={accept.join(',')}
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) void upload(file);
        }}
      />
      <Button variant="contained" size="small" startIcon={busy ? <CircularProgress size={16} /> : <UploadIcon />} disabled={busy} onClick={() => input.current?.click()}>
        {translate(label)}
      </Button>
      <Box component="span" sx={{ display: 'block', mt: 0.5, typography: 'caption', color: 'text.secondary' }}>
        {translate(hint)}
      </Box>
      {error && (
        <Alert severity="error" sx={{ mt: 1 }} data-testid="upload-error">
          {error}
        </Alert>
      )}
    </Box>
  );
};
