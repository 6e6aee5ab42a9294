import { dirname, basename, isAbsolute, resolve } from 'node:path';
import type { FsView } from './fs-view.ts';
import type { Issue } from './report.ts';

/** `..` in a path: Claude's wording, with the marketplace variant's extra advice when given. */
export function dotDotIssue(p: string, path: string, advice?: string): Issue | undefined {
  if (!p.includes('..')) return undefined;
  return { path, message: advice ? `Path contains "..": ${p}. ${advice}` : `Path contains ".." which could be a path traversal attempt: ${p}` };
}

/**
 * The existence checks `claude plugin validate` runs on a manifest's component paths, in its order:
 * commands → hooks → agents → skills → workflows. Other path fields are not checked.
 */
export function manifestPathChecks(manifest: Record<string, unknown>, pluginRoot: string, fs: FsView): Issue[] {
  const out: Issue[] = [];
  const check = (p: string, path: string) => {
    const dots = dotDotIssue(p, path);
    if (dots) out.push(dots);
    if (dots || isAbsolute(p)) return undefined;
    const s = fs.stat(resolve(pluginRoot, p));
    if (s === null || s.type === 'error') {
      const code = s?.type === 'error' ? s.code : 'ENOENT';
      out.push({ path, message: `Path not found: ${p}${code !== 'ENOENT' ? ` (${code})` : ''}. The runtime loader will report this as a load failure.` });
      return undefined;
    }
    return s;
  };
  const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : [v]);

  const { commands, hooks, agents, skills, workflows } = manifest;
  if (commands) {
    if (typeof commands === 'string') check(commands, 'commands');
    else if (Array.isArray(commands)) commands.forEach((c, i) => typeof c === 'string' && check(c, `commands[${i}]`));
    else if (typeof commands === 'object') {
      for (const [name, c] of Object.entries(commands)) {
        if (c && typeof c === 'object' && 'source' in c && typeof c.source === 'string') check(c.source, `commands.${name}.source`);
      }
    }
  }
  if (hooks) asList(hooks).forEach((h, i) => typeof h === 'string' && check(h, `hooks[${i}]`));
  if (agents) asList(agents).forEach((a, i) => typeof a === 'string' && check(a, `agents[${i}]`));
  if (skills) {
    asList(skills).forEach((s, i) => {
      if (typeof s !== 'string') return;
      const st = check(s, `skills[${i}]`);
      if (st && st.type !== 'dir') {
        const parent = dirname(s);
        const hint = basename(s).toLowerCase() === 'skill.md' && parent !== '.' ? ` — point to the parent directory '${parent}' instead` : '';
        out.push({ path: `skills[${i}]`, message: `Path is a file; skills entries must be directories containing SKILL.md${hint}: ${s}` });
      }
    });
  }
  if (workflows) asList(workflows).forEach((w, i) => typeof w === 'string' && check(w, `workflows[${i}]`));
  return out;
}
