import type { KeyObject } from 'node:crypto';
import { bundleFromJSON, type Bundle } from '@sigstore/bundle';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { Verifier, toSignedEntity, toTrustMaterial, type SignedEntity } from '@sigstore/verify';
import { mapSigstoreError } from './map-sigstore-error.ts';
import { parseStatement } from './parse-statement.ts';
import { PAYLOAD_TYPE } from './plugin-statement.ts';
import { strictCertificateProblem } from './strict-certificates.ts';
import { fail, type SignatureFailure, type Signer } from './signature-result.ts';

/** Trust material, already loaded by scripts/io/sigstore-material.ts (this module does no I/O). */
export interface LoadedTrust {
  /** Public keys trusted for key-signed bundles, with their Sigstore key ids. */
  keys: ReadonlyArray<{ key: KeyObject; keyId: string }>;
  /** Fulcio identities trusted for keyless bundles: exact issuer, subject regex anchored at both ends. */
  identities: ReadonlyArray<{ issuer: string; subject: string }>;
  /** The Sigstore public-good trusted root (Fulcio CAs, CT logs, Rekor logs, TSA). */
  trustedRoot?: TrustedRoot;
}

export type BundleVerification =
  | { ok: true; signer: Signer; subjects: Array<{ name: string; digest: Record<string, string> }>; predicateType: string }
  | SignatureFailure;

const EMPTY_ROOT = TrustedRoot.fromJSON({
  mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
  tlogs: [], certificateAuthorities: [], ctlogs: [], timestampAuthorities: [],
});

/**
 * Verify a Sigstore DSSE bundle (parsed JSON, untrusted) offline with @sigstore/verify's Verifier, then
 * read its in-toto subjects. Never throws. Checking that the subject is the artifact at hand is the
 * caller's job (verifyPluginSignature does it): the Verifier does not.
 */
export function verifyBundle(json: unknown, trust: LoadedTrust): BundleVerification {
  try {
    return verifyParsedBundle(json, trust);
  } catch (e) {
    // Safety net: a shape the steps below did not foresee must still be a coded answer, not a crash.
    return fail('SIGNATURE_MALFORMED_BUNDLE', `the bundle could not be read: ${e instanceof Error ? e.message : String(e)}`.slice(0, 300));
  }
}

function verifyParsedBundle(json: unknown, trust: LoadedTrust): BundleVerification {
  let bundle: Bundle;
  try {
    bundle = bundleFromJSON(json);
  } catch (e) {
    return fail('SIGNATURE_MALFORMED_BUNDLE', `not a Sigstore bundle: ${e instanceof Error ? e.message : String(e)}`.slice(0, 300));
  }
  if (bundle.content.$case !== 'dsseEnvelope') {
    return fail('SIGNATURE_UNSUPPORTED_BUNDLE', 'the bundle signs a message, not a DSSE in-toto statement; sign plugins with mp sign');
  }
  const envelope = bundle.content.dsseEnvelope;
  if (envelope.payloadType !== PAYLOAD_TYPE) {
    return fail('SIGNATURE_UNSUPPORTED_BUNDLE', `the DSSE payload type is ${JSON.stringify(envelope.payloadType).slice(0, 80)}; expected ${PAYLOAD_TYPE}`);
  }
  const material = bundle.verificationMaterial.content;
  const kind = material.$case === 'publicKey' ? 'key' : 'certificate';
  const certificates = material.$case === 'x509CertificateChain' ? material.x509CertificateChain.certificates.map((c) => c.rawBytes)
    : material.$case === 'certificate' ? [material.certificate.rawBytes] : [];
  const trustedCas = (trust.trustedRoot?.certificateAuthorities ?? []).flatMap((ca) => ca.certChain?.certificates.map((c) => c.rawBytes) ?? []);
  const problem = strictCertificateProblem(certificates, trustedCas);
  if (problem) return fail('SIGNATURE_BAD_CERTIFICATE', `the certificate was altered: ${problem}`);
  let entity: SignedEntity;
  try {
    entity = toSignedEntity(bundle);
  } catch (e) {
    return mapSigstoreError(e, kind);
  }
  const verified = kind === 'key' ? verifyKeySigned(entity, trust) : verifyCertificateSigned(entity, trust);
  if (!verified.ok) return verified;
  // Only now is the payload authentic; it is still only what the signer claims.
  const statement = parseStatement(envelope.payload);
  if (!statement.ok) return fail('SIGNATURE_BAD_STATEMENT', `the signed payload is unusable: ${statement.reason}`);
  return { ok: true, signer: verified.signer, subjects: statement.subjects, predicateType: statement.predicateType };
}

/**
 * Key-signed bundles: no certificate, usually no log entry, so thresholds are 0. That is only sound
 * for keys the team manages itself (a stolen key can sign back-dated content, and nothing is public).
 * Threat: the bundle's `hint` is attacker-controlled. It only routes: the trust decision is whether a
 * key from OUR list verifies the signature. A hint naming no trusted key still gets every trusted
 * key tried (other tools write other hints), and fails as "untrusted key".
 */
function verifyKeySigned(entity: SignedEntity, trust: LoadedTrust): { ok: true; signer: Signer } | SignatureFailure {
  if (trust.keys.length === 0) return fail('SIGNATURE_NO_TRUSTED_KEYS', 'the plugin is signed with a key, and no public key is trusted (policy keys or --trusted-key)');
  const hint = entity.key.$case === 'public-key' ? entity.key.hint : '';
  const hinted = trust.keys.find((k) => k.keyId === hint);
  const candidates = hinted ? [hinted] : trust.keys;
  let firstError: SignatureFailure | undefined;
  for (const candidate of candidates) {
    // Rekor entries, if the bundle has any, are checked against the public-good logs.
    const material = toTrustMaterial(trust.trustedRoot ?? EMPTY_ROOT, () => ({ publicKey: candidate.key, validFor: () => true }));
    try {
      new Verifier(material, { tlogThreshold: 0, ctlogThreshold: 0, timestampThreshold: 0 }).verify(entity);
      return { ok: true, signer: { kind: 'key', keyId: candidate.keyId } };
    } catch (e) {
      firstError ??= mapSigstoreError(e, 'key');
    }
  }
  if (hinted || (firstError && firstError.code !== 'SIGNATURE_INVALID')) return firstError!;
  return fail('SIGNATURE_UNTRUSTED_KEY', `the bundle is signed by key ${hint.slice(0, 64) || '(no hint)'}, which no trusted public key matches`);
}

/**
 * Keyless bundles: a Fulcio certificate, chained to the public-good CA, with at least one SCT and one
 * Rekor entry (which also gives the trusted signing time the short-lived certificate is checked at).
 * Threat: without an identity policy, ANY Fulcio identity (anyone with a GitHub account) passes.
 */
function verifyCertificateSigned(entity: SignedEntity, trust: LoadedTrust): { ok: true; signer: Signer } | SignatureFailure {
  if (trust.identities.length === 0) {
    return fail('SIGNATURE_NO_IDENTITY_POLICY', 'the plugin is signed keyless, and no signer identity (issuer and subject) is required: any identity would pass');
  }
  const patterns: Array<{ issuer: string; subject: RegExp }> = [];
  for (const id of trust.identities) {
    try {
      patterns.push({ issuer: id.issuer, subject: new RegExp(`^(?:${id.subject})$`, 'u') });
    } catch {
      return fail('SIGNATURE_BAD_IDENTITY_POLICY', `the identity subject ${JSON.stringify(id.subject).slice(0, 120)} is not a valid regular expression`);
    }
  }
  if (!trust.trustedRoot) return fail('SIGNATURE_BAD_CERTIFICATE', 'no Sigstore trusted root is loaded to check the certificate against');
  const material = toTrustMaterial(trust.trustedRoot, (hint) => {
    throw new Error(`a certificate bundle asked for key ${hint.slice(0, 64)}`);
  });
  let identity: { issuer?: string; san?: string };
  try {
    const signer = new Verifier(material, { tlogThreshold: 1, ctlogThreshold: 1, timestampThreshold: 1 }).verify(entity);
    identity = { issuer: signer.identity?.extensions?.issuer, san: signer.identity?.subjectAlternativeName };
  } catch (e) {
    return mapSigstoreError(e, 'certificate');
  }
  const { issuer, san } = identity;
  if (!issuer || !san) return fail('SIGNATURE_UNTRUSTED_IDENTITY', 'the certificate names no issuer or no subject');
  if (!patterns.some((p) => p.issuer === issuer && p.subject.test(san))) {
    return fail('SIGNATURE_UNTRUSTED_IDENTITY', `signed by ${san} (issuer ${issuer}), which no trusted identity matches`);
  }
  return { ok: true, signer: { kind: 'identity', issuer, subject: san } };
}
