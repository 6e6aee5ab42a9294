import type { JsonPath } from '../../json-line.ts';

/** Every string inside a JSON value with its pointer (bounded depth: hostile nesting stops early). */
export function stringLeaves(value: unknown, at: JsonPath = [], depth = 0): Array<{ value: string; pointer: JsonPath }> {
  if (typeof value === 'string') return [{ value, pointer: at }];
  if (depth > 32 || typeof value !== 'object' || value === null) return [];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return entries.flatMap(([k, v]) => stringLeaves(v, [...at, k], depth + 1));
}
