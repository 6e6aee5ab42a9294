import type { JsonPath } from '../../json-line.ts';

export interface ManifestPath {
  /** The string as written (`./x`). */
  value: string;
  /** Claude's bracket notation, e.g. `hooks[0]`. */
  label: string;
  /** Where it sits in the JSON, for line lookup. */
  pointer: JsonPath;
}

/**
 * The string paths of a manifest field that takes `"./x"`, `["./x", …]` or (for hooks, mcpServers and
 * lspServers) a mix of paths and inline objects. Labels always use `[i]`, as `claude plugin validate` does.
 */
export function manifestPaths(field: string, value: unknown): ManifestPath[] {
  if (typeof value === 'string') return [{ value, label: `${field}[0]`, pointer: [field] }];
  if (!Array.isArray(value)) return [];
  const out: ManifestPath[] = [];
  value.forEach((v, i) => {
    if (typeof v === 'string') out.push({ value: v, label: `${field}[${i}]`, pointer: [field, i] });
  });
  return out;
}
