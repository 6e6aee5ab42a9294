import { MpError } from '../core/errors.ts';
import { trustRules } from '../policy/trust-rules.ts';
import type { EffectivePolicy } from '../policy/types.ts';
import { claudeFailure, runClaudeCli } from './claude-cli.ts';
import { readInstalledPlugins } from './claude-state/installed-plugins.ts';
import { claudePaths } from './claude-state/paths.ts';
import { parsePluginId } from './claude-state/plugin-id.ts';
import { signatureRefused } from './install-prechecks.ts';
import { pluginTrustFacts, trustFactsOf, trustTarget, type PluginTrust } from './plugin-trust-facts.ts';
import { projectPlugins } from './project-plugin-ids.ts';
import { restoreProjectSettings, type SettingsSnapshot } from './project-settings-snapshot.ts';

type Env = Record<string, string | undefined>;

type Installed = Map<string, { scope: string; installPath: string }>;

/** The plugins Claude Code has installed for the project (the installation it uses for each), with its scope. */
export function installedForProject(env: Env, projectDir: string): Installed {
  const out: Installed = new Map();
  for (const p of projectPlugins(env, projectDir)) if (p.installPath) out.set(p.id, { scope: p.installScope ?? 'user', installPath: p.installPath });
  return out;
}

/**
 * The installations at one scope (for project and local: this project's), whether or not Claude Code
 * uses them. What `claude plugin install --scope <scope>` adds shows here even when the plugin is also
 * installed at another scope (a user-scope copy must not hide a refused project install from the rollback).
 */
export function installedAtScope(env: Env, projectDir: string, scope: string): Installed {
  const out: Installed = new Map();
  for (const i of readInstalledPlugins(claudePaths(env))) {
    if (i.scope === scope && (scope === 'user' || scope === 'managed' || i.projectPath === projectDir)) out.set(i.id, { scope, installPath: i.installPath });
  }
  return out;
}

/**
 * Right after Claude Code installed: the policy's trust rules (required signatures, minimum grade, denied
 * finding severities) on each installed tree (`installed`; default: the installation Claude Code uses
 * for the project), as it is in Claude's cache. Every tree is graded (the lock records the grade).
 * Stops at the first refusal: a failed signature gives its SIGNATURE_* code, a grade or finding rule
 * POLICY_DENIED; both exit 1.
 */
export async function checkInstalledTrust(o: { env: Env; projectDir: string; policy: EffectivePolicy; ids: readonly string[]; installed?: Installed }): Promise<{ trust: Map<string, PluginTrust>; refusal?: MpError }> {
  const trust = new Map<string, PluginTrust>();
  const installed = o.installed ?? installedForProject(o.env, o.projectDir);
  for (const id of o.ids) {
    const inst = installed.get(id);
    if (!inst) continue;
    const { name, marketplace = '' } = parsePluginId(id);
    const t = await pluginTrustFacts(trustTarget(inst.installPath, { id, name, marketplace }, o.projectDir, o.env, true), { id, name, registry: marketplace }, o.policy, { grade: true, env: o.env });
    trust.set(id, t);
    if (t.signature.required && !t.signature.result?.ok) return { trust, refusal: signatureRefused(id, t, 'after install') };
    const deny = trustRules({ id, name, marketplace, registry: marketplace, ...trustFactsOf(t) }, o.policy).find((h) => h.effect === 'deny');
    if (deny) {
      const why = t.gradeError && !deny.rule.startsWith('trust.requireSignature') ? ` (grading failed: ${t.gradeError.code})` : '';
      return { trust, refusal: new MpError('POLICY_DENIED', `${id} is refused after install by the policy (${deny.rule}): ${deny.reason}${why}`, { hint: 'mp trust <plugin> shows its grade and findings and what would raise them; see mp policy explain', exitCode: 1 }) };
    }
  }
  return { trust };
}

/**
 * Undo an install that the policy refused once the tree was on disk: `claude plugin uninstall` each plugin
 * this run installed, in the order given (requested plugins before their dependencies), at the scope
 * Claude installed it at; then the project's settings files get back what they were before the install
 * (`settings`, taken before it: uninstalling also drops enabledPlugins entries the project already had).
 * Returns the failures (the caller still refuses; these say what is left behind).
 */
export function rollbackInstall(o: { env: Env; projectDir: string }, installs: ReadonlyArray<{ id: string; scope: string }>, settings: SettingsSnapshot): string[] {
  const problems: string[] = [];
  for (const p of installs) {
    const r = runClaudeCli(['plugin', 'uninstall', p.id, '--scope', p.scope], { cwd: o.projectDir, env: o.env });
    if (r.code !== 0) problems.push(`could not uninstall ${p.id} (scope ${p.scope}): ${claudeFailure(r)}`);
  }
  return [...problems, ...restoreProjectSettings(settings, installs.map((p) => p.id))];
}
