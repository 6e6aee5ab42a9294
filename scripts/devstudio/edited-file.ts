import { isAbsolute, resolve } from 'node:path';

/**
 * The file a Write/Edit/MultiEdit tool call touched, from a PostToolUse event: `tool_input.file_path`,
 * else `tool_response.filePath`, made absolute against the event's `cwd`. null when the event has
 * no usable path (not an object, another tool, a path that is not a string or holds a NUL byte).
 */
export function editedFile(event: unknown): string | null {
  if (!isRecord(event)) return null;
  const input = isRecord(event.tool_input) ? event.tool_input : {};
  const response = isRecord(event.tool_response) ? event.tool_response : {};
  const raw = [input.file_path, response.filePath].find((p): p is string => typeof p === 'string' && p !== '');
  // A NUL byte cannot name a real file and makes node:fs throw; treat it as "not ours".
  if (raw === undefined || raw.includes('\0')) return null;
  if (isAbsolute(raw)) return resolve(raw);
  const cwd = typeof event.cwd === 'string' && isAbsolute(event.cwd) ? event.cwd : null;
  return cwd ? resolve(cwd, raw) : null;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
