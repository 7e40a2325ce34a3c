import { Show, TabbedShowLayout } from 'react-admin';
import { InstallmentSchedule } from './InstallmentSchedule';
import { OrderActions } from './OrderActions';
import { OrderHistory } from './OrderHistory';
import { OrderItems } from './OrderItems';
import { OrderOverview } from './OrderOverview';
import { OrderPayments } from './OrderPayments';
import { OrderServices } from './OrderServices';
import { OrderSpk } from './OrderSpk';

/** One order in tabs: Ringkasan, Item, Jadwal angsuran, SPK, Layanan, Pembayaran, Riwayat. */
export const OrderShow = () => (
  <Show actions={<OrderActions />}>
    <TabbedShowLayout>
      <TabbedShowLayout.Tab label="resources.orders.tabs.summary">
        <OrderOverview label={false} />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="resources.orders.tabs.items" path="items">
        <OrderItems label={false} />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="resources.orders.tabs.installments" path="installments">
        <InstallmentSchedule label={false} />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="resources.orders.tabs.spk" path="spk">
        <OrderSpk label={false} />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="resources.orders.tabs.services" path="services">
        <OrderServices label={false} />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="resources.orders.tabs.payments" path="payments">
        <OrderPayments label={false} />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="resources.orders.tabs.history" path="history">
        <OrderHistory label={false} />
      </TabbedShowLayout.Tab>
    </TabbedShowLayout>
  </Show>
);
