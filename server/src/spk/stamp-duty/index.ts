import { MekariStampDutyProvider, type MekariStampDutyOptions } from './mekari';
import type { StampDutyProvider, StampDutyProviderName } from './provider';
import { SandboxStampDutyProvider, type SandboxStampDutyOptions } from './sandbox';

export * from './provider';
export { MIN_STAMP_SIDE } from './pdf-box';
export { SandboxStampDutyProvider, SANDBOX_SERIAL_LENGTH, SANDBOX_STAMP_NOTICE, sandboxSerialNumber, type SandboxStampDutyOptions } from './sandbox';
export {
  MekariStampDutyProvider,
  MEKARI_PRODUCTION_BASE_URL,
  MEKARI_SANDBOX_BASE_URL,
  mekariAnnotation,
  mekariHmacHeaders,
  type MekariAnnotation,
  type MekariStampDutyOptions,
} from './mekari';

/** Options per provider; only the chosen provider's block is needed (the sandbox needs none). */
export interface StampDutyOptions {
  sandbox?: SandboxStampDutyOptions;
  mekari?: MekariStampDutyOptions;
}

/** The sandbox is the default everywhere except where Mekari credentials are configured on purpose. */
export function createStampDutyProvider(name: StampDutyProviderName = 'sandbox', opts: StampDutyOptions = {}): StampDutyProvider {
  switch (name) {
    case 'sandbox':
      return new SandboxStampDutyProvider(opts.sandbox);
    case 'mekari':
      if (!opts.mekari) throw new Error('stamp duty provider mekari is selected but has no options');
      return new MekariStampDutyProvider(opts.mekari);
    default:
      throw new Error(`unknown stamp duty provider ${String(name satisfies never)}`);
  }
}
