import CancelIcon from '@mui/icons-material/Block';
import ConfirmIcon from '@mui/icons-material/Verified';
import RejectIcon from '@mui/icons-material/ThumbDown';
import ReviseIcon from '@mui/icons-material/EditNote';
import SendIcon from '@mui/icons-material/Send';
import SignIcon from '@mui/icons-material/Draw';
import type { ReactElement } from 'react';
import { TopToolbar, usePermissions, useRecordContext } from 'react-admin';
import { ActionButton } from '../actions';
import { canAccess } from '../auth/permissions';
import { runSpkAction } from './api';
import { signedPair, spkActionBlock, STAFF_SPK_ACTIONS, type Spk, type StaffSpkAction } from './choices';

interface ActionLook {
  icon: ReactElement;
  color?: 'primary' | 'error' | 'warning' | 'success';
  /** 'required': a reason the customer reads; 'optional': a note for the record. */
  text?: 'required' | 'optional';
}

const LOOK: Record<StaffSpkAction, ActionLook> = {
  SUBMIT_FOR_REVIEW: { icon: <SendIcon /> },
  REVISE: { icon: <ReviseIcon />, text: 'optional' },
  SIGN: { icon: <SignIcon />, color: 'success' },
  CONFIRM: { icon: <ConfirmIcon />, color: 'success' },
  REJECT_SIGNATURE: { icon: <RejectIcon />, color: 'warning', text: 'required' },
  CANCEL: { icon: <CancelIcon />, color: 'error', text: 'required' },
};

/** The dialog's text for confirming: a signed copy that a person must judge says so. */
const confirmMessage = (spk: Spk) =>
  signedPair(spk)?.upload.verification?.verdict === 'DIGITALLY_SIGNED' ? 'resources.spks.actions.CONFIRM.message' : 'resources.spks.actions.CONFIRM.messageVisual';

/**
 * One button per staff transition, in the order of the flow. Each stays visible and is disabled,
 * with the reason as its tooltip, when the SPK's state or the staff member's role does not allow it.
 */
export const SpkActions = () => {
  const spk = useRecordContext<Spk>();
  const { permissions } = usePermissions();
  if (!spk) return <TopToolbar />;
  const mayWork = canAccess(permissions, 'spks', 'work');
  const args = { number: spk.number, customer: spk.customer.fullName };
  return (
    <TopToolbar sx={{ flexWrap: 'wrap' }}>
      {STAFF_SPK_ACTIONS.map((action) => {
        const look = LOOK[action];
        const key = `resources.spks.actions.${action}`;
        return (
          <ActionButton
            key={action}
            label={`${key}.label`}
            icon={look.icon}
            color={look.color}
            disabledReason={spkActionBlock(spk, action, mayWork)}
            title={`${key}.title`}
            message={action === 'CONFIRM' ? confirmMessage(spk) : `${key}.message`}
            messageArgs={args}
            reasonLabel={look.text ? `${key}.text` : undefined}
            reasonOptional={look.text === 'optional'}
            onConfirm={(text) => runSpkAction(spk.id, action, text)}
            successMessage={`${key}.done`}
          />
        );
      })}
    </TopToolbar>
  );
};
