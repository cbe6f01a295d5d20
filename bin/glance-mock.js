#!/usr/bin/env node
'use strict';
// The compiled CLI (built by `npm run build`, which `npm ci` runs through `prepare`).
const { runCli } = require('../dist/cli.js');

// Exit once standard output is flushed: to a pipe it is written asynchronously, and a large
// output (`seed generate` without --out) would otherwise be cut short.
runCli(process.argv.slice(2)).then((code) => process.stdout.write('', () => process.exit(code)));
