import type { ShNode } from 'mvdan-sh';
import { callEffects, type ShCall, type ShRedir } from './call-effects.ts';
import { baseName, FETCHERS, interpreterCall, SOCKET_TOOLS, unwrapIndex } from './commands.ts';
import { emptyStage } from './empty-stage.ts';
import { isDecoder } from './is-decoder.ts';
import type { StageInfo } from './pipeline-effects.ts';
import { stageOutput } from './static-output.ts';
import type { ShellWalker } from './walker.ts';
import { IFS_MARK, type WordVal } from './word.ts';

/**
 * One simple command: assignments, aliases, `find -exec`, wrappers (`sudo`, `env`, `nohup`…) peeled off,
 * then its effects and the stage facts a pipeline needs (fetches, decodes, runs stdin, prints what).
 */
export function walkCall(walker: ShellWalker, cmd: ShNode, redirs: ShRedir[], input: string | null): StageInfo {
  const line = cmd.Pos().Line();
  const assigns: ShNode[] = cmd.Assigns ?? [];
  const words: WordVal[] = (cmd.Args ?? []).flatMap((w: ShNode) => splitIfs(walker.word(w)));
  if (words.length === 0) {
    for (const a of assigns) if (a.Name) walker.assign(String(a.Name.Value), a.Value ? walker.word(a.Value) : blank());
    walker.redirectWrites(redirs, emptyStage());
    return emptyStage();
  }
  for (const a of assigns) if (a.Value) walker.word(a.Value);
  if (words[0]?.static && walker.aliases.has(words[0].text)) words.splice(0, 1, ...walker.aliases.get(words[0].text)!);
  if (words[0]?.text === 'alias') {
    for (const w of words.slice(1)) {
      const m = /^([\w.-]+)=(.*)$/s.exec(w.text);
      if (m) walker.aliases.set(m[1], m[2].split(/\s+/).filter(Boolean).map((t) => ({ ...w, text: t })));
    }
  }
  // find … -exec cmd {} ; runs cmd: analyse it as a call of its own.
  const exec = words.findIndex((w) => w.text === '-exec' || w.text === '-execdir' || w.text === '-ok');
  if (baseName(words[0]?.text ?? '') === 'find' && exec > 0 && exec + 1 < words.length) {
    const end = words.findIndex((w, i) => i > exec && (w.text === ';' || w.text === '+'));
    const inner = words.slice(exec + 1, end < 0 ? words.length : end);
    const innerCall: ShCall = { words: inner, argv: inner.map((w) => w.text), name: baseName(inner[0].text), line, redirs: [], wrappers: [], node: cmd };
    callEffects(walker, innerCall, emptyStage());
  }
  const wrappers: string[] = [];
  let start = 0;
  for (let guard = 0; guard < 8; guard++) {
    const i = unwrapIndex(words.slice(start).map((w) => w.text));
    if (i === null || i <= 0 || start + i >= words.length) break;
    wrappers.push(baseName(words[start].text));
    start += i;
  }
  const call: ShCall = { words: words.slice(start), argv: words.slice(start).map((w) => w.text), name: baseName(words[start].text), line, redirs, wrappers, node: cmd, allWords: words };
  const info = emptyStage();
  info.calls.push(call);
  if (call.name === 'wait') walker.sawWait = true;
  const before = walker.effects.length;
  callEffects(walker, call, info);
  info.own = walker.effects.slice(before);
  info.fetches = FETCHERS.has(call.name) || SOCKET_TOOLS.has(call.name) || redirs.some((r) => /^\/dev\/(tcp|udp)\//.test(r.target?.text ?? '') && r.op === 56);
  info.decodes = isDecoder(call.argv);
  const ic = interpreterCall(call.name, call.argv.slice(1));
  if (ic?.stdin || ((call.name === 'source' || call.name === '.') && /^(\/dev\/stdin|-|\/proc\/self\/fd\/0)$/.test(call.argv[1] ?? ''))) {
    info.runner = { name: call.name, lang: ic?.lang ?? 'shell' };
  }
  const here = redirs.find((r) => r.op === 63 || r.op === 61 || r.op === 62);
  info.output = stageOutput(call, here ? here.heredocText ?? here.target?.text ?? null : input);
  return info;
}

/** A word holding `${IFS}` is several words once the shell splits it. */
function splitIfs(w: WordVal): WordVal[] {
  if (!w.text.includes(IFS_MARK)) return [w];
  return w.text.split(IFS_MARK).filter(Boolean).map((text) => ({ ...w, text }));
}

function blank(): WordVal {
  return { text: '', static: true, fetched: false, decoded: false, secret: false, stdin: false, procFetch: false, unsafeVarPrefix: false, dynamicSubst: false };
}
