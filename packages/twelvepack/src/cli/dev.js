#!/usr/bin/env node
// `twelvepack dev`: TypeScript straight from the sources, compiled on load by the toolkit's Babel config.
'use strict';

require('./registerTypeScript');
/** @type {{ runDev(root: string, loadApp: () => unknown): Promise<void> }} */
const { runDev } = require('../dev/runDev');
/** @type {{ loadAppManifest(root: string, options: { mode: 'development', env: NodeJS.ProcessEnv }): unknown }} */
const { loadAppManifest } = require('./loadAppManifest');

const root = process.cwd();
// The shell hands process.env over (for the redaction of a failed load's message) and reads nothing in it.
void runDev(root, () => loadAppManifest(root, { mode: 'development', env: process.env }));
