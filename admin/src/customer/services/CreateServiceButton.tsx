import AddIcon from '@mui/icons-material/AddCircleOutlined';
import { MenuItem, TextField } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { ActionButton } from '../../actions';
import { callApi } from '../../dataProvider';
import type { ProductCategory } from '../../products/choices';
import { CREATE_SERVICE } from '../api';
import { osName } from '../../format';

/** VPS and Cloud Server are made from an OS template; dedicated servers and colocation are set up by staff. */
const NEEDS_OS: readonly ProductCategory[] = ['VPS', 'CLOUD_SERVER'];
const LABEL_PATTERN = /^[a-z0-9](?:[a-z0-9-]{1,38}[a-z0-9])$/;

export interface ServiceableItem {
  id: string;
  position: number;
  productName: string;
  category: ProductCategory;
}

/**
 * Creates the hosting service of one order item: a DNS-safe label and, for VPS and Cloud Server, the
 * operating system. While the order does not allow it (SPK not confirmed, down payment open) the button
 * is disabled with the server's reason (Order.serviceBlockedReason), before any form is filled.
 */
export const CreateServiceButton = ({ item, osTemplates, blockedReason }: { item: ServiceableItem; osTemplates: string[]; blockedReason?: string | null }) => {
  const translate = useTranslate();
  const [label, setLabel] = useState('');
  const [osTemplate, setOsTemplate] = useState('');
  const needsOs = NEEDS_OS.includes(item.category);
  const labelValid = LABEL_PATTERN.test(label);
  const reset = () => {
    setLabel('');
    setOsTemplate('');
  };
  return (
    <ActionButton
      label="angsur.customer.services.create"
      icon={<AddIcon />}
      disabledReason={blockedReason}
      title="angsur.customer.services.createTitle"
      message={needsOs ? 'angsur.customer.services.createMessage' : 'angsur.customer.services.createManualMessage'}
      messageArgs={{ product: item.productName }}
      successMessage="angsur.customer.services.created"
      ready={labelValid && (!needsOs || !!osTemplate)}
      onClose={reset}
      onConfirm={() => callApi(CREATE_SERVICE, { input: { orderItemId: item.id, label, osTemplate: needsOs ? osTemplate : null } })}
    >
      <TextField
        name="label"
        label={translate('angsur.customer.services.label')}
        helperText={label && !labelValid ? translate('angsur.customer.services.labelInvalid') : translate('angsur.customer.services.labelHelp')}
        error={!!label && !labelValid}
        value={label}
        onChange={(event) => setLabel(event.target.value.toLowerCase().trim())}
        fullWidth
        margin="dense"
        required
        autoFocus
        slotProps={{ htmlInput: { maxLength: 40, autoCapitalize: 'none', spellCheck: false } }}
      />
      {needsOs && (
        <TextField
          select
          name="osTemplate"
          label={translate('angsur.customer.services.osTemplate')}
          value={osTemplate}
          onChange={(event) => setOsTemplate(event.target.value)}
          fullWidth
          margin="dense"
          required
        >
          {osTemplates.map((os) => (
            <MenuItem key={os} value={os}>
              {osName(os)}
            </MenuItem>
          ))}
        </TextField>
      )}
    </ActionButton>
  );
};
