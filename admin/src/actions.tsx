import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField, Tooltip } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState, type ReactElement, type ReactNode } from 'react';
import { useNotify, useRefresh, useTranslate } from 'react-admin';

const REASON_MAX = 1000; // the API's limit for cancellation, rejection and refund reasons

export interface ActionButtonProps {
  /** Translation key of the button (and of the dialog's confirm button). */
  label: string;
  icon: ReactElement;
  /**
   * Why the action cannot be taken now (a translation key): the button stays visible but disabled,
   * with this as its tooltip. Leave it out when the role may not take the action at all: then the
   * caller does not render the button.
   */
  disabledReason?: string | null;
  /** Dialog title and text (translation keys). */
  title: string;
  message: string;
  messageArgs?: Record<string, unknown>;
  /** Ask for a reason (at most 1000 characters): the label of its field. */
  reasonLabel?: string;
  /** The reason may be left empty (a note rather than a reason). */
  reasonOptional?: boolean;
  reasonHelper?: string;
  /** Extra inputs in the dialog (e.g. a staff picker); `ready` says whether they are filled in. */
  children?: ReactNode;
  ready?: boolean;
  color?: 'primary' | 'error' | 'warning' | 'success';
  /** The API call; rejects with an HttpError carrying the API's localized message. */
  onConfirm: (reason: string) => Promise<unknown>;
  /** Translation key of the notification after success. */
  successMessage: string;
  onClose?: () => void;
}

/**
 * A state-changing action: a button that opens a confirmation dialog (with a reason field when the
 * API needs one), calls the API, then notifies and refetches the page. An error from the API keeps
 * the dialog open with the API's message, so the reason typed is not lost.
 */
export const ActionButton = ({
  label,
  icon,
  disabledReason,
  title,
  message,
  messageArgs,
  reasonLabel,
  reasonOptional = false,
  reasonHelper,
  children,
  ready = true,
  color = 'primary',
  onConfirm,
  successMessage,
  onClose,
}: ActionButtonProps) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const { mutate, isPending, error, reset } = useMutation<unknown, Error, string>({
    mutationFn: (value) => onConfirm(value),
    onSuccess: () => {
      setOpen(false);
      setReason('');
      onClose?.();
      notify(successMessage, { type: 'success' });
      refresh();
    },
  });
  const close = () => {
    if (isPending) return;
    setOpen(false);
    setReason('');
    reset();
    onClose?.();
  };
  const reasonMissing = !!reasonLabel && !reasonOptional && !reason.trim();
  const button = (
    <Button size="small" color={color} startIcon={icon} disabled={!!disabledReason} onClick={() => setOpen(true)}>
      {translate(label)}
    </Button>
  );
  return (
    <>
      {disabledReason ? (
        <Tooltip title={translate(disabledReason)}>
          {/* A disabled button fires no events: the span carries the tooltip. */}
          <span>{button}</span>
        </Tooltip>
      ) : (
        button
      )}
      <ConfirmDialog
        open={open}
        title={title}
        message={message}
        messageArgs={messageArgs}
        confirmLabel={label}
        icon={icon}
        color={color}
        pending={isPending}
        error={error}
        confirmDisabled={reasonMissing || !ready}
        onCancel={close}
        onConfirm={() => mutate(reason.trim())}
      >
        {children}
        {reasonLabel && (
          <TextField
            name="reason"
            label={translate(reasonLabel)}
            helperText={reasonHelper ? translate(reasonHelper) : undefined}
            value={reason}
            onChange={(event) => setReason(event.target.value.slice(0, REASON_MAX))}
            required={!reasonOptional}
            multiline
            minRows={2}
            fullWidth
            autoFocus
            margin="dense"
            slotProps={{ htmlInput: { maxLength: REASON_MAX } }}
          />
        )}
      </ConfirmDialog>
    </>
  );
};

export interface ConfirmDialogProps {
  open: boolean;
  /** Dialog title and text (translation keys, with `messageArgs`). */
  title: string;
  message: string;
  messageArgs?: Record<string, unknown>;
  /** Translation key of the confirm button. */
  confirmLabel: string;
  icon?: ReactElement;
  color?: ActionButtonProps['color'];
  /** The call is running: both buttons are disabled and the dialog cannot be closed. */
  pending: boolean;
  /** The last failure (its message is a translation key or the API's localized text). */
  error?: Error | null;
  confirmDisabled?: boolean;
  onCancel: () => void;
  onConfirm: () => void;
  /** Extra content under the message (inputs, a list of consequences). */
  children?: ReactNode;
}

/**
 * The confirmation dialog of every state-changing action: what will happen, the API's error if the
 * call failed (the dialog stays open), cancel and confirm. ActionButton uses it; so do actions that
 * are not a toolbar button (a user menu entry).
 */
export const ConfirmDialog = ({
  open,
  title,
  message,
  messageArgs,
  confirmLabel,
  icon,
  color = 'primary',
  pending,
  error,
  confirmDisabled = false,
  onCancel,
  onConfirm,
  children,
}: ConfirmDialogProps) => {
  const translate = useTranslate();
  return (
    <Dialog open={open} onClose={pending ? undefined : onCancel} fullWidth maxWidth="sm" aria-labelledby="action-dialog-title">
      <DialogTitle id="action-dialog-title">{translate(title, messageArgs)}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>{translate(message, messageArgs)}</DialogContentText>
        {children}
        {error && (
          <Box sx={{ mt: 2 }}>
            <Alert severity="error">{translate(error.message, { _: error.message })}</Alert>
          </Box>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel} disabled={pending}>
          {translate('ra.action.cancel')}
        </Button>
        <Button variant="contained" color={color} startIcon={icon} disabled={pending || confirmDisabled} onClick={onConfirm}>
          {translate(confirmLabel)}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
