// Plain JavaScript module (it runs before Babel exists); typed through JSDoc.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { decidePostinstall } = require('../../src/cli/decidePostinstall') as typeof import('../../src/cli/decidePostinstall');

const facts = {
  packageRoot: '/srv/app',
  initCwd: '/srv/app',
  missingTools: [] as string[],
};

describe('decidePostinstall (before Babel: is this the app itself, with its tools?)', () => {
  it.each([
    ['goes on for a fresh install of the app itself', {}, 'continue'],
    ['goes on when npm was started from a subfolder of the app', { initCwd: '/srv/app/src' }, 'continue'],
    ['goes on when npm did not say where it started', { initCwd: undefined }, 'continue'],
    ['skips when installed as a dependency of another project', { initCwd: '/srv/other' }, 'skip'],
    ['skips when its own folder sits inside node_modules', { packageRoot: '/srv/other/node_modules/twelvepack', initCwd: undefined }, 'skip'],
    ['skips a dependency install even without the build tools', { initCwd: '/srv/other', missingTools: ['webpack'] }, 'skip'],
    ['fails when build tools are missing', { missingTools: ['webpack', 'babel-loader'] }, 'fail'],
  ])('%s', (_name, overrides, action) => {
    expect(decidePostinstall({ ...facts, ...overrides }).action).toBe(action);
  });

  it('says which tools are missing and what to do', () => {
    const { reason } = decidePostinstall({ ...facts, missingTools: ['webpack', 'babel-loader'] });
    expect(reason).toContain('webpack, babel-loader are not installed');
    expect(reason).toContain('npm ci');
    // TWELVEPACK_SKIP_BUILD is parsed by the config module, which cannot load without Babel: the message must not promise it.
    expect(reason).toContain('TWELVEPACK_SKIP_BUILD cannot skip this check');
  });

  it('names the project it was installed for', () => {
    expect(decidePostinstall({ ...facts, initCwd: '/srv/other' }).reason).toContain('installed as a dependency of /srv/other');
  });
});
