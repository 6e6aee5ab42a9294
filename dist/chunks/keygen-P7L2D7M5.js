import{createRequire as __mpCreateRequire}from'node:module';const require=__mpCreateRequire(import.meta.url);
import{d as u}from"./chunk-E6DRQYWL.js";import{a as c}from"./chunk-NPXHAIP4.js";import{a}from"./chunk-WGOM3HCB.js";import"./chunk-FSLSQAXV.js";import{resolve as k}from"node:path";import{parseArgs as h}from"node:util";import{generateKeyPairSync as y}from"node:crypto";import{rmSync as d,writeFileSync as f}from"node:fs";function g(t,e,r){let{publicKey:o,privateKey:i}=e==="ed25519"?y("ed25519"):y("ec",{namedCurve:"P-256"}),n=`${t}.key.pem`,s=`${t}.pub.pem`,m=r?"w":"wx";if(r)for(let p of[n,s])d(p,{force:!0});try{f(n,i.export({type:"pkcs8",format:"pem"}),{mode:384,flag:m})}catch(p){throw l(n,p)}try{f(s,o.export({type:"spki",format:"pem"}),{mode:420,flag:m})}catch(p){throw d(n,{force:!0}),l(s,p)}return{privatePath:n,publicPath:s,keyId:u(o)}}function l(t,e){let r=e.code??"error";return new a(r==="EEXIST"?"KEY_EXISTS":"KEY_WRITE_FAILED",`could not write ${t} \u2014 ${r}`,{hint:r==="EEXIST"?"choose another --out prefix, or pass --force to overwrite the existing key":"check that the directory exists and is writable",cause:e})}var w=`mp keygen --out <prefix> [--type p256|ed25519] [--force] [--json]

Generate a key pair for mp sign --key: <prefix>.key.pem (private, mode 0600; keep it secret, e.g.
in a CI secret) and <prefix>.pub.pem (public; commit it and list it under trust.requireSignature
keys in .claude/policies/plugins.yaml, or pass it to mp verify --trusted-key).

  --type   p256 (ECDSA P-256, Sigstore's default; the default here) or ed25519
  --force  overwrite existing files (never done otherwise)
exit codes: 0 written \xB7 2 could not write (usage, file exists, permissions)`;async function E(t){let{values:e,positionals:r}=h({args:t.argv,options:{out:{type:"string"},type:{type:"string"},force:{type:"boolean"},json:{type:"boolean"}},allowPositionals:!0,strict:!1}),o=e.type??"p256";if(typeof e.out!="string"||!e.out||r.length||o!=="p256"&&o!=="ed25519")throw new a("USAGE","usage: mp keygen --out <prefix> [--type p256|ed25519] [--force]",{hint:"e.g. mp keygen --out keys/team (writes keys/team.key.pem and keys/team.pub.pem)"});let i=g(k(t.cwd,e.out),o,e.force===!0);return e.json?t.stdout(JSON.stringify({ok:!0,type:o,...i},null,2)+`
`):t.stdout(`wrote ${i.privatePath} (private, keep secret)
wrote ${i.publicPath} (public)
key id sha256:${i.keyId}
`),c.OK}var x={summary:"Generate a signing key pair for mp sign --key",help:w,run:E},T=x;export{T as default};
