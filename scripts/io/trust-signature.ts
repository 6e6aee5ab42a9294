import { dirname, join } from 'node:path';
import type { EffectivePolicy } from '../policy/types.ts';
import type { SignatureFacts } from '../trust/score/inputs.ts';
import { requiredSignatures } from '../trust/signing/required-signatures.ts';
import type { SignatureResult } from '../trust/signing/signature-result.ts';
import { verifyPluginSignature } from '../trust/signing/verify-plugin-signature.ts';
import { SIGNATURE_PATH } from '../integrity/tree-digest.ts';
import { checkPluginSignature } from './check-plugin-signature.ts';
import { nodeSignatureFs } from './node-signature-fs.ts';
import { loadPublicGoodRoot, resolvePolicyKeys } from './sigstore-material.ts';

const UNTRUSTED = new Set(['SIGNATURE_UNTRUSTED_KEY', 'SIGNATURE_NO_TRUSTED_KEYS', 'SIGNATURE_NO_IDENTITY_POLICY', 'SIGNATURE_UNTRUSTED_IDENTITY', 'SIGNATURE_BAD_IDENTITY_POLICY']);

/**
 * The Signed part's input: verify the plugin's bundle with the sigstore engine. Requirements of the policy
 * that apply to the plugin are checked as `mp verify` checks them; when none apply, the bundle is checked
 * against every key and identity the policy names (plus --trusted-key), so a signature by a key the
 * organisation trusts elsewhere still counts. Never throws.
 */
export function signatureFacts(root: string, plugin: { id: string; name: string; registry?: string }, policy: EffectivePolicy, extraKeys: string[] = []): SignatureFacts {
  try {
    if (nodeSignatureFs.lstat(join(root, SIGNATURE_PATH)) === null) return { status: 'unsigned' };
    if (requiredSignatures(plugin, policy).length && extraKeys.length === 0) {
      const check = checkPluginSignature(root, plugin, policy, { expectedName: plugin.name });
      return toFacts(check.result);
    }
    const keys = [...extraKeys];
    const identities: Array<{ issuer: string; subject: string }> = [];
    for (const req of policy.trust.requireSignature) {
      keys.push(...resolvePolicyKeys(req.value.keys ?? [], dirname(req.path)));
      identities.push(...(req.value.identities ?? []));
    }
    return toFacts(verifyPluginSignature(root, { keys, identities }, { fs: nodeSignatureFs, trustedRoot: loadPublicGoodRoot(), expectedName: plugin.name }));
  } catch (e) {
    return { status: 'unavailable', reason: e instanceof Error ? e.message.slice(0, 160) : String(e) };
  }
}

function toFacts(r: SignatureResult | null): SignatureFacts {
  if (!r) return { status: 'unavailable', reason: 'no verification result' };
  if (r.ok) return { status: 'verified', signer: r.signer };
  if (r.code === 'SIGNATURE_MISSING') return { status: 'unsigned' };
  return UNTRUSTED.has(r.code) ? { status: 'untrusted', code: r.code, reason: r.reason } : { status: 'invalid', code: r.code, reason: r.reason };
}
