import type { FsView } from './fs-view.ts';

export type TextRead = { ok: true; text: string } | { ok: false; code: string; message: string };

/** Kept, not stripped: Claude Code (Bun) keeps a UTF-8 BOM, so `JSON.parse` sees it and fails. */
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/** Read a file as UTF-8 text the way Claude Code does (invalid bytes become U+FFFD, BOM kept). */
export function readText(fs: FsView, abs: string, limit?: number): TextRead {
  const r = fs.readFile(abs, limit);
  return r.ok ? { ok: true, text: decoder.decode(r.bytes) } : r;
}
