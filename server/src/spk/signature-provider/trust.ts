import { X509Certificate } from 'node:crypto';

/**
 * Whether a signing certificate was issued (directly or through intermediates carried in the
 * signature) by one of the provider's CA certificates. Node's X509Certificate checks the issuer name
 * and the signature of each link; validity is judged at `at` (the signing time) for every link, so an
 * expired intermediate does not certify a new signature. Revocation (CRL/OCSP) is not checked: the
 * provider's status API already told us the signature is theirs, and a revoked certificate would not
 * have signed through it.
 */
export function chainsToAnchor(signerDer: Buffer, bagDer: Buffer[], anchorsPem: string[], at: Date): { certified: boolean; issuer: string | null } {
  let anchors: X509Certificate[];
  try {
    anchors = anchorsPem.map((pem) => new X509Certificate(pem));
  } catch {
    return { certified: false, issuer: null };
  }
  const bag = bagDer.flatMap((der) => {
    try {
      return [new X509Certificate(der)];
    } catch {
      return [];
    }
  });
  const valid = (c: X509Certificate) => new Date(c.validFrom) <= at && at <= new Date(c.validTo);
  let current: X509Certificate;
  try {
    current = new X509Certificate(signerDer);
  } catch {
    return { certified: false, issuer: null };
  }
  if (!valid(current)) return { certified: false, issuer: null };
  // A chain longer than this is not one a PSrE issues (root, intermediate, signer).
  for (let depth = 0; depth < 5; depth++) {
    const anchor = anchors.find((a) => current.checkIssued(a) && current.verify(a.publicKey));
    if (anchor) return { certified: valid(anchor), issuer: anchor.subject.replace(/\n/g, ', ') };
    const next = bag.find((c) => c.fingerprint256 !== current.fingerprint256 && current.checkIssued(c) && current.verify(c.publicKey) && c.ca);
    if (!next || !valid(next)) return { certified: false, issuer: null };
    current = next;
  }
  return { certified: false, issuer: null };
}
