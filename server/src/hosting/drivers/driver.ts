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

/** What a customer may do to a running server's power, where the driver can. */
export const POWER_ACTIONS = ['start', 'stop', 'reboot'] as const;
export type PowerAction = (typeof POWER_ACTIONS)[number];

/** What the driver reports about the running server, for the customer's "Layanan saya". */
export interface ServiceDetails {
  power: 'running' | 'stopped' | 'paused' | 'unknown';
  ipAddresses: string[];
  /** How to reach the server, as the driver knows it: e.g. ["SSH", "ssh root@203.0.113.7"]. */
  access: { label: string; value: string }[];
  /** The provider's console for this server, when it has one. */
  consoleUrl: string | null;
}

export interface ProvisioningDriver {
  readonly name: 'local' | 'manual' | 'proxmox';
  /**
   * Optional capabilities. A driver that cannot report on a server (people rack it: manual) leaves
   * `details` out; `powerActions` lists what `power` can do (none: no power buttons).
   */
  readonly powerActions?: readonly PowerAction[];
  details?(externalRef: string, spec: ServiceSpec): Promise<ServiceDetails>;
  power?(externalRef: string, action: PowerAction, spec: ServiceSpec): Promise<void>;
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
