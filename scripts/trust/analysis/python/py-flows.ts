import type { Effect } from '../model.ts';
import { classifyUrl } from '../text/classify-url.ts';
import { callArgs, type PySource } from './py-source.ts';
import { closeOf, mentions, type PyBinding, type PyCall } from './py-statements.ts';

/** What a variable holds, most sensitive first: credentials, the whole environment, the hook's input (prompt, tool input, transcript), a file's content. */
export type PyTaint = 'secret' | 'env' | 'input' | 'file';
const ORDER: PyTaint[] = ['secret', 'env', 'input', 'file'];
type Range = { start: number; end: number };

const ENV = /\bos\s*\.\s*environ\b(?!\s*(?:\.\s*(?:get|setdefault|pop|items|keys)\b|\[))/;
const INPUT = /\bsys\s*\.\s*stdin\b|(?<![\w.])input\s*\(/;
const FILE = /\.\s*(?:read|read_text|read_bytes|readlines)\s*\(|\bjson\s*\.\s*load\s*\(|\byaml\s*\.\s*(?:safe_)?load\s*\(/;
const MAX_ROUNDS = 4;

export interface PyFlows {
  /** The most sensitive data the argument ranges carry, if any. */
  taintOf(ranges: Range[]): PyTaint | undefined;
  /** Network effects of method calls on client objects (`client.messages.create(…)`, `s.sendall(…)`, `smtp.sendmail(…)`) that carry data or name a destination. */
  clientSends(at: (offset: number) => Effect['loc']): Effect[];
}

/**
 * Where data flows in a Python file, approximately and without scopes: which variables hold credentials
 * (assigned from a credential read), the environment, the hook's input (`json.load(sys.stdin)`, the
 * transcript) or file contents, through assignments, `with … as`, `for … in`, and function parameters
 * at call sites. Used to say what a network call sends.
 */
export function pyFlows(py: PySource, binds: PyBinding[], calls: PyCall[], secretOffsets: number[], isClient: (name: string) => boolean): PyFlows {
  const code = py.code;
  const taint = new Map<string, PyTaint>();
  const raise = (name: string, t: PyTaint): boolean => {
    const prev = taint.get(name);
    if (prev && ORDER.indexOf(prev) <= ORDER.indexOf(t)) return false;
    taint.set(name, t);
    return true;
  };
  const direct = (r: Range): PyTaint | undefined => {
    if (secretOffsets.some((o) => o >= r.start && o < r.end)) return 'secret';
    const text = code.slice(r.start, r.end);
    if (ENV.test(text)) return 'env';
    if (INPUT.test(text) || /transcript/i.test(py.noComments.slice(r.start, r.end))) return 'input';
    if (FILE.test(text)) return 'file';
    return undefined;
  };
  // f-string fields (`f"Query: {prompt}"`) are blanked in `code`; their expressions still carry data.
  const interpolations = (r: Range): string =>
    py.strings
      .filter((s) => s.start >= r.start && s.end <= r.end + 1 && /^[rRbBuU]?[fF]|^[fF][rR]/.test(py.noComments.slice(s.start, s.start + 2)))
      .flatMap((s) => [...s.value.matchAll(/\{([^{}]+)\}/g)].map((m) => m[1]))
      .join(' ; ');
  const taintOf = (ranges: Range[]): PyTaint | undefined => {
    let best: PyTaint | undefined;
    const take = (t: PyTaint | undefined): void => {
      if (t && (!best || ORDER.indexOf(t) < ORDER.indexOf(best))) best = t;
    };
    for (const r of ranges) {
      take(direct(r));
      const interp = interpolations(r);
      for (const [name, t] of taint) if (mentions(code, r.start, r.end, name) || (interp && mentions(interp, 0, interp.length, name))) take(t);
    }
    return best;
  };

  const defs = [...code.matchAll(/^[ \t]*(?:async[ \t]+)?def[ \t]+(\w+)[ \t]*\(/gm)].map((m) => {
    const params = callArgs(code, (m.index ?? 0) + m[0].length - 1).map((a) => code.slice(a.start, a.end).replace(/[:=][\s\S]*$/, '').replace(/^\*+/, '').trim());
    return { name: m[1], params };
  });
  for (let round = 0; round < MAX_ROUNDS; round++) {
    let changed = false;
    for (const b of binds) {
      const t = taintOf([b]) ?? (b.kind === 'with' && /(^|[^\w.])open\s*\(/.test(code.slice(b.start, b.end)) ? 'file' : undefined);
      if (t) changed = raise(b.target, t) || changed;
    }
    for (const d of defs) {
      const method = d.params[0] === 'self' || d.params[0] === 'cls';
      for (const c of calls) {
        if (c.name !== d.name && !c.name.endsWith(`.${d.name}`)) continue;
        const args = callArgs(code, c.open);
        args.forEach((a, i) => {
          const kw = /^\s*([A-Za-z_]\w*)\s*=(?!=)/.exec(code.slice(a.start, a.end));
          const param = kw ? kw[1] : d.params[i + (method && c.name.includes('.') ? 1 : 0)];
          const t = param ? taintOf([a]) : undefined;
          if (param && t && d.params.includes(param)) changed = raise(param, t) || changed;
        });
      }
    }
    if (!changed) break;
  }

  const clients = new Map<string, string>();
  for (const b of binds) {
    if (b.kind === 'for') continue;
    const c = calls.find((x) => x.index >= b.start && x.index < b.end && /^\s*(?:await\s+)?(?:async\s+)?$/.test(code.slice(b.start, x.index)));
    if (c && isClient(c.name)) clients.set(b.target, c.name);
  }

  return {
    taintOf,
    clientSends(at) {
      const out: Effect[] = [];
      for (const c of calls) {
        const dot = c.name.indexOf('.');
        const ctor = dot > 0 ? clients.get(c.name.slice(0, dot)) : undefined;
        if (!ctor) continue;
        const args = callArgs(code, c.open);
        const sends = taintOf(args);
        const url = destination(py, args);
        if (sends || url) out.push({ kind: 'network', tool: `${ctor}(…)${c.name.slice(dot)}`, ...(url ? { url } : {}), ...(sends ? { sends } : {}), loc: at(c.index) });
      }
      return out;
    },
  };
}

/** A literal destination among call arguments: a URL, or a host that is a raw IP, local or a drop site. */
export function destination(py: PySource, args: Range[]): string | undefined {
  for (const a of args) {
    for (const s of py.strings) {
      if (s.start < a.start || s.end > a.end + 1) continue;
      if (/^\w+:\/\//.test(s.value)) return s.value;
      const cls = classifyUrl(s.value);
      if (cls === 'raw-ip' || cls === 'drop-site' || cls === 'local') return s.value;
    }
  }
  return undefined;
}

/** Argument ranges of a call plus those of a method chained right after it (`smtplib.SMTP(h).sendmail(a, b, body)`). */
export function callAndChainArgs(code: string, open: number): Range[] {
  const args = callArgs(code, open);
  const close = closeOf(code, open);
  const chained = close > 0 ? /^\s*\.\s*\w+\s*\(/.exec(code.slice(close + 1, close + 80)) : null;
  return chained ? [...args, ...callArgs(code, close + chained[0].length)] : args;
}
