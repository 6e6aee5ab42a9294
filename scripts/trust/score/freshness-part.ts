import type { Part } from '../types.ts';
import type { GitHistory } from './inputs.ts';

const DAY = 86_400_000;
export const FRESH_DAYS = 30;
export const STALE_DAYS = 730;
export const UNKNOWN_FRESHNESS = 50;

/**
 * Freshness (15 %) from the age of the last commit or release: 100 up to 30 days, then linear down to 0 at
 * 730 days (two years): 100 · (730 − age) / 700. Without any date the part is "unknown" and scores the
 * neutral 50 (it can neither reward nor punish what it cannot see). A date in the future (clock skew or
 * a forged committer date) is not trusted: also 50.
 */
export function freshnessPart(history: GitHistory | null, releasedAt: string | undefined, now: number, historyNote?: string): Part {
  const dates = [history?.commits[0]?.date, releasedAt].map((d) => (d ? Date.parse(d) : NaN)).filter((t) => Number.isFinite(t));
  if (dates.length === 0) return { score: UNKNOWN_FRESHNESS, evidence: [`unknown: last commit or release could not be computed (${historyNote ?? 'no git history and no release date'}); neutral ${UNKNOWN_FRESHNESS}`] };
  const last = Math.max(...dates);
  const age = (now - last) / DAY;
  const when = new Date(last).toISOString().slice(0, 10);
  if (age < -1) return { score: UNKNOWN_FRESHNESS, evidence: [`last commit/release date ${when} is in the future (clock skew or forged); neutral ${UNKNOWN_FRESHNESS}`] };
  return { score: freshnessScore(age), evidence: [`last commit or release ${when}, ${Math.max(0, Math.floor(age))} days ago (100 up to ${FRESH_DAYS} days, 0 at ${STALE_DAYS})`] };
}

/** The decay curve, exported for the documentation table and tests. */
export function freshnessScore(ageDays: number): number {
  if (ageDays <= FRESH_DAYS) return 100;
  if (ageDays >= STALE_DAYS) return 0;
  return Math.round((100 * (STALE_DAYS - ageDays)) / (STALE_DAYS - FRESH_DAYS));
}
