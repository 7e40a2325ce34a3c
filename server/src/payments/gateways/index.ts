import type { GatewayName, PaymentGateway } from './gateway';
import { MidtransGateway, type MidtransGatewayOptions } from './midtrans';
import { SandboxGateway, type SandboxGatewayOptions } from './sandbox';
import { XenditGateway, type XenditGatewayOptions } from './xendit';

export * from './gateway';
export { MidtransGateway, MIDTRANS_PRODUCTION_CORE_URL, MIDTRANS_SANDBOX_CORE_URL, MIDTRANS_PRODUCTION_SNAP_URL, MIDTRANS_SANDBOX_SNAP_URL, midtransStatus, type MidtransGatewayOptions } from './midtrans';
export { XenditGateway, XENDIT_BASE_URL, XENDIT_QR_API_VERSION, type XenditGatewayOptions } from './xendit';
export {
  SandboxGateway,
  SANDBOX_SIGNATURE_HEADER,
  sandboxPagePath,
  sandboxPayPage,
  sandboxVaNumber,
  sandboxVaPage,
  sandboxVaPagePath,
  signSandboxEvent,
  signSandboxVaPayment,
  type SandboxEvent,
  type SandboxGatewayOptions,
  type SandboxPayment,
  type SandboxPayPageOptions,
} from './sandbox';

/** Options per provider; only the chosen provider's block has to be present. */
export interface GatewayOptions {
  sandbox?: SandboxGatewayOptions;
  midtrans?: MidtransGatewayOptions;
  xendit?: XenditGatewayOptions;
}

export function createGateway(name: GatewayName, opts: GatewayOptions): PaymentGateway {
  switch (name) {
    case 'sandbox':
      return new SandboxGateway(required(name, opts.sandbox));
    case 'midtrans':
      return new MidtransGateway(required(name, opts.midtrans));
    case 'xendit':
      return new XenditGateway(required(name, opts.xendit));
    default:
      throw new Error(`unknown payment gateway ${String(name satisfies never)}`);
  }
}

function required<T>(name: GatewayName, value: T | undefined): T {
  if (!value) throw new Error(`payment gateway ${name} is selected but has no options`);
  return value;
}
