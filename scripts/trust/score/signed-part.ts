import type { Part } from '../types.ts';
import type { SignatureFacts } from './inputs.ts';

export const SIGNED_POINTS = { verified: 100, untrusted: 30, invalid: 0, unsigned: 0, unavailable: 0 } as const;

/**
 * Signed (25 % of the grade): 100 for a signature that verifies against a key or identity the policy
 * trusts; 30 for a signature whose signer is not trusted (someone signed it, but not someone you named);
 * 0 for a signature that fails (tampered or for another plugin), for no signature, or when verification
 * is not available.
 */
export function signedPart(sig: SignatureFacts): Part {
  switch (sig.status) {
    case 'verified':
      return { score: SIGNED_POINTS.verified, evidence: [`signature verified: signed by ${sig.signer.kind === 'key' ? `key sha256:${sig.signer.keyId.slice(0, 16)}…` : `${sig.signer.subject} (${sig.signer.issuer})`}, trusted by the policy`] };
    case 'untrusted':
      return { score: SIGNED_POINTS.untrusted, evidence: [`signature present but the signer is not trusted (${sig.code}): ${sig.reason}`] };
    case 'invalid':
      return { score: SIGNED_POINTS.invalid, evidence: [`signature present but it does not verify (${sig.code}): ${sig.reason}`] };
    case 'unsigned':
      return { score: SIGNED_POINTS.unsigned, evidence: ['unsigned: no .claude-plugin/signature.sigstore.json'] };
    default:
      return { score: SIGNED_POINTS.unavailable, evidence: [`signature verification not available: ${sig.reason}`] };
  }
}
