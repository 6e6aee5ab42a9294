/** `from subprocess import run as r` → r ↦ subprocess.run; `import subprocess as sp` → sp ↦ subprocess. */
export function fromImports(code: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const m of code.matchAll(/^\s*from\s+([\w.]+)\s+import\s+\(?([^)\n]+)\)?/gm)) {
    for (const part of m[2].split(',')) {
      const [orig, alias] = part.trim().split(/\s+as\s+/);
      if (orig) map.set((alias ?? orig).trim(), `${m[1]}.${orig.trim()}`);
    }
  }
  for (const m of code.matchAll(/^\s*import\s+([\w.]+)\s+as\s+(\w+)/gm)) map.set(m[2], m[1]);
  return map;
}

/** The called name at the start of an expression (`await sp.run(…)` → `subprocess.run`), or ''. */
export function callName(text: string, imports: Map<string, string>): string {
  const m = /^\s*(?:await\s+)?((?:[A-Za-z_]\w*\.)*[A-Za-z_]\w*)\s*\(/.exec(text);
  if (!m) return '';
  const [head, ...rest] = m[1].split('.');
  const mapped = imports.get(head);
  return mapped ? [mapped, ...rest].join('.') : m[1];
}

/** `sp.run` with `import subprocess as sp` → `subprocess.run`. */
export function expandHead(name: string, imports: Map<string, string>): string {
  const [head, ...rest] = name.split('.');
  const mapped = imports.get(head);
  return mapped && rest.length ? [mapped, ...rest].join('.') : name;
}
