import { PolicyError, VerificationError } from '@sigstore/verify';
import { fail, type SignatureFailure } from './signature-result.ts';

/**
 * Turn an error thrown by @sigstore/verify into our stable code. Error classes are matched with
 * instanceof (class names do not survive minification). Anything else the library throws means the
 * bundle led it somewhere unexpected: report it as malformed rather than crash.
 */
export function mapSigstoreError(e: unknown, kind: 'key' | 'certificate'): SignatureFailure {
  const message = e instanceof Error ? e.message : String(e);
  if (e instanceof PolicyError) return fail('SIGNATURE_UNTRUSTED_IDENTITY', `the signer is not an identity the policy trusts: ${message}`);
  if (e instanceof VerificationError) {
    switch (e.code) {
      case 'SIGNATURE_ERROR':
        return fail('SIGNATURE_INVALID', 'the signature does not verify: the payload or the signature was altered, or another key signed it');
      case 'TLOG_BODY_ERROR':
        // The log recorded a different signature or payload digest than the bundle carries.
        return fail('SIGNATURE_INVALID', `the signed content does not match its transparency-log entry: ${message}`);
      case 'TLOG_ERROR':
      case 'TLOG_INCLUSION_PROOF_ERROR':
      case 'TLOG_INCLUSION_PROMISE_ERROR':
      case 'TLOG_MISSING_INCLUSION_ERROR':
        return fail('SIGNATURE_TLOG_INVALID', `the transparency-log entry does not verify: ${message}`);
      case 'CERTIFICATE_ERROR':
        return fail('SIGNATURE_BAD_CERTIFICATE', `the certificate does not verify against the trusted root: ${message}`);
      case 'PUBLIC_KEY_ERROR':
        return fail('SIGNATURE_UNTRUSTED_KEY', `the signing key is not trusted for this signature: ${message}`);
      case 'TIMESTAMP_ERROR':
        return fail('SIGNATURE_TIMESTAMP_INVALID', `the bundle has no verifiable signing time: ${message}`);
      case 'NOT_IMPLEMENTED_ERROR':
        return fail('SIGNATURE_UNSUPPORTED_BUNDLE', `this kind of bundle is not supported: ${message}`);
    }
  }
  if (kind === 'certificate') return fail('SIGNATURE_BAD_CERTIFICATE', `the certificate or its extensions do not parse: ${truncated(message)}`);
  return fail('SIGNATURE_MALFORMED_BUNDLE', `the bundle could not be read: ${truncated(message)}`);
}

function truncated(s: string): string {
  return s.length > 160 ? `${s.slice(0, 160)}…` : s;
}
