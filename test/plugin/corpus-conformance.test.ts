// Every target of the conformance corpus (../shared/corpus, real plugins with the verdicts of the real
// `claude plugin validate` 2.1.197), validated in-process, plain and --strict.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from '../helpers/claude.ts';
import { nodeFsView } from '../../scripts/io/node-fs-view.ts';
import { validateTarget } from '../../scripts/plugin/validate-target.ts';
import { formatClaudeText } from '../../scripts/plugin/format-text.ts';
import { diffClaudeOutputs, sameClaudeOutput } from './claude-output.ts';
import type { FsView } from '../../scripts/plugin/fs-view.ts';

const CORPUS = join(REPO, '../shared/corpus');
const PLUGINS = join(CORPUS, 'plugins');

interface Verdict { target: string; kind: string; exit: number; strict_exit: number; output: string; strict_output: string }

test('mp validate agrees with claude plugin validate on every corpus target', { skip: !existsSync(CORPUS) && 'corpus not found beside the repo' }, () => {
  const verdicts: Verdict[] = readFileSync(join(CORPUS, 'verdicts.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  const fs = withMaterializedSymlinks(nodeFsView());
  const failures: string[] = [];
  let agreed = 0;
  let identical = 0;
  for (const v of verdicts) {
    const report = validateTarget(join(PLUGINS, v.target), fs);
    const problems: string[] = [];
    for (const strict of [false, true]) {
      const out = formatClaudeText(report, strict);
      const text = (out.stdout + out.stderr).split(`${PLUGINS}/`).join('');
      const expectedExit = strict ? v.strict_exit : v.exit;
      if (out.exitCode !== expectedExit) problems.push(`${strict ? '--strict ' : ''}exit ${out.exitCode}, claude ${expectedExit}`);
      for (const d of diffClaudeOutputs(strict ? v.strict_output : v.output, text)) problems.push(`${strict ? '--strict ' : ''}${d}`);
      if (!strict && out.exitCode === expectedExit && sameClaudeOutput(v.output, text)) identical++;
    }
    if (problems.length === 0) agreed++;
    else failures.push(`${v.target}:\n  ${problems.join('\n  ')}`);
  }
  console.log(`# corpus agreement: ${agreed}/${verdicts.length} targets (plain and --strict); byte-identical output (YAML wording included, block order aside): ${identical}/${verdicts.length}`);
  assert.equal(failures.length, 0, `disagreements:\n${failures.slice(0, 20).join('\n')}`);
});

/**
 * The corpus keeps one CLAUDE.md that is a symlink to AGENTS.md (README: "It stays a symlink"), and
 * the verdict says Claude ignores it. A copy that does not preserve symlinks turns it into a regular
 * file holding the link text ("AGENTS.md"); the real CLI then warns about it, and so do we. To test
 * against the recorded verdict, show such a file as the symlink it was: a regular file whose whole
 * content is the name of a sibling file. A tree with real symlinks is left as it is.
 */
function withMaterializedSymlinks(fs: FsView): FsView {
  const asSymlink = (dir: string, name: string): boolean => {
    const r = fs.readFile(join(dir, name), 256);
    if (!r.ok) return false;
    const text = new TextDecoder().decode(r.bytes);
    return text !== '' && text !== name && !text.includes('/') && fs.lstat(join(dir, text))?.type === 'file';
  };
  return {
    ...fs,
    list(abs) {
      const r = fs.list(abs);
      if (!r.ok) return r;
      return { ok: true, entries: r.entries.map((e) => (e.type === 'file' && /^claude(\.local)?\.md$/i.test(e.name) && asSymlink(abs, e.name) ? { ...e, type: 'symlink' as const } : e)) };
    },
  };
}
