import { can } from '../accounts/access';
import type { AuthUser } from '../accounts/auth-user';
import { ServiceAction, serviceMachine, type ServiceStatus } from './service-status';

/**
 * What the caller may do to a service now (Service.allowedActions): the transitions its state allows,
 * narrowed to what this person may start. ACTIVATE is the provisioning driver's; suspension and its
 * lifting go through the order (suspendOrder, unsuspendOrder), so they are offered to whoever may do
 * that on the order; terminating is ADMIN's.
 */
export function allowedServiceActions(user: AuthUser | null, service: { status: ServiceStatus }): ServiceAction[] {
  return serviceMachine.allowedActions(service.status).filter((action) => {
    switch (action) {
      case ServiceAction.ACTIVATE:
        return false;
      case ServiceAction.SUSPEND:
        return can(user, 'order.suspend');
      case ServiceAction.UNSUSPEND:
        return can(user, 'order.manage');
      case ServiceAction.TERMINATE:
        return can(user, 'hosting.terminate');
    }
  });
}
