import { parse } from 'yaml';

export interface Frontmatter {
  /** Parsed mapping, or {} when absent or unparsable. */
  data: Record<string, unknown>;
  /** Number of lines the frontmatter block takes (body line N is file line N + bodyOffset). */
  bodyOffset: number;
  body: string;
  /** 1-based line of each top-level key in the file. */
  keyLines: Map<string, number>;
  parsed: boolean;
}

// Claude Code's own block regex (spec §3.2): the file must start with `---`.
const BLOCK = /^---\s*\n([\s\S]*?)---\s*\n?/;

/**
 * Split a Markdown component into frontmatter and body. YAML that fails to parse falls back to a
 * line reading of the keys we need (allowed-tools, tools, description), because Claude Code's runtime
 * recovers from the common quoting mistakes and still applies them.
 */
export function frontmatter(text: string): Frontmatter {
  const src = text.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
  const m = BLOCK.exec(src);
  if (!m) return { data: {}, bodyOffset: 0, body: src, keyLines: new Map(), parsed: false };
  const block = m[1];
  const keyLines = new Map<string, number>();
  block.split('\n').forEach((l, i) => {
    const k = /^([A-Za-z_][\w-]*)\s*:/.exec(l);
    if (k && !keyLines.has(k[1])) keyLines.set(k[1], i + 2);
  });
  const bodyOffset = m[0].split('\n').length - 1;
  let data: Record<string, unknown> = {};
  let parsed = false;
  try {
    const v = parse(block, { uniqueKeys: false, maxAliasCount: 100, prettyErrors: false, logLevel: 'silent' });
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      data = v as Record<string, unknown>;
      parsed = true;
    }
  } catch {
    data = lenient(block);
  }
  return { data, bodyOffset, body: src.slice(m[0].length), keyLines, parsed };
}

function lenient(block: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const l of block.split('\n')) {
    const m = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(l);
    if (m && !(m[1] in out)) out[m[1]] = m[2].replace(/^["']|["']$/g, '');
  }
  return out;
}

/** allowed-tools / tools as a list: a YAML list, or a comma string split outside parentheses. */
export function toolList(v: unknown): string[] {
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string').map((s) => s.trim()).filter(Boolean);
  if (typeof v !== 'string') return [];
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of v) {
    if (ch === '(') depth++;
    if (ch === ')') depth = Math.max(0, depth - 1);
    if ((ch === ',' || (ch === ' ' && depth === 0 && /\)$/.test(cur))) && depth === 0) {
      if (cur.trim()) out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}
