import{createRequire as __mpCreateRequire}from'node:module';const require=__mpCreateRequire(import.meta.url);
import{a as y,c as f}from"./chunk-E3DVAJLZ.js";import{d as c,e as u}from"./chunk-3YXGYN27.js";import{d}from"./chunk-55EGQFMW.js";import"./chunk-SSNSV5BP.js";import"./chunk-ZPZFVREW.js";import{f as m}from"./chunk-NHEIMJ4Q.js";import"./chunk-GHL4C3S6.js";import"./chunk-FH2467AJ.js";import"./chunk-53ZFW3EM.js";import"./chunk-NYOBW5T7.js";import"./chunk-I47NRXV5.js";import"./chunk-EJM3WDTE.js";import{a as p}from"./chunk-VOMPTKXR.js";import"./chunk-VWC5337Y.js";import"./chunk-FNQDLNIQ.js";import"./chunk-E6DRQYWL.js";import{a as s}from"./chunk-NPXHAIP4.js";import{a as l}from"./chunk-WGOM3HCB.js";import"./chunk-FSLSQAXV.js";import{resolve as w}from"node:path";import{parseArgs as v}from"node:util";import{pathToFileURL as S}from"node:url";var A=`mp trust <plugin-dir|name@marketplace> [--json | --sarif] [--policy <file>] [--trusted-key <pem>]\u2026 [--no-history]

Grade a plugin A\u2013F: Overall = 0.25\xB7Signed + 0.20\xB7Reputation + 0.25\xB7CodeAnalysis + 0.15\xB7Community
+ 0.15\xB7Freshness (each 0\u2013100, with evidence). A critical static-analysis finding caps the grade at F.
Prints the five parts, every finding with file:line and a fix, and what would raise the grade.

  --json               the full report (grade, score, parts, findings, notes, improvements, policy)
  --sarif              the findings as SARIF 2.1.0 (for code scanning)
  --policy <file>      use this policy file as the org policy (default: MP_ORG_POLICY, managed
                       settings, and the project's .claude/policies/plugins.yaml)
  --trusted-key <pem>  also accept signatures by this public key (repeatable)
  --no-history         do not read git history (freshness and activity become "unknown")

A plugin id (name@marketplace) is graded from its installed copy, else from the marketplace checkout.
exit codes: 0 graded and the policy's trust rules (minGrade, requireSignature, denySeverities) pass \xB7
1 the policy's trust rules are violated \xB7 2 could not run`;async function P(e){let{values:t,positionals:n}=v({args:e.argv,options:{json:{type:"boolean"},sarif:{type:"boolean"},policy:{type:"string"},"trusted-key":{type:"string",multiple:!0},"no-history":{type:"boolean"}},allowPositionals:!0,strict:!1}),g=["--json","--sarif","--policy","--trusted-key","--no-history"],i=e.argv.filter(o=>o.startsWith("--")&&!g.includes(o.split("=")[0]));if(n.length!==1||i.length||t.json&&t.sarif)throw new l("USAGE",`usage: mp trust <plugin-dir|name@marketplace> [--json | --sarif]${i.length?` (unknown option ${i[0]})`:""}`,{hint:"see mp trust --help"});let a=u(String(n[0]),e.cwd,e.env),{policy:h}=m({cwd:e.cwd,env:e.env,...typeof t.policy=="string"?{orgPolicy:t.policy}:{}}),k=(t["trusted-key"]??[]).map(o=>p(w(e.cwd,o))),{report:r}=await c(a,{policy:h,now:Date.now(),clock:()=>performance.now(),extraKeys:k,...t["no-history"]?{noHistory:"history not read (--no-history)"}:{}});return t.sarif?e.stdout(JSON.stringify(f(r.findings,d,{version:"0.1.0",rootUri:S(`${a.dir}/`).href}),null,2)+`
`):t.json?e.stdout(JSON.stringify({ok:r.policy.ok,...r},null,2)+`
`):e.stdout(y(r)),r.policy.ok?s.OK:s.FAILED}var b={summary:"Grade a plugin A\u2013F (signature, reputation, static analysis, community, freshness)",help:A,run:P},U=b;export{U as default};
