import type { ItemCategory, LateFeeTerms } from './format';

/** Everything printed in one version of an SPK. Money is integer rupiah (bigint). */
export interface SpkDocumentData {
  /** e.g. 'SPK/2026/11/000123' */
  number: string;
  /** Unique per SPK, e.g. 'SPK-7Q2M9X4K3P' (A-Z, 0-9 and '-'); printed on every page. */
  documentCode: string;
  /** Public verification page; encoded in the QR code on every page. */
  verifyUrl: string;
  /** 1, 2, ... (revisions) */
  version: number;
  /** 'YYYY-MM-DD' (Asia/Jakarta); printed as '24 November 2026'. */
  date: string;
  /** Place of signing, e.g. 'Jakarta'; also the district court of the dispute clause. */
  city: string;
  provider: {
    companyName: string;
    address: string;
    phone: string;
    email: string;
    website?: string | null;
    npwp?: string | null;
    representativeName: string;
    representativeTitle: string;
    /** Bank of the fixed virtual account each contract gets on confirmation; null when the gateway has none. */
    virtualAccountBank?: string | null;
  };
  customer: {
    fullName: string;
    nik: string;
    address: string;
    /** E.164, e.g. '+6281234567890' */
    phone: string;
    email: string;
    /** Set when the customer signs for a company ("bertindak untuk dan atas nama"). */
    company?: string | null;
    /** The customer's position in that company, e.g. 'Direktur'. */
    companyTitle?: string | null;
    companyAddress?: string | null;
  };
  /**
   * Print "Tempat e-Meterai" in the stamp box: on drafts, to show where it goes. The version that is
   * stamped leaves the box empty, so no placeholder text shows through or around the stamp.
   */
  stampPlaceholder?: boolean;
  order: {
    number: string;
    startDate: string;
    planName: string;
    tenorMonths: number;
    cashPrice: bigint;
    setupFee: bigint;
    adminFee: bigint;
    downPayment: bigint;
    marginAmount: bigint;
    totalPrice: bigint;
    /** PPN included in the total (0 when the order has no VAT), and its rate for the label. */
    vatAmount?: bigint;
    /** PPN added on top of prices sold without it (0 when prices include it): part of the total. */
    vatAdded?: bigint;
    /** Late fees a restructuring moved into the schedule: part of an addendum's total. */
    lateFeesCarried?: bigint;
    /** Customer-borne e-Meterai charged on the schedule (STAMP_DUTY_BORNE_BY=CUSTOMER): part of the total. */
    stampDuty?: bigint;
    vatRatePercent?: string | null;
    /** value: rupiah a day (FIXED_PER_DAY) or basis points of the overdue amount a day (PERCENT_PER_DAY). */
    lateFee: LateFeeTerms;
    autoSuspendAfterDays: number | null;
  };
  items: {
    position: number;
    productName: string;
    category: ItemCategory;
    /** cpu, ramGb, storageGb, storageType, bandwidth, rackUnits, powerWatts, ipv4Count; nulls omitted. */
    specs: Record<string, unknown>;
    cashPrice: bigint;
    setupFee: bigint;
  }[];
  /** number 0 is the upfront payment (down payment plus admin and setup fees). */
  installments: { number: number; dueDate: string; amount: bigint; vat?: bigint }[];
  /** Set on an addendum: the restructuring round and why; the schedule printed is the new one. */
  addendum?: { round: number; reason: string } | null;
}

/** A rectangle in PDF points, origin at the bottom left of the page. */
export interface Box {
  /** 0-based page index */
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface RenderedSpk {
  bytes: Uint8Array;
  pageCount: number;
  /** hex SHA-256 of `bytes` */
  sha256: string;
  /** Where the e-Meterai goes (about 4 x 4 cm, beside the customer's signature). */
  stampBox: Box;
  providerSignatureBox: Box;
  customerSignatureBox: Box;
}
