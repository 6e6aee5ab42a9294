import type { z } from 'zod';
import type { Issue } from './report.ts';

/** zod issues as Claude prints them: the path joined with dots, `root` when empty. */
export function zodIssues(error: z.ZodError): Issue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.') || 'root', message: i.message }));
}

/** Claude's type word for a JSON value in its hand-written messages. */
export function jsonTypeName(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v;
}
