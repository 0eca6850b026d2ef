// The table the legacy build decides its web API polyfills by (src/webpack/webApiSupport.json): what MDN's
// browser-compat-data says, looked up by browser, so it answers for whatever targets browserTargets.js lists.
import { readFileSync } from 'node:fs';
import bcd from '@mdn/browser-compat-data';
import { LEGACY_BROWSERS, MODERN_BROWSERS } from '../../src/webpack/browserTargets';
import { compareVersions, missingWebApis } from '../../src/webpack/missingWebApis';
import { WEB_APIS } from '../../src/webpack/webApis';
import { MISSING_IN_ES5 } from '../../src/testing/missingInEs5';
import { deriveWebApiSupport, TABLE } from '../../scripts/webApiSupport';

const names = (targets: readonly string[]) => missingWebApis(targets).map((api) => api.name);

describe('the web API support table', () => {
  it('is what the installed browser-compat-data says (when it is not: node scripts/webApiSupport.js in packages/twelvepack, then commit)', () => {
    expect(JSON.parse(readFileSync(TABLE, 'utf8'))).toEqual(deriveWebApiSupport(bcd));
  });

  it('names every global of webApis.js with where browser-compat-data keeps it', () => {
    expect(Object.keys(JSON.parse(readFileSync(TABLE, 'utf8')).firstVersions).sort()).toEqual(Object.keys(WEB_APIS).sort());
  });
});

describe('missingWebApis (which globals some of the targets lack)', () => {
  it('finds what IE 11 lacks missing for the legacy targets, and says which browsers lack it', () => {
    const missing = missingWebApis(LEGACY_BROWSERS);
    for (const name of ['fetch', 'Headers', 'Request', 'Response', 'AbortController', 'AbortSignal', 'TextEncoder', 'TextDecoder', 'IntersectionObserver', 'ResizeObserver']) {
      expect(missing.find((api) => api.name === name)?.lackedBy).toContain('ie 11');
    }
  });

  it('knows the polyfill it trusts for each, or none', () => {
    const byName = Object.fromEntries(missingWebApis(LEGACY_BROWSERS).map((api) => [api.name, api.polyfill]));
    expect(byName).toMatchObject({ fetch: 'fetch', Headers: 'fetch', Request: 'fetch', Response: 'fetch', AbortController: 'abortController', AbortSignal: 'abortController' });
    expect(byName).toMatchObject({ TextEncoder: 'textEncoding', TextDecoder: 'textEncoding', IntersectionObserver: undefined, ResizeObserver: undefined });
  });

  it('finds none of them missing for the modern targets', () => {
    for (const name of ['fetch', 'Headers', 'AbortController', 'TextEncoder', 'IntersectionObserver', 'ResizeObserver']) expect(names(MODERN_BROWSERS)).not.toContain(name);
  });

  it.each([
    // targets, missing, present: fetch came in Chrome 42, AbortController in 66, ResizeObserver in 64
    [['chrome 41'], ['fetch', 'AbortController', 'ResizeObserver'], []],
    [['chrome 42'], ['AbortController', 'ResizeObserver'], ['fetch', 'Headers']],
    [['chrome 66'], [], ['fetch', 'AbortController', 'ResizeObserver']],
    [['safari 13.1', 'ios_saf 13.4'], [], ['ResizeObserver', 'AbortController']],
    [['ios_saf 13.2'], ['ResizeObserver'], ['AbortController']],
  ])('answers for any targets: %j lack %j and have %j', (targets, missing, present) => {
    expect(names(targets)).toEqual(expect.arrayContaining(missing));
    for (const name of present) expect(names(targets)).not.toContain(name);
  });

  it('takes no evidence from a browser browser-compat-data does not track (Opera Mini)', () => {
    expect(names(['op_mini all'])).toEqual([]);
  });

  it.each([
    ['13.1', '13.4', -1],
    ['13.4', '13.4', 0],
    ['18', '4.4.3', 1],
    ['10', '9.3', 1],
  ])('compareVersions(%s, %s) has the sign of %d', (a, b, sign) => {
    expect(Math.sign(compareVersions(a, b))).toBe(sign);
  });
});

describe('the ES5 realm', () => {
  it('lacks every global the table says IE 11 lacks, so a legacy bundle that uses one unpolyfilled fails there', () => {
    expect(MISSING_IN_ES5).toEqual(expect.arrayContaining(names(['ie 11'])));
  });
});
