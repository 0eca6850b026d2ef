// The stamp a successful production build leaves in dist/: the fingerprint of
// its inputs, so an install step with the same inputs knows not to build again.
'use strict';

const { mkdirSync, readFileSync, writeFileSync } = require('node:fs');
const { dirname, join } = require('node:path');
const { STAMP_FILE } = require('./decidePostinstall');

/**
 * The fingerprint the last build recorded, if any.
 * @param {string} root
 * @returns {string | undefined}
 */
function readStamp(root) {
  try {
    return JSON.parse(readFileSync(join(root, STAMP_FILE), 'utf8')).fingerprint;
  } catch {
    return undefined;
  }
}

/**
 * @param {string} root
 * @param {string} fingerprint of the inputs as they were when the build started
 */
function writeStamp(root, fingerprint) {
  mkdirSync(dirname(join(root, STAMP_FILE)), { recursive: true });
  writeFileSync(join(root, STAMP_FILE), `${JSON.stringify({ fingerprint, builtAt: new Date().toISOString() }, null, 2)}\n`);
}

module.exports = { readStamp, writeStamp };
