/** The contract between the dispatcher (mp.ts) and each command module in ./commands/. */
export interface CommandIO {
  argv: string[];
  cwd: string;
  env: Record<string, string | undefined>;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export interface CommandModule {
  /** One line for `mp --help`. */
  summary: string;
  /** Full text for `mp <command> --help`. */
  help: string;
  /** Returns the exit code (see core/exit-codes.ts). Throws MpError for "could not run". */
  run(io: CommandIO): Promise<number>;
}
