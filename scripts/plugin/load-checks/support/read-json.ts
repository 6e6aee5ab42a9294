import { isAbsolute, relative } from 'node:path';
import type { FsView } from '../../fs-view.ts';
import { parseJson } from '../../parse-json.ts';

/** Claude Code reads component JSON in full; 8 MiB is far above any real config and bounds a hostile file. */
export const JSON_READ_LIMIT = 8 * 1024 * 1024;

export type JsonRead =
  | { ok: true; value: unknown; text: string }
  | { ok: false; reason: 'missing' | 'unreadable' | 'outside' | 'invalid-json'; message: string; text?: string };

/**
 * Read and parse a JSON file the way Claude Code does at load time: strict JSON.parse, so comments,
 * trailing commas and a UTF-8 BOM are all errors. Never throws. With a `boundary` (a real path), a file
 * whose real path leaves it is not read: a hostile plugin could link `extra.json` to a user's secrets
 * and have a fragment echoed in a parse error. symlinksStayInside reports such links.
 */
export function readJson(fs: FsView, abs: string, boundary: string | null = null): JsonRead {
  if (escapes(fs, abs, boundary)) return { ok: false, reason: 'outside', message: 'the path leads outside the plugin (not read)' };
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

/** The text of a file (UTF-8, BOM kept), or null when it cannot be read within `limit` bytes or leaves `boundary`. */
export function readText(fs: FsView, abs: string, limit = JSON_READ_LIMIT, boundary: string | null = null): string | null {
  if (escapes(fs, abs, boundary)) return null;
  const r = fs.readFile(abs, limit);
  return r.ok ? new TextDecoder('utf-8', { ignoreBOM: true }).decode(r.bytes) : null;
}

/** True when `abs` resolves (through symlinks) outside `boundary`; never with no boundary. */
export function escapes(fs: FsView, abs: string, boundary: string | null): boolean {
  if (boundary === null) return false;
  const real = fs.realpath(abs);
  if (real === null) return false;
  const r = relative(boundary, real);
  return r === '..' || r.startsWith('../') || isAbsolute(r);
}
