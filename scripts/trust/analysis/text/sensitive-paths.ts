import type { SecretKind } from '../model.ts';

/**
 * Paths that hold credentials (reading them is H5) and paths whose modification survives the plugin
 * (writing them is H4). Paths are normalised first: $HOME, ${HOME}, os.homedir(), /home/<u>, /Users/<u>
 * and /root all become `~`.
 */
export function normalizeHome(p: string): string {
  return p
    .trim()
    .replace(/^["']+|["']+$/g, '')
    .replace(/\$\{HOME\}|\$HOME\b|\$\{USERPROFILE\}|%USERPROFILE%|\$env:USERPROFILE/g, '~')
    .replace(/^(?:\/home\/[^/]+|\/Users\/[^/]+|\/root)(?=\/|$)/, '~')
    .replace(/\\/g, '/')
    .replace(/\/{2,}/g, '/');
}

const SECRET_PATTERNS: Array<[RegExp, SecretKind]> = [
  [/(^|\/)\.ssh\/(?!known_hosts\b)[^/\s]*/, 'ssh-key'],
  [/(^|\/)\.ssh\/?$/, 'ssh-key'],
  [/(^|\/)id_(rsa|dsa|ecdsa|ed25519)(_sk)?(\.pub)?$/, 'ssh-key'],
  [/(^|\/)\.aws(\/|$)/, 'cloud-credentials'],
  [/(^|\/)\.config\/gcloud(\/|$)|application_default_credentials\.json$/, 'cloud-credentials'],
  [/(^|\/)\.azure(\/|$)/, 'cloud-credentials'],
  [/(^|\/)\.kube\/config$|(^|\/)\.kube\/?$/, 'kube-config'],
  [/(^|\/)\.docker\/config\.json$|(^|\/)\.npmrc$|(^|\/)\.pypirc$|(^|\/)\.gem\/credentials$|(^|\/)\.cargo\/credentials(\.toml)?$|(^|\/)\.config\/gh\/hosts\.ya?ml$/, 'registry-token'],
  [/(^|\/)[._]netrc$/, 'netrc'],
  [/(^|\/)\.env(\.(?!example\b|sample\b|template\b|dist\b|defaults?\b)[\w.-]+)?$/, 'dotenv'],
  [/Library\/Keychains|\.keychain(-db)?$/, 'keychain'],
  [/(^|\/)\.gnupg(\/|$)/, 'gpg'],
  [/(^|\/)\.claude\/\.credentials\.json$|(^|\/)\.claude\.json$/, 'claude-credentials'],
  [/Login Data$|(^|\/)Cookies$|cookies\.sqlite$|key[34]\.db$|logins\.json$|signons\.sqlite$|(^|\/)Web Data$|(^|\/)Local State$|\.binarycookies$/, 'browser-data'],
  // A whole browser profile directory (copied or archived) holds all of the above.
  [/(^|\/)(Google\/Chrome|google-chrome|chromium|BraveSoftware\/Brave-Browser|Microsoft Edge|microsoft-edge|\.mozilla\/firefox|Firefox\/Profiles|Library\/Safari|Library\/Cookies)(\/|$)/, 'browser-data'],
  [/(^|\/)\.git-credentials$|(^|\/)\.config\/git\/credentials$/, 'git-credentials'],
  [/(^|\/)\.config\/1Password(\/|$)|Group Containers\/[^/]*1password|(^|\/)\.config\/op(\/|$)|(^|\/)\.op(\/|$)|(^|\/)\.password-store(\/|$)|(^|\/)\.config\/Bitwarden( CLI)?(\/|$)|\.kdbx$/, 'password-manager'],
  [/(^|\/)\.local\/share\/(keyrings|kwalletd)(\/|$)/, 'keychain'],
  [/(^|\/)\.anthropic(\/|$)|(^|\/)\.config\/(anthropic|openai)(\/|$)|(^|\/)\.openai(\/|$)|(^|\/)\.vault-token$|(^|\/)\.terraform\.d\/credentials\.tfrc\.json$|(^|\/)\.config\/hub$/, 'api-key'],
  [/(^|\/)\.(bash|zsh|sh)_history$/, 'shell-history'],
];

/** The kind of credential a path holds, or null. Globs (`~/.ssh/*`) count. */
export function secretKindOfPath(raw: string): SecretKind | null {
  const p = normalizeHome(raw).replace(/\/\*+$/, '');
  if (!p || p.length > 400) return null;
  for (const [re, kind] of SECRET_PATTERNS) if (re.test(p)) return kind;
  return null;
}

const PERSIST_PATTERNS: Array<[RegExp, string]> = [
  [/^~\/\.(bashrc|bash_profile|bash_login|profile|zshrc|zprofile|zshenv|zlogin|kshrc|cshrc|tcshrc|inputrc)$/, 'a shell start-up file'],
  [/^~\/\.config\/fish\/(config\.fish|conf\.d\/)/, 'a shell start-up file'],
  [/^\/etc\/(profile|bash\.bashrc|zshrc|zsh\/|profile\.d\/|environment$)/, 'a system shell start-up file'],
  [/(^|\/)\.ssh\/(authorized_keys2?|config|rc)$/, 'SSH access or configuration'],
  [/^(~\/)?\.claude\/settings(\.local)?\.json$|(^|\/)\.claude\/settings(\.local)?\.json$/, "Claude Code's settings"],
  [/^~\/\.claude\.json$/, "Claude Code's global config (MCP servers)"],
  [/^~\/\.claude\/(CLAUDE\.md|agents\/|commands\/|skills\/|hooks\/|plugins\/(?!data\/))/, "Claude Code's global memory, agents, skills or other plugins"],
  [/(^|\/)\.git\/hooks(\/|$)/, 'git hooks'],
  [/^\/etc\/cron|^\/var\/spool\/cron|^\/etc\/anacrontab/, 'cron'],
  [/Library\/LaunchAgents\/|Library\/LaunchDaemons\//, 'launchd'],
  [/^~\/\.config\/systemd\/user\/|^\/etc\/systemd\/|^\/lib\/systemd\/|^\/usr\/lib\/systemd\//, 'systemd units'],
  [/^~\/\.config\/autostart\//, 'desktop autostart'],
  [/^~\/\.gitconfig$|^~\/\.config\/git\/config$/, 'global git configuration'],
  [/^~\/\.npmrc$|^~\/\.pip\/pip\.conf$|^~\/\.config\/pip\/pip\.conf$|^~\/\.pypirc$/, 'package-manager configuration (registry hijack)'],
  [/^\/etc\/(hosts|sudoers|sudoers\.d\/|ld\.so\.preload|rc\.local)/, 'system configuration'],
];

/** What a write to this path persists into, or null when it is not a persistence target. */
export function persistenceTarget(raw: string): string | null {
  const p = normalizeHome(raw);
  if (!p || p.length > 400) return null;
  for (const [re, what] of PERSIST_PATTERNS) if (re.test(p)) return what;
  return null;
}
