import type { ShNode, ShSyntax } from 'mvdan-sh';
import type { Effect } from '../model.ts';
import { locAt, type ScanContext } from '../scan-context.ts';
import { callEffects, type ShRedir } from './call-effects.ts';
import { emptyStage, mergeStage } from './empty-stage.ts';
import { flattenPipe } from './flatten-pipe.ts';
import { pipelineEffects, type StageInfo } from './pipeline-effects.ts';
import { stmtsSource } from './stmts-source.ts';
import { walkCall } from './walk-call.ts';
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
        return walkCall(this, cmd, redirs, input);
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
      // `$(cat)`, `$(cat -)`, `$(cat /dev/stdin)`: the script's stdin (a hook's event JSON).
      stdin: kind === 'cmd' && /^\s*cat(\s+(-|\/dev\/stdin))?\s*$/.test(text),
      selfDir,
    };
  }

  assign(name: string, v: WordVal): void {
    this.env.set(name, { text: v.text, static: v.static, fetched: v.fetched, decoded: v.decoded, secret: v.secret, stdin: v.stdin });
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

  /** Writes made by redirections alone (`> f`, or a block's `{ …; } > f`). */
  redirectWrites(redirs: ShRedir[], info: StageInfo): void {
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
