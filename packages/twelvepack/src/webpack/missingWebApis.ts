import browserslist from 'browserslist';
import { WEB_APIS } from './webApis';
import SUPPORT from './webApiSupport.json';

/** A global some of a bundle's browsers lack, and which (`ie 11`, as browserslist names them). */
export interface MissingWebApi {
  readonly name: string;
  readonly lackedBy: readonly string[];
  /** The module under src/client/polyfills that installs it, when the toolkit trusts a polyfill for it. */
  readonly polyfill: string | undefined;
  /** A package an app may install for it, when the toolkit trusts none. */
  readonly suggest: string | undefined;
}

/** The table's first versions: by global, by browserslist browser, false where no version has it (scripts/webApiSupport.js). */
const FIRST_VERSIONS: Readonly<Record<string, Readonly<Record<string, string | false>>>> = SUPPORT.firstVersions as Readonly<Record<string, Readonly<Record<string, string | false>>>>;

/**
 * The globals of src/webpack/webApis.js that some of `targets` (a browserslist query, resolved without an app's
 * own browserslist config) lack, by MDN's browser-compat-data (src/webpack/webApiSupport.json). A browser the
 * data does not track, or whose support it does not know, is no evidence either way. Pure, given the installed
 * browserslist data.
 */
export function missingWebApis(targets: readonly string[]): MissingWebApi[] {
  const browsers = browserslist([...targets], { path: false, ignoreUnknownVersions: true });
  const missing: MissingWebApi[] = [];
  for (const [name, { polyfill, suggest }] of Object.entries(WEB_APIS)) {
    const lackedBy = browsers.filter((browser) => lacks(FIRST_VERSIONS[name] ?? {}, browser));
    if (lackedBy.length > 0) missing.push({ name, lackedBy, polyfill, suggest });
  }
  return missing;
}

function lacks(firstVersions: Readonly<Record<string, string | false>>, browser: string): boolean {
  const [name = '', version = ''] = browser.split(' ');
  const first = firstVersions[name];
  if (first === undefined) return false;
  if (first === false) return true;
  // A range ("ios_saf 18.5-18.7") by its oldest version.
  return compareVersions(version.split('-')[0]!, first) < 0;
}

/** Negative when a is older than b, by their dotted numbers. */
export function compareVersions(a: string, b: string): number {
  const left = a.split('.').map(Number);
  const right = b.split('.').map(Number);
  for (let i = 0; i < Math.max(left.length, right.length); i += 1) {
    const difference = (left[i] ?? 0) - (right[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}
