import type { ChipColor } from '../fields';
import type { SpkAction, SpkVersionKind } from '../gql/schema';
import { SPK_STATUSES, type SpkStatus } from '../orders/choices';
import { CUSTOMER_WAITING_STATUSES, STAFF_WAITING_STATUSES } from './queue';

export { SPK_STATUSES, SPK_STATUS_COLORS, type SpkStatus } from '../orders/choices';

/** What the SPK status chips are translated under (shared with the order page). */
export const SPK_STATUS_PREFIX = 'resources.orders.spk.status';

export type { SpkAction, SpkVersionKind };
/** The transitions staff take (the customer approves, asks for changes and uploads). */
export const STAFF_SPK_ACTIONS = ['SUBMIT_FOR_REVIEW', 'REVISE', 'SIGN', 'CONFIRM', 'REJECT_SIGNATURE', 'CANCEL'] as const satisfies readonly SpkAction[];
export type StaffSpkAction = (typeof STAFF_SPK_ACTIONS)[number];

/** SPKs waiting for staff, and for the customer (see queue.ts). */
export const STAFF_WAITING: SpkStatus[] = [...STAFF_WAITING_STATUSES];
export const CUSTOMER_WAITING: SpkStatus[] = [...CUSTOMER_WAITING_STATUSES];

export const spkStatusChoices = SPK_STATUSES.map((id) => ({ id, name: `${SPK_STATUS_PREFIX}.${id}` }));

export type Verdict = 'DIGITALLY_SIGNED' | 'NEEDS_VISUAL_CHECK' | 'MODIFIED_AFTER_SIGNING' | 'NOT_AUTHENTIC';

export const VERDICT_COLORS: Record<Verdict, ChipColor> = { DIGITALLY_SIGNED: 'success', NEEDS_VISUAL_CHECK: 'warning', MODIFIED_AFTER_SIGNING: 'error', NOT_AUTHENTIC: 'error' };

/** What the server found in a customer's signed upload (server/src/spk/verification.ts). */
export interface VerificationReport {
  documentCodeInText: boolean;
  foreignDocumentCodes: string[];
  /** null: not looked for (the code was in the text layer). */
  qrCodeMatches: boolean | null;
  derivation: 'SAME_FILE' | 'INCREMENTAL_UPDATE' | 'NOT_DERIVED';
  adminSignatureIntact: boolean;
  customerSignatures: {
    signer: string | null;
    organization: string | null;
    validNow: boolean;
    digestValid: boolean;
    coversWholeDocument: boolean;
    signingTime: string | null;
    /** Reports before the PSrE lack these. */
    issuer?: string | null;
    certified?: boolean;
    nikMatches?: boolean | null;
  }[];
  /** The PSrE whose CA the customer's signature chains to (a certified electronic signature), else null. */
  certifiedBy?: string | null;
  eMeteraiSerialFound: boolean;
  /** What changed after our signature (older reports lack it). */
  changesAfterSigning?: { kind: string; page?: number; detail: string }[];
  allowedAdditions?: string[];
  pageCount: number;
  verdict: Verdict;
  notes: string[];
}

export interface SpkVersion {
  id: string;
  version: number;
  kind: SpkVersionKind;
  note: string | null;
  sha256: string;
  createdAt: string;
  downloadUrl: string;
  verification: VerificationReport | null;
}

export interface SpkEvent {
  id: string;
  action: string;
  fromStatus: SpkStatus | null;
  toStatus: SpkStatus;
  reason: string | null;
  actorRole: string | null;
  at: string;
  actor: { id: string; fullName: string } | null;
}

export interface Spk {
  id: string;
  number: string;
  status: SpkStatus;
  currentVersion: number;
  orderId: string;
  createdAt: string;
  updatedAt: string;
  order: { id: string; number: string; status: string };
  customer: { id: string; fullName: string; phone: string };
  // Detail only:
  documentCode?: string;
  downloadUrl?: string;
  verifyUrl?: string;
  approvedAt?: string | null;
  confirmedAt?: string | null;
  rejectionReason?: string | null;
  revisionComments?: string | null;
  stampDuty?: string | null;
  stampProvider?: string | null;
  stampSerial?: string | null;
  allowedActions?: SpkAction[];
  versions?: SpkVersion[];
  history?: SpkEvent[];
  signatureProvider?: string | null;
  providerSigning?: ProviderSigning | null;
}

export type ProviderSigningState = 'STARTING' | 'OTP_REQUIRED' | 'AWAITING_SIGNER' | 'SIGNED' | 'FAILED';

/** The customer's signature through the certified provider (PSrE): server/src/spk/provider-signing.entity.ts. */
export interface ProviderSigning {
  provider: string;
  /** None while STARTING, or when the provider refused to start. */
  reference: string | null;
  state: ProviderSigningState;
  adminSignedVersion: number;
  signingUrl: string | null;
  /** Sandbox only, and only for the customer it is for. */
  sandboxOtp?: string | null;
  failureReason: string | null;
  signedVersion: number | null;
  completedAt: string | null;
  callbacks: number;
  createdAt: string;
}

export const PROVIDER_SIGNING_FIELDS = `providerSigning { provider reference state adminSignedVersion signingUrl sandboxOtp failureReason signedVersion completedAt callbacks createdAt }`;

/** The latest customer upload, and the admin-signed version it was checked against. */
export function signedPair(spk: Spk): { upload: SpkVersion; adminSigned: SpkVersion | null } | null {
  const versions = [...(spk.versions ?? [])].sort((a, b) => b.version - a.version);
  const upload = versions.find((v) => v.kind === 'CUSTOMER_SIGNED');
  if (!upload) return null;
  return { upload, adminSigned: versions.find((v) => v.kind === 'ADMIN_SIGNED' && v.version < upload.version) ?? null };
}

/**
 * Why a staff action is not possible now (a translation key), or null. The API's allowedActions is
 * already filtered by the caller's role; this names the reason for the ones it leaves out.
 */
export function spkActionBlock(spk: Spk, action: StaffSpkAction, mayWork: boolean): string | null {
  if (!mayWork) return 'resources.spks.blocked.role';
  if (spk.allowedActions?.includes(action)) return null;
  if (action === 'SIGN' && spk.status === 'UNDER_REVIEW' && !spk.approvedAt) return 'resources.spks.blocked.notApproved';
  return `resources.spks.blocked.state.${action}`;
}
