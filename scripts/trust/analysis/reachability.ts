import type { AnalysisModel } from './analysis-model.ts';
import type { Effect, HookDecl, Unit } from './model.ts';
import { ROOT_MARK, SELF_MARK } from './shell/word.ts';

const MAX_LEVELS = 3;

/**
 * Which files run because of what: a hook's command line reaches the scripts it names (resolved through
 * ${CLAUDE_PLUGIN_ROOT}, the script's own directory and relative paths), those reach what they source or
 * exec, and so on for three levels. MCP/LSP launch lines, `!` injections, package scripts and bin/ are
 * roots too. Fills model.reached and model.hookScripts.
 */
export function reachability(model: AnalysisModel): void {
  const mark = (file: string, why: string): void => {
    const set = model.reached.get(file) ?? new Set<string>();
    set.add(why);
    model.reached.set(file, set);
  };
  const follow = (unit: Unit, selfDir: string, why: string): string[] => {
    const seen = new Set<string>();
    let frontier: Array<{ effects: Effect[]; dir: string }> = [{ effects: unit.effects, dir: selfDir }];
    for (let level = 0; level < MAX_LEVELS && frontier.length; level++) {
      const next: typeof frontier = [];
      for (const f of frontier) {
        for (const e of f.effects) {
          if (e.kind !== 'runs') continue;
          const file = resolveTarget(model, e.target, f.dir);
          if (!file || seen.has(file)) continue;
          seen.add(file);
          mark(file, why);
          const u = model.fileUnits.get(file);
          if (u) next.push({ effects: u.effects, dir: dirOf(file) });
        }
      }
      frontier = next;
    }
    return [...seen];
  };
  for (const h of model.hooks) if (h.unit) model.hookScripts.set(h, follow(h.unit, '', `hook ${h.event}`));
  for (const m of model.mcps) if (m.unit) follow(m.unit, '', `${m.family} server ${m.name}`);
  for (const d of model.markdown) for (const i of d.injections) follow(i.unit, dirOf(d.file), 'command injection');
  for (const p of model.packages) for (const s of p.scripts) follow(s.unit, dirOf(p.file), `package script ${s.name}`);
  for (const [path, unit] of model.fileUnits) {
    if (/^bin\/[^/]+$/.test(path)) {
      mark(path, 'bin');
      follow(unit, 'bin', 'bin');
    }
  }
}

/** Resolve a script reference to a plugin file, or null when it is outside the plugin or does not exist. */
export function resolveTarget(model: Pick<AnalysisModel, 'entries'>, raw: string, selfDir: string): string | null {
  let t = raw.trim().replace(/^["']|["']$/g, '');
  const fromRoot = t.startsWith(ROOT_MARK) || t.startsWith('$CLAUDE_PLUGIN_ROOT');
  t = t.replace(/^(\$\{CLAUDE_PLUGIN_ROOT\}|\$CLAUDE_PLUGIN_ROOT)\/?/, '');
  if (t.startsWith(SELF_MARK)) t = `${selfDir}/${t.slice(SELF_MARK.length).replace(/^\/+/, '')}`;
  if (!t || t.startsWith('/') || t.startsWith('~') || t.startsWith('$')) return null;
  const candidates = fromRoot ? [t] : [`${selfDir}/${t}`, t];
  for (const c of candidates) {
    const norm = normalize(c);
    if (norm === null) continue;
    for (const probe of [norm, `${norm}.js`, `${norm}.mjs`, `${norm}.ts`, `${norm}/index.js`]) {
      const e = model.entries.get(probe);
      if (e?.type === 'file') return probe;
      if (e?.type === 'symlink' && e.target && !e.target.startsWith('/')) {
        const linked = normalize(`${dirOf(probe)}/${e.target}`);
        if (linked && model.entries.get(linked)?.type === 'file') return linked;
      }
    }
  }
  return null;
}

/** Collapse `.`/`..`; null when the path climbs out of the plugin root. */
export function normalize(p: string): string | null {
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (!seg || seg === '.') continue;
    if (seg === '..') {
      if (!out.length) return null;
      out.pop();
    } else out.push(seg);
  }
  return out.join('/');
}

function dirOf(p: string): string {
  const i = p.lastIndexOf('/');
  return i < 0 ? '' : p.slice(0, i);
}

export type { HookDecl };
