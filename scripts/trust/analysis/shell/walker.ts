import type { ShNode, ShSyntax } from 'mvdan-sh';
import type { Effect } from '../model.ts';
import { locAt, type ScanContext } from '../scan-context.ts';
import { callEffects, type ShCall, type ShRedir } from './call-effects.ts';
import { baseName, DECODERS, FETCHERS, interpreterCall, SOCKET_TOOLS, unwrapIndex } from './commands.ts';
import { pipelineEffects, type StageInfo } from './pipeline-effects.ts';
import { stageOutput } from './static-output.ts';
import { expandWord, type SubstResult, type VarVal, type WordVal } from './word.ts';

const MAX_STMT_DEPTH = 150;

/**
 * Walks one parsed shell file in source order, tracking variables (`u=https://x; curl $u | sh`),
 * and collects effects. Statement-level facts flow up as StageInfo so pipelines can be judged as a whole.
 */
export class ShellWalker {
  readonly effects: Effect[] = [];
  readonly env = new Map<string, VarVal>();
  /** Files written by a fetcher (curl -o f, wget -O f, curl … > f): executing one later is download-then-run. */
  readonly downloads = new Set<string>();
  readonly backgrounds: Effect[] = [];
  /** `alias c=curl`: later `c …` runs curl. */
  readonly aliases = new Map<string, WordVal[]>();
  sawWait = false;
  private depth = 0;

  constructor(readonly sx: ShSyntax, readonly ctx: ScanContext) {}

  walkStmts(stmts: ShNode[] | null | undefined): StageInfo {
    const info = emptyStage();
    for (const s of stmts ?? []) mergeStage(info, this.walkStmt(s));
    return info;
  }

  walkStmt(stmt: ShNode | null, input: string | null = null): StageInfo {
    if (!stmt || !this.spend()) return emptyStage();
    if (this.depth >= MAX_STMT_DEPTH) {
      this.note('SHELL_TOO_DEEP', `statements nested deeper than ${MAX_STMT_DEPTH} levels were not analysed`);
      return emptyStage();
    }
    this.depth++;
    try {
      const redirs = this.redirs(stmt.Redirs ?? []);
      const info = this.walkCmd(stmt.Cmd, redirs, input);
      if (stmt.Background) {
        const line = stmt.Pos().Line();
        this.backgrounds.push({ kind: 'detach', what: 'a command sent to the background with &', loc: locAt(this.ctx, line) });
      }
      return info;
    } finally {
      this.depth--;
    }
  }

  private walkCmd(cmd: ShNode | null, redirs: ShRedir[], input: string | null): StageInfo {
    if (!cmd) {
      // A bare redirection (`> ~/.bashrc`) still writes.
      if (redirs.length) callEffects(this, { words: [], argv: [], name: '', line: 0, redirs, wrappers: [], node: null }, emptyStage());
      return emptyStage();
    }
    const t = this.sx.NodeType(cmd);
    switch (t) {
      case 'CallExpr':
        return this.walkCall(cmd, redirs, input);
      case 'BinaryCmd': {
        if (cmd.Op === 12 || cmd.Op === 13) return this.walkPipeline(flattenPipe(cmd));
        const a = this.walkStmt(cmd.X);
        const b = this.walkStmt(cmd.Y);
        return mergeStage(a, b);
      }
      case 'Subshell':
      case 'Block': {
        const info = this.walkStmts(cmd.Stmts);
        this.redirectWrites(redirs, info);
        return info;
      }
      case 'IfClause': {
        const info = this.walkStmts(cmd.Cond);
        mergeStage(info, this.walkStmts(cmd.Then));
        if (cmd.Else) mergeStage(info, this.walkCmd(cmd.Else, [], null));
        return info;
      }
      case 'WhileClause':
        return mergeStage(this.walkStmts(cmd.Cond), this.walkStmts(cmd.Do));
      case 'ForClause': {
        const items: ShNode[] = cmd.Loop?.Items ?? [];
        for (const w of items) this.word(w);
        return this.walkStmts(cmd.Do);
      }
      case 'CaseClause': {
        this.word(cmd.Word);
        const info = emptyStage();
        for (const item of cmd.Items ?? []) mergeStage(info, this.walkStmts(item.Stmts));
        return info;
      }
      case 'FuncDecl':
        return this.walkStmt(cmd.Body);
      case 'DeclClause':
        return this.walkDecl(cmd);
      case 'TimeClause':
      case 'CoprocClause':
        return this.walkStmt(cmd.Stmt);
      default:
        return emptyStage();
    }
  }

  private walkPipeline(stages: ShNode[]): StageInfo {
    const infos: StageInfo[] = [];
    let input: string | null = null;
    for (const s of stages) {
      const info = this.walkStmt(s, input);
      infos.push(info);
      input = info.output;
    }
    pipelineEffects(this, infos);
    const all = emptyStage();
    for (const i of infos) mergeStage(all, i);
    all.output = infos[infos.length - 1]?.output ?? null;
    return all;
  }

  private walkDecl(cmd: ShNode): StageInfo {
    const variant = String(cmd.Variant?.Value ?? '');
    for (const a of cmd.Args ?? []) {
      if (a.Naked && !a.Name) continue;
      if (a.Name && a.Value) this.assign(String(a.Name.Value), this.word(a.Value));
    }
    if (variant === 'export' || variant === 'declare' || variant === 'typeset') {
      const args: ShNode[] = cmd.Args ?? [];
      if (args.length === 0 || args.every((a) => a.Naked && !a.Name && /^-[px]+$/.test(String(a.Value?.Parts?.[0]?.Value ?? '')))) {
        this.effects.push({ kind: 'secret-read', secret: 'env-dump', what: `${variant} without names prints every environment variable`, loc: locAt(this.ctx, cmd.Pos().Line()) });
      }
    }
    return emptyStage();
  }

  private walkCall(cmd: ShNode, redirs: ShRedir[], input: string | null): StageInfo {
    const line = cmd.Pos().Line();
    const assigns: ShNode[] = cmd.Assigns ?? [];
    const words: WordVal[] = (cmd.Args ?? []).map((w: ShNode) => this.word(w));
    if (words.length === 0) {
      for (const a of assigns) if (a.Name) this.assign(String(a.Name.Value), a.Value ? this.word(a.Value) : blank());
      this.redirectWrites(redirs, emptyStage());
      return emptyStage();
    }
    for (const a of assigns) if (a.Value) this.word(a.Value);
    if (words[0]?.static && this.aliases.has(words[0].text)) words.splice(0, 1, ...this.aliases.get(words[0].text)!);
    if (words[0]?.text === 'alias') {
      for (const w of words.slice(1)) {
        const m = /^([\w.-]+)=(.*)$/s.exec(w.text);
        if (m) this.aliases.set(m[1], m[2].split(/\s+/).filter(Boolean).map((t) => ({ ...w, text: t })));
      }
    }
    // find … -exec cmd {} ; runs cmd: analyse it as a call of its own.
    const exec = words.findIndex((w) => w.text === '-exec' || w.text === '-execdir' || w.text === '-ok');
    if (baseName(words[0]?.text ?? '') === 'find' && exec > 0 && exec + 1 < words.length) {
      const end = words.findIndex((w, i) => i > exec && (w.text === ';' || w.text === '+'));
      const inner = words.slice(exec + 1, end < 0 ? words.length : end);
      const innerCall: ShCall = { words: inner, argv: inner.map((w) => w.text), name: baseName(inner[0].text), line, redirs: [], wrappers: [], node: cmd };
      callEffects(this, innerCall, emptyStage());
    }
    const wrappers: string[] = [];
    let start = 0;
    for (let guard = 0; guard < 8; guard++) {
      const i = unwrapIndex(words.slice(start).map((w) => w.text));
      if (i === null || i <= 0 || start + i >= words.length) break;
      wrappers.push(baseName(words[start].text));
      start += i;
    }
    const call: ShCall = { words: words.slice(start), argv: words.slice(start).map((w) => w.text), name: baseName(words[start].text), line, redirs, wrappers, node: cmd, allWords: words };
    const info = emptyStage();
    info.calls.push(call);
    if (call.name === 'wait') this.sawWait = true;
    const before = this.effects.length;
    callEffects(this, call, info);
    info.own = this.effects.slice(before);
    info.fetches = FETCHERS.has(call.name) || SOCKET_TOOLS.has(call.name) || redirs.some((r) => /^\/dev\/(tcp|udp)\//.test(r.target?.text ?? '') && r.op === 56);
    info.decodes = isDecoder(call.argv);
    const ic = interpreterCall(call.name, call.argv.slice(1));
    if (ic?.stdin || ((call.name === 'source' || call.name === '.') && /^(\/dev\/stdin|-|\/proc\/self\/fd\/0)$/.test(call.argv[1] ?? ''))) {
      info.runner = { name: call.name, lang: ic?.lang ?? 'shell' };
    }
    const here = redirs.find((r) => r.op === 63 || r.op === 61 || r.op === 62);
    info.output = stageOutput(call, here ? here.heredocText ?? here.target?.text ?? null : input);
    return info;
  }

  /** Expand a word; its substitutions are walked as statements so what they do is seen too. */
  word(w: ShNode | null): WordVal {
    return expandWord(this.sx, w, this.env, (stmts, kind) => this.subst(stmts, kind));
  }

  private subst(stmts: ShNode[], kind: 'cmd' | 'proc-in' | 'proc-out'): SubstResult {
    const before = this.effects.length;
    const info = this.walkStmts(stmts);
    const added = this.effects.slice(before);
    const text = stmtsSource(this.sx, stmts);
    const selfDir = /\bdirname\b/.test(text) && /\$\{?(0|BASH_SOURCE)/.test(text) || /\$\{?BASH_SOURCE/.test(text) && /realpath|readlink/.test(text);
    return {
      output: kind === 'cmd' ? info.output : null,
      fetched: info.fetches,
      decoded: info.decodes,
      secret: added.some((e) => e.kind === 'secret-read'),
      selfDir,
    };
  }

  assign(name: string, v: WordVal): void {
    this.env.set(name, { text: v.text, static: v.static, fetched: v.fetched, decoded: v.decoded, secret: v.secret });
  }

  private redirs(list: ShNode[]): ShRedir[] {
    return list.map((r) => ({
      op: Number(r.Op),
      fd: r.N ? String(r.N.Value) : null,
      target: r.Word ? this.word(r.Word) : null,
      heredocText: r.Hdoc ? this.word(r.Hdoc).text : null,
      heredocLine: r.Hdoc ? r.Hdoc.Pos().Line() : 0,
      line: r.Pos().Line(),
    }));
  }

  private redirectWrites(redirs: ShRedir[], info: StageInfo): void {
    if (redirs.length) callEffects(this, { words: [], argv: [], name: '', line: redirs[0].line, redirs, wrappers: [], node: null }, info);
  }

  spend(): boolean {
    if (this.ctx.budget.nodes <= 0 || this.ctx.budget.expired()) return false;
    this.ctx.budget.nodes--;
    return true;
  }

  note(code: string, message: string): void {
    if (!this.ctx.budget.notes.some((n) => n.code === code && n.file === this.ctx.file)) this.ctx.budget.notes.push({ code, file: this.ctx.file, message });
  }

  /** Emit effects that depend on the whole file (background jobs are fine when the script waits for them). */
  finish(): Effect[] {
    return this.sawWait ? this.effects : [...this.effects, ...this.backgrounds];
  }
}

export function emptyStage(): StageInfo {
  return { calls: [], fetches: false, decodes: false, secret: false, runner: null, output: null };
}

function mergeStage(a: StageInfo, b: StageInfo): StageInfo {
  a.calls.push(...b.calls);
  a.fetches ||= b.fetches;
  a.decodes ||= b.decodes;
  a.secret ||= b.secret;
  a.runner ??= b.runner;
  a.output = b.output ?? a.output;
  return a;
}

function blank(): WordVal {
  return { text: '', static: true, fetched: false, decoded: false, secret: false, procFetch: false, unsafeVarPrefix: false, dynamicSubst: false };
}

function flattenPipe(cmd: ShNode): ShNode[] {
  const out: ShNode[] = [];
  const visit = (s: ShNode, depth: number): void => {
    const c = s?.Cmd;
    if (depth < 200 && c && c.Op !== undefined && (c.Op === 12 || c.Op === 13) && c.X && c.Y && !s.Background) {
      visit(c.X, depth + 1);
      visit(c.Y, depth + 1);
    } else out.push(s);
  };
  visit(cmd.X, 0);
  visit(cmd.Y, 0);
  return out;
}

function isDecoder(argv: string[]): boolean {
  const name = baseName(argv[0] ?? '');
  if (!DECODERS.has(name)) return false;
  const args = argv.slice(1);
  if (name === 'base64' || name === 'base32' || name === 'basenc') return args.some((a) => /^(-d|-D|--decode|-[a-zA-Z]*d[a-zA-Z]*)$/.test(a));
  if (name === 'xxd') return args.some((a) => /^-r/.test(a) || a === '-revert');
  if (name === 'openssl') return args.some((a) => a === '-d' || a === '-base64' || a === 'base64' || a === '-a');
  if (name === 'rev' || name === 'uudecode' || name === 'gunzip' || name === 'zcat') return true;
  if (name === 'gzip') return args.includes('-d') || args.includes('--decompress');
  if (name === 'tr') return args.length === 2 && /n-z|N-Z/.test(args.join(' '));
  return false;
}

function stmtsSource(sx: ShSyntax, stmts: ShNode[]): string {
  const parts: string[] = [];
  for (const s of stmts) {
    try {
      sx.Walk(s, (n) => {
        if (n && sx.NodeType(n) === 'Lit') parts.push(String(n.Value));
        if (n && sx.NodeType(n) === 'ParamExp') parts.push(`\${${String(n.Param?.Value ?? '')}}`);
        return parts.length < 200;
      });
    } catch {
      break;
    }
  }
  return parts.join(' ');
}
