// Runs a TypeScript entry point of the project in a child process without a build: the sources are
// transpiled on require (type checking is `npm run typecheck`). Usage: node tsChild.js FILE.ts
'use strict';
const fs = require('fs');
const path = require('path');
const ts = require('typescript');

require.extensions['.ts'] = (module, filename) => {
  const out = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
    fileName: filename,
  }).outputText;
  module._compile(out, filename);
};

require(path.resolve(process.argv[2]));
