import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * Where Claude Code 2.1.197 keeps its state (spec §5), resolved the way the CLI resolves it:
 *  - config dir: $CLAUDE_CONFIG_DIR, else ~/.claude (HOME honoured);
 *  - plugins dir: $CLAUDE_CODE_PLUGIN_CACHE_DIR, else <config dir>/plugins. known_marketplaces.json,
 *    installed_plugins.json, cache/, marketplaces/ and data/ all live under it;
 *  - project settings: <project>/.claude/settings.json and settings.local.json;
 *  - managed settings: /etc/claude-code (Linux), /Library/Application Support/ClaudeCode (macOS),
 *    C:\Program Files\ClaudeCode (Windows). Claude has no override; mp honours $MP_MANAGED_SETTINGS_DIR
 *    so that tests and CI can point it at a temporary directory.
 */
export interface ClaudePaths {
  configDir: string;
  userSettings: string;
  pluginsDir: string;
  knownMarketplaces: string;
  installedPlugins: string;
  cacheDir: string;
  marketplacesDir: string;
  dataDir: string;
  managedDir: string;
  managedSettings: string;
  managedSettingsD: string;
}

export function claudePaths(env: Record<string, string | undefined>, platform: NodeJS.Platform = process.platform): ClaudePaths {
  const home = env.HOME || homedir();
  const configDir = resolve((env.CLAUDE_CONFIG_DIR || join(home, '.claude')).normalize('NFC'));
  const pluginsDir = env.CLAUDE_CODE_PLUGIN_CACHE_DIR ? resolve(expandHome(env.CLAUDE_CODE_PLUGIN_CACHE_DIR, home)) : join(configDir, 'plugins');
  const managedDir = env.MP_MANAGED_SETTINGS_DIR || defaultManagedDir(platform);
  return {
    configDir,
    userSettings: join(configDir, 'settings.json'),
    pluginsDir,
    knownMarketplaces: join(pluginsDir, 'known_marketplaces.json'),
    installedPlugins: join(pluginsDir, 'installed_plugins.json'),
    cacheDir: join(pluginsDir, 'cache'),
    marketplacesDir: join(pluginsDir, 'marketplaces'),
    dataDir: join(pluginsDir, 'data'),
    managedDir,
    managedSettings: join(managedDir, 'managed-settings.json'),
    managedSettingsD: join(managedDir, 'managed-settings.d'),
  };
}

/** Settings files of a project, by scope. */
export function projectSettingsPaths(projectDir: string): { project: string; local: string } {
  return { project: join(projectDir, '.claude', 'settings.json'), local: join(projectDir, '.claude', 'settings.local.json') };
}

/**
 * The versioned cache directory Claude Code installs a plugin into:
 * cache/<marketplace>/<plugin>/<version>, each part with characters outside [A-Za-z0-9_-] replaced by "-"
 * (the version also keeps ".", and "." or ".." become "-").
 */
export function pluginCachePath(paths: ClaudePaths, marketplace: string, plugin: string, version: string): string {
  const clean = (s: string) => s.replace(/[^a-zA-Z0-9\-_]/g, '-');
  const v = version.replace(/[^a-zA-Z0-9\-_.]/g, '-');
  return join(paths.cacheDir, clean(marketplace), clean(plugin), v === '.' || v === '..' ? '-' : v);
}

function defaultManagedDir(platform: NodeJS.Platform): string {
  if (platform === 'darwin') return '/Library/Application Support/ClaudeCode';
  if (platform === 'win32') return 'C:\\Program Files\\ClaudeCode';
  return '/etc/claude-code';
}

function expandHome(p: string, home: string): string {
  return p === '~' || p.startsWith('~/') ? join(home, p.slice(1)) : p;
}
