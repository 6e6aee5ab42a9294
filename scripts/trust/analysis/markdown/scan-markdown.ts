import type { HookDecl, MarkdownDecl, ProseLine, Unit } from '../model.ts';
import { embedded, type ScanContext } from '../scan-context.ts';
import { hooksFromMap, isEventMap } from '../config/hooks-from-map.ts';
import { frontmatter, toolList } from './frontmatter.ts';

export interface MarkdownScan {
  decl: MarkdownDecl;
  prose: ProseLine[];
  hooks: HookDecl[];
}

// Claude Code's own patterns (skills/commands body substitution): fenced ```! blocks and inline !`cmd`.
const FENCED_BANG = /```!\s*\n?([\s\S]*?)\n?```/g;
const INLINE_BANG = /(?<=^|\s)!`([^`]+)`/gm;

/**
 * A command, skill, agent or output style: its tools, its `!` shell injections (each scanned as shell),
 * the hooks a skill declares in frontmatter, and its prose with context (code, quote) for the phrasing rules.
 */
export function scanMarkdown(text: string, kind: MarkdownDecl['kind'], ctx: ScanContext): MarkdownScan {
  const fm = frontmatter(text);
  const file = ctx.file;
  const toolsKey = kind === 'agent' ? 'tools' : 'allowed-tools';
  const rawTools = fm.data[toolsKey] ?? (kind === 'agent' ? undefined : fm.data.allowed_tools ?? fm.data.allowedTools);
  const toolsLine = fm.keyLines.get(toolsKey) ?? 1;
  const description = typeof fm.data.description === 'string' ? fm.data.description : '';
  const decl: MarkdownDecl = {
    file,
    kind,
    tools: toolList(rawTools).map((value) => ({ value, line: toolsLine })),
    toolsKey: rawTools === undefined ? null : toolsKey,
    name: typeof fm.data.name === 'string' ? fm.data.name : '',
    description,
    injections: [],
  };
  const prose: ProseLine[] = [];
  for (const key of ['description', 'when_to_use', 'when-to-use', 'argument-hint', 'initialPrompt']) {
    const v = fm.data[key];
    if (typeof v === 'string' && v.trim()) prose.push({ file, line: fm.keyLines.get(key) ?? 1, text: v, context: 'prose' });
  }

  if (kind === 'command' || kind === 'skill') {
    const body = fm.body;
    const lineAt = (offset: number): number => fm.bodyOffset + body.slice(0, offset).split('\n').length;
    for (const m of body.matchAll(FENCED_BANG)) {
      const line = lineAt((m.index ?? 0) + m[0].indexOf(m[1]));
      decl.injections.push(injection(m[1], line, ctx, false));
    }
    const masked = body.replace(/`[^`\n]+`/g, (t, offset: number) => (body[offset - 1] === '!' || body[offset - 1] === '`' ? t : `\`${' '.repeat(t.length - 2)}\``));
    for (const m of masked.matchAll(INLINE_BANG)) decl.injections.push(injection(m[1], lineAt(m.index ?? 0), ctx, true));
  }
  prose.push(...proseLines(fm.body, fm.bodyOffset, file));

  const hooks = kind === 'skill' && fm.data.hooks && typeof fm.data.hooks === 'object' ? hooksFromMap(fm.data.hooks, file, (_p, needle) => lineOfText(text, needle) ?? fm.keyLines.get('hooks') ?? 1, ctx, isEventMap(fm.data.hooks)) : [];
  return { decl, prose, hooks };
}

function injection(command: string, line: number, ctx: ScanContext, inline: boolean): { command: string; line: number; unit: Unit } {
  const sub = embedded({ ...ctx, fixedLine: false, line0: 1 }, line, inline ? '!`…` injection' : '```! injection', inline);
  return { command, line, unit: { file: ctx.file, origin: 'injection', effects: ctx.scanners.shell(command, sub) } };
}

/** Body lines with their context: fenced code, blockquotes, and prose (HTML comments count as prose: the model reads them). */
export function proseLines(body: string, offset: number, file: string): ProseLine[] {
  const out: ProseLine[] = [];
  let fence: string | null = null;
  body.split('\n').forEach((text, i) => {
    const line = offset + i + 1;
    const f = /^\s*(`{3,}|~{3,})/.exec(text);
    if (f) {
      if (fence === null) fence = f[1][0];
      else if (f[1][0] === fence) fence = null;
      out.push({ file, line, text, context: 'code' });
      return;
    }
    if (!text.trim()) return;
    out.push({ file, line, text, context: fence !== null ? 'code' : /^\s*>/.test(text) ? 'quote' : 'prose' });
  });
  return out;
}

function lineOfText(text: string, needle?: string): number | undefined {
  if (!needle) return undefined;
  const i = text.replace(/\r\n/g, '\n').split('\n').findIndex((l) => l.includes(needle.slice(0, 40)));
  return i >= 0 ? i + 1 : undefined;
}
