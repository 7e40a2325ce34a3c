import type { DomainEvents } from '../../events/domain-events';
import type { Clock } from '../../common/time';
import type { Config } from '../../config/config';
import type { NotificationBus } from '../../notifications/bus';
import type { HostingDeps } from '../hosting.service';
import type { ProvisioningDriver } from './driver';
import { LocalDriver } from './local';
import { ManualDriver } from './manual';
import { proxmoxDriverFromConfig } from './proxmox';

export * from './driver';

/**
 * Which driver serves which product: dedicated servers and colocation are always manual (people
 * rack them); VMs use the local demo driver or Proxmox VE (VM_PROVISIONING_DRIVER).
 */
export function createHostingDeps(config: Config, clock: Clock, bus: NotificationBus, events: DomainEvents, extra: ProvisioningDriver[] = []): HostingDeps {
  const proxmox = config.VM_PROVISIONING_DRIVER === 'proxmox' ? [proxmoxDriverFromConfig(config)] : [];
  const drivers = new Map<string, ProvisioningDriver>([new LocalDriver(), new ManualDriver(), ...proxmox, ...extra].map((d) => [d.name, d]));
  const vm = config.VM_PROVISIONING_DRIVER;
  return {
    clock,
    bus,
    events,
    driverFor: (category) => drivers.get(category === 'VPS' || category === 'CLOUD_SERVER' ? vm : 'manual')!,
    driverByName(name) {
      const d = drivers.get(name);
      if (!d) throw new Error(`provisioning driver ${name} is not configured`);
      return d;
    },
  };
}
