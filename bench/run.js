#!/usr/bin/env node
// `npm run bench`: benchmarks in TypeScript, compiled on load by the project's Babel config.
// Never part of `npm test`.
'use strict';

require('@babel/register')({ extensions: ['.ts'], ignore: [/[\\/]node_modules[\\/]/] });
/** @type {{ runBench(args: string[]): Promise<void> }} */
const { runBench } = require('./runBench.ts');

runBench(process.argv.slice(2)).catch((error) => {
  process.stderr.write(`bench failed: ${error.stack ?? error}\n`);
  process.exit(1);
});
