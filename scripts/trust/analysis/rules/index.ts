import type { Rule } from '../analysis-model.ts';
import { fetchPipeExec } from './h1-fetch-pipe-exec.ts';
import { remoteEval } from './h2-remote-eval.ts';
import { autoApprove } from './h3-auto-approve.ts';
import { persistence } from './h4-persistence.ts';
import { secretRead } from './h5-secret-read.ts';
import { networkSink } from './h6-network-sink.ts';
import { broadMatcher } from './h7-broad-matcher.ts';
import { contextInjection } from './h8-context-injection.ts';
import { outsideRoot } from './h9-outside-root.ts';
import { obfuscation } from './h10-obfuscation.ts';
import { privilegeDestruction } from './h11-privilege-destruction.ts';
import { detach } from './h12-detach.ts';
import { dynamicCode } from './h13-dynamic-code.ts';
import { unpinnedMcp } from './m1-unpinned-mcp.ts';
import { remoteMcp } from './m2-remote-mcp.ts';
import { toolPoisoning } from './m3-tool-poisoning.ts';
import { broadTools } from './s1-broad-tools.ts';
import { preExecution } from './s2-pre-execution.ts';
import { installScripts } from './p1-install-scripts.ts';
import { binaries } from './p2-binaries.ts';

/** Every static-analysis rule, in the order of the anchors table (anchors.md §3). */
export const RULES: readonly Rule[] = [
  fetchPipeExec, remoteEval, autoApprove, persistence, secretRead, networkSink, broadMatcher, contextInjection, outsideRoot, obfuscation,
  privilegeDestruction, detach, dynamicCode, unpinnedMcp, remoteMcp, toolPoisoning, broadTools, preExecution, installScripts, binaries,
];
