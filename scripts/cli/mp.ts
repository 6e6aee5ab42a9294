#!/usr/bin/env node
// Entry point of the `mp` CLI (bundled to dist/mp.js). It only wires the process to main().
import { main } from './main.ts';

const code = await main(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
});
process.exitCode = code;
