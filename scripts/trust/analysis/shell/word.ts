import type { ShNode, ShSyntax } from 'mvdan-sh';
import { decodeEscapes } from '../text/decode.ts';

/** Stand-ins for directories we can resolve statically: the plugin root and the running script's dir. */
export const ROOT_MARK = '${CLAUDE_PLUGIN_ROOT}';
export const SELF_MARK = '\u0001SELF';

/** What a shell word expands to, as far as we can tell without running anything. */
export interface WordVal {
  text: string;
  /** Fully known (no unknown variables or substitutions). */
  static: boolean;
  /** Contains the output of a network fetch (a substitution of curl/wget…, or a variable holding one). */
  fetched: boolean;
  /** Contains decoded data (base64 -d, xxd -r…). */
  decoded: boolean;
  /** Contains data read from a credential store or an environment dump. */
  secret: boolean;
  /** Contains what the script read from its stdin (`$(cat)`: in a hook, the event JSON with the prompt or tool input). */
  stdin: boolean;
  /** A process substitution `<(…)` whose commands fetch from the network. */
  procFetch: boolean;
  /** Starts with an unknown `$VAR` followed by `/` (rm -rf "$DIR/" with DIR unset is rm -rf /). */
  unsafeVarPrefix: boolean;
  /** The word has command/process substitutions (output we could not compute). */
  dynamicSubst: boolean;
}

export interface VarVal { text: string; static: boolean; fetched: boolean; decoded: boolean; secret: boolean; stdin: boolean }

/** Called for each `$(…)`/`<(…)`/backquote: walks its statements and reports what they did. */
export interface SubstResult { output: string | null; fetched: boolean; decoded: boolean; secret: boolean; stdin: boolean; selfDir: boolean }
export type SubstHook = (stmts: ShNode[], kind: 'cmd' | 'proc-in' | 'proc-out') => SubstResult;

/** `${IFS}` between words: the call is re-split here (`curl${IFS}-s${IFS}url` is `curl -s url`). */
export const IFS_MARK = '\u0002';

const KNOWN: Record<string, string> = {
  HOME: '~',
  CLAUDE_PLUGIN_ROOT: ROOT_MARK,
  CLAUDE_PROJECT_DIR: '${CLAUDE_PROJECT_DIR}',
  CLAUDE_PLUGIN_DATA: '${CLAUDE_PLUGIN_DATA}',
  CLAUDE_SKILL_DIR: '${CLAUDE_SKILL_DIR}',
};

export function expandWord(sx: ShSyntax, word: ShNode | null, env: Map<string, VarVal>, onSubst: SubstHook): WordVal {
  const v: WordVal = { text: '', static: true, fetched: false, decoded: false, secret: false, stdin: false, procFetch: false, unsafeVarPrefix: false, dynamicSubst: false };
  if (!word) return v;
  const parts: ShNode[] = word.Parts ?? [];
  parts.forEach((p, i) => addPart(sx, p, env, onSubst, v, i === 0, false));
  return v;
}

function addPart(sx: ShSyntax, p: ShNode, env: Map<string, VarVal>, onSubst: SubstHook, v: WordVal, first: boolean, inDq: boolean): void {
  const t = sx.NodeType(p);
  switch (t) {
    case 'Lit':
      v.text += inDq ? String(p.Value).replace(/\\([$`"\\\n])/g, '$1') : String(p.Value).replace(/\\(.)/gs, '$1');
      return;
    case 'SglQuoted':
      v.text += p.Dollar ? decodeEscapes(String(p.Value)) : String(p.Value);
      return;
    case 'DblQuoted':
      (p.Parts ?? []).forEach((q: ShNode, i: number) => addPart(sx, q, env, onSubst, v, first && i === 0, true));
      return;
    case 'ParamExp':
      addParam(p, env, v, first);
      return;
    case 'CmdSubst':
    case 'ProcSubst': {
      const kind = t === 'CmdSubst' ? 'cmd' : p.Op === 67 ? 'proc-out' : 'proc-in';
      const r = onSubst(p.Stmts ?? [], kind);
      v.fetched ||= r.fetched;
      v.decoded ||= r.decoded;
      v.secret ||= r.secret;
      v.stdin ||= r.stdin;
      if (kind !== 'cmd' && r.fetched) v.procFetch = true;
      if (r.selfDir) v.text += SELF_MARK;
      else if (r.output !== null && kind === 'cmd') v.text += r.output.replace(/\n+$/, '');
      else {
        v.text += kind === 'cmd' ? '$(…)' : '<(…)';
        v.static = false;
        v.dynamicSubst = true;
      }
      return;
    }
    default:
      // Arithmetic, globs, brace expansion: keep their source-ish text, mark dynamic.
      v.text += t === 'ArithmExp' ? '$((…))' : '';
      v.static = false;
  }
}

function addParam(p: ShNode, env: Map<string, VarVal>, v: WordVal, first: boolean): void {
  const name = String(p.Param?.Value ?? '');
  const known = env.get(name);
  // ${BASH_SOURCE%/*}, ${0%/*}: the script's own directory.
  if ((name === '0' || name === 'BASH_SOURCE') && p.Exp && (p.Exp.Op === 76 || p.Exp.Op === 77)) {
    v.text += SELF_MARK;
    return;
  }
  if (p.Length || p.Excl || p.Slice || p.Repl || p.Index && name !== 'BASH_SOURCE') {
    v.text += `\${${name}…}`;
    v.static = false;
    if (known) mergeTaint(v, known);
    return;
  }
  const op: number | undefined = p.Exp?.Op;
  const guarded = op === 72 || op === 73; // ${X:?} / ${X?}: aborts when unset
  const fallback = op === 70 || op === 71 || op === 74 || op === 75 ? litOf(p.Exp?.Word) : undefined;
  if (known) {
    v.text += known.text;
    v.static &&= known.static;
    mergeTaint(v, known);
    return;
  }
  if (name === 'IFS' && !p.Exp) {
    v.text += IFS_MARK;
    return;
  }
  if (KNOWN[name] !== undefined) {
    v.text += KNOWN[name];
    return;
  }
  if (fallback !== undefined) {
    v.text += fallback;
    v.static = false;
    return;
  }
  if (first && !guarded) v.unsafeVarPrefix = true;
  v.text += `$${name}`;
  v.static = false;
}

function mergeTaint(v: WordVal, k: VarVal): void {
  v.fetched ||= k.fetched;
  v.decoded ||= k.decoded;
  v.secret ||= k.secret;
  v.stdin ||= k.stdin;
}

function litOf(word: ShNode | null | undefined): string | undefined {
  if (!word) return undefined;
  try {
    const parts: ShNode[] = word.Parts ?? [];
    return parts.map((q) => (q.Value !== undefined && typeof q.Value === 'string' ? q.Value : '')).join('');
  } catch {
    return undefined;
  }
}
