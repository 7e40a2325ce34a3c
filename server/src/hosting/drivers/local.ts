import { createHash } from 'node:crypto';
import { POWER_ACTIONS, type DriverResult, type PowerAction, type ProvisioningDriver, type ServiceDetails, type ServiceSpec } from './driver';

/**
 * The default driver: this server itself serves the customer's hosting page at /hosting/<label>,
 * answering 403 while the service is suspended. Nothing outside the database changes, so every call
 * succeeds at once: it makes suspension visible without any real infrastructure.
 *
 * It also plays a VM for the portal: an address from the documentation range 203.0.113.0/24 (RFC 5737,
 * never routed), SSH access and power actions. The power state lives in this process only (a demo
 * needs no more; a restart finds every server running again).
 */
export class LocalDriver implements ProvisioningDriver {
  readonly name = 'local' as const;
  readonly powerActions = POWER_ACTIONS;
  private readonly stopped = new Set<string>();

  /** `baseUrl`: where this server is reached (PUBLIC_URL, known for sure only once it listens), for the console link. */
  constructor(private readonly baseUrl: () => string = () => '') {}

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
    this.stopped.delete(externalRef);
    return { externalRef, state: 'TERMINATED' };
  }
  async status(externalRef: string): Promise<DriverResult> {
    return { externalRef, state: 'UNKNOWN', detail: 'the local driver keeps no state of its own' };
  }

  async details(externalRef: string, spec: ServiceSpec): Promise<ServiceDetails> {
    const ip = documentationAddress(externalRef);
    return {
      power: this.stopped.has(externalRef) ? 'stopped' : 'running',
      ipAddresses: [ip],
      access: [
        { label: 'SSH', value: `ssh ${spec.osTemplate?.startsWith('windows') ? 'Administrator' : 'root'}@${ip}` },
        { label: 'Hostname', value: `${spec.label}.local` },
      ],
      consoleUrl: `${this.baseUrl()}/hosting/${encodeURIComponent(spec.label)}`,
    };
  }

  async power(externalRef: string, action: PowerAction): Promise<void> {
    if (action === 'stop') this.stopped.add(externalRef);
    else this.stopped.delete(externalRef); // start, and reboot (which ends running)
  }
}

/** The same address for the same service every time: 203.0.113.1-254 from a hash of the reference. */
function documentationAddress(externalRef: string): string {
  const n = createHash('sha256').update(externalRef).digest().readUInt8(0);
  return `203.0.113.${(n % 254) + 1}`;
}
