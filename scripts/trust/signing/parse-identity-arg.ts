import { MpError } from '../../core/errors.ts';

/**
 * `--identity '<issuer>=<subject regex>'`. The issuer is split off at the FIRST '=' (OIDC issuer URLs
 * contain none; a subject regex may). The regex is checked here so a typo is a usage error, not a
 * silent "untrusted identity" later.
 */
export function parseIdentityArg(arg: string): { issuer: string; subject: string } {
  const at = arg.indexOf('=');
  const issuer = at > 0 ? arg.slice(0, at) : '';
  const subject = at > 0 ? arg.slice(at + 1) : '';
  if (!issuer || !subject) {
    throw new MpError('USAGE', `could not read --identity ${JSON.stringify(arg.slice(0, 120))} — expected <issuer>=<subject regex>`, {
      hint: "e.g. --identity 'https://token.actions.githubusercontent.com=https://github.com/acme/plugins/.*'",
    });
  }
  try {
    new RegExp(subject, 'u');
  } catch {
    throw new MpError('USAGE', `could not read --identity — ${JSON.stringify(subject.slice(0, 120))} is not a valid regular expression`, { hint: 'escape special characters such as . with \\.' });
  }
  return { issuer, subject };
}
