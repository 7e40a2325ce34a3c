import RetryIcon from '@mui/icons-material/Replay';
import TerminateIcon from '@mui/icons-material/DeleteForever';
import { TopToolbar, usePermissions, useRecordContext } from 'react-admin';
import { ActionButton } from '../actions';
import { canAccess } from '../auth/permissions';
import { retryProvisioning, terminateService } from './api';
import type { Service } from './choices';

/** Retry (SUPPORT/ADMIN, when the driver failed or has work pending) and terminate (ADMIN, reason required). */
export const ServiceActions = () => {
  const service = useRecordContext<Service>();
  const { permissions } = usePermissions();
  if (!service) return <TopToolbar />;
  const retryable = service.provisioning === 'FAILED' || service.provisioning === 'PENDING';
  return (
    <TopToolbar>
      <ActionButton
        label="resources.services.retry.action"
        icon={<RetryIcon />}
        disabledReason={
          !canAccess(permissions, 'services', 'retry') ? 'resources.services.blocked.retryRole' : !retryable ? 'resources.services.blocked.retryState' : null
        }
        title="resources.services.retry.title"
        message="resources.services.retry.message"
        messageArgs={{ label: service.label, action: service.pendingAction ?? '-' }}
        onConfirm={() => retryProvisioning(service.id)}
        successMessage="resources.services.retry.done"
      />
      <ActionButton
        label="resources.services.terminate.action"
        icon={<TerminateIcon />}
        color="error"
        disabledReason={
          // The API decides (allowedActions); the tooltip only explains a refusal.
          service.allowedActions?.includes('TERMINATE')
            ? null
            : !canAccess(permissions, 'services', 'terminate')
              ? 'resources.services.blocked.terminateRole'
              : 'resources.services.blocked.terminated'
        }
        title="resources.services.terminate.title"
        message="resources.services.terminate.message"
        messageArgs={{ label: service.label }}
        reasonLabel="resources.services.terminate.reason"
        onConfirm={(reason) => terminateService(service.id, reason)}
        successMessage="resources.services.terminate.done"
      />
    </TopToolbar>
  );
};
