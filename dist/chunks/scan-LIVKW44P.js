import{createRequire as __mpCreateRequire}from'node:module';const require=__mpCreateRequire(import.meta.url);
import{b as u,c as h}from"./chunk-E3DVAJLZ.js";import{b as e,d as c,e as g,f as p}from"./chunk-55EGQFMW.js";import"./chunk-FH2467AJ.js";import"./chunk-53ZFW3EM.js";import"./chunk-FNQDLNIQ.js";import{a as l}from"./chunk-NPXHAIP4.js";import{a as f}from"./chunk-WGOM3HCB.js";import"./chunk-FSLSQAXV.js";import{existsSync as j,statSync as w}from"node:fs";import{resolve as v}from"node:path";import{parseArgs as E}from"node:util";import{pathToFileURL as O}from"node:url";var x=`mp scan <plugin-dir> [--json | --sarif] [--fail-on critical|high|medium|low|none]

Static analysis only (no grade): everything the plugin would execute or inject \u2014 hook commands and the
scripts they call, .mcp.json/.lsp.json servers, bin/, scripts, package.json scripts, the ! shell
injections and allowed-tools of commands and skills, and the text the model reads (prompt injection,
hidden Unicode). Rules H1\u2013H13, M1\u2013M3, S1\u2013S2, P1\u2013P2 (skills/trust/references/rules.md).

  --json      findings, notes (what could not be analysed) and counts
  --sarif     SARIF 2.1.0
  --fail-on   exit 1 when a finding is at least this severe (default: high)
exit codes: 0 no finding at or above --fail-on \xB7 1 some \xB7 2 could not run`;async function $(o){let{values:t,positionals:r}=E({args:o.argv,options:{json:{type:"boolean"},sarif:{type:"boolean"},"fail-on":{type:"string"}},allowPositionals:!0,strict:!1}),a=typeof t["fail-on"]=="string"?t["fail-on"]:"high",y=o.argv.filter(n=>n.startsWith("--")&&!["--json","--sarif","--fail-on"].includes(n.split("=")[0]));if(r.length!==1||y.length||!["none",...e].includes(a)||t.json&&t.sarif)throw new f("USAGE","usage: mp scan <plugin-dir> [--json | --sarif] [--fail-on critical|high|medium|low|none]",{hint:"see mp scan --help"});let s=v(o.cwd,String(r[0]));if(!j(s)||!w(s).isDirectory())throw new f("SCAN_TARGET_NOT_DIR",`${r[0]} is not a directory`,{hint:"pass a plugin directory"});let i=await g(p(s),{clock:()=>performance.now()}),m=Object.fromEntries(e.map(n=>[n,i.findings.filter(S=>S.severity===n).length])),d=a==="none"?[]:i.findings.filter(n=>e.indexOf(n.severity)<=e.indexOf(a));if(t.sarif)o.stdout(JSON.stringify(h(i.findings,c,{version:"0.1.0",rootUri:O(`${s}/`).href}),null,2)+`
`);else if(t.json)o.stdout(JSON.stringify({ok:d.length===0,dir:s,counts:m,findings:i.findings,notes:i.notes,stats:i.stats},null,2)+`
`);else{o.stdout(`${s}: ${i.findings.length} finding(s) \u2014 ${e.map(n=>`${m[n]} ${n}`).join(", ")}
`),o.stdout(u(i.findings,200).join(`
`)+(i.findings.length?`
`:""));for(let n of i.notes.slice(0,20))o.stdout(`note [${n.code}] ${n.message}
`)}return d.length?l.FAILED:l.OK}var I={summary:"Static analysis of a plugin (findings only; text, --json or --sarif)",help:x,run:$},L=I;export{L as default};
