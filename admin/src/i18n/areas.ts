import { spkMessages } from '../spk/messages';
import { deliveryMessages } from '../deliveries/messages';
import { orderWorkMessages } from '../orders/messages';
import { serviceMessages } from '../services/messages';
import { staffTaskMessages } from '../staffTasks/messages';
import { dashboardMessages } from '../dashboard/messages';
import { installmentMessages } from '../installments/messages';
import { notificationMessages } from '../notifications/messages';
import { customerMessages } from '../customer/messages';
import { paymentAnomalyMessages } from '../paymentAnomalies/messages';
import { authMessages } from '../auth/messages';
import { privacyMessages } from '../privacy/messages';
import { taxInvoiceMessages } from '../taxInvoices/messages';
import { stampDutyMessages } from '../stampDuty/messages';
import { statementMessages } from '../statements/messages';
import { reconciliationMessages } from '../reconciliation/messages';

/**
 * The texts of each area of the console (SPK, services, the customer area, ...) live beside its views,
 * in `<area>/messages.ts`, as `{ id, en }` trees shaped like id.ts/en.ts (`resources.<name>` and
 * `angsur.<area>`). They are deep-merged over the base files here; keep their key sets identical too.
 */
export interface AreaMessages {
  id: Record<string, unknown>;
  en: Record<string, unknown>;
}

export const areas: AreaMessages[] = [
  spkMessages,
  orderWorkMessages,
  serviceMessages,
  staffTaskMessages,
  deliveryMessages,
  dashboardMessages,
  installmentMessages,
  notificationMessages,
  customerMessages,
  paymentAnomalyMessages,
  authMessages,
  privacyMessages,
  taxInvoiceMessages,
  stampDutyMessages,
  statementMessages,
  reconciliationMessages,
];
