import type { DriverResult, ProvisioningDriver, ServiceSpec } from './driver';
import { storedText } from '../../common/messages';

/**
 * Dedicated servers and colocation are racked and cabled by people: every action becomes a staff
 * task, and the service follows when staff mark the task done.
 */
export class ManualDriver implements ProvisioningDriver {
  readonly name = 'manual' as const;
  async create(spec: ServiceSpec): Promise<DriverResult> {
    return { externalRef: null, state: 'PENDING_TASK', detail: instructions('create', spec) };
  }
  async suspend(externalRef: string, spec: ServiceSpec): Promise<DriverResult> {
    return { externalRef, state: 'PENDING_TASK', detail: instructions('suspend', spec) };
  }
  async unsuspend(externalRef: string, spec: ServiceSpec): Promise<DriverResult> {
    return { externalRef, state: 'PENDING_TASK', detail: instructions('unsuspend', spec) };
  }
  async terminate(externalRef: string, spec: ServiceSpec): Promise<DriverResult> {
    return { externalRef, state: 'PENDING_TASK', detail: instructions('terminate', spec) };
  }
  async status(externalRef: string): Promise<DriverResult> {
    return { externalRef, state: 'UNKNOWN', detail: 'checked by staff' };
  }
}

export function instructions(action: 'create' | 'suspend' | 'unsuspend' | 'terminate', spec: ServiceSpec): string {
  const what = spec.category === 'COLOCATION' ? 'colocation' : 'server dedicated';
  // Stored as the staff task's instructions: in the company's working language (storedText).
  return storedText(`manualTask.${action}`, { what, label: spec.label });
}
