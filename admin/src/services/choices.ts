import { inDisplayOrder } from '../enums';
import type { ChipColor } from '../fields';
import type { ProvisioningState, ServiceAction, ServiceStatus, SuspensionCause } from '../gql/schema';

export type { ProvisioningState, ServiceAction, ServiceStatus };

export const SERVICE_STATUS_COLORS: Record<ServiceStatus, ChipColor> = { PENDING_SETUP: 'info', ACTIVE: 'success', SUSPENDED: 'error', TERMINATED: 'default' };
export const SERVICE_STATUSES = inDisplayOrder(SERVICE_STATUS_COLORS);
export const serviceStatusChoices = SERVICE_STATUSES.map((id) => ({ id, name: `resources.services.status.${id}` }));
export const PROVISIONING_COLORS: Record<ProvisioningState, ChipColor> = { IN_SYNC: 'success', PENDING: 'info', FAILED: 'error', WAITING_FOR_STAFF: 'warning' };

export interface SuspensionEvent {
  id: string;
  /** SUSPEND or UNSUSPEND */
  action: string;
  cause: SuspensionCause | null;
  actorRole: string | null;
  reason: string | null;
  payUntil: string | null;
  at: string;
}

export interface Service {
  id: string;
  label: string;
  status: ServiceStatus;
  provisioning: ProvisioningState;
  driver: string;
  hostname: string | null;
  hostingUrl: string;
  orderId: string;
  orderItemId: string;
  pendingAction: string | null;
  lastError: string | null;
  attempts: number;
  suspensionCause: SuspensionEvent['cause'];
  createdAt: string;
  updatedAt: string;
  osTemplate?: string | null;
  externalRef?: string | null;
  suspensionHistory?: SuspensionEvent[];
  /** What the signed-in user may do now, as the API decides it. */
  allowedActions?: ServiceAction[];
}
