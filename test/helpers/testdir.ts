// Build a temporary file tree from an object: { 'a/b.json': '{…}', 'link': { symlink: '../x' }, 'run.sh': { content: '…', mode: 0o755 } }.
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export type TreeSpec = Record<string, string | Uint8Array | { symlink: string } | { content: string | Uint8Array; mode: number } | { dir: true }>;

export function testdir(spec: TreeSpec, root = mkdtempSync(join(tmpdir(), 'mp-test-'))): string {
  for (const [rel, v] of Object.entries(spec)) {
    const abs = join(root, rel);
    mkdirSync(dirname(abs), { recursive: true });
    if (typeof v === 'string' || v instanceof Uint8Array) writeFileSync(abs, v);
    else if ('symlink' in v) symlinkSync(v.symlink, abs);
    else if ('dir' in v) mkdirSync(abs, { recursive: true });
    else { writeFileSync(abs, v.content); chmodSync(abs, v.mode); }
  }
  return root;
}

export function json(v: unknown): string {
  return JSON.stringify(v, null, 2) + '\n';
}
