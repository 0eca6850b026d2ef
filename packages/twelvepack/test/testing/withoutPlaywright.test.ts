import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const TOOLKIT = join(__dirname, '..', '..');

/**
 * Loads twelvepack/testing (its sources) in a child Node where playwright-core
 * cannot be found, as in an app that npm installed without the optional peer,
 * then launches a browser; prints what it could use and how the launch failed.
 */
const CHILD = `
const Module = require('node:module');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (request === 'playwright-core' || request.startsWith('playwright-core/')) {
    throw Object.assign(new Error("Cannot find module '" + request + "'"), { code: 'MODULE_NOT_FOUND' });
  }
  return resolve.call(this, request, ...rest);
};
require(${JSON.stringify(join(TOOLKIT, 'src', 'cli', 'registerTypeScript.js'))});
const testing = require(${JSON.stringify(join(TOOLKIT, 'src', 'testing', 'index.ts'))});
testing.launchBrowser().then(
  () => console.log(JSON.stringify({ launched: true })),
  (error) => console.log(JSON.stringify({ exports: Object.keys(testing).sort(), launchError: error.message })),
);
`;

describe('twelvepack/testing without playwright-core (an optional peer dependency)', () => {
  it('loads, so an app without a browser spec can use spawnServer, and launchBrowser says what to install', () => {
    const run = spawnSync(process.execPath, ['-e', CHILD], { cwd: TOOLKIT, encoding: 'utf8', timeout: 60_000 });
    expect(run.stderr).toBe('');
    const result = JSON.parse(run.stdout) as { exports: string[]; launchError: string };
    expect(result.exports).toEqual(expect.arrayContaining(['buildApp', 'spawnServer', 'staleGeneratedFiles', 'watchPage', 'launchBrowser']));
    expect(result.launchError).toContain('launchBrowser needs playwright-core, an optional peer dependency of twelvepack');
    expect(result.launchError).toContain('npm install --save-dev --save-exact playwright-core@');
  });
});
