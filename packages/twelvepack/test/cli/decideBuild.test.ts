import { decideBuild } from '../../src/cli/decideBuild';

describe('decideBuild (after the configuration is loaded)', () => {
  it.each([
    ['builds when nothing says otherwise', { skipBuild: false, stampIsFresh: false }, 'build'],
    ['skips when TWELVEPACK_SKIP_BUILD is true', { skipBuild: true, stampIsFresh: false }, 'skip'],
    ['skips when dist/ was built from the same inputs', { skipBuild: false, stampIsFresh: true }, 'skip'],
  ])('%s', (_name, facts, action) => {
    expect(decideBuild(facts).action).toBe(action);
  });

  it('says why it skips, and how to build anyway', () => {
    expect(decideBuild({ skipBuild: true, stampIsFresh: true }).reason).toBe(
      'TWELVEPACK_SKIP_BUILD is set; run `npm run build` when you want a production build',
    );
    expect(decideBuild({ skipBuild: false, stampIsFresh: true }).reason).toContain('dist/ is already built from these sources and this environment (dist/build-stamp.json)');
  });
});
