import type { FsView } from '../../fs-view.ts';
import { parseJson } from '../../parse-json.ts';

/** Claude Code reads component JSON in full; 8 MiB is far above any real config and bounds a hostile file. */
export const JSON_READ_LIMIT = 8 * 1024 * 1024;

export type JsonRead =
  | { ok: true; value: unknown; text: string }
  | { ok: false; reason: 'missing' | 'unreadable' | 'invalid-json'; message: string; text?: string };

/**
 * Read and parse a JSON file the way Claude Code does at load time: strict JSON.parse, so comments,
 * trailing commas and a UTF-8 BOM are all errors. Never throws.
 */
export function readJson(fs: FsView, abs: string): JsonRead {
  const r = fs.readFile(abs, JSON_READ_LIMIT);
  if (!r.ok) {
    return r.code === 'ENOENT' || r.code === 'ENOTDIR'
      ? { ok: false, reason: 'missing', message: 'file not found' }
      : { ok: false, reason: 'unreadable', message: `${r.code}: ${r.message}` };
  }
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(r.bytes);
  const parsed = parseJson(text);
  return parsed.ok ? { ok: true, value: parsed.value, text } : { ok: false, reason: 'invalid-json', message: parsed.message, text };
}

/** The text of a file (UTF-8, BOM kept), or null when it cannot be read within `limit` bytes. */
export function readText(fs: FsView, abs: string, limit = JSON_READ_LIMIT): string | null {
  const r = fs.readFile(abs, limit);
  return r.ok ? new TextDecoder('utf-8', { ignoreBOM: true }).decode(r.bytes) : null;
}
