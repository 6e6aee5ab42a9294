import type { Grade } from '../types.ts';

/** A 90–100, B 80–89, C 60–79, D 40–59, F 0–39 (on the score with two decimals: 89.99 is B). */
export function gradeFromScore(score: number): Grade {
  if (score >= 90) return 'A';
  if (score >= 80) return 'B';
  if (score >= 60) return 'C';
  if (score >= 40) return 'D';
  return 'F';
}

export const GRADE_ORDER: readonly Grade[] = ['A', 'B', 'C', 'D', 'F'];
