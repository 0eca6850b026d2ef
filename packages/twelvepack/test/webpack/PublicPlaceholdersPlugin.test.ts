import { runFixtureBuild } from './runFixtureBuild';

// The fixture's public/index.html has <title>%PUBLIC_APP_NAME%</title>; templates/typo.html misspells it %PUBLIC_APP_NAM%.
describe('public placeholders in a page template', () => {
  it('fail the production build when one names no declared variable, naming the page, the placeholder and where to declare it', async () => {
    const build = await runFixtureBuild({ template: 'templates/typo.html' });
    expect(build.errors).toHaveLength(1);
    expect(build.errors[0]).toContain('typo.html names %PUBLIC_APP_NAM%, which is not a declared public variable');
    expect(build.errors[0]).toContain('Declare it in the variables of src/app.ts');
    expect(build.files).toEqual([]);
  });

  it('stay in place in production, for the server to fill from its own environment', async () => {
    const build = await runFixtureBuild({ env: { PUBLIC_APP_NAME: 'Tom & Jerry' } });
    expect(build.errors).toEqual([]);
    expect(build.read('index.html')).toContain('<title>%PUBLIC_APP_NAME%</title>');
  });

  it('are filled with their values, HTML-escaped, in development', async () => {
    const build = await runFixtureBuild({ mode: 'development', env: { PUBLIC_APP_NAME: 'Tom & Jerry' } });
    expect(build.errors).toEqual([]);
    expect(build.read('index.html')).toContain('<title>Tom &amp; Jerry</title>');
  });
});
