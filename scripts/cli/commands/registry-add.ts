import { homedir } from 'node:os';
import { isAbsolute, relative, sep } from 'node:path';
import type { CommandIO } from '../command.ts';
import { EXIT } from '../../core/exit-codes.ts';
import { MpError } from '../../core/errors.ts';
import { parseRegistrySource } from '../../federation/parse-registry-source.ts';
import { registrySourceFacts } from '../../federation/source-host.ts';
import type { RegistrySource } from '../../federation/types.ts';
import { decideMarketplace } from '../../policy/decide-marketplace.ts';
import { upsertPolicyRegistry } from '../../policy/edit-policy-registries.ts';
import { loadPolicy } from '../../io/load-policy.ts';
import { parsePolicyText } from '../../io/policy-file.ts';
import { registryCacheDir } from '../../io/registry-fetch/cache-dir.ts';
import { fetchRegistry } from '../../io/registry-fetch/fetch-registry.ts';
import { readPolicyText, writePolicyFile } from '../../io/write-policy-file.ts';
import { pathKind } from '../../io/path-kind.ts';

export interface RegistryAddResult { code: number; human: string; json: unknown }

/** `mp registry add`: parse the source, check it against the policy, fetch it, check again by name, write the project policy. */
export async function registryAdd(o: { io: CommandIO; source: string; name?: string; priority?: string; offline: boolean; orgPolicy?: string }): Promise<RegistryAddResult> {
  const { io } = o;
  const priority = o.priority === undefined ? 0 : Number(o.priority);
  if (!Number.isInteger(priority) || Math.abs(priority) > 1_000_000) throw new MpError('USAGE', `--priority must be an integer, got ${o.priority}`, { hint: 'higher wins; Claude Code marketplaces default to 0' });
  if (o.name !== undefined && !/^[A-Za-z0-9][-A-Za-z0-9._]*$/.test(o.name)) throw new MpError('USAGE', `invalid registry name ${o.name}`, { hint: 'letters, digits, - . _ (a marketplace name)' });
  if (o.offline && !o.name) throw new MpError('USAGE', '--offline needs --name (the name is read from the fetched marketplace.json otherwise)', { hint: 'give --name <name>' });
  const { policy, paths } = loadPolicy({ cwd: o.io.cwd, env: io.env, ...(o.orgPolicy ? { orgPolicy: o.orgPolicy } : {}) });
  // The file we are about to edit must be sound: its own coded error, not a denial by the failed policy.
  const text = readPolicyText(paths.project);
  if (text !== null) parsePolicyText(text, paths.project);
  const projectDir = io.env.CLAUDE_PROJECT_DIR || io.cwd;
  const parsed = parseRegistrySource(o.source, { cwd: io.cwd, home: io.env.HOME || homedir(), kindOf: pathKind });
  if (!parsed.ok) throw new MpError(parsed.code, parsed.message, { hint: 'use owner/repo, a git URL, an https URL to marketplace.json, or a path' });
  // Checked before fetching (a blocked host is never contacted); an unknown name is checked after.
  const denied = (name: string | undefined) => {
    const d = decideMarketplace({ ...(name ? { name } : {}), source: registrySourceFacts(parsed.source) }, policy);
    const hit = d.matched.find((h) => h.effect === 'deny' && (name !== undefined || h.rule !== 'marketplaces.unknown'));
    return hit ? { code: EXIT.FAILED, human: `denied by ${hit.rule}: ${hit.reason}\n`, json: { ok: false, denied: true, rule: hit.rule, reason: hit.reason, matched: d.matched } } : null;
  };
  const early = denied(o.name);
  if (early) return early;
  let name = o.name;
  let plugins: number | undefined;
  if (!o.offline) {
    const spec = { name: name ?? 'new-registry', source: parsed.source, priority, origins: ['policy' as const] };
    const loaded = await fetchRegistry(spec, { cacheDir: registryCacheDir(io.env), env: io.env, mode: 'refresh', components: false, now: Date.now, ttlMs: 0, gitTimeoutMs: Number(io.env.MP_GIT_TIMEOUT_MS ?? 60_000), httpTimeoutMs: Number(io.env.MP_HTTP_TIMEOUT_MS ?? 30_000) });
    name ??= loaded.marketplaceName;
    plugins = loaded.plugins.length;
  }
  const late = denied(name);
  if (late) return late;
  const org = policy.registries.find((r) => r.name === name && r.origin === 'org');
  if (org) throw new MpError('REGISTRY_EXISTS', `registry ${name} is defined by the org policy ${org.path}`, { hint: 'the project cannot redefine an org registry' });
  const entry = { name: name!, source: storedSource(o.source, parsed.source, projectDir), ...(priority !== 0 ? { priority } : {}) };
  writePolicyFile(paths.project, upsertPolicyRegistry(text, entry));
  return {
    code: EXIT.OK,
    human: `added registry ${name} (priority ${priority}${plugins !== undefined ? `, ${plugins} plugins` : ''}) to ${paths.project}\n`,
    json: { ok: true, registry: entry, plugins, policy: paths.project },
  };
}

/** Keep the user's shorthand, except paths: relative to the project when inside it (portable), else absolute. */
function storedSource(text: string, source: RegistrySource, projectDir: string): string {
  if (source.source !== 'directory' && source.source !== 'file') return text.trim();
  const rel = relative(projectDir, source.path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? `./${rel.split(sep).join('/')}` : rel === '' ? './' : source.path;
}
