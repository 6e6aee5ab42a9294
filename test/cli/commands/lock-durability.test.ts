// Durability of plugin-lock.json: `mp lock` (the built dist bundle) SIGKILLed at random moments never
// leaves a file that is not exactly the old or the new one; concurrent `mp lock` runs, while plugins
// are being installed, lose no entry.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseLock } from '../../../scripts/lock/parse-lock.ts';
import { serializeLock } from '../../../scripts/lock/serialize-lock.ts';
import { REPO } from '../../helpers/claude.ts';
import { envFor, mustOk, projectFixture, type Fixture } from '../../lock/project-fixture.ts';

let fx: Fixture;
before(() => {
  fx = projectFixture(['extra1', 'extra2', 'extra3', 'extra4']);
  mustOk(fx.claude(['plugin', 'marketplace', 'add', fx.registry]), 'marketplace add');
  for (const p of ['hello', 'solo']) mustOk(fx.claude(['plugin', 'install', `${p}@acme`, '--scope', 'project']), `install ${p}`);
});
after(() => fx?.cleanup());

/** Start the dist bundle; resolves with its exit code (or signal) and the ms it ran. */
function startMp(args: string[], killAfterMs?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number; stdout: string }> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [join(REPO, 'dist/mp.js'), ...args], { cwd: fx.project, env: envFor(fx.home), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  child.stdout.on('data', (d: Buffer) => { stdout += d; });
  const timer = killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
  return new Promise((resolve) => child.on('close', (code, signal) => {
    clearTimeout(timer);
    resolve({ code, signal, ms: performance.now() - t0, stdout });
  }));
}

test('SIGKILL at random moments leaves either the old or the new plugin-lock.json, never anything else', async (t) => {
  const lockPath = join(fx.project, 'plugin-lock.json');
  const full = await startMp(['lock']);
  assert.equal(full.code, 0, full.stdout);
  const NEW = readFileSync(lockPath, 'utf8');
  const parsed = parseLock(NEW);
  assert.ok(parsed.ok);
  // The old file: a valid lock from before solo was installed, with an older hello.
  const OLD = serializeLock({ lockfileVersion: 1, plugins: parsed.lock.plugins.filter((p) => p.id !== 'solo@acme').map((p) => ({ ...p, version: `${p.version}-old` })) });
  assert.notEqual(OLD, NEW);
  // The slowest of a few full runs: kills are spread evenly over [0, 2 × that], so that some land
  // before the rename and some after it, whatever the machine's load.
  let runMs = full.ms;
  for (let k = 0; k < 3; k++) runMs = Math.max(runMs, (await startMp(['lock'])).ms);
  const iterations = Number(process.env.MP_KILL_ITERATIONS ?? 40);
  const outcome = { old: 0, new: 0, completed: 0 };
  for (let i = 0; i < iterations; i++) {
    writeFileSync(lockPath, OLD);
    const delay = ((i + Math.random()) / iterations) * runMs * 2;
    const r = await startMp(['lock'], delay);
    if (r.signal === null) outcome.completed++;
    const now = readFileSync(lockPath, 'utf8');
    assert.ok(now === OLD || now === NEW, `iteration ${i} (killed after ${delay.toFixed(0)} ms): plugin-lock.json is neither the old nor the new file:\n${now.slice(0, 500)}`);
    assert.ok(parseLock(now).ok, `iteration ${i}: it parses`);
    if (now === OLD) outcome.old++;
    else outcome.new++;
  }
  t.diagnostic(`the slowest full mp lock took ${runMs.toFixed(0)} ms; ${iterations} kills: ${JSON.stringify(outcome)}`);
  assert.ok(outcome.old > 0 && outcome.new > 0, `kills should land both before and after the rename: ${JSON.stringify(outcome)}`);
  // Whatever the killed runs left (a mutex file, a temp file), the next run recovers and cleans up.
  writeFileSync(lockPath, OLD);
  const last = await startMp(['lock']);
  assert.equal(last.code, 0, last.stdout);
  assert.equal(readFileSync(lockPath, 'utf8'), NEW);
  assert.deepEqual(readdirSync(fx.project).filter((n) => n.includes('plugin-lock')), ['plugin-lock.json']);
});

test('concurrent mp lock runs, while other plugins are being installed, lose no entry', async (t) => {
  const lockPath = join(fx.project, 'plugin-lock.json');
  // Two concurrent "install then lock" chains, plus a bare mp lock racing with them.
  const chain = async (plugins: string[]) => {
    for (const p of plugins) {
      const installed = await new Promise<number | null>((resolve) => {
        const c = spawn(process.execPath, [join(REPO, 'dist/mp.js'), 'install', `${p}@acme`, '--json'], { cwd: fx.project, env: envFor(fx.home), stdio: 'ignore' });
        c.on('close', resolve);
      });
      assert.equal(installed, 0, `mp install ${p}`);
    }
  };
  const racing = async () => {
    const codes: Array<number | null> = [];
    for (let i = 0; i < 6; i++) codes.push((await startMp(['lock', '--json'])).code);
    return codes;
  };
  const [, , raceCodes] = await Promise.all([chain(['extra1', 'extra3']), chain(['extra2', 'extra4']), racing()]);
  t.diagnostic(`racing mp lock exit codes: ${raceCodes.join(',')} (1 = saw a plugin enabled before Claude finished installing it)`);
  assert.ok(raceCodes.every((c) => c === 0 || c === 1));
  const final = parseLock(readFileSync(lockPath, 'utf8'));
  assert.ok(final.ok);
  assert.deepEqual(final.lock.plugins.map((p) => p.id), ['extra1@acme', 'extra2@acme', 'extra3@acme', 'extra4@acme', 'hello@acme', 'lib@acme', 'solo@acme']);
  assert.equal((await startMp(['verify'])).code, 0);
});
