import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import { parsePolicyText, readPolicyFile } from '../../scripts/io/policy-file.ts';
import { testdir } from '../helpers/testdir.ts';

const BAD: Array<[string, string, string]> = [
  ['not YAML', 'plugins: [a, b\n', 'POLICY_PARSE'],
  ['duplicate keys', 'plugins: {}\nplugins: {}\n', 'POLICY_PARSE'],
  ['two documents', 'version: 1\n---\nversion: 1\n', 'POLICY_PARSE'],
  ['alias bomb', 'a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n', 'POLICY_PARSE'],
  ['unknown top-level field', 'plugin: {block: [x]}\n', 'POLICY_INVALID'],
  ['unknown nested field (typo allow → alow)', 'plugins: {alow: [x]}\n', 'POLICY_INVALID'],
  ['unknown source kind', 'sources: {allowKinds: [pip]}\n', 'POLICY_INVALID'],
  ['unknown registry source kind', 'registries: [{name: x, source: {source: pip, package: y}}]\n', 'POLICY_INVALID'],
  ['wrong type', 'requireLockfile: "yes"\n', 'POLICY_INVALID'],
  ['not a mapping', '- a\n- b\n', 'POLICY_INVALID'],
  ['bad grade', 'trust: {minGrade: E}\n', 'POLICY_INVALID'],
  ['glob with a path', 'plugins: {block: ["../x"]}\n', 'POLICY_INVALID'],
  ['host with a scheme', 'sources: {blockHosts: ["https://evil.example"]}\n', 'POLICY_INVALID'],
];

for (const [what, text, code] of BAD) {
  test(`policy file: ${what} → ${code}`, () => {
    assert.throws(() => parsePolicyText(text, '/p.yaml'), { code });
  });
}

test('policy file: BOM and CRLF are read, an empty file is an empty policy', () => {
  assert.deepEqual(parsePolicyText('\uFEFFplugins:\r\n  block:\r\n    - evil\r\n', '/p.yaml'), { plugins: { block: ['evil'] } });
  assert.deepEqual(parsePolicyText('', '/p.yaml'), {});
  assert.deepEqual(parsePolicyText('# only a comment\n', '/p.yaml'), {});
});

test('policy file: a full policy with every section parses', () => {
  const doc = parsePolicyText([
    'version: 1', 'requireOrgPolicy: true', 'requireLockfile: true',
    'plugins: {allow: ["*"], block: ["evil-*", "*@untrusted"]}', 'marketplaces: {allow: [internal, claude-plugins-official]}',
    'sources: {allowHosts: [github.com, "*.corp.example", local], blockHosts: [evil.example], allowKinds: [relative, github, git-subdir]}',
    'registries:', '  - {name: internal, source: "https://git.corp.example/plugins.git#main", priority: 100}',
    '  - {name: mirror, source: {source: github, repo: corp/mirror, ref: v1}}', '  - {name: claude-plugins-official, priority: 10}',
    'pins: {"corp-*": internal}', 'shadowing: highest', 'onUnreachable: deny',
    'trust: {minGrade: B, denySeverities: [critical], requireSignature: [{registries: [internal], identities: [{issuer: "https://token.actions.githubusercontent.com", subject: "https://github.com/corp/.*"}]}]}',
  ].join('\n'), '/p.yaml');
  assert.equal(doc.registries?.length, 3);
  assert.equal(doc.trust?.requireSignature?.[0].identities?.[0].issuer, 'https://token.actions.githubusercontent.com');
});

test('policy file: missing and unreadable files have their own codes', { skip: process.getuid?.() === 0 ? 'root reads any file' : false }, () => {
  const dir = testdir({ 'p.yaml': 'version: 1\n' });
  assert.throws(() => readPolicyFile(join(dir, 'nope.yaml')), { code: 'POLICY_MISSING' });
  chmodSync(join(dir, 'p.yaml'), 0o000);
  assert.throws(() => readPolicyFile(join(dir, 'p.yaml')), { code: 'POLICY_UNREADABLE' });
});

test('policy file: a directory where the file should be is unreadable, a huge file is refused', () => {
  const dir = testdir({ 'd.yaml/x': '', 'big.yaml': `# ${'x'.repeat(2 * 1024 * 1024)}\n` });
  assert.throws(() => readPolicyFile(join(dir, 'd.yaml')), { code: 'POLICY_UNREADABLE' });
  assert.throws(() => readPolicyFile(join(dir, 'big.yaml')), { code: 'POLICY_TOO_LARGE' });
});
