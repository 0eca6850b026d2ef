// The one setting that picks the JSX runtime: the app's tsconfig.json
// `compilerOptions.jsxImportSource`, which TypeScript reads to type-check TSX and
// Babel reads (through this module) to compile it. Plain CommonJS with JSDoc
// types because babelConfig.js, which Babel loads with plain Node, requires it.
'use strict';

const { readFileSync, statSync } = require('node:fs');
const { dirname, isAbsolute, join, resolve } = require('node:path');

/** The import source when nothing sets one: React, as TypeScript's own default. */
const DEFAULT_IMPORT_SOURCE = 'react';

/** How many `extends` the reader follows from the app's tsconfig.json before it gives up. */
const MAX_EXTENDS = 5;

/**
 * @typedef {object} JsxImportSource
 * @property {string} importSource the package the JSX runtime is imported from (`<importSource>/jsx-runtime`)
 * @property {readonly string[]} files every tsconfig file looked at, the app's own first (it may not exist): a change to any of them may change the answer
 */

/**
 * Reads `compilerOptions.jsxImportSource` from `<root>/tsconfig.json`, following
 * `extends` (relative paths, or package paths resolved from root) when the file
 * itself does not set it; 'react' when nothing sets it or there is no tsconfig.json.
 * Throws an error that names the file and what to fix when a file is malformed.
 * @param {string} root the app's folder
 * @returns {JsxImportSource}
 */
function readJsxImportSource(root) {
  const first = join(resolve(root), 'tsconfig.json');
  /** @type {string[]} */
  const files = [first];
  if (!isFile(first)) return { importSource: DEFAULT_IMPORT_SOURCE, files };
  const found = findSetting(first, [], files);
  return { importSource: found ?? DEFAULT_IMPORT_SOURCE, files };
}

/**
 * The setting from `file` or, when it has none, from what it extends (the last of an array wins, as in TypeScript).
 * @param {string} file an existing tsconfig file
 * @param {readonly string[]} chain the files that extend this one, the app's first
 * @param {string[]} files collects every file read
 * @returns {string | undefined}
 */
function findSetting(file, chain, files) {
  if (chain.includes(file)) throw new Error(`${[...chain, file].join(' extends ')}: the tsconfig files extend each other in a loop. Remove one of those "extends".`);
  if (chain.length > MAX_EXTENDS) {
    throw new Error(`${chain[0]}: twelvepack follows "extends" at most ${MAX_EXTENDS} levels deep to find compilerOptions.jsxImportSource, and ${file} is deeper. Set jsxImportSource in ${chain[0]} itself.`);
  }
  const config = parseTsconfig(file);
  const own = config.compilerOptions?.jsxImportSource;
  if (own !== undefined) {
    if (typeof own !== 'string' || own.trim() === '') {
      throw new Error(`${file}: compilerOptions.jsxImportSource must be a package name such as "react" or "preact" (got ${JSON.stringify(own)}).`);
    }
    return own;
  }
  const bases = Array.isArray(config.extends) ? config.extends : [config.extends];
  for (const base of [...bases].reverse()) {
    if (base === undefined) continue;
    if (typeof base !== 'string') throw new Error(`${file}: "extends" must be a path or a package path, or a list of them (got ${JSON.stringify(base)}).`);
    const baseFile = resolveExtends(base, file);
    files.push(baseFile);
    const found = findSetting(baseFile, [...chain, file], files);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * Where an `extends` entry points: relative to the file that names it, or a package path resolved from that file's folder.
 * @param {string} base the entry, as written
 * @param {string} from the file that names it
 * @returns {string}
 */
function resolveExtends(base, from) {
  const dir = dirname(from);
  // No package name starts with a dot: "./base.json", "../base.json" (and ".\\base.json" on Windows) are paths.
  if (base.startsWith('.') || isAbsolute(base)) {
    const path = resolve(dir, base);
    // TypeScript accepts "./base" for "./base.json".
    for (const candidate of [path, `${path}.json`]) if (isFile(candidate)) return candidate;
    throw new Error(`${from} extends "${base}", but ${path} does not exist. Fix the path in "extends".`);
  }
  // A package path: "pkg/tsconfig.base.json", or a package whose tsconfig.json is the base ("@tsconfig/node20").
  for (const candidate of [base, `${base}.json`, `${base}/tsconfig.json`]) {
    try {
      const resolved = require.resolve(candidate, { paths: [dir] });
      // A bare package name resolves to its main script, which is no tsconfig.
      if (resolved.endsWith('.json')) return resolved;
    } catch {
      // Try the next form TypeScript accepts.
    }
  }
  throw new Error(`${from} extends "${base}", which cannot be found from ${dir}. Install the package that holds it, or fix the name in "extends".`);
}

/**
 * One tsconfig file as an object; comments and trailing commas allowed, as TypeScript allows them.
 * @param {string} file
 * @returns {{ compilerOptions?: { jsxImportSource?: unknown }, extends?: unknown }}
 */
function parseTsconfig(file) {
  const text = readFileSync(file, 'utf8');
  const json = stripJsonComments(text, file);
  /** @type {unknown} */
  let value;
  try {
    value = JSON.parse(json);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    const where = position ? ` at ${lineAndColumn(text, Number(position[1]))}` : '';
    throw new Error(
      `${file} is not valid JSON${where} (${message}). Fix that line: tsconfig.json may hold comments and trailing commas, ` +
        'but names and strings need double quotes and entries need commas between them.',
    );
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`${file} must hold one object ({ "compilerOptions": { ... } }).`);
  const config = /** @type {{ compilerOptions?: unknown, extends?: unknown }} */ (value);
  if (config.compilerOptions !== undefined && (typeof config.compilerOptions !== 'object' || config.compilerOptions === null)) {
    throw new Error(`${file}: "compilerOptions" must be an object.`);
  }
  return /** @type {{ compilerOptions?: { jsxImportSource?: unknown }, extends?: unknown }} */ (config);
}

/**
 * JSON with comments and trailing commas, as plain JSON: comments become spaces (newlines kept, so positions
 * stay those of the file) and a comma before `}` or `]` becomes a space. Strings are left as they are.
 * @param {string} text
 * @param {string} file named in the error for an unclosed comment
 * @returns {string}
 */
function stripJsonComments(text, file) {
  const out = text.split('');
  let lastSignificant = -1;
  let i = 0;
  // A byte order mark, which editors on Windows write and JSON.parse refuses.
  if (text.startsWith('\uFEFF')) {
    out[0] = ' ';
    i = 1;
  }
  while (i < text.length) {
    const char = text[i];
    const next = text[i + 1];
    if (char === '"') {
      // Copy the string through its closing quote; a backslash escapes the next character.
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      lastSignificant = Math.min(j, text.length - 1);
      i = j + 1;
    } else if (char === '/' && next === '/') {
      let j = i;
      while (j < text.length && text[j] !== '\n') out[j++] = ' ';
      i = j;
    } else if (char === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      if (end === -1) throw new Error(`${file}: a comment opened at ${lineAndColumn(text, i)} is never closed. Close it with */.`);
      for (let j = i; j < end + 2; j += 1) if (text[j] !== '\n' && text[j] !== '\r') out[j] = ' ';
      i = end + 2;
    } else {
      if ((char === '}' || char === ']') && lastSignificant >= 0 && out[lastSignificant] === ',') out[lastSignificant] = ' ';
      if (!/\s/.test(char ?? '')) lastSignificant = i;
      i += 1;
    }
  }
  return out.join('');
}

/**
 * Whether a file (not a folder) is there.
 * @param {string} path
 * @returns {boolean}
 */
function isFile(path) {
  return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
}

/**
 * "line L, column C" (both 1-based) of an offset in text.
 * @param {string} text
 * @param {number} offset
 * @returns {string}
 */
function lineAndColumn(text, offset) {
  const before = text.slice(0, offset).split('\n');
  return `line ${before.length}, column ${(before[before.length - 1] ?? '').length + 1}`;
}

module.exports = { readJsxImportSource, DEFAULT_IMPORT_SOURCE };
