import type { CommandIO, CommandModule } from '../command.ts';
import { EXIT } from '../../core/exit-codes.ts';
import { parseCliArgs } from '../parse-cli-args.ts';
import { MpError } from '../../core/errors.ts';
import { pluginFacts } from '../../federation/plugin-facts.ts';
import { SearchIndex } from '../../federation/search-index.ts';
import { decide } from '../../policy/decide.ts';
import { loadFederationContext } from '../../io/registry-fetch/load-context.ts';

const help = `mp search <query> [--registry <name>] [--category <c>] [--limit <n>] [--offline] [--org-policy <file>] [--json]

Ranked full-text search over every registry of the federation (the marketplaces Claude Code knows
plus the policy's registries): plugin names, descriptions, keywords, categories, and the names and
descriptions of each plugin's commands, skills and agents (when the registry tree is available).
Prefix matches and one-letter typos are found. Each hit says whether a higher-priority registry
shadows it and whether the policy would allow it.

  --registry <name>  only this registry          --category <c>  only this category
  --limit <n>        at most n hits (default 20)  --offline       use cached registries only
  --org-policy <f>   org policy file (else MP_ORG_POLICY, else <managed settings dir>/plugins.yaml)
  --json             machine-readable output

exit codes: 0 searched (even with no hits) · 2 could not run (usage, or no registry could be read)`;

async function run(io: CommandIO): Promise<number> {
  const { values, positionals } = parseCliArgs(io.argv, {
    registry: { type: 'string' }, category: { type: 'string' }, limit: { type: 'string' }, offline: { type: 'boolean' }, 'org-policy': { type: 'string' }, json: { type: 'boolean' },
  }, 'usage: mp search <query> [--registry r] [--category c] [--limit n] [--offline] [--json]');
  const query = positionals.join(' ').trim();
  const limit = values.limit === undefined ? 20 : Number(values.limit);
  if (!query || !Number.isInteger(limit) || limit < 1) throw new MpError('USAGE', 'usage: mp search <query> [--registry r] [--category c] [--limit n] [--offline] [--json]', { hint: 'give a query (and a positive integer for --limit)' });
  const ctx = await loadFederationContext({ cwd: io.cwd, env: io.env, mode: values.offline ? 'offline' : 'auto', ...(values['org-policy'] ? { orgPolicy: values['org-policy'] } : {}) });
  const { federation, policy } = ctx;
  if (values.registry && !federation.registries.some((r) => r.spec.name === values.registry)) {
    const failed = federation.failures.find((f) => f.name === values.registry);
    throw failed
      ? new MpError(failed.code, failed.message, failed.hint ? { hint: failed.hint } : {})
      : new MpError('REGISTRY_NOT_FOUND', `no registry named ${values.registry}`, { hint: 'mp registry list shows the registries' });
  }
  if (federation.registries.length === 0 && federation.failures.length > 0) {
    const f = federation.failures[0];
    throw new MpError(f.code, `no registry could be read (${federation.failures.length} failed); first: ${f.message}`, f.hint ? { hint: f.hint } : {});
  }
  const index = SearchIndex.fromFederation(federation);
  const hits = index.search(query, { ...(values.registry ? { registry: values.registry } : {}), ...(values.category ? { category: values.category } : {}), limit }).map((h) => {
    const registry = federation.registries.find((r) => r.spec.name === h.registry)!;
    const d = decide(pluginFacts({ registry, plugin: registry.plugins.find((p) => p.name === h.name)! }, federation), policy);
    return { ...h, allowed: d.allow, rule: d.rule, reason: d.reason };
  });
  if (values.json) {
    io.stdout(JSON.stringify({ ok: true, query, hits, searched: federation.registries.map((r) => r.spec.name), failures: federation.failures, policyFailure: policy.failure }, null, 2) + '\n');
    return EXIT.OK;
  }
  for (const f of federation.failures) io.stderr(`warning [${f.code}]: registry ${f.name}: ${f.message}\n`);
  if (policy.failure) io.stderr(`warning [${policy.failure.code}]: ${policy.failure.reason} (every install is denied until it is fixed)\n`);
  if (hits.length === 0) io.stdout(`no plugins match "${query}" in ${federation.registries.length} registr${federation.registries.length === 1 ? 'y' : 'ies'}\n`);
  for (const h of hits) {
    const flags = [h.shadowed ? 'shadowed' : '', h.allowed ? '' : `denied: ${h.rule}`].filter(Boolean).join(', ');
    io.stdout(`${h.id}${h.version ? ` ${h.version}` : ''}${h.category ? ` [${h.category}]` : ''}${flags ? `  (${flags})` : ''}\n`);
    if (h.description) io.stdout(`    ${h.description.length > 160 ? `${h.description.slice(0, 157)}...` : h.description}\n`);
  }
  return EXIT.OK;
}

const command: CommandModule = { summary: 'Search plugins across all registries (ranked, typo-tolerant, with filters)', help, run };
export default command;
