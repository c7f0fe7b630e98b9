// Runs a TypeScript entry point of the project in a child process without a build (tsHook.js
// transpiles the sources on require). Usage: node tsChild.js FILE.ts
'use strict';
const path = require('path');
require('./tsHook');

require(path.resolve(process.argv[2]));
