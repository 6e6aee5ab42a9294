import { TrustedRoot } from '@sigstore/protobuf-specs';
import seeds from '@sigstore/tuf/seeds.json' with { type: 'json' };
import { MpError } from '../core/errors.ts';
import { parsePrivateKey, parsePublicKey } from '../trust/signing/parse-key.ts';
import { readPemFile } from './read-pem-file.ts';

// Re-exported: the PEM readers live in read-pem-file.ts so that policy loading does not pull in Sigstore.
export { readPemFile, resolvePolicyKeys } from './read-pem-file.ts';

/**
 * Trust material for offline verification, loaded from what ships with the sigstore packages.
 *
 * The public-good trusted root is the `trusted_root.json` target embedded (base64) in
 * @sigstore/tuf's seeds.json, read directly: no TUF refresh, no network. Our trust in it equals our
 * trust in the package bytes (pinned by package-lock integrity and bundled into dist/). Staleness:
 * the seed's TUF root.json (v14) expired 2026-06-22, which does not matter here because we never run
 * TUF; what matters are the validity windows inside trusted_root.json (Fulcio CA 2022-04-13→open,
 * Rekor logs incl. log2025-1, CT logs, TSA). A bundle from a CA or log shard created after these
 * packages were published fails to verify until @sigstore/tuf is updated and dist/ rebuilt.
 */
let cachedRoot: TrustedRoot | undefined;

export function loadPublicGoodRoot(): TrustedRoot {
  if (cachedRoot) return cachedRoot;
  const mirror = Object.values(seeds as Record<string, { targets: Record<string, string> }>)[0];
  const encoded = mirror?.targets?.['trusted_root.json'];
  if (!encoded) throw new MpError('SIGSTORE_ROOT_MISSING', 'could not load the Sigstore trusted root — @sigstore/tuf/seeds.json has no trusted_root.json target', { hint: 'reinstall @sigstore/tuf and rebuild dist/' });
  cachedRoot = TrustedRoot.fromJSON(JSON.parse(Buffer.from(encoded, 'base64').toString('utf8')));
  return cachedRoot;
}

/** Load and check a public key file (for --trusted-key). */
export function loadPublicKeyFile(path: string): string {
  const pem = readPemFile(path);
  const parsed = parsePublicKey(pem);
  if (!parsed.ok) throw new MpError('KEY_MALFORMED', `${parsed.reason} (${path})`, { hint: 'pass a PEM public key (ECDSA P-256 or Ed25519), e.g. the .pub.pem mp keygen wrote' });
  return pem;
}

/** Load and check a private key file (for mp sign --key). */
export function loadPrivateKeyFile(path: string): ReturnType<typeof parsePrivateKey> & { ok: true } {
  const parsed = parsePrivateKey(readPemFile(path));
  if (!parsed.ok) throw new MpError('KEY_MALFORMED', `${parsed.reason} (${path})`, { hint: 'pass an unencrypted PEM private key (ECDSA P-256 or Ed25519), e.g. from mp keygen' });
  return parsed;
}
