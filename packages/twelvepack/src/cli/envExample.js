#!/usr/bin/env node
// `twelvepack env:example`: .env.example and the browser types, written from
// the toolkit's variables and the app's (src/app.ts).
'use strict';

require('./registerTypeScript');
const { join } = require('node:path');
/** @type {{ writeGeneratedFiles(app: unknown, root: string): string[] }} */
const { writeGeneratedFiles } = require('../config/writeGeneratedFiles');
/** @type {{ loadAppManifest(root: string): unknown }} */
const { loadAppManifest } = require('./loadAppManifest');

const root = process.cwd();
for (const file of writeGeneratedFiles(loadAppManifest(root), root)) process.stdout.write(`twelvepack: wrote ${join(root, file)}\n`);
