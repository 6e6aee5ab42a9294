import { lockTrustFields } from '../lock/lock-trust-facts.ts';
import type { ObservedPlugin } from '../lock/observed.ts';
import type { LockEntry, LockFile } from '../lock/types.ts';
import type { EffectivePolicy } from '../policy/types.ts';
import { pluginTrustFacts, trustTarget, type PluginTrust } from './plugin-trust-facts.ts';

export interface EntryTrustOptions {
  policy: EffectivePolicy;
  projectDir: string;
  env: Record<string, string | undefined>;
  /** The lock as it was before this run: a plugin whose tree is unchanged keeps its recorded grade. */
  prior?: LockFile;
  /** Trust facts this run already computed on the same installed trees (mp install's post-install check). */
  known?: ReadonlyMap<string, PluginTrust>;
}

/**
 * Lock entries with their trust facts: the signer verified on the installed tree now (always, so that a
 * signer is only ever recorded for a signature that verifies under the current policy), and the grade,
 * computed for a new or changed tree (an unchanged tree keeps its recorded grade: mergeLock carries it).
 */
export async function withEntryTrust(entries: readonly LockEntry[], observed: readonly ObservedPlugin[], o: EntryTrustOptions): Promise<{ entries: LockEntry[]; trust: Map<string, PluginTrust> }> {
  const out: LockEntry[] = [];
  const trust = new Map<string, PluginTrust>();
  for (const e of entries) {
    const p = observed.find((x) => x.id === e.id);
    if (!p?.installation) {
      out.push(e);
      continue;
    }
    const old = o.prior?.plugins.find((x) => x.id === e.id);
    const regrade = !(old && old.integrity === e.integrity && old.grade !== undefined);
    const known = o.known?.get(e.id);
    const facts = known && (known.grade || !regrade)
      ? known
      : await pluginTrustFacts(trustTarget(p.installation.installPath, p, o.projectDir, o.env, true), { id: p.id, name: p.name, registry: p.marketplace }, o.policy, { grade: regrade, env: o.env });
    trust.set(e.id, facts);
    out.push({ ...e, ...lockTrustFields({ ...(regrade && facts.grade ? { grade: facts.grade } : {}), ...(facts.signer ? { signer: facts.signer } : {}) }) });
  }
  return { entries: out, trust };
}
