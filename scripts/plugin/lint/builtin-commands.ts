/**
 * Slash command names Claude Code 2.1.197 reserves, aliases included. Source: the built-in command
 * registry in the 2.1.197 bundle (each entry's `name` and `aliases`, feature-gated ones included), plus
 * the bundled skills that `claude -p --output-format stream-json` lists in its `system/init`
 * `slash_commands`. A plugin command or skill with one of these names only answers to `/plugin:name`.
 */
export const BUILTIN_COMMANDS: ReadonlySet<string> = new Set([
  'add-dir', 'advisor', 'agents', 'allowed-tools', 'android', 'app', 'autocompact', 'autofix-pr', 'background', 'bashes',
  'batch', 'branch', 'break-reminder', 'breaks', 'brief', 'btw', 'bug', 'cd', 'checkpoint', 'chrome', 'claude-api', 'clear',
  'code-review', 'color', 'compact', 'config', 'context', 'continue', 'copy', 'cost', 'daemon', 'debug', 'deep-research',
  'design-login', 'design-sync', 'desktop', 'diff', 'doctor', 'downtime', 'effort', 'exit', 'export', 'extra-usage', 'fast',
  'feedback', 'fewer-permission-prompts', 'focus', 'fork', 'goal', 'heapdump', 'help', 'hooks', 'ide', 'init', 'insights',
  'install-github-app', 'install-slack-app', 'ios', 'keybindings', 'login', 'logout', 'loop', 'loops', 'marketplace', 'mcp',
  'memory', 'memory-pause', 'mobile', 'model', 'name', 'new', 'output-style', 'passes', 'pause-memory', 'permissions', 'plan',
  'plugin', 'plugins', 'powerup', 'privacy-settings', 'pro-trial-expired', 'quit', 'radio', 'rate-limit-options', 'recap',
  'release-notes', 'reload-plugins', 'reload-skills', 'remote', 'remote-control', 'remote-env', 'rename', 'reset', 'resume',
  'review', 'rewind', 'run', 'run-skill-generator', 'sandbox', 'scroll-speed', 'security-review', 'session', 'settings',
  'setup-bedrock', 'setup-vertex', 'share', 'simplify', 'skills', 'stats', 'status', 'statusline', 'stickers', 'stop', 'tasks',
  'team-onboarding', 'teleport', 'terminal-setup', 'theme', 'toggle-memory', 'tp', 'tui', 'ultraplan', 'ultrareview', 'undo',
  'update', 'update-config', 'upgrade', 'usage', 'usage-credits', 'verify', 'vim', 'voice', 'web-setup', 'wellbeing', 'workflows',
]);
