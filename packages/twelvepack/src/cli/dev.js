#!/usr/bin/env node
// `twelvepack dev`: TypeScript straight from the sources, compiled on load by the toolkit's Babel config.
'use strict';

require('./registerTypeScript');
/** @type {{ runDev(root: string, loadApp: () => unknown): Promise<void> }} */
const { runDev } = require('../dev/runDev');
/** @type {{ loadAppManifest(root: string): unknown }} */
const { loadAppManifest } = require('./loadAppManifest');

const root = process.cwd();
void runDev(root, () => loadAppManifest(root));
