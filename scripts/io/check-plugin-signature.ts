import { dirname } from 'node:path';
import { isMpError } from '../core/errors.ts';
import type { EffectivePolicy, Signer as PolicySigner } from '../policy/types.ts';
import { requiredSignatures, signerFact } from '../trust/signing/required-signatures.ts';
import { fail, type SignatureResult } from '../trust/signing/signature-result.ts';
import { verifyPluginSignature } from '../trust/signing/verify-plugin-signature.ts';
import { nodeSignatureFs } from './node-signature-fs.ts';
import { loadPublicGoodRoot, resolvePolicyKeys } from './sigstore-material.ts';

export interface PluginSignatureCheck {
  /** True when at least one trust.requireSignature entry applies to the plugin. */
  required: boolean;
  /** The failing verification (the first requirement that failed), or the success; null when nothing applies. */
  result: SignatureResult | null;
  /** The fact for decide(): present only when EVERY applicable requirement verified. */
  signer?: PolicySigner;
}

/**
 * For mp install, mp verify and the PreToolUse hook: verify a plugin directory's signature against
 * each policy requirement that applies to it, separately (so one requirement's keys never satisfy
 * another's), with the requirement's keys read relative to the policy file that declared them.
 * Never throws: unreadable policy keys fail the check with KEY_UNREADABLE / KEY_MALFORMED.
 */
export function checkPluginSignature(
  root: string,
  plugin: { id: string; name: string; registry?: string },
  policy: EffectivePolicy,
  opts: { expectedName?: string } = {},
): PluginSignatureCheck {
  const reqs = requiredSignatures(plugin, policy);
  if (reqs.length === 0) return { required: false, result: null };
  let last: SignatureResult | null = null;
  for (const req of reqs) {
    let keys: string[];
    try {
      keys = resolvePolicyKeys(req.value.keys ?? [], dirname(req.path));
    } catch (e) {
      return { required: true, result: fail('KEY_MALFORMED', isMpError(e) ? `${e.code}: ${e.message}` : String(e)) };
    }
    const identities = req.value.identities ?? [];
    last = verifyPluginSignature(root, { keys, identities }, { fs: nodeSignatureFs, trustedRoot: loadPublicGoodRoot(), expectedName: opts.expectedName ?? plugin.name });
    if (!last.ok) return { required: true, result: last };
  }
  return { required: true, result: last, signer: signerFact(last) };
}
