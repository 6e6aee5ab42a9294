import{createRequire as __mpCreateRequire}from'node:module';const require=__mpCreateRequire(import.meta.url);
import{b as t}from"./chunk-6ZGKSSE7.js";function n(e,i){return t(e,{...i,trust:{minGrade:null,requireSignature:[],denySeverities:[]}})}function o(e){return e.trust.minGrade!==null||e.trust.denySeverities.length>0}export{n as a,o as b};
