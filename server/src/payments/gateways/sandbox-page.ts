import { formatRupiah } from '../../money/rupiah';

/** The sandbox pay page: plain server-rendered HTML, no scripts, so it works without a front end build. */

export type SandboxResult = 'dibayar' | 'digagalkan' | 'gagal-kirim';

export interface SandboxPageView {
  reference: string;
  amount: bigint;
  description: string;
  status: string;
  /** Path the two forms post to, without the trailing `/pay` or `/fail`. */
  actionBase: string;
  result?: SandboxResult;
  /** HTTP status of a failed webhook delivery. */
  deliveryStatus?: string;
  /** The customer's order page, where the pay page leads back to. */
  returnUrl?: string | null;
  /** Whose page this is: the hosting company, not the software. */
  brand?: SandboxBrand;
}

export interface SandboxBrand {
  companyName: string;
  primaryColor: string;
}

/** Payment states in words people read (the page is in Indonesian, with the English under it). */
const STATUS_TEXT: Record<string, string> = {
  PENDING: 'Menunggu pembayaran · Awaiting payment',
  SETTLED: 'Lunas · Paid',
  REJECTED: 'Ditolak · Rejected',
  EXPIRED: 'Kedaluwarsa · Expired',
  REFUNDED: 'Dikembalikan · Refunded',
};

export const statusText = (status: string) => STATUS_TEXT[status] ?? status;

export const SANDBOX_PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const STYLE = `
  body { font-family: system-ui, sans-serif; margin: 0; background: #f4f4f5; color: #18181b; }
  .banner { background: #b91c1c; color: #fff; font-size: 1.6rem; font-weight: 700; text-align: center; padding: 1rem; letter-spacing: .03em; }
  main { max-width: 32rem; margin: 2rem auto; background: #fff; border-radius: .75rem; padding: 1.5rem 2rem; box-shadow: 0 1px 4px #0002; }
  .amount { font-size: 2.2rem; font-weight: 700; margin: .5rem 0 1rem; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: .4rem 1rem; }
  dt { color: #52525b; } dd { margin: 0; word-break: break-all; }
  .actions { display: flex; gap: 1rem; margin-top: 1.5rem; }
  button { font-size: 1.1rem; padding: .75rem 1.25rem; border: 0; border-radius: .5rem; cursor: pointer; color: #fff; }
  .pay { background: #15803d; } .fail { background: #52525b; }
  .result { padding: .75rem 1rem; border-radius: .5rem; margin-bottom: 1rem; background: #e0f2fe; }
  .result.error { background: #fee2e2; }
  .company { display: flex; align-items: center; gap: .75rem; padding: .75rem 1rem; color: #fff; font-weight: 700; font-size: 1.1rem; }
  .back { display: inline-block; margin-top: 1.5rem; font-weight: 600; }
  @media (max-width: 30rem) { main { margin: 1rem .5rem; padding: 1rem; } .actions { flex-direction: column; } }
`;

const COLOR = /^#[0-9a-fA-F]{6}$/;

function page(title: string, content: string, brand?: SandboxBrand): string {
  const color = brand && COLOR.test(brand.primaryColor) ? brand.primaryColor : '#0b5fa5';
  const company = brand ? `<div class="company" style="background:${color}">${escapeHtml(brand.companyName)}</div>` : '';
  return `<!doctype html>
<html lang="id">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body>
${company}
<div class="banner" role="alert">SANDBOX — bukan pembayaran sungguhan</div>
<main>${content}</main>
</body>
</html>`;
}

function resultNotice(view: SandboxPageView): string {
  switch (view.result) {
    case 'dibayar':
      return '<p class="result">Simulasi pembayaran berhasil dikirim ke aplikasi.</p>';
    case 'digagalkan':
      return '<p class="result">Simulasi pembayaran gagal telah dikirim ke aplikasi.</p>';
    case 'gagal-kirim':
      return `<p class="result error">Notifikasi tidak dapat dikirim ke aplikasi${view.deliveryStatus ? ` (HTTP ${escapeHtml(view.deliveryStatus)})` : ''}.</p>`;
    default:
      return '';
  }
}

export function renderSandboxPage(view: SandboxPageView): string {
  const action = escapeHtml(view.actionBase);
  // Only a payment still waiting can be paid or failed; after that the way out is back to the order.
  const actions =
    view.status === 'PENDING'
      ? `<div class="actions">
<form method="post" action="${action}/pay"><button class="pay" type="submit">Bayar (simulasi)</button></form>
<form method="post" action="${action}/fail"><button class="fail" type="submit">Gagalkan</button></form>
</div>`
      : '';
  const back = view.returnUrl ? `<a class="back" href="${escapeHtml(view.returnUrl)}">← Kembali ke pesanan · Back to the order</a>` : '';
  return page(
    `Sandbox ${view.reference}`,
    `<h1>Pembayaran (simulasi)</h1>
${resultNotice(view)}
<div class="amount">${escapeHtml(formatRupiah(view.amount))}</div>
<dl>
<dt>Keterangan</dt><dd>${escapeHtml(view.description)}</dd>
<dt>Referensi</dt><dd>${escapeHtml(view.reference)}</dd>
<dt>Status</dt><dd data-status="${escapeHtml(view.status)}">${escapeHtml(statusText(view.status))}</dd>
</dl>
${actions}
${back}`,
    view.brand,
  );
}

export function renderSandboxNotFound(reference: string, brand?: SandboxBrand): string {
  return page('Sandbox', `<h1>Pembayaran tidak ditemukan</h1><p>Tidak ada pembayaran dengan referensi <code>${escapeHtml(reference)}</code>.</p>`, brand);
}

export interface SandboxVaPageView {
  number: string;
  name: string;
  bankCode: string;
  /** Path the form posts to, without the trailing `/pay`. */
  actionBase: string;
  result?: SandboxResult;
  deliveryStatus?: string;
}

/** A bank's transfer screen, simulated: any amount into the order's fixed virtual account. */
export function renderSandboxVaPage(view: SandboxVaPageView): string {
  return page(
    `Sandbox VA ${view.number}`,
    `<h1>Transfer ke virtual account (simulasi)</h1>
${resultNotice({ ...view, reference: view.number, amount: 0n, description: '', status: '' })}
<dl>
<dt>Bank</dt><dd>${escapeHtml(view.bankCode)}</dd>
<dt>Nomor VA</dt><dd>${escapeHtml(view.number)}</dd>
<dt>Atas nama</dt><dd>${escapeHtml(view.name)}</dd>
</dl>
<form method="post" action="${escapeHtml(view.actionBase)}/pay">
<p><label>Jumlah (Rp) <input name="amount" inputmode="numeric" pattern="[0-9]{1,15}" required></label></p>
<div class="actions"><button class="pay" type="submit">Transfer (simulasi)</button></div>
</form>`,
  );
}
