import{createRequire as __mpCreateRequire}from'node:module';const require=__mpCreateRequire(import.meta.url);
import{b as d}from"./chunk-WNQHKK76.js";import{d as c}from"./chunk-DEG2HT7C.js";import"./chunk-MBMWCZCS.js";import"./chunk-2Z3NBX32.js";import"./chunk-EKD4E7PW.js";import"./chunk-AXM6BLIT.js";import"./chunk-3YXGYN27.js";import"./chunk-55EGQFMW.js";import"./chunk-SSNSV5BP.js";import"./chunk-ZPZFVREW.js";import"./chunk-NHEIMJ4Q.js";import"./chunk-GHL4C3S6.js";import"./chunk-GPLD2QLI.js";import{a as l}from"./chunk-ZUXKV5EL.js";import"./chunk-FH2467AJ.js";import"./chunk-53ZFW3EM.js";import"./chunk-NYOBW5T7.js";import"./chunk-CYKIYXRC.js";import"./chunk-I47NRXV5.js";import"./chunk-EJM3WDTE.js";import"./chunk-VOMPTKXR.js";import"./chunk-VWC5337Y.js";import"./chunk-FNQDLNIQ.js";import"./chunk-E6DRQYWL.js";import{a as s}from"./chunk-NPXHAIP4.js";import{a}from"./chunk-WGOM3HCB.js";import"./chunk-FSLSQAXV.js";var i="usage: mp lock [--project <dir>] [--json]",m=`${i}

Record in plugin-lock.json (at the project root) every plugin the project enables in
.claude/settings.json or .claude/settings.local.json, as Claude Code installed it: version, registry,
source and resolved git commit, declared dependencies with their ranges and resolved versions, and the
mp1 integrity of the installed tree (with its per-file manifest, so that mp verify can name files),
the signer when the tree's signature verifies under the policy (trust.requireSignature keys and
identities), and the trust grade, score and findings (as mp trust computes them) of a new or changed
tree; an unchanged tree keeps its recorded grade.

The file is written atomically with a stable key order, under a lock (plugin-lock.json.lock) so that
concurrent runs lose no entry. Plugins the project no longer enables are dropped; an enabled plugin
that is not installed keeps its previous entry and is reported.

Exit 0 when every enabled plugin is locked, 1 when some could not be (not installed, or a tree mp
refuses: a symlink out of the tree, a FIFO, \u2026), 2 when mp could not run.`;async function p(t){let{values:r,positionals:u}=l(t.argv.filter(e=>e!==""),{json:{type:"boolean"},project:{type:"string"}},i);if(u.length)throw new a("USAGE",`mp lock takes no arguments
${i}`,{hint:"mp lock records every plugin the project enables"});let g=c(t.cwd,t.env,r.project),n=await d({env:t.env,projectDir:g,prune:!0}),o=n.problems.length===0;if(r.json)t.stdout(JSON.stringify({ok:o,lockPath:n.lockPath,changed:n.changed,plugins:n.lock.plugins.map(e=>({id:e.id,version:e.version,scope:e.scope,integrity:e.integrity,...e.source.commit?{commit:e.source.commit}:{},...e.grade?{grade:e.grade,score:e.score}:{},...e.signer?{signer:e.signer}:{},...n.installPaths[e.id]?{installPath:n.installPaths[e.id]}:{}})),problems:n.problems},null,2)+`
`);else{t.stdout(`${o?"\u2714":"\u2718"} ${n.lock.plugins.length} plugin${n.lock.plugins.length===1?"":"s"} in ${n.lockPath} (${n.changed?"updated":"unchanged"})
`);for(let e of n.lock.plugins)t.stdout(`  ${e.id} ${e.version} (${e.scope}) ${e.integrity}${h(e)}
`);for(let e of n.problems)t.stdout(`  \u2718 ${e.id}: [${e.code}] ${e.message}${e.hint?`
    hint: ${e.hint}`:""}
`)}return o?s.OK:s.FAILED}function h(t){let r=[...t.grade?[`grade ${t.grade}${t.score!==void 0?` (${t.score})`:""}`]:[],...t.signer?[`signed by ${t.signer.key??`${t.signer.subject} (${t.signer.issuer})`}`]:[]];return r.length?` \u2014 ${r.join(", ")}`:""}var f={summary:"Record what the project enables and Claude Code installed in plugin-lock.json",help:m,run:p},b=f;export{b as default};
