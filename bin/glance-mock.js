#!/usr/bin/env node
'use strict';
// The compiled CLI (built by `npm run build`, which `npm ci` runs through `prepare`).
const { runCli } = require('../dist/cli.js');

runCli(process.argv.slice(2)).then((code) => process.exit(code));
