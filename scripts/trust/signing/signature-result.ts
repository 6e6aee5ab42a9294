/**
 * What signature verification answers. Verification never throws: every failure is a stable code
 * (tests assert codes) plus a human reason. TREE_* codes from the tree digest pass through unchanged.
 */
export type SignatureCode =
  | 'SIGNATURE_MISSING' // the plugin carries no .claude-plugin/signature.sigstore.json
  | 'SIGNATURE_UNREADABLE' // the bundle file exists but is not a readable regular file (symlink, permissions)
  | 'SIGNATURE_TOO_LARGE' // the bundle file is larger than any real bundle (threat: memory exhaustion)
  | 'SIGNATURE_MALFORMED_BUNDLE' // not JSON, or not a Sigstore bundle
  | 'SIGNATURE_UNSUPPORTED_BUNDLE' // a valid bundle of a kind we do not accept (message signature, not in-toto)
  | 'SIGNATURE_BAD_STATEMENT' // the DSSE payload is not an in-toto Statement with one subject
  | 'SIGNATURE_INVALID' // the signature does not verify (corrupted signature or payload)
  | 'SIGNATURE_UNTRUSTED_KEY' // signed by a key the policy does not trust
  | 'SIGNATURE_NO_TRUSTED_KEYS' // a key-signed bundle, and no key is trusted at all
  | 'SIGNATURE_BAD_CERTIFICATE' // the certificate does not parse or does not chain to the trusted Fulcio CA
  | 'SIGNATURE_TLOG_INVALID' // the transparency-log entry or its proof does not verify
  | 'SIGNATURE_TIMESTAMP_INVALID' // no trusted time for a certificate-signed bundle
  | 'SIGNATURE_NO_IDENTITY_POLICY' // a keyless bundle, and no identity is required (anyone would pass)
  | 'SIGNATURE_BAD_IDENTITY_POLICY' // an identity's subject is not a valid regular expression
  | 'SIGNATURE_UNTRUSTED_IDENTITY' // a valid certificate for an identity the policy does not name
  | 'SIGNATURE_TREE_MISMATCH' // the signed digest is not the plugin's current tree digest
  | 'SIGNATURE_WRONG_PLUGIN' // the statement names another plugin
  | 'KEY_MALFORMED'; // a trusted key or a signing key is not a usable PEM key

/** Who signed: a public key (named by the sha256 of its SPKI DER) or a Fulcio certificate identity. */
export type Signer =
  | { kind: 'key'; keyId: string }
  | { kind: 'identity'; issuer: string; subject: string };

export interface SignatureFailure { ok: false; code: SignatureCode | `TREE_${string}`; reason: string }

export interface SignatureSuccess {
  ok: true;
  signer: Signer;
  /** The subject the statement signs: the plugin name and the mp1 tree digest (hex sha256). */
  subject: { name: string; sha256: string };
  /** The plugin's current mp1 tree integrity (equal to the signed digest). */
  integrity: string;
}

export type SignatureResult = SignatureSuccess | SignatureFailure;

export function fail(code: SignatureFailure['code'], reason: string): SignatureFailure {
  return { ok: false, code, reason };
}

/** A one-line label for the lockfile's `signer` field and for policy facts. */
export function signerLabel(s: Signer): string {
  return s.kind === 'key' ? `key:sha256:${s.keyId}` : `${s.issuer}#${s.subject}`;
}
