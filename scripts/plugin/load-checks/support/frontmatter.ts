import { parseYaml } from '../../parse-yaml.ts';
import { isObject, type JsonObject } from '../plugin-context.ts';

/** Claude Code's frontmatter block: the file must start with `---` (CRLF allowed). */
const BLOCK = /^---\s*\n([\s\S]*?)---\s*\n?/;

export interface Markdown {
  /** Parsed frontmatter; {} when there is none or it does not parse (the claude level reports that). */
  data: JsonObject;
  hasFrontmatter: boolean;
  /** The body after the block, trimmed the way the token estimate trims it. */
  body: string;
  /** 1-based line where the body starts, for locating keys. */
  frontmatterLines: string[];
}

export function parseMarkdown(text: string): Markdown {
  const normalized = text.replace(/\r\n/g, '\n');
  const m = BLOCK.exec(normalized);
  if (!m) return { data: {}, hasFrontmatter: false, body: normalized.trim(), frontmatterLines: [] };
  const parsed = parseYaml(m[1]);
  const data = parsed.ok && isObject(parsed.value) ? parsed.value : {};
  return { data, hasFrontmatter: true, body: normalized.slice(m[0].length).trim(), frontmatterLines: m[1].split('\n') };
}

/** The 1-based file line of a top-level frontmatter key, or undefined. */
export function frontmatterKeyLine(md: Markdown, key: string): number | undefined {
  const i = md.frontmatterLines.findIndex((l) => l.startsWith(`${key}:`) || l === key);
  return i === -1 ? undefined : i + 2;
}

/** A frontmatter value as Claude Code reads a text field: strings as-is, numbers/booleans stringified. */
export function textField(data: JsonObject, key: string): string | undefined {
  const v = fieldValue(data, key);
  return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
}

/** A frontmatter key looked up the way Claude Code normalizes them: case, `-` and `_` do not matter. */
export function fieldValue(data: JsonObject, key: string): unknown {
  if (key in data) return data[key];
  const want = norm(key);
  const found = Object.keys(data).find((k) => norm(k) === want);
  return found === undefined ? undefined : data[found];
}

function norm(k: string): string {
  return k.toLowerCase().replace(/[-_]/g, '');
}
