import type { DriverResult, ProvisioningDriver, ServiceSpec } from './driver';

/**
 * The default driver: this server itself serves the customer's hosting page at /hosting/<label>,
 * answering 403 while the service is suspended. Nothing outside the database changes, so every call
 * succeeds at once: it makes suspension visible without any real infrastructure.
 */
export class LocalDriver implements ProvisioningDriver {
  readonly name = 'local' as const;
  async create(spec: ServiceSpec): Promise<DriverResult> {
    return { externalRef: `local:${spec.label}`, state: 'ACTIVE' };
  }
  async suspend(externalRef: string): Promise<DriverResult> {
    return { externalRef, state: 'SUSPENDED' };
  }
  async unsuspend(externalRef: string): Promise<DriverResult> {
    return { externalRef, state: 'ACTIVE' };
  }
  async terminate(externalRef: string): Promise<DriverResult> {
    return { externalRef, state: 'TERMINATED' };
  }
  async status(externalRef: string): Promise<DriverResult> {
    return { externalRef, state: 'UNKNOWN', detail: 'the local driver keeps no state of its own' };
  }
}
