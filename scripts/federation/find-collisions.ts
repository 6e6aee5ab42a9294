import { CLAUDE_BUILTIN_COMMANDS } from './claude-builtin-commands.ts';
import type { ComponentInfo } from './types.ts';

export interface PluginComponents { id: string; components: ComponentInfo[] }

export interface Collision {
  /** duplicate-id: two plugins define the same id; builtin: a command or skill named like a Claude Code built-in. */
  type: 'duplicate-id' | 'builtin';
  severity: 'error' | 'warning';
  kind: 'command' | 'skill' | 'agent';
  id: string;
  plugins: string[];
  message: string;
}

/**
 * Collisions in a set of plugins, found before install. Commands and skills share the slash-command
 * space (`/ns:name`), agents have their own. Two plugins defining the same id is an error (one of them
 * silently wins); a command or skill named like a built-in is a warning (`/name` keeps running the built-in).
 */
export function findCollisions(plugins: PluginComponents[]): Collision[] {
  const out: Collision[] = [];
  const owners = new Map<string, { kind: ComponentInfo['kind']; plugins: string[] }>();
  for (const p of plugins) {
    for (const c of p.components) {
      const key = `${c.kind === 'agent' ? 'agent' : 'slash'}:${c.id}`;
      const o = owners.get(key) ?? { kind: c.kind, plugins: [] };
      if (!o.plugins.includes(p.id)) o.plugins.push(p.id);
      owners.set(key, o);
      if (c.kind !== 'agent' && CLAUDE_BUILTIN_COMMANDS.has(c.name.toLowerCase())) {
        out.push({ type: 'builtin', severity: 'warning', kind: c.kind, id: c.id, plugins: [p.id], message: `${c.kind} ${c.id} of ${p.id} is named like the built-in /${c.name}: typing /${c.name} runs the built-in` });
      }
    }
  }
  for (const [key, o] of owners) {
    if (o.plugins.length < 2) continue;
    const id = key.slice(key.indexOf(':') + 1);
    out.push({ type: 'duplicate-id', severity: 'error', kind: o.kind, id, plugins: o.plugins, message: `${o.kind === 'agent' ? 'agent' : 'command/skill'} ${id} is defined by ${o.plugins.join(' and ')}` });
  }
  return out.sort((a, b) => (a.severity === b.severity ? (a.id < b.id ? -1 : 1) : a.severity === 'error' ? -1 : 1));
}
