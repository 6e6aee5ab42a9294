import { timingSafeEqual, type KeyObject } from 'node:crypto';
import type { TrustedRoot } from '@sigstore/protobuf-specs';
import { computeTreeDigest, SIGNATURE_PATH } from '../../integrity/tree-digest.ts';
import { isMpError } from '../../core/errors.ts';
import { parsePublicKey } from './parse-key.ts';
import { pluginIdentity } from './plugin-identity.ts';
import { integrityToHex, PREDICATE_TYPE } from './plugin-statement.ts';
import { fail, type SignatureResult } from './signature-result.ts';
import type { SignatureFs } from './signature-fs.ts';
import { verifyBundle, type LoadedTrust } from './verify-bundle.ts';

/** What a plugin must be signed by (from the policy's `trust.requireSignature` and --trusted-key). */
export interface SignatureTrust {
  /** Public keys as KeyObjects or inline PEM (the io layer reads PEM paths). */
  keys: ReadonlyArray<KeyObject | string>;
  identities: ReadonlyArray<{ issuer: string; subject: string }>;
}

export interface SignatureContext {
  fs: SignatureFs;
  /** The public-good trusted root (scripts/io/sigstore-material.ts loadPublicGoodRoot); needed for keyless. */
  trustedRoot?: TrustedRoot;
  /** The plugin's name when the caller knows it better than plugin.json (e.g. from the marketplace). */
  expectedName?: string;
}

/** Real bundles are 2–15 KB; anything past this is hostile or not a bundle. */
export const MAX_BUNDLE_BYTES = 1 << 20;

/**
 * Does `.claude-plugin/signature.sigstore.json` in `root` verify for the tree as it is NOW, under the
 * trusted keys and identities? Steps: read the bundle (bounded, no symlinks), verify it cryptographically
 * (verifyBundle), then check that what was signed is this plugin: subject name == the plugin's name,
 * subject sha256 == the current mp1 tree digest. Never throws.
 */
export function verifyPluginSignature(root: string, trust: SignatureTrust, ctx: SignatureContext): SignatureResult {
  const keys: Array<{ key: KeyObject; keyId: string }> = [];
  for (const k of trust.keys) {
    const parsed = parsePublicKey(k);
    if (!parsed.ok) return fail('KEY_MALFORMED', `a trusted key is unusable: ${parsed.reason}`);
    keys.push({ key: parsed.key, keyId: parsed.keyId });
  }
  const loaded: LoadedTrust = { keys, identities: trust.identities, trustedRoot: ctx.trustedRoot };

  const bundlePath = `${root}/${SIGNATURE_PATH}`;
  let bytes: Uint8Array | null | 'too-large';
  try {
    const st = ctx.fs.lstat(bundlePath);
    if (st && st.kind !== 'file') return fail('SIGNATURE_UNREADABLE', `${SIGNATURE_PATH} is a ${st.kind}, not a regular file`);
    bytes = st ? ctx.fs.readFile(bundlePath, MAX_BUNDLE_BYTES) : null;
  } catch (e) {
    return fail('SIGNATURE_UNREADABLE', `could not read ${SIGNATURE_PATH}: ${(e as { code?: string }).code ?? 'EIO'}`);
  }
  if (bytes === null) return fail('SIGNATURE_MISSING', `the plugin has no ${SIGNATURE_PATH}`);
  if (bytes === 'too-large') return fail('SIGNATURE_TOO_LARGE', `${SIGNATURE_PATH} is larger than ${MAX_BUNDLE_BYTES} bytes`);
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    return fail('SIGNATURE_MALFORMED_BUNDLE', `${SIGNATURE_PATH} is not JSON`);
  }

  const verified = verifyBundle(json, loaded);
  if (!verified.ok) return verified;

  let integrity: string;
  try {
    integrity = computeTreeDigest(root, ctx.fs).integrity;
  } catch (e) {
    if (isMpError(e)) return fail(e.code as `TREE_${string}`, e.message);
    return fail('TREE_UNREADABLE', `could not digest ${root}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const name = ctx.expectedName ?? pluginIdentity(root, ctx.fs).name;
  if (verified.subjects.length !== 1) return fail('SIGNATURE_BAD_STATEMENT', `the statement has ${verified.subjects.length} subjects; a plugin signature has exactly one`);
  const subject = verified.subjects[0];
  // Threat: a valid signature for another plugin (or another artifact of the same signer) copied here.
  if (subject.name !== name) {
    return fail('SIGNATURE_WRONG_PLUGIN', `the signature is for ${JSON.stringify(subject.name.slice(0, 120))}, not for plugin ${JSON.stringify(name)}`);
  }
  const current = integrityToHex(integrity);
  const signed = (subject.digest.sha256 ?? '').toLowerCase();
  if (!sameHexDigest(signed, current)) {
    return fail('SIGNATURE_TREE_MISMATCH', `the plugin tree changed since it was signed (signed sha256 ${signed.slice(0, 64) || 'none'}, now ${current})`);
  }
  if (verified.predicateType !== PREDICATE_TYPE) {
    return fail('SIGNATURE_BAD_STATEMENT', `the statement's predicate type is ${JSON.stringify(verified.predicateType.slice(0, 120))}; expected ${PREDICATE_TYPE}`);
  }
  return { ok: true, signer: verified.signer, subject: { name, sha256: current }, integrity };
}

function sameHexDigest(a: string, b: string): boolean {
  if (!/^[0-9a-f]{64}$/.test(a) || !/^[0-9a-f]{64}$/.test(b)) return false;
  return timingSafeEqual(Buffer.from(a, 'hex'), Buffer.from(b, 'hex'));
}
