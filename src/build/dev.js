#!/usr/bin/env node
// `npm run dev`: TypeScript straight from src/, compiled on load by the same Babel config.
'use strict';

require('@babel/register')({ extensions: ['.ts'], ignore: [/[\\/]node_modules[\\/]/] });
const { resolve } = require('node:path');
/** @type {{ runDev(root: string): Promise<void> }} */
const { runDev } = require('./dev/runDev.ts');

void runDev(resolve(__dirname, '..', '..'));
