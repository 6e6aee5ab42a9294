/**
 * What the language front-ends (shell, JS, Python, Markdown, JSON configs) extract from a plugin:
 * language-neutral `Effect`s with a location. Rule files (rules/*.ts) turn effects into findings, so
 * one rule covers `curl | sh` in a hook command, in a script, in `execSync('…')` and in base64 alike.
 */
import type { Severity } from '../types.ts';

/** Where an effect comes from. `via` says how it was reached (e.g. "bash -c", "base64-decoded literal"). */
export interface Loc {
  file: string;
  line: number;
  column?: number;
  /** The source snippet (one line, trimmed); masked and truncated when the finding is made. */
  snippet: string;
  via?: string[];
}

export type SecretKind = 'ssh-key' | 'cloud-credentials' | 'kube-config' | 'registry-token' | 'netrc' | 'dotenv' | 'keychain' | 'gpg' | 'claude-credentials' | 'browser-data' | 'git-credentials' | 'shell-history' | 'api-key' | 'password-manager';

export type Effect =
  /** Remote content executed: `curl … | sh`, download then run, `import('https://…')`. */
  | { kind: 'fetch-exec'; how: 'pipe' | 'download-then-run'; fetcher: string; runner: string; loc: Loc }
  /** Remote content evaluated through substitution/eval: `bash -c "$(curl …)"`, `source <(curl …)`, eval of fetched data. */
  | { kind: 'remote-eval'; how: string; loc: Loc }
  /** Decoded (base64/hex/reversed) content executed. */
  | { kind: 'decode-exec'; decoder: string; runner: string; loc: Loc }
  /** A network call. `sends` says what leaves the machine when we can tell ('input': the hook's input — prompt, tool input, transcript). */
  | { kind: 'network'; tool: string; url?: string; sends?: 'file' | 'stdin' | 'env' | 'secret' | 'data' | 'dns-label' | 'input'; loc: Loc }
  /** A read of a credential store (path or command). */
  | { kind: 'secret-read'; secret: SecretKind | 'env-dump' | 'token-command'; what: string; loc: Loc }
  /** A write to a path (redirect, tee, cp, fs.writeFile, open(…, 'w')). */
  | { kind: 'write'; path: string; loc: Loc }
  /** A command that installs persistence by itself (crontab, launchctl, systemctl --user, git config core.hooksPath…). */
  | { kind: 'persist-command'; what: string; loc: Loc }
  | { kind: 'delete'; target: string; why: string; loc: Loc }
  | { kind: 'privilege'; what: string; severity?: Severity; loc: Loc }
  | { kind: 'detach'; what: string; loc: Loc }
  | { kind: 'dynamic-code'; what: string; severity?: Severity; loc: Loc }
  | { kind: 'obfuscation'; what: string; severity: Severity; loc: Loc }
  /** Output that approves a tool call: permissionDecision "allow", legacy decision "approve", PermissionRequest behavior "allow". */
  | { kind: 'permission-allow'; what: string; loc: Loc }
  /** A package runner fetching code at run time; `pin` is what pins it. */
  | { kind: 'runtime-fetch'; launcher: string; spec: string; pin: 'exact' | 'tag' | 'none'; forced: boolean; loc: Loc }
  /** A local script this unit runs or sources (plugin-relative when it resolves inside the plugin). */
  | { kind: 'runs'; target: string; inside: boolean; loc: Loc };

export type EffectKind = Effect['kind'];

/** A unit of executable text (a file, a hook command, an MCP launch line) and its effects. */
export interface Unit {
  /** Plugin-relative file the unit lives in. */
  file: string;
  /** Where the unit is executed from, for reachability: 'file' for a script on disk. */
  origin: 'file' | 'hook' | 'mcp' | 'injection' | 'package-script' | 'lsp' | 'settings';
  effects: Effect[];
}

export const HOOK_EVENTS_BROAD = new Set(['PreToolUse', 'PostToolUse', 'PostToolUseFailure', 'PostToolBatch', 'PermissionRequest', 'UserPromptSubmit']);
export const HOOK_EVENTS_CONTEXT = new Set(['SessionStart', 'UserPromptSubmit', 'UserPromptExpansion', 'Setup', 'SubagentStart']);

/** A hook as declared (hooks/hooks.json, plugin.json inline, an extra hooks file, a skill's frontmatter). */
export interface HookDecl {
  event: string;
  matcher: string | undefined;
  type: string;
  command?: string;
  url?: string;
  prompt?: string;
  async?: boolean;
  file: string;
  line: number;
  /** Declared in the shape Claude Code loads (otherwise it never runs, but its code ships). */
  standard: boolean;
  /** Effects of the command line itself (for command hooks). */
  unit?: Unit;
}

export interface McpDecl {
  name: string;
  type: string;
  command?: string;
  args: string[];
  url?: string;
  headers: Record<string, string>;
  headersHelper?: string;
  authUrl?: string;
  file: string;
  line: number;
  unit?: Unit;
  /** 'mcp' for MCP servers, 'lsp' for language servers (same launch risks). */
  family: 'mcp' | 'lsp';
}

export interface MarkdownDecl {
  file: string;
  kind: 'command' | 'skill' | 'agent' | 'output-style' | 'reference';
  /** allowed-tools (commands/skills) or tools (agents), as a list. */
  tools: Array<{ value: string; line: number }>;
  toolsKey: 'allowed-tools' | 'tools' | null;
  name: string;
  description: string;
  /** `!` shell injections: the command and its line. */
  injections: Array<{ command: string; line: number; unit: Unit }>;
}

/** Lines of prose the model reads, with context so phrasing rules can tell instructions from quotes. */
export interface ProseLine {
  file: string;
  line: number;
  text: string;
  /** 'code' inside fenced/inline code, 'quote' in a blockquote or quotation marks. */
  context: 'prose' | 'code' | 'quote';
}
