import{createRequire as __mpCreateRequire}from'node:module';const require=__mpCreateRequire(import.meta.url);
import{a as t}from"./chunk-WGOM3HCB.js";import{parseArgs as n}from"node:util";function g(e,o,s){try{return n({args:e,options:o,allowPositionals:!0,strict:!0})}catch(r){throw new t("USAGE",`${r instanceof Error?r.message:String(r)}
${s}`,{hint:"see --help for the options"})}}export{g as a};
