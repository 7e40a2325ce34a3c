import { registerEnumType } from 'type-graphql';
import { defineStateMachine } from '../common/state-machine';

export enum ServiceStatus {
  PENDING_SETUP = 'PENDING_SETUP',
  ACTIVE = 'ACTIVE',
  SUSPENDED = 'SUSPENDED',
  TERMINATED = 'TERMINATED',
}
registerEnumType(ServiceStatus, { name: 'ServiceStatus' });

export enum ServiceAction {
  ACTIVATE = 'ACTIVATE',
  SUSPEND = 'SUSPEND',
  UNSUSPEND = 'UNSUSPEND',
  TERMINATE = 'TERMINATE',
}
registerEnumType(ServiceAction, { name: 'ServiceAction' });

/** Why a service is suspended: settling the arrears lifts a non-payment suspension by itself. */
export enum SuspensionCause {
  NON_PAYMENT = 'NON_PAYMENT',
  CUSTOMER_CHOICE = 'CUSTOMER_CHOICE',
  ADMIN = 'ADMIN',
}
registerEnumType(SuspensionCause, { name: 'SuspensionCause' });

const S = ServiceStatus;
export const serviceMachine = defineStateMachine<ServiceStatus, ServiceAction>('Service', { entity: { id: 'layanan', en: 'service' } }, {
  [ServiceAction.ACTIVATE]: { from: [S.PENDING_SETUP], to: S.ACTIVE },
  [ServiceAction.SUSPEND]: { from: [S.ACTIVE], to: S.SUSPENDED },
  [ServiceAction.UNSUSPEND]: { from: [S.SUSPENDED], to: S.ACTIVE },
  [ServiceAction.TERMINATE]: { from: [S.PENDING_SETUP, S.ACTIVE, S.SUSPENDED], to: S.TERMINATED },
});

/** The driver call each action needs. */
export type DriverAction = 'create' | 'suspend' | 'unsuspend' | 'terminate';
