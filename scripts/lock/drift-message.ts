import { formatDrift } from './format-drift.ts';
import type { PluginDrift } from './verify-lock.ts';

/**
 * What the SessionStart hook says when installed plugins drifted from plugin-lock.json: a one-line
 * systemMessage for the user, and additionalContext for Claude naming the plugins and files (capped,
 * so that a huge tampering never floods the context).
 */
export function driftMessage(drift: readonly PluginDrift[], lockPath: string): { systemMessage: string; additionalContext: string } {
  const n = drift.length;
  const names = drift.slice(0, 5).map((d) => `${d.id} (${d.kind})`).join(', ') + (n > 5 ? `, and ${n - 5} more` : '');
  const lines = formatDrift(drift.slice(0, 20), { maxFiles: 10, indent: '  ' });
  let context = [
    `marketplace-pro: the Claude Code plugins installed for this project do not match ${lockPath} (${n} plugin${n === 1 ? '' : 's'}):`,
    ...lines,
    ...(n > 20 ? [`… and ${n - 20} more plugins`] : []),
    'Their code may have been changed since it was locked. Tell the user before relying on these plugins;',
    'details: `mp verify` (or /mp:verify); restore the locked trees: `mp install --frozen`; accept the current state: `mp lock`.',
  ].join('\n');
  if (context.length > 6000) context = `${context.slice(0, 6000)}\n… (truncated; run mp verify for the full report)`;
  return { systemMessage: `⚠ marketplace-pro: ${n} plugin${n === 1 ? '' : 's'} drifted from plugin-lock.json: ${names}. Run /mp:verify for details.`, additionalContext: context };
}
