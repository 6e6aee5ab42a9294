import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readlinkSync, readSync } from 'node:fs';
import { join } from 'node:path';
import type { ListResult, PluginEntry, PluginFiles, ReadResult } from '../trust/analysis/plugin-files.ts';

/** PluginFiles over node:fs for the directory `root`: lstat walk, O_NOFOLLOW reads, bounded everything. */
export function nodePluginFiles(root: string): PluginFiles {
  return {
    list({ maxEntries, maxDepth, skipDirs }): ListResult {
      const entries: PluginEntry[] = [];
      const errors: string[] = [];
      let truncated: ListResult['truncated'] = null;
      const walk = (rel: string, depth: number): void => {
        if (truncated === 'entries') return;
        let names: string[];
        try {
          names = readdirSync(join(root, rel)).sort();
        } catch (e) {
          errors.push(`${rel || '.'}: ${(e as NodeJS.ErrnoException).code ?? 'EIO'}`);
          return;
        }
        for (const name of names) {
          if (entries.length >= maxEntries) {
            truncated = 'entries';
            return;
          }
          const path = rel ? `${rel}/${name}` : name;
          let st;
          try {
            st = lstatSync(join(root, path));
          } catch {
            continue;
          }
          if (st.isDirectory()) {
            entries.push({ path, type: 'dir', size: 0, mode: st.mode & 0o7777 });
            if (skipDirs.has(name)) continue;
            if (depth + 1 >= maxDepth) {
              truncated ??= 'depth';
              continue;
            }
            walk(path, depth + 1);
          } else if (st.isSymbolicLink()) {
            let target = '';
            try {
              target = readlinkSync(join(root, path));
            } catch {
              target = '';
            }
            entries.push({ path, type: 'symlink', size: st.size, mode: 0, target });
          } else entries.push({ path, type: st.isFile() ? 'file' : 'other', size: st.size, mode: st.mode & 0o7777 });
        }
      };
      walk('', 0);
      return { entries, truncated, errors };
    },
    read(path: string, limit: number): ReadResult {
      let fd: number;
      try {
        fd = openSync(join(root, path), constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
      } catch (e) {
        return { ok: false, code: (e as NodeJS.ErrnoException).code ?? 'EIO' };
      }
      try {
        const st = fstatSync(fd);
        if (!st.isFile()) return { ok: false, code: 'ENOTFILE' };
        const size = Math.min(st.size, limit);
        const buf = Buffer.alloc(size);
        let off = 0;
        while (off < size) {
          const n = readSync(fd, buf, off, size - off, off);
          if (n <= 0) break;
          off += n;
        }
        return { ok: true, bytes: buf.subarray(0, off), truncated: st.size > limit };
      } catch (e) {
        return { ok: false, code: (e as NodeJS.ErrnoException).code ?? 'EIO' };
      } finally {
        closeSync(fd);
      }
    },
  };
}
