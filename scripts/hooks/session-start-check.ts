import { realpathSync } from 'node:fs';
import { isMpError } from '../core/errors.ts';
import { driftMessage } from '../lock/drift-message.ts';
import { quickVerify } from '../io/quick-verify.ts';

export interface SessionStartOutput {
  hookSpecificOutput: { hookEventName: 'SessionStart'; additionalContext: string };
  systemMessage: string;
}

/** The heavy half of the SessionStart hook: the quick verify, and what to say (null: nothing to say). */
export function sessionStartOutput(env: Record<string, string | undefined>, projectDir: string): SessionStartOutput | null {
  try {
    const r = quickVerify({ env, projectDir: realpathSync(projectDir) });
    if (r.verification.drift.length === 0) return null;
    const m = driftMessage(r.verification.drift, r.lockPath);
    return { hookSpecificOutput: { hookEventName: 'SessionStart', additionalContext: m.additionalContext }, systemMessage: m.systemMessage };
  } catch (e) {
    if (!isMpError(e)) throw e;
    const text = `marketplace-pro could not verify the project's plugins against plugin-lock.json: [${e.code}] ${e.message}${e.hint ? ` (${e.hint})` : ''}`;
    return { hookSpecificOutput: { hookEventName: 'SessionStart', additionalContext: text }, systemMessage: `⚠ ${text}` };
  }
}
