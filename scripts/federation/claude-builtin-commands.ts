/**
 * Slash commands built into Claude Code 2.1.197 (names and aliases), read from its bundle. A plugin
 * command with one of these names can only be reached as `/plugin:name`, and `/name` keeps running
 * the built-in, which users rarely expect.
 */
export const CLAUDE_BUILTIN_COMMANDS: ReadonlySet<string> = new Set([
  'add-dir', 'advisor', 'agents', 'autocompact', 'autofix-pr', 'background', 'branch', 'brief', 'btw', 'cd', 'chrome', 'clear',
  'color', 'compact', 'config', 'context', 'copy', 'daemon', 'design-login', 'desktop', 'diff', 'doctor', 'effort', 'exit',
  'export', 'extra-usage', 'fast', 'feedback', 'focus', 'fork', 'goal', 'heapdump', 'help', 'hooks', 'ide', 'init',
  'init-verifiers', 'insights', 'install', 'install-github-app', 'install-slack-app', 'keybindings', 'login', 'logout', 'loops',
  'mcp', 'memory', 'mobile', 'model', 'passes', 'pause-memory', 'permissions', 'plan', 'plugin', 'powerup', 'privacy-settings',
  'pro-trial-expired', 'radio', 'rate-limit-options', 'recap', 'release-notes', 'reload-plugins', 'reload-skills',
  'remote-control', 'remote-env', 'rename', 'resume', 'review', 'rewind', 'sandbox', 'scroll-speed', 'session', 'setup-bedrock',
  'setup-vertex', 'skills', 'status', 'statusline', 'stickers', 'stop', 'tasks', 'team-onboarding', 'teleport', 'terminal-setup',
  'theme', 'tui', 'ultraplan', 'ultrareview', 'update', 'upgrade', 'usage', 'usage-credits', 'version', 'voice', 'web-setup',
  'wellbeing', 'workflows',
  // aliases
  'android', 'app', 'bashes', 'bg', 'break-reminder', 'breaks', 'bug', 'checkpoint', 'continue', 'cost', 'downtime', 'ios',
  'marketplace', 'memory-pause', 'name', 'new', 'plugins', 'quit', 'rc', 'remote', 'reset', 'settings', 'share', 'stats',
  'toggle-memory', 'tp', 'undo', 'allowed-tools',
]);
