import { platform } from 'node:os';

/**
 * Claude Code's managed settings directory (spec §5.2), where an org policy `plugins.yaml` may sit
 * beside managed-settings.json. MP_MANAGED_SETTINGS_DIR overrides it (tests, unusual deployments).
 */
export function managedSettingsDir(env: Record<string, string | undefined>): string {
  if (env.MP_MANAGED_SETTINGS_DIR) return env.MP_MANAGED_SETTINGS_DIR;
  switch (platform()) {
    case 'darwin': return '/Library/Application Support/ClaudeCode';
    case 'win32': return 'C:\\Program Files\\ClaudeCode';
    default: return '/etc/claude-code';
  }
}
