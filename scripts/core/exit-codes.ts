/**
 * Exit codes, the same for every `mp` command (and for `mp validate`, the same as `claude plugin validate`).
 *  0  success: the check passed (warnings allowed unless a --strict flag says otherwise)
 *  1  the check failed: validation errors, drift, a policy denial, a failed signature
 *  2  the command could not run: bad usage, unreadable input, unreachable registry, internal error
 */
export const EXIT = { OK: 0, FAILED: 1, ERROR: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
