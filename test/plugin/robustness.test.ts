// Generated garbage (broken JSON and YAML, binary, BOM, CRLF, huge values, hostile symlinks) never makes
// the validator throw, and the CLI never dies with an uncaught exception.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync, mkdirSync, existsSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { nodeFsView } from '../../scripts/io/node-fs-view.ts';
import { validateTarget } from '../../scripts/plugin/validate-target.ts';
import { validateForHook } from '../../scripts/plugin/validate-for-hook.ts';
import { formatClaudeText } from '../../scripts/plugin/format-text.ts';
import { PLUGIN_MANIFEST_KEYS } from '../../scripts/plugin/schema/plugin-manifest.ts';
import { REPO, runMp } from '../helpers/claude.ts';

const fs = nodeFsView();
const enc = new TextEncoder();

/** File contents: JSON-ish, YAML-ish, binary, with BOM/CRLF/NUL twists. */
const jsonish = fc.oneof(
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.dictionary(fc.constantFrom(...PLUGIN_MANIFEST_KEYS, 'source', 'plugins', 'owner', 'hooks', 'x'), fc.jsonValue({ maxDepth: 3 })).map((o) => JSON.stringify(o)),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.constantFrom('', '{', '[', 'null', '{"name":', '\uFEFF{}', '{"name":"a",}', '{"plugins":[1,{"source":"./x","name":"x"}],"name":"m","owner":{"name":"o"}}'),
);
const frontmatter = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 120 }).map((s) => `---\n${s}\n---\nbody\n`),
  fc.array(fc.tuple(fc.constantFrom('name', 'description', 'allowed-tools', 'shell', 'x'), fc.constantFrom('a: b', '[x] [y]', '"q', '|', '- a\n- b', '{a: 1', '&x', '*x', '!!int q', '\t', '')), { maxLength: 6 })
    .map((kv) => `---\n${kv.map(([k, v]) => `${k}: ${v}`).join('\n')}\n---\n`),
  fc.constantFrom('---\n---\n', '\uFEFF---\nd: x\n---\n', '---\r\ndescription: x\r\n---\r\n', '---\n' + 'a: b\n'.repeat(2000) + '---\n', 'no frontmatter'),
);
const twist = (s: string, t: number): string | Uint8Array =>
  t === 0 ? s : t === 1 ? s.replace(/\n/g, '\r\n') : t === 2 ? '\uFEFF' + s : t === 3 ? s + '\u0000' : enc.encode(s).map((b, i) => (i % 7 === 3 ? 0xff : b));

interface Tree { manifest: string | Uint8Array; marketplace?: string | Uint8Array; skill: string | Uint8Array; agent: string | Uint8Array; hooks: string | Uint8Array; links: number[] }
const tree: fc.Arbitrary<Tree> = fc.record({
  manifest: fc.tuple(jsonish, fc.nat(4)).map(([s, t]) => twist(s, t)),
  marketplace: fc.option(fc.tuple(jsonish, fc.nat(4)).map(([s, t]) => twist(s, t)), { nil: undefined }),
  skill: fc.tuple(frontmatter, fc.nat(4)).map(([s, t]) => twist(s, t)),
  agent: fc.tuple(frontmatter, fc.nat(4)).map(([s, t]) => twist(s, t)),
  hooks: fc.tuple(jsonish, fc.nat(4)).map(([s, t]) => twist(s, t)),
  links: fc.subarray([0, 1, 2, 3, 4]),
});

function build(t: Tree, root: string): string {
  const dir = join(root, 'p');
  for (const d of ['.claude-plugin', 'skills/s', 'skills/loop', 'agents/sub', 'hooks', 'commands']) mkdirSync(join(dir, d), { recursive: true });
  writeFileSync(join(root, 'secret.txt'), 'outside the plugin');
  writeFileSync(join(dir, '.claude-plugin/plugin.json'), t.manifest);
  if (t.marketplace !== undefined) writeFileSync(join(dir, '.claude-plugin/marketplace.json'), t.marketplace);
  writeFileSync(join(dir, 'skills/s/SKILL.md'), t.skill);
  writeFileSync(join(dir, 'agents/sub/a.md'), t.agent);
  writeFileSync(join(dir, 'hooks/hooks.json'), t.hooks);
  const links: Array<[string, string]> = [
    ['../../secret.txt', 'commands/leak.md'], // out of the tree
    ['SKILL.md', 'skills/loop/SKILL.md'], // points at itself
    ['../../../secret.txt', 'skills/s/../loop/../s/x.md'],
    ['/nonexistent/x', 'agents/dangling.md'],
    ['../..', 'agents/up'], // a directory cycle
  ];
  for (const i of t.links) {
    const [target, at] = links[i];
    try { symlinkSync(target, join(dir, at)); } catch { /* the same path twice */ }
  }
  return dir;
}

test('validateTarget, formatClaudeText and validateForHook never throw on generated trees', () => {
  fc.assert(
    fc.property(tree, fc.boolean(), (t, strict) => {
      const root = mkdtempSync(join(tmpdir(), 'mp-fuzz-'));
      try {
        const dir = build(t, root);
        for (const target of [dir, join(dir, '.claude-plugin/plugin.json'), join(dir, '.claude-plugin/marketplace.json'), join(dir, 'hooks/hooks.json')]) {
          const report = validateTarget(target, fs);
          assert.ok(report.fatal !== undefined || report.blocks.length >= 1);
          const out = formatClaudeText(report, strict);
          assert.ok([0, 1, 2].includes(out.exitCode));
          assert.ok(!/[\x00-\x08\x0b-\x1f\x7f]/.test(out.stdout), 'no control characters reach the terminal');
          assert.ok(!report.extra.some((f) => f.rule !== 'load/symlink-outside-root'));
        }
        for (const f of ['skills/s/SKILL.md', 'agents/sub/a.md', 'hooks/hooks.json', '.claude-plugin/plugin.json', 'commands/leak.md']) validateForHook(join(dir, f), fs);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    }),
    { numRuns: 120 },
  );
});

test('a symlink out of the plugin is never read, and is reported', () => {
  const root = mkdtempSync(join(tmpdir(), 'mp-fuzz-'));
  try {
    const dir = build({ manifest: '{"name":"p"}', skill: '---\ndescription: d\n---\n', agent: '---\ndescription: d\n---\n', hooks: '{"hooks":{}}', links: [] }, root);
    writeFileSync(join(root, 'secret.md'), '---\nname: 1\n---\nSECRET');
    symlinkSync('../../../secret.md', join(dir, 'skills/s2'));
    mkdirSync(join(dir, 'skills/s3'));
    symlinkSync('../../../secret.md', join(dir, 'skills/s3/SKILL.md'));
    const report = validateTarget(dir, fs);
    assert.ok(!JSON.stringify(report.blocks).includes('secret.md'), 'the outside file is not validated');
    assert.deepEqual(report.extra.map((f) => f.rule), ['load/symlink-outside-root']);
    assert.equal(report.extra[0].file, join(dir, 'skills/s3/SKILL.md'));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('the CLI never dies with an uncaught exception', { skip: !existsSync(join(REPO, 'dist/mp.js')) && 'dist/mp.js not built' }, () => {
  const samples = fc.sample(tree, { numRuns: 12, seed: 4242 });
  for (const t of samples) {
    const root = mkdtempSync(join(tmpdir(), 'mp-fuzz-'));
    try {
      const dir = build(t, root);
      for (const args of [[dir], ['--strict', '--json', dir, join(dir, 'hooks/hooks.json')], ['--claude-compat', join(dir, 'nope/x')]]) {
        const r = runMp(['validate', ...args], { timeoutMs: 30_000 });
        assert.ok([0, 1, 2].includes(r.code), `exit ${r.code}: ${r.stderr}`);
        assert.ok(!/INTERNAL|at .*\.js:\d+/.test(r.stderr), r.stderr);
        if (args.includes('--json')) JSON.parse(r.stdout);
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }
});

test('huge files are refused, not read into memory', () => {
  const root = mkdtempSync(join(tmpdir(), 'mp-fuzz-'));
  try {
    const dir = build({ manifest: '{"name":"p"}', skill: '', agent: '---\ndescription: d\n---\n', hooks: '{"hooks":{}}', links: [] }, root);
    truncateSync(join(dir, 'skills/s/SKILL.md'), 100 * 1024 * 1024); // sparse: costs no disk
    const big = validateTarget(dir, fs);
    assert.equal(big.blocks.length, 1, 'the oversized skill is skipped');
    truncateSync(join(dir, '.claude-plugin/plugin.json'), 100 * 1024 * 1024);
    const report = validateTarget(dir, fs);
    assert.match(report.blocks[0].errors[0].message, /^Failed to read file: file is larger than/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
