import { conclude, decide } from '../policy/decide.ts';
import { decideMarketplace } from '../policy/decide-marketplace.ts';
import type { PluginOp } from '../policy/parse-plugin-commands.ts';
import { lockTrustFacts } from '../lock/lock-trust-facts.ts';
import type { LockEntry } from '../lock/types.ts';
import type { Decision, EffectivePolicy, PluginFacts } from '../policy/types.ts';
import type { ParsedSource } from './parse-registry-source.ts';
import { pluginFacts, unknownPluginFacts } from './plugin-facts.ts';
import { registrySourceFacts } from './source-host.ts';
import type { Federation, RegistrySource } from './types.ts';

export interface JudgeContext {
  policy: EffectivePolicy;
  federation: Federation;
  parseSource: (text: string) => ParsedSource;
  /** The marketplace name behind a source when it can be known without fetching (a local path, a known registry). */
  marketplaceNameOf: (source: RegistrySource) => string | undefined;
  /** plugin-lock.json entries by id (their trust facts: grade, signer, findings); undefined when there is no readable lock. */
  lock?: Map<string, Pick<LockEntry, 'grade' | 'signer' | 'findings'>>;
}

export interface OpVerdict { op: PluginOp; decision: Decision }

/**
 * The policy's verdict on each plugin-changing command. A bare plugin name is judged on every registry
 * that offers it (which copy Claude Code picks is not the policy's to assume): one denied copy denies,
 * and the reason says to name the registry (`name@registry`). Unreadable targets deny.
 */
export function judgePluginOps(ops: PluginOp[], ctx: JudgeContext): OpVerdict[] {
  return ops.map((op) => ({ op, decision: judgeOne(op, ctx) }));
}

function judgeOne(op: PluginOp, ctx: JudgeContext): Decision {
  const { policy, federation } = ctx;
  if (policy.failure) return conclude([{ rule: policy.failure.rule, effect: 'deny', reason: policy.failure.reason }], '');
  if (op.target === null) return conclude([{ rule: 'command.unreadable', effect: 'deny', reason: `could not read the target of \`${op.words.join(' ').slice(0, 200)}\`` }], '');
  if (op.op === 'marketplace-add') {
    const parsed = ctx.parseSource(op.target);
    if (!parsed.ok) return conclude([{ rule: 'sources.unknown', effect: 'deny', reason: `cannot tell what marketplace source "${op.target.slice(0, 200)}" is: ${parsed.message}` }], '');
    const name = ctx.marketplaceNameOf(parsed.source);
    return decideMarketplace({ ...(name ? { name } : {}), source: registrySourceFacts(parsed.source) }, policy);
  }
  const at = op.target.indexOf('@');
  const name = at < 0 ? op.target : op.target.slice(0, at);
  const marketplace = at < 0 ? undefined : op.target.slice(at + 1);
  const copies = federation.registries.filter((r) => (marketplace === undefined || r.spec.name === marketplace) && r.plugins.some((p) => p.name === name));
  const facts: PluginFacts[] = copies.length
    ? copies.map((registry) => pluginFacts({ registry, plugin: registry.plugins.find((p) => p.name === name)! }, federation))
    : [unknownPluginFacts(name, marketplace ?? '(any registry)', federation)];
  const decisions = facts.map((f) => decide(withLock(f, ctx), policy));
  const denied = decisions.find((d) => !d.allow);
  if (!denied) return decisions[0];
  if (marketplace === undefined && copies.length > 1) return { ...denied, reason: `${denied.reason} (a bare name may install any registry's copy; name the registry: ${name}@<registry>)` };
  return denied;
}

function withLock(f: PluginFacts, ctx: JudgeContext): PluginFacts {
  if (!ctx.lock) return f;
  const entry = ctx.lock.get(f.id);
  return { ...f, locked: entry !== undefined, ...lockTrustFacts(entry) };
}
