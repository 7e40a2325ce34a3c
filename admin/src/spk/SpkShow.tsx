import { Show, TabbedShowLayout } from 'react-admin';
import { SpkActions } from './SpkActions';
import { SpkHistory } from './SpkHistory';
import { SpkOverview } from './SpkOverview';
import { SpkVerification } from './SpkVerification';
import { SpkVersions } from './SpkVersions';

/** One SPK in tabs: Ringkasan (with the PDF), Tanda tangan pelanggan, Versi, Riwayat. */
export const SpkShow = () => (
  <Show actions={<SpkActions />}>
    <TabbedShowLayout>
      <TabbedShowLayout.Tab label="resources.spks.tabs.summary">
        <SpkOverview label={false} />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="resources.spks.tabs.verification" path="verification">
        <SpkVerification label={false} />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="resources.spks.tabs.versions" path="versions">
        <SpkVersions label={false} />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="resources.spks.tabs.history" path="history">
        <SpkHistory label={false} />
      </TabbedShowLayout.Tab>
    </TabbedShowLayout>
  </Show>
);
