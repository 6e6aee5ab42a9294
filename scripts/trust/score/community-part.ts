import parseSpdx from 'spdx-expression-parse';
import type { Part } from '../types.ts';
import type { FileFacts, GitHistory, ManifestFacts } from './inputs.ts';

const DAY = 86_400_000;

/**
 * Community (15 %), out of 100 points over six signals:
 *  - contributors: distinct author emails among the last 30 commits (1 → 10, 2 → 18, ≥3 → 25 of 25);
 *  - activity: commits in the last 90 days (≥13, about one a week as Scorecard's Maintained, → 25 of 25; linear below);
 *  - license: a LICENSE/COPYING file 10 + a valid SPDX expression in plugin.json/package.json 10;
 *  - README 10 · repository field 10 · homepage field 10.
 * A signal that cannot be computed (no git history, a file set known to be stripped) is left out of the
 * denominator, as Scorecard skips inconclusive checks, and named in the evidence. None computable → 50.
 */
export function communityPart(history: GitHistory | null, manifest: ManifestFacts, files: FileFacts, now: number, historyNote?: string): Part {
  const evidence: string[] = [];
  let got = 0;
  let max = 0;
  const add = (label: string, points: number, of: number): void => {
    got += points;
    max += of;
    evidence.push(`${label} (${points}/${of})`);
  };
  if (history && history.commits.length) {
    const last30 = history.commits.slice(0, 30);
    const people = new Set(last30.map((c) => c.email.toLowerCase())).size;
    add(`contributors: ${people} among the last ${last30.length} commits`, people >= 3 ? 25 : people === 2 ? 18 : people === 1 ? 10 : 0, 25);
    const recent = history.commits.filter((c) => {
      const t = Date.parse(c.date);
      return Number.isFinite(t) && t <= now + DAY && now - t <= 90 * DAY;
    }).length;
    add(`activity: ${recent}${history.commits.length >= 200 && recent === history.commits.length ? '+' : ''} commits in the last 90 days`, Math.min(25, Math.round((25 * recent) / 13)), 25);
  } else {
    evidence.push(`contributors and activity: not computed (${historyNote ?? 'no git history'})`);
  }
  const spdx = manifest.license ? validSpdx(manifest.license) : false;
  if (files.licenseFile === 'unknown') {
    add(`license: ${manifest.license ? `SPDX ${spdx ? 'valid' : 'invalid'} "${manifest.license}"` : 'no license field'}; license file not computed (file set stripped)`, spdx ? 10 : 0, 10);
  } else {
    add(`license: ${files.licenseFile ? 'license file present' : 'no license file'}; ${manifest.license ? `SPDX ${spdx ? 'valid' : 'invalid'} "${manifest.license}"` : 'no license field'}`, (files.licenseFile ? 10 : 0) + (spdx ? 10 : 0), 20);
  }
  if (files.readme === 'unknown') evidence.push('README: not computed (file set stripped)');
  else add(`README ${files.readme ? 'present' : 'missing'}`, files.readme ? 10 : 0, 10);
  add(`repository field ${manifest.repository ? 'present' : 'missing'}`, manifest.repository ? 10 : 0, 10);
  add(`homepage field ${manifest.homepage ? 'present' : 'missing'}`, manifest.homepage ? 10 : 0, 10);
  const score = max === 0 ? 50 : Math.round((100 * got) / max);
  if (max < 100) evidence.push(`scored over the ${max} points that could be computed`);
  return { score, evidence };
}

export function validSpdx(expr: string): boolean {
  if (expr.length > 200) return false;
  try {
    parseSpdx(expr);
    return true;
  } catch {
    return false;
  }
}
