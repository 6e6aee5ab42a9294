import { basename, dirname, join, resolve } from 'node:path';
import type { FsView } from './fs-view.ts';
import type { FileBlock, ValidationReport } from './report.ts';
import { validatePluginManifest } from './validate-plugin-manifest.ts';
import { validateMarketplaceManifest } from './validate-marketplace-manifest.ts';
import { validateComponents, ScanAborted } from './validate-components.ts';
import { parseJson } from './parse-json.ts';
import { scanContext, readInside, type ScanContext } from './scan-context.ts';
import { errnoMessage } from './errno-text.ts';

export interface ValidateOptions {
  /** Working directory for a relative `target` (the CLI passes process.cwd()). Default '/'. */
  cwd?: string;
  /**
   * Check only this component file (absolute) instead of walking every component: the blocks are the
   * ones the full run would give for that file. The PostToolUse hook uses it for the file just edited.
   */
  onlyComponent?: string;
}

/**
 * `claude plugin validate <target>` as data: which manifest the target names, its checks, and for a
 * plugin manifest inside `.claude-plugin/` the component checks. Never throws; `extra` carries what
 * we saw beyond Claude's own report (symlinks out of the tree, oversized components).
 */
export function validateTarget(target: string, fs: FsView, opts: ValidateOptions = {}): ValidationReport {
  const abs = resolve(opts.cwd ?? '/', target);
  const ctx = scanContext(fs, treeRoot(abs, fs));
  let manifest: FileBlock;
  try {
    const found = resolveManifest(target, abs, ctx);
    if ('fatal' in found) return { target: abs, kind: 'plugin', blocks: [], fatal: found.fatal, extra: ctx.extra };
    manifest = found.block;
    const blocks = [manifest];
    if (manifest.kind === 'plugin manifest' && basename(dirname(manifest.file)) === '.claude-plugin') {
      blocks.push(...validateComponents(dirname(dirname(manifest.file)), ctx, opts.onlyComponent));
    }
    return { target: abs, kind: manifest.kind === 'marketplace manifest' ? 'marketplace' : 'plugin', blocks, extra: ctx.extra };
  } catch (e) {
    const fatal = e instanceof ScanAborted ? e.message : `internal error: ${e instanceof Error ? e.message : String(e)}`;
    return { target: abs, kind: 'plugin', blocks: [], fatal, extra: ctx.extra };
  }
}

/** The tree reads are confined to: the plugin or marketplace root the target belongs to. */
function treeRoot(abs: string, fs: FsView): string {
  const s = fs.stat(abs);
  if (s && s.type === 'dir') return abs;
  const dir = dirname(abs);
  return basename(dir) === '.claude-plugin' ? dirname(dir) : dir;
}

type Found = { block: FileBlock } | { fatal: string };

function resolveManifest(target: string, abs: string, ctx: ScanContext): Found {
  const s = ctx.fs.stat(abs);
  if (s?.type === 'error') return { fatal: errnoMessage(s.code, 'statx', abs) };
  if (s?.type === 'dir') {
    const marketplace = validateMarketplaceManifest(join(abs, '.claude-plugin', 'marketplace.json'), ctx);
    if (!isMissing(marketplace)) return { block: marketplace };
    const plugin = validatePluginManifest(join(abs, '.claude-plugin', 'plugin.json'), ctx);
    if (!isMissing(plugin)) return { block: plugin };
    return {
      block: {
        kind: 'plugin manifest',
        file: abs,
        errors: [{ path: 'directory', message: 'No manifest found in directory. Expected .claude-plugin/marketplace.json or .claude-plugin/plugin.json' }],
        warnings: [],
      },
    };
  }
  const name = basename(target);
  if (name === 'plugin.json' || (name !== 'marketplace.json' && basename(dirname(target)) === '.claude-plugin')) return { block: validatePluginManifest(abs, ctx) };
  if (name === 'marketplace.json') return { block: validateMarketplaceManifest(abs, ctx) };
  // Any other file: a marketplace if its JSON has a `plugins` array, else a plugin.
  const read = readInside(ctx, abs);
  if (!read.ok && read.code === 'ENOENT') {
    return { block: { kind: 'plugin manifest', file: abs, errors: [{ path: 'file', message: `File not found: ${abs}`, code: 'ENOENT' }], warnings: [] } };
  }
  if (read.ok) {
    const json = parseJson(read.text);
    const v = json.ok ? (json.value as { plugins?: unknown } | null) : null;
    if (v !== null && v !== undefined && Array.isArray(v.plugins)) return { block: validateMarketplaceManifest(abs, ctx) };
  }
  return { block: validatePluginManifest(abs, ctx) };
}

function isMissing(b: FileBlock): boolean {
  const first = b.errors[0];
  return first?.path === 'file' && (first.code === 'ENOENT' || first.code === 'ENOTDIR');
}
