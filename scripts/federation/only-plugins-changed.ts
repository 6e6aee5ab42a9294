import { isDeepStrictEqual } from 'node:util';

/**
 * May a rollback put a settings file back as it was before an install? Yes when, apart from the
 * `enabledPlugins` entries of the rolled-back plugins (which `claude plugin install` adds and
 * `claude plugin uninstall` removes, even when the project had them before), nothing changed.
 * `before` undefined: the file did not exist (Claude Code created it). Pure.
 */
export function onlyPluginsChanged(before: unknown, now: unknown, ids: readonly string[]): boolean {
  return isDeepStrictEqual(withoutPlugins(before ?? {}, ids), withoutPlugins(now, ids));
}

function withoutPlugins(settings: unknown, ids: readonly string[]): unknown {
  if (typeof settings !== 'object' || settings === null || Array.isArray(settings)) return settings;
  const { enabledPlugins, ...rest } = settings as Record<string, unknown>;
  if (typeof enabledPlugins !== 'object' || enabledPlugins === null || Array.isArray(enabledPlugins)) return enabledPlugins === undefined ? rest : settings;
  const kept = Object.fromEntries(Object.entries(enabledPlugins).filter(([id]) => !ids.includes(id)));
  return Object.keys(kept).length ? { ...rest, enabledPlugins: kept } : rest;
}
