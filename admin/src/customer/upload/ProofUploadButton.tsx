import { FileUploadButton } from './FileUploadButton';

const PROOF_TYPES = ['image/jpeg', 'image/png', 'application/pdf'] as const;
const PROOF_MAX_BYTES = 5 * 1024 * 1024; // the API's limit

/** The bank transfer receipt of a pending payment (JPEG, PNG or PDF, at most 5 MB) to its proofUploadUrl. */
export const ProofUploadButton = ({ path, onUploaded }: { path: string; onUploaded?: () => void }) => (
  <FileUploadButton
    path={path}
    label="angsur.customer.payments.uploadProof"
    hint="angsur.customer.payments.proofHint"
    accept={PROOF_TYPES}
    maxBytes={PROOF_MAX_BYTES}
    successMessage="angsur.customer.payments.proofUploaded"
    onUploaded={onUploaded}
    testId="proof-upload"
  />
);
