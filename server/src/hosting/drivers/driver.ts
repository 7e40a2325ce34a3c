/**
 * How a hosting service reaches real infrastructure. One driver per kind of product: the local demo
 * driver, people (manual tasks) for dedicated servers and colocation, Proxmox VE for VMs.
 */
export interface ServiceSpec {
  serviceId: string;
  /** DNS-safe, e.g. 'web-budi' */
  label: string;
  category: 'CLOUD_SERVER' | 'DEDICATED_SERVER' | 'COLOCATION' | 'VPS';
  /** e.g. 'ubuntu-24.04' */
  osTemplate: string | null;
  specs: { cpuCores?: number | null; ramGb?: number | null; storageGb?: number | null };
}

export type DriverState = 'ACTIVE' | 'SUSPENDED' | 'TERMINATED' | 'PENDING_TASK' | 'UNKNOWN';

export interface DriverResult {
  externalRef: string | null;
  state: DriverState;
  detail?: string | null;
}

export interface ProvisioningDriver {
  readonly name: 'local' | 'manual' | 'proxmox';
  create(spec: ServiceSpec): Promise<DriverResult>;
  suspend(externalRef: string, spec: ServiceSpec): Promise<DriverResult>;
  unsuspend(externalRef: string, spec: ServiceSpec): Promise<DriverResult>;
  terminate(externalRef: string, spec: ServiceSpec): Promise<DriverResult>;
  status(externalRef: string, spec: ServiceSpec): Promise<DriverResult>;
}

/** A driver failure the caller records on the service and retries later; `retryable` false needs staff. */
export class DriverError extends Error {
  constructor(
    message: string,
    readonly retryable = true,
    readonly detail?: unknown,
  ) {
    super(message);
    this.name = 'DriverError';
  }
}
