/**
 * Every error `mp` raises on purpose carries a stable `code` (tests assert the code, never the
 * message) and a `hint` telling the user what to do next. Printed as
 *   error [CODE]: message
 *   hint: what to do
 */
export class MpError<Code extends string = string> extends Error {
  readonly code: Code;
  readonly hint?: string;
  readonly exitCode: number;
  constructor(code: Code, message: string, opts: { hint?: string; exitCode?: number; cause?: unknown } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'MpError';
    this.code = code;
    this.hint = opts.hint;
    this.exitCode = opts.exitCode ?? 2;
  }
  toJSON(): { code: Code; message: string; hint?: string } {
    return { code: this.code, message: this.message, ...(this.hint ? { hint: this.hint } : {}) };
  }
}

export function isMpError(e: unknown): e is MpError {
  return e instanceof MpError;
}

/** Format for humans: `error [CODE]: message` then `hint: …`. */
export function formatError(e: MpError): string {
  return `error [${e.code}]: ${e.message}` + (e.hint ? `\nhint: ${e.hint}` : '');
}

/** Shorten echoed input so a hostile 10 MB value never floods a terminal or a hook reason. */
export function truncate(s: string, max = 120): string {
  return s.length <= max ? s : `${s.slice(0, max)}… (${s.length - max} more chars)`;
}
