import type { CommandModule } from './command.ts';

/**
 * Every `mp` command, imported only when it runs so that start-up never pays for the others.
 * Add a line here and a file in ./commands/ to add a command.
 */
export const COMMANDS: Record<string, { summary: string; load: () => Promise<{ default: CommandModule }> }> = {
  validate: { summary: 'Validate a plugin or marketplace (a drop-in for `claude plugin validate`)', load: () => import('./commands/validate.ts') },
};
