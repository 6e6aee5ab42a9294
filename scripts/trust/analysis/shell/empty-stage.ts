import type { StageInfo } from './pipeline-effects.ts';

/** A stage that did nothing yet. */
export function emptyStage(): StageInfo {
  return { calls: [], fetches: false, decodes: false, secret: false, runner: null, output: null };
}

/** Fold what `b` did into `a` (in source order: b's output wins) and return `a`. */
export function mergeStage(a: StageInfo, b: StageInfo): StageInfo {
  a.calls.push(...b.calls);
  a.fetches ||= b.fetches;
  a.decodes ||= b.decodes;
  a.secret ||= b.secret;
  a.runner ??= b.runner;
  a.output = b.output ?? a.output;
  return a;
}
