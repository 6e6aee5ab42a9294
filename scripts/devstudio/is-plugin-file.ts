/**
 * Could a file at this path be part of a Claude Code plugin or marketplace? String checks only:
 * the PostToolUse hook calls this on every Write/Edit before it loads anything heavy, so a "no"
 * must cost microseconds. A "yes" is only a candidate; the validator then finds the enclosing
 * plugin or marketplace root (and answers null when there is none).
 */
export function isPluginFile(path: string): boolean {
  const segs = path.replaceAll('\\', '/').split('/').filter((s) => s !== '' && s !== '.');
  const name = segs[segs.length - 1];
  if (!name) return false;
  const parent = segs[segs.length - 2] ?? '';
  const dirs = segs.slice(0, -1);
  const lower = name.toLowerCase();

  // Manifests: .claude-plugin/plugin.json, .claude-plugin/marketplace.json (claude validates any file there).
  if (parent === '.claude-plugin') return true;
  if (name === 'plugin.json' || name === 'marketplace.json') return true;
  if (lower.endsWith('.md')) {
    // commands/**/*.md and agents/**/*.md are discovered recursively.
    if (dirs.includes('commands') || dirs.includes('agents')) return true;
    // skills/<dir>/SKILL.md, and a plugin-root SKILL.md (loaded when there is no skills/ dir).
    if (name === 'SKILL.md') return true;
    // A CLAUDE.md / CLAUDE.local.md at a plugin root is a validate warning (it is never loaded).
    if (name === 'CLAUDE.md' || name === 'CLAUDE.local.md') return true;
    return false;
  }
  if (lower.endsWith('.json')) {
    if (name === '.mcp.json' || name === '.lsp.json') return true;
    // hooks/hooks.json, and extra hook files a manifest may reference (`"hooks": "./config/my-hooks.json"`).
    if (lower.includes('hook') || dirs.includes('hooks')) return true;
  }
  return false;
}
