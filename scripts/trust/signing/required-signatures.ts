import { pluginGlobMatch } from '../../policy/glob-match.ts';
import type { EffectivePolicy, SignatureRequirement, Signer as PolicySigner, Tagged } from '../../policy/types.ts';
import type { SignatureResult } from './signature-result.ts';

/**
 * The policy's `trust.requireSignature` entries that apply to a plugin: the same rule as
 * scripts/policy/trust-rules.ts (no `plugins` and no `registries` = every plugin; else a plugin glob
 * matches case-insensitively, or the plugin's registry is listed).
 */
export function requiredSignatures(plugin: { id: string; name: string; registry?: string }, policy: EffectivePolicy): Array<Tagged<SignatureRequirement>> {
  return policy.trust.requireSignature.filter(({ value: req }) => {
    if (!req.plugins && !req.registries) return true;
    return (req.plugins ?? []).some((p) => pluginGlobMatch(p, plugin, true)) || (plugin.registry !== undefined && (req.registries ?? []).includes(plugin.registry));
  });
}

/**
 * The `signer` fact decide() reads, from a verification result. Only a successful verification gives
 * a signer: an absent signer is what makes decide() deny under trust.requireSignature. Keys are named
 * `sha256:<hex key id>` (the Sigstore hint of the SPKI DER), identities by issuer and certificate SAN.
 */
export function signerFact(result: SignatureResult | null): PolicySigner | undefined {
  if (!result?.ok) return undefined;
  return result.signer.kind === 'key' ? { key: `sha256:${result.signer.keyId}` } : { issuer: result.signer.issuer, subject: result.signer.subject };
}
