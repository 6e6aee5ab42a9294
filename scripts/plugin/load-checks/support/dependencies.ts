import type { JsonPath } from '../../json-line.ts';
import { isObject } from '../plugin-context.ts';

export interface Dependency {
  name: string;
  marketplace?: string;
  /** The semver range Claude Code enforces (object form `version` only). */
  range?: string;
  /** A `@^…` suffix on the string form: accepted by the schema, then stripped and ignored. */
  droppedRange?: string;
  label: string;
  pointer: JsonPath;
}

/** Claude Code's string dependency form: `name`, `name@marketplace`, optionally `@^…` (ignored). */
const STRING_DEP = /^([A-Za-z0-9][-A-Za-z0-9._]*)(?:@([A-Za-z0-9][-A-Za-z0-9._]*))?(@\^[^@]*)?$/;
const NAME = /^[A-Za-z0-9][-A-Za-z0-9._]*$/;

/** The dependencies Claude Code would accept, in order; invalid items are the schema level's business. */
export function parseDependencies(value: unknown): Dependency[] {
  if (!Array.isArray(value)) return [];
  const out: Dependency[] = [];
  value.forEach((item, i) => {
    const label = `dependencies[${i}]`;
    if (typeof item === 'string') {
      const m = STRING_DEP.exec(item);
      if (m) out.push({ name: m[1], marketplace: m[2], droppedRange: m[3]?.slice(1), label, pointer: ['dependencies', i] });
    } else if (isObject(item) && typeof item.name === 'string' && NAME.test(item.name)) {
      const marketplace = typeof item.marketplace === 'string' && NAME.test(item.marketplace) ? item.marketplace : undefined;
      const range = typeof item.version === 'string' ? item.version : undefined;
      out.push({ name: item.name, marketplace, range, label, pointer: ['dependencies', i] });
    }
  });
  return out;
}
