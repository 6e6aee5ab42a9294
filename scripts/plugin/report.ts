/**
 * The validation report: what `mp validate` prints, what the hook tells Claude, what SARIF carries.
 *
 * Three levels:
 *  - claude: exactly what `claude plugin validate` 2.1.197 says (same paths, messages, order, exit code);
 *  - load:   load failures that `claude plugin validate` misses (on by default, off with --claude-compat);
 *  - lint:   quality findings (opt-in with --lint).
 */
export interface Issue {
  /** As Claude prints it: zod dotted (`plugins.0.source`, `root`) or bracketed (`commands[0]`). */
  path: string;
  message: string;
  /** Internal: the errno of a `file` read error (ENOENT, EISDIR…); Claude uses it to pick a fallback. Never printed. */
  code?: string;
}

export type BlockKind = 'plugin manifest' | 'marketplace manifest' | 'skill' | 'agent' | 'command' | 'hooks' | 'plugin';

/** One "Validating <kind>: <file>" block. The first block is the manifest; others only when they have issues. */
export interface FileBlock {
  kind: BlockKind;
  /** Absolute path, as Claude prints it. */
  file: string;
  errors: Issue[];
  warnings: Issue[];
}

export interface ExtraFinding {
  /** Stable rule id, e.g. `load/hooks-duplicate-file`, `lint/description-wont-trigger`. */
  rule: string;
  level: 'load' | 'lint';
  severity: 'error' | 'warning' | 'note';
  /** Absolute file the finding is about. */
  file: string;
  /** Field path inside the file, Claude's notation where one exists. */
  path?: string;
  /** 1-based line, when known. */
  line?: number;
  message: string;
  hint?: string;
}

export interface ValidationReport {
  /** The path given by the user, resolved to absolute. */
  target: string;
  kind: 'plugin' | 'marketplace';
  /** The manifest block first, then one block per component file with issues (Claude's order). */
  blocks: FileBlock[];
  /**
   * Set when Claude would stop with exit 2 and print only `✘ Unexpected error during validation: <fatal>`
   * on stderr (e.g. the target path runs through a regular file: ENOTDIR). `blocks` is then empty.
   */
  fatal?: string;
  extra: ExtraFinding[];
}
