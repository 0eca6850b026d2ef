#!/usr/bin/env node
// `twelvepack env:example`: .env.example and the browser types, written from
// the toolkit's variables and the app's (src/app.ts).
'use strict';

require('./registerTypeScript');
const { join } = require('node:path');
/** @type {{ writeGeneratedFiles(app: unknown, root: string): string[] }} */
const { writeGeneratedFiles } = require('../config/writeGeneratedFiles');
/** @type {{ loadAppManifest(root: string, options: { mode: 'development', env: NodeJS.ProcessEnv }): unknown }} */
const { loadAppManifest } = require('./loadAppManifest');
/** @type {{ orExit<T>(load: () => T): T }} */
const { orExit } = require('../config/loadConfig');

const root = process.cwd();
// The shell hands process.env over (for the redaction of a failed load's message) and reads nothing in it.
const app = orExit(() => loadAppManifest(root, { mode: 'development', env: process.env }));
for (const file of writeGeneratedFiles(app, root)) process.stdout.write(`twelvepack: wrote ${join(root, file)}\n`);
