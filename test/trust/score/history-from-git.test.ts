// Community and freshness from a real git repository made in the test (fixed dates, three authors).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readGitHistory } from '../../../scripts/io/git-history.ts';
import { communityPart } from '../../../scripts/trust/score/community-part.ts';
import { freshnessPart } from '../../../scripts/trust/score/freshness-part.ts';
import { testdir } from '../../helpers/testdir.ts';
import { DAY, NOW } from './score-helpers.ts';

function git(cwd: string, args: string[], env: Record<string, string> = {}): void {
  execFileSync('git', args, { cwd, env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', ...env }, stdio: 'ignore', timeout: 20_000 });
}

function repo(): string {
  const root = testdir({ 'README.md': '# r\n' });
  git(root, ['init', '-q', '-b', 'main']);
  mkdirSync(join(root, 'plugin'), { recursive: true });
  // 14 commits to plugin/ over the last 40 days by three authors, one older commit elsewhere.
  for (let i = 0; i < 14; i++) {
    writeFileSync(join(root, 'plugin', `f${i}.txt`), String(i));
    const when = new Date(NOW - (40 - i * 3) * DAY).toISOString();
    const who = ['ann', 'bob', 'cy'][i % 3];
    git(root, ['add', '.']);
    git(root, ['-c', `user.name=${who}`, '-c', `user.email=${who}@example.com`, 'commit', '-q', '-m', `c${i}`], { GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when });
  }
  writeFileSync(join(root, 'other.txt'), 'x');
  git(root, ['add', '.']);
  git(root, ['-c', 'user.name=zed', '-c', 'user.email=zed@example.com', 'commit', '-q', '-m', 'other'], { GIT_AUTHOR_DATE: new Date(NOW - DAY).toISOString(), GIT_COMMITTER_DATE: new Date(NOW - DAY).toISOString() });
  return root;
}

test('git history of the plugin directory only, newest first, with author emails', () => {
  const root = repo();
  const h = readGitHistory(join(root, 'plugin'));
  assert.ok(h.ok);
  assert.equal(h.history.commits.length, 14, 'commits outside the directory do not count');
  assert.deepEqual(new Set(h.history.commits.map((c) => c.email)), new Set(['ann@example.com', 'bob@example.com', 'cy@example.com']));
  assert.ok(Date.parse(h.history.commits[0].date) > Date.parse(h.history.commits[13].date));
});

test('community and freshness from that history with a fixed clock', () => {
  const root = repo();
  const h = readGitHistory(join(root, 'plugin'));
  assert.ok(h.ok);
  const manifest = { name: 'p', repository: 'https://github.com/ann/p', homepage: 'https://p.example', license: 'MIT' };
  const c = communityPart(h.history, manifest, { licenseFile: true, readme: true }, NOW);
  // 3 contributors → 25; 14 commits in 90 days → 25; license 20; README, repository, homepage 30.
  assert.equal(c.score, 100);
  assert.match(c.evidence[0], /contributors: 3 among the last 14 commits/);
  const f = freshnessPart(h.history, undefined, NOW);
  // The newest plugin commit is 40 − 13·3 = 1 day old.
  assert.equal(f.score, 100);
  const later = freshnessPart(h.history, undefined, NOW + 364 * DAY);
  assert.equal(later.score, Math.round((100 * (730 - 365)) / 700));
});

test('no repository, or no commits touching the directory: a reason, never an exception', () => {
  const plain = testdir({ 'a.txt': 'x' });
  const r = readGitHistory(plain);
  assert.equal(r.ok, false);
  if (!r.ok) assert.match(r.reason, /not in a git repository|git log failed/);
  const root = repo();
  mkdirSync(join(root, 'empty'));
  writeFileSync(join(root, 'empty', '.keep'), '');
  const none = readGitHistory(join(root, 'empty'));
  assert.equal(none.ok, false);
});
