import type { CommandIO, CommandModule } from '../command.ts';
import { EXIT } from '../../core/exit-codes.ts';
import { MpError } from '../../core/errors.ts';
import { resolvePlugin } from '../../federation/resolve-plugin.ts';
import { describeSource } from '../../federation/to-registry-source.ts';
import { explain } from '../../policy/explain.ts';
import { pluginFacts } from '../../federation/plugin-facts.ts';
import { loadFederationContext } from '../../io/registry-fetch/load-context.ts';
import { parseCliArgs } from '../parse-cli-args.ts';
import { policyCheck } from './policy-check.ts';

const USAGE = 'usage: mp policy [check] | explain <plugin[@registry]>  [--offline] [--org-policy <file>] [--json]';
const help = `${USAGE}

The plugin policy: .claude/policies/plugins.yaml (schemas/policy.schema.json) merged with an org policy
(--org-policy, else MP_ORG_POLICY, else plugins.yaml in Claude Code's managed settings directory). The
project can only tighten the org. Anything unknown, unreadable or unreachable is denied.

  check (default)   every plugin enabled or installed for this project (Claude Code's real state) and
                    every registry, against the policy; collisions between the plugins' commands,
                    skills and agents; registries that fail or disagree with Claude Code
  explain <plugin>  which rule decides for a plugin and why, every rule that applied, and the copies
                    of the same name in other registries (shadowed)
  --offline         use cached registries only      --json  machine-readable output

exit codes: 0 allowed / all clear · 1 denied or findings · 2 could not run`;

async function run(io: CommandIO): Promise<number> {
  const { values, positionals } = parseCliArgs(io.argv, { offline: { type: 'boolean' }, 'org-policy': { type: 'string' }, json: { type: 'boolean' } }, USAGE);
  const [sub = 'check', ...args] = positionals;
  if (sub !== 'check' && sub !== 'explain') throw new MpError('USAGE', sub ? `unknown subcommand '${sub}'\n${USAGE}` : USAGE, { hint: 'see mp policy --help' });
  if ((sub === 'check' && args.length) || (sub === 'explain' && args.length !== 1)) throw new MpError('USAGE', USAGE, { hint: 'see mp policy --help' });
  const orgPolicy = values['org-policy'];
  const ctx = await loadFederationContext({ cwd: io.cwd, env: io.env, mode: values.offline ? 'offline' : 'auto', ...(orgPolicy ? { orgPolicy } : {}) });
  const projectDir = io.env.CLAUDE_PROJECT_DIR || io.cwd;
  if (sub === 'explain') {
    const r = resolvePlugin(args[0], ctx.federation, ctx.policy);
    const main = explain(r.facts, ctx.policy);
    const lines = [...main.lines];
    if (!r.chosen) lines[1] = `  decided by ${r.decision.rule}: ${r.decision.reason}`;
    const others = r.shadowed.map((c) => ({ id: `${c.plugin.name}@${c.registry.spec.name}`, priority: c.registry.spec.priority, decision: explain(pluginFacts(c, ctx.federation), ctx.policy).decision }));
    if (r.pinnedTo) lines.push(`  pinned to registry ${r.pinnedTo}`);
    if (others.length) lines.push('  other copies of this name:', ...others.map((o) => `    ${o.id} (priority ${o.priority}): ${o.decision.allow ? 'allowed' : `denied by ${o.decision.rule}`}`));
    for (const f of ctx.federation.failures) lines.push(`  warning [${f.code}]: ${f.message}`);
    if (values.json) io.stdout(JSON.stringify({ ok: r.decision.allow, plugin: r.query, resolved: r.chosen ? `${r.chosen.plugin.name}@${r.chosen.registry.spec.name}` : null, decision: r.decision, facts: r.facts, pinnedTo: r.pinnedTo, shadowed: others, layers: ctx.policy.layers, notes: ctx.policy.notes }, null, 2) + '\n');
    else io.stdout(lines.join('\n') + '\n');
    return r.decision.allow ? EXIT.OK : EXIT.FAILED;
  }
  const report = policyCheck(ctx, io.env, projectDir);
  if (values.json) {
    io.stdout(JSON.stringify({ ...report, layers: ctx.policy.layers, notes: ctx.policy.notes }, null, 2) + '\n');
    return report.ok ? EXIT.OK : EXIT.FAILED;
  }
  const out: string[] = [];
  if (report.policyFailure) out.push(`✘ policy: ${report.policyFailure.rule}: ${report.policyFailure.reason}`, '  every plugin change is denied until this is fixed');
  out.push(ctx.policy.layers.length ? `policy: ${ctx.policy.layers.map((l) => `${l.origin} ${l.path}`).join(' + ')}` : 'policy: none (built-in defaults only)');
  for (const n of ctx.policy.notes) out.push(`  note: ${n}`);
  out.push(`plugins (${report.plugins.length}):`);
  for (const p of report.plugins) out.push(`  ${p.decision.allow ? '✔' : '✘'} ${p.id}${p.enabledIn.length ? ` (enabled: ${p.enabledIn.join(', ')})` : ' (installed, not enabled)'}${p.decision.allow ? '' : `\n      ${p.decision.rule}: ${p.decision.reason}`}`);
  out.push(`registries (${report.registries.length + report.failures.length}):`);
  for (const r of report.registries) out.push(`  ${r.decision.allow ? '✔' : '✘'} ${r.name} ${r.source}${r.decision.allow ? '' : `\n      ${r.decision.rule}: ${r.decision.reason}`}`);
  for (const f of report.failures) out.push(`  ✘ ${f.name} ${describeSource(f.source)}\n      ${f.code}: ${f.message}${ctx.policy.onUnreachable.value === 'skip' ? ' (skipped: onUnreachable: skip)' : ''}`);
  for (const m of report.mismatches) out.push(`  ✘ ${m.name}: REGISTRY_SOURCE_MISMATCH: the policy says ${describeSource(m.policy)}, Claude Code uses ${describeSource(m.claude)}`);
  for (const i of report.invalid) out.push(`  ✘ ${i.name}: ${i.message}`);
  if (report.collisions.length) out.push('collisions:', ...report.collisions.map((c) => `  ${c.severity === 'error' ? '✘' : '!'} ${c.message}`));
  if (report.shadowed.length) out.push('shadowed names (same name in several registries):', ...report.shadowed.map((e) => `  ${e.name}: ${e.winner} wins over ${e.shadowed.join(', ')}${e.pinnedTo ? ` (pinned to ${e.pinnedTo})` : ' (not pinned)'}`));
  if (report.lockError) out.push(`warning [${report.lockError.code}]: ${report.lockError.message}`);
  out.push(report.ok ? 'policy check passed' : 'policy check FAILED');
  // Trust rules are judged here on what the lock records; say how to refresh it and how to check the trees.
  if (report.plugins.some((p) => !p.decision.allow && p.decision.rule.startsWith('trust.'))) {
    out.push('hint: trust rules are judged on the signer, grade and findings plugin-lock.json records: run mp lock to record them for the installed trees, and mp verify to re-check the trees themselves');
  }
  io.stdout(out.join('\n') + '\n');
  return report.ok ? EXIT.OK : EXIT.FAILED;
}

const command: CommandModule = { summary: 'Check the project against the plugin policy, or explain a decision', help, run };
export default command;
