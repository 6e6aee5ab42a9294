import type { CommandIO, CommandModule } from '../command.ts';
import { EXIT } from '../../core/exit-codes.ts';
import { MpError } from '../../core/errors.ts';
import { decideMarketplace } from '../../policy/decide-marketplace.ts';
import { registrySourceFacts } from '../../federation/source-host.ts';
import { describeSource } from '../../federation/to-registry-source.ts';
import { loadFederationContext } from '../../io/registry-fetch/load-context.ts';
import { policyPaths } from '../../io/load-policy.ts';
import { readPolicyText, writePolicyFile } from '../../io/write-policy-file.ts';
import { parsePolicyText } from '../../io/policy-file.ts';
import { removePolicyRegistry } from '../../policy/edit-policy-registries.ts';
import { parseCliArgs } from '../parse-cli-args.ts';
import { registryAdd } from './registry-add.ts';

const USAGE = 'usage: mp registry [list] | add <source> [--name n] [--priority p] | remove <name> | update [name...]  [--json]';
const help = `${USAGE}

Manage the policy's registries (the registries section of .claude/policies/plugins.yaml). The
federation is every marketplace Claude Code knows (user, project and local settings,
known_marketplaces.json) plus these, highest priority first (Claude's default to 0).

  list (default)    every registry: priority, where it comes from, source, status, policy verdict
                    (reads Claude Code's copies and mp's cache; never fetches)
  add <source>      add a registry: owner/repo[#ref], a git URL (https://…git, git@host:…, file://…),
                    an https URL to a marketplace.json, or a path (directory or marketplace.json).
                    It is fetched and checked against the policy first; --name defaults to the name
                    in its marketplace.json; --priority (default 0) orders it (higher wins).
  remove <name>     remove it from the project policy (org registries cannot be removed here)
  update [name...]  fetch the policy's git and URL registries again into the cache
  --offline         (add) do not fetch: needs --name     --org-policy <file>  org policy to merge
  --json            machine-readable output

exit codes: 0 ok · 1 denied by the policy · 2 could not run (usage, unreachable, invalid registry)`;

async function run(io: CommandIO): Promise<number> {
  const { values, positionals } = parseCliArgs(io.argv, {
    name: { type: 'string' }, priority: { type: 'string' }, offline: { type: 'boolean' }, 'org-policy': { type: 'string' }, json: { type: 'boolean' },
  }, USAGE);
  const [sub = 'list', ...args] = positionals;
  const orgPolicy = values['org-policy'];
  const out = (human: string, json: unknown) => io.stdout(values.json ? JSON.stringify(json, null, 2) + '\n' : human);
  switch (sub) {
    case 'list': {
      const ctx = await loadFederationContext({ cwd: io.cwd, env: io.env, mode: 'offline', components: false, ...(orgPolicy ? { orgPolicy } : {}) });
      const rows = [
        ...ctx.federation.registries.map((r) => ({ name: r.spec.name, priority: r.spec.priority, origins: r.spec.origins, source: r.spec.source, status: `${r.plugins.length} plugins (${r.via}${r.commit ? ` ${r.commit.slice(0, 12)}` : ''})`, plugins: r.plugins.length, via: r.via })),
        ...ctx.federation.failures.map((f) => ({ name: f.name, priority: null, origins: [], source: f.source, status: `${f.code}: ${f.message}`, error: f.code })),
      ].map((r) => {
        const d = decideMarketplace({ name: r.name, source: registrySourceFacts(r.source) }, ctx.policy);
        return { ...r, allowed: d.allow, rule: d.rule, reason: d.reason };
      });
      const human = rows.map((r) => `${r.name}  priority ${r.priority ?? '?'}  [${r.origins.join(', ')}]  ${describeSource(r.source)}\n    ${r.status}${r.allowed ? '' : `\n    denied by ${r.rule}: ${r.reason}`}\n`).join('')
        + ctx.invalid.map((i) => `warning: ${i.message}\n`).join('')
        + ctx.federation.mismatches.map((m) => `warning [REGISTRY_SOURCE_MISMATCH]: ${m.name} is ${describeSource(m.policy)} in the policy but ${describeSource(m.claude)} in Claude Code\n`).join('')
        + (rows.length ? '' : 'no registries (Claude Code knows no marketplace and the policy adds none)\n');
      out(human, { ok: true, registries: rows, invalid: ctx.invalid, mismatches: ctx.federation.mismatches });
      return EXIT.OK;
    }
    case 'add': {
      if (args.length !== 1) throw new MpError('USAGE', USAGE, { hint: 'mp registry add <source> [--name n] [--priority p]' });
      const r = await registryAdd({ io, source: args[0], ...(values.name ? { name: values.name } : {}), ...(values.priority !== undefined ? { priority: values.priority } : {}), offline: Boolean(values.offline), ...(orgPolicy ? { orgPolicy } : {}) });
      out(r.human, r.json);
      return r.code;
    }
    case 'remove': {
      if (args.length !== 1) throw new MpError('USAGE', USAGE, { hint: 'mp registry remove <name>' });
      const paths = policyPaths({ cwd: io.cwd, env: io.env, ...(orgPolicy ? { orgPolicy } : {}) });
      const text = readPolicyText(paths.project);
      if (text === null) throw new MpError('REGISTRY_NOT_FOUND', `no project policy at ${paths.project}, so no registry ${args[0]} to remove`, { hint: 'mp registry list shows where each registry comes from' });
      parsePolicyText(text, paths.project);
      const edit = removePolicyRegistry(text, args[0]);
      if (!edit.removed) throw new MpError('REGISTRY_NOT_FOUND', `the project policy lists no registry ${args[0]}`, { hint: 'registries that Claude Code knows are removed with: claude plugin marketplace remove <name>' });
      writePolicyFile(paths.project, edit.text);
      out(`removed registry ${args[0]} from ${paths.project}\n`, { ok: true, removed: args[0], policy: paths.project });
      return EXIT.OK;
    }
    case 'update': {
      const ctx = await loadFederationContext({ cwd: io.cwd, env: io.env, mode: 'refresh', components: false, ...(orgPolicy ? { orgPolicy } : {}), ...(args.length ? { only: args } : {}) });
      const missing = args.filter((a) => !ctx.federation.registries.some((r) => r.spec.name === a) && !ctx.federation.failures.some((f) => f.name === a));
      if (missing.length) throw new MpError('REGISTRY_NOT_FOUND', `no registry named ${missing.join(', ')}`, { hint: 'mp registry list shows the registries' });
      const rows = ctx.federation.registries.map((r) => ({ name: r.spec.name, via: r.via, commit: r.commit, plugins: r.plugins.length }));
      const human = rows.map((r) => `${r.name}: ${r.via === 'fetched' ? 'fetched' : r.via === 'claude' ? "read Claude Code's copy (refresh it with: claude plugin marketplace update " + r.name + ')' : 'read in place'}, ${r.plugins} plugins${r.commit ? ` at ${r.commit.slice(0, 12)}` : ''}\n`).join('')
        + ctx.federation.failures.map((f) => `error [${f.code}]: ${f.message}${f.hint ? `\nhint: ${f.hint}` : ''}\n`).join('');
      out(human, { ok: ctx.federation.failures.length === 0, registries: rows, failures: ctx.federation.failures });
      return ctx.federation.failures.length ? EXIT.ERROR : EXIT.OK;
    }
    default:
      throw new MpError('USAGE', sub ? `unknown subcommand '${sub}'\n${USAGE}` : USAGE, { hint: 'see mp registry --help' });
  }
}

const command: CommandModule = { summary: "Manage the policy's registries (list, add, remove, update)", help, run };
export default command;
