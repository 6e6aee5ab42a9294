import{createRequire as __mpCreateRequire}from'node:module';const require=__mpCreateRequire(import.meta.url);
var o={OK:0,FAILED:1,ERROR:2};export{o as a};
