import { bundleFromJSON } from '@sigstore/bundle';
import type { TrustedRoot } from '@sigstore/protobuf-specs';
import { Verifier, toSignedEntity, toTrustMaterial } from '@sigstore/verify';
import { mapSigstoreError } from './map-sigstore-error.ts';
import type { SignatureFailure } from './signature-result.ts';

/**
 * Who a keyless bundle was signed by, after checking it cryptographically against the trusted root
 * but WITHOUT any identity policy. This is a description, not a trust decision: any Fulcio identity
 * passes here. mp sign uses it to report (and self-check) what it just produced, and mp verify to
 * tell the user which --identity a rejected bundle would need.
 */
export function keylessSignerOf(json: unknown, trustedRoot: TrustedRoot): { ok: true; issuer: string; subject: string } | SignatureFailure {
  try {
    const bundle = bundleFromJSON(json);
    if (bundle.verificationMaterial.content.$case === 'publicKey') {
      return { ok: false, code: 'SIGNATURE_UNSUPPORTED_BUNDLE', reason: 'the bundle is signed with a key, not keyless' };
    }
    const material = toTrustMaterial(trustedRoot, () => {
      throw new Error('no keys');
    });
    const signer = new Verifier(material, { tlogThreshold: 1, ctlogThreshold: 1, timestampThreshold: 1 }).verify(toSignedEntity(bundle));
    return { ok: true, issuer: signer.identity?.extensions?.issuer ?? '', subject: signer.identity?.subjectAlternativeName ?? '' };
  } catch (e) {
    return mapSigstoreError(e, 'certificate');
  }
}
