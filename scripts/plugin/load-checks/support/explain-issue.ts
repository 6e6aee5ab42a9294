import type { z } from 'zod';

/**
 * One readable line for a failed safeParse: `path: message` of the first issue. For a union (MCP
 * server types) it picks the branch whose `type` matched, so `{command: ""}` explains
 * `command: Command cannot be empty` instead of zod's bare "Invalid input".
 */
export function explainIssue(error: z.ZodError): string {
  const first = error.issues[0];
  if (!first) return 'Invalid input';
  if (first.code === 'invalid_union' && Array.isArray(first.errors)) {
    const branches = first.errors as z.core.$ZodIssue[][];
    const matching = branches.find((issues) => issues.length > 0 && !issues.some((i) => i.path[0] === 'type'));
    if (matching) return format(matching[0], first.path);
    if (branches.every((issues) => issues.some((i) => i.path.length === 0))) return format(branches[0][0], first.path);
    return `${prefix(first.path)}type: not one of the supported server types`;
  }
  return format(first, []);
}

function format(issue: z.core.$ZodIssue, base: PropertyKey[]): string {
  return `${prefix([...base, ...issue.path])}${issue.message}`;
}

function prefix(path: PropertyKey[]): string {
  return path.length ? `${path.map(String).join('.')}: ` : '';
}
