import { parseYaml } from './parse-yaml.ts';
import type { FileBlock, Issue } from './report.ts';

export type ComponentKind = 'skill' | 'agent' | 'command';

/** Claude Code's frontmatter block: the file must start with `---`. */
export const FRONTMATTER = /^---\s*\n([\s\S]*?)---\s*\n?/;

/** The checks `claude plugin validate` runs on a skill, agent or command file's frontmatter. */
export function validateFrontmatter(file: string, text: string, kind: ComponentKind): FileBlock {
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  const block = (): FileBlock => ({ kind, file, errors, warnings });
  const m = FRONTMATTER.exec(text);
  if (!m) {
    warnings.push({ path: 'frontmatter', message: 'No frontmatter block found. Add YAML frontmatter between --- delimiters at the top of the file to set description and other metadata.' });
    return block();
  }
  const parsed = parseYaml(m[1] || '');
  if (!parsed.ok) {
    errors.push({ path: 'frontmatter', message: `YAML frontmatter failed to parse: ${parsed.message}. At runtime this ${kind} loads with empty metadata (all frontmatter fields silently dropped).` });
    return block();
  }
  const fm = parsed.value;
  if (fm === null || typeof fm !== 'object' || Array.isArray(fm)) {
    errors.push({ path: 'frontmatter', message: `Frontmatter must be a YAML mapping (key: value pairs), got ${Array.isArray(fm) ? 'an array' : fm === null ? 'null' : typeof fm}.` });
    return block();
  }
  const f = fm as Record<string, unknown>;
  if (f.description !== undefined) {
    const d = f.description;
    if (typeof d !== 'string' && typeof d !== 'number' && typeof d !== 'boolean' && d !== null) {
      errors.push({ path: 'description', message: `description must be a string, got ${Array.isArray(d) ? 'array' : typeof d}. At runtime this value is dropped.` });
    }
  } else {
    warnings.push({ path: 'description', message: `No description in frontmatter. A description helps users and Claude understand when to use this ${kind}.` });
  }
  if (f.name !== undefined && f.name !== null && typeof f.name !== 'string') errors.push({ path: 'name', message: `name must be a string, got ${typeof f.name}.` });
  const tools = f['allowed-tools'];
  if (tools !== undefined && tools !== null) {
    if (typeof tools !== 'string' && !Array.isArray(tools)) errors.push({ path: 'allowed-tools', message: `allowed-tools must be a string or array of strings, got ${typeof tools}.` });
    else if (Array.isArray(tools) && tools.some((t) => typeof t !== 'string')) errors.push({ path: 'allowed-tools', message: 'allowed-tools array must contain only strings.' });
  }
  const shell = f.shell;
  if (shell !== undefined && shell !== null) {
    if (typeof shell !== 'string') errors.push({ path: 'shell', message: `shell must be a string, got ${typeof shell}.` });
    else if (!['bash', 'powershell'].includes(shell.trim().toLowerCase())) errors.push({ path: 'shell', message: `shell must be 'bash' or 'powershell', got '${shell}'.` });
  }
  return block();
}
