#!/usr/bin/env node
// `node scripts/webApiSupport.js` (packages/twelvepack): derives src/webpack/webApiSupport.json, the first version
// of each browser that has each global of src/webpack/webApis.js, from MDN's browser-compat-data (a
// devDependency). The build reads that small table, not browser-compat-data itself: a 20 MB package whose JSON
// takes a noticeable part of a second to load, for an answer that changes only with an upgrade of it.
// test/webpack/webApiSupport.test.ts derives it again and fails when the file is stale: run this, then commit.
'use strict';

const { writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { WEB_APIS } = require('../src/webpack/webApis');

/** browserslist's browser names, and browser-compat-data's for the same browser (browsers it does not track are left out). */
const BCD_BROWSERS = {
  chrome: 'chrome',
  edge: 'edge',
  firefox: 'firefox',
  ie: 'ie',
  opera: 'opera',
  safari: 'safari',
  ios_saf: 'safari_ios',
  and_chr: 'chrome_android',
  and_ff: 'firefox_android',
  op_mob: 'opera_android',
  samsung: 'samsunginternet_android',
  android: 'webview_android',
};

/**
 * @typedef {{ version_added?: string | boolean | null, version_removed?: string | boolean | null, flags?: unknown,
 *   prefix?: string, alternative_name?: string, partial_implementation?: boolean }} SupportStatement
 * @typedef {Record<string, Record<string, string | false>>} FirstVersions
 * @typedef {{ source: string, firstVersions: FirstVersions }} WebApiSupport
 */

/**
 * The table: by global, by browserslist browser, the first version that has it in full (no flag, no prefix, no
 * other name, not partial, not removed since), or false where none does. A browser whose support is unknown is
 * left out, as are the browsers browser-compat-data does not track (Opera Mini, UC Browser, KaiOS, QQ, Baidu).
 * @param {any} bcd browser-compat-data, as `require('@mdn/browser-compat-data')` gives it
 * @returns {WebApiSupport}
 */
function deriveWebApiSupport(bcd) {
  /** @type {FirstVersions} */
  const firstVersions = {};
  for (const [name, { bcd: path }] of Object.entries(WEB_APIS)) {
    const compat = path.split('.').reduce((node, key) => node?.[key], bcd)?.__compat;
    if (compat === undefined) throw new Error(`webApiSupport: browser-compat-data has no ${path} (for ${name}). Fix its path in src/webpack/webApis.js.`);
    /** @type {Record<string, string | false>} */
    const versions = {};
    for (const [browser, bcdBrowser] of Object.entries(BCD_BROWSERS)) {
      const first = firstVersion(compat.support[bcdBrowser]);
      if (first !== undefined) versions[browser] = first;
    }
    firstVersions[name] = versions;
  }
  return { source: `@mdn/browser-compat-data ${bcd.__meta.version}`, firstVersions };
}

/**
 * @param {SupportStatement | SupportStatement[] | undefined} support
 * @returns {string | false | undefined} the first full version, false if there is none, undefined if unknown
 */
function firstVersion(support) {
  const statements = support === undefined ? [] : Array.isArray(support) ? support : [support];
  const full = statements.filter((s) => !s.flags && !s.prefix && !s.alternative_name && !s.partial_implementation && !s.version_removed);
  /** @type {string[]} */
  const versions = [];
  for (const { version_added: added } of full) {
    if (added === true) versions.push('0');
    // "≤37": at 37 or before; 37 is the version it is known in. "preview": not released yet.
    else if (typeof added === 'string' && added !== 'preview') versions.push(added.replace(/^≤/, ''));
  }
  if (versions.length > 0) return versions.sort((a, b) => Number.parseFloat(a) - Number.parseFloat(b))[0];
  return statements.some((s) => s.version_added === null) ? undefined : false;
}

/** Where the build reads the table. */
const TABLE = join(__dirname, '..', 'src', 'webpack', 'webApiSupport.json');

if (require.main === module) {
  writeFileSync(TABLE, `${JSON.stringify(deriveWebApiSupport(require('@mdn/browser-compat-data')), null, 2)}\n`);
  process.stdout.write(`Wrote ${TABLE}.\n`);
}

module.exports = { deriveWebApiSupport, TABLE };
