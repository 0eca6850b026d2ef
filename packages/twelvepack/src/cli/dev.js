#!/usr/bin/env node
// `twelvepack dev`: TypeScript straight from the sources, compiled on load by the toolkit's Babel config.
'use strict';

require('./registerTypeScript');
/** @type {{ runDev(root: string): Promise<void> }} */
const { runDev } = require('../dev/runDev.ts');

void runDev(process.cwd());
