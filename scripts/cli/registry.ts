import type { CommandModule } from './command.ts';

/**
 * Every `mp` command, imported only when it runs so that start-up never pays for the others.
 * Add a line here and a file in ./commands/ to add a command.
 */
export const COMMANDS: Record<string, { summary: string; load: () => Promise<{ default: CommandModule }> }> = {
  validate: { summary: 'Validate a plugin or marketplace (a drop-in for `claude plugin validate`)', load: () => import('./commands/validate.ts') },
  sign: { summary: 'Sign a plugin tree with a Sigstore bundle (local key, or keyless in CI)', load: () => import('./commands/sign.ts') },
  keygen: { summary: 'Generate a signing key pair for mp sign --key', load: () => import('./commands/keygen.ts') },
  verify: { summary: 'Verify plugin signatures (and, in a project, the lockfile)', load: () => import('./commands/verify.ts') },
  lock: { summary: 'Record what the project enables and Claude Code installed in plugin-lock.json', load: () => import('./commands/lock.ts') },
  install: { summary: 'Install plugins through Claude Code and lock them (--frozen: exactly as locked)', load: () => import('./commands/install.ts') },
  policy: { summary: 'Check the project against the plugin policy, or explain a decision', load: () => import('./commands/policy.ts') },
  registry: { summary: "Manage the policy's registries (list, add, remove, update)", load: () => import('./commands/registry.ts') },
  search: { summary: 'Search plugins across all registries (ranked, typo-tolerant, with filters)', load: () => import('./commands/search.ts') },
  trust: { summary: 'Grade a plugin A–F (signature, reputation, static analysis, community, freshness)', load: () => import('./commands/trust.ts') },
  scan: { summary: 'Static analysis of a plugin (findings only; text, --json or --sarif)', load: () => import('./commands/scan.ts') },
};
