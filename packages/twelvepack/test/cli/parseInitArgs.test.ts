import { INIT_USAGE, parseInitArgs } from '../../src/cli/parseInitArgs';

describe("parseInitArgs (twelvepack init's arguments)", () => {
  it.each([
    [['my-app'], { action: 'init', dir: 'my-app', template: 'vanilla' }],
    [['my-app', '--template', 'react'], { action: 'init', dir: 'my-app', template: 'react' }],
    [['--template', 'react', 'my-app'], { action: 'init', dir: 'my-app', template: 'react' }],
    [['--template=react', '../apps/shop'], { action: 'init', dir: '../apps/shop', template: 'react' }],
    [['.'], { action: 'init', dir: '.', template: 'vanilla' }],
    [['my-app', '--toolkit', 'file:../t.tgz'], { action: 'init', dir: 'my-app', template: 'vanilla', toolkit: 'file:../t.tgz' }],
    [['--toolkit=0.2.0', 'my-app'], { action: 'init', dir: 'my-app', template: 'vanilla', toolkit: '0.2.0' }],
    [['--help'], { action: 'help' }],
    [['my-app', '-h'], { action: 'help' }],
  ])('%j means %j', (args, expected) => {
    expect(parseInitArgs(args)).toEqual(expected);
  });

  it.each([
    [[], 'name the folder to create the app in'],
    [['--template', 'react'], 'name the folder to create the app in'],
    [['my-app', '--template'], '--template needs a name'],
    [['my-app', '--template='], '--template needs a name'],
    [['my-app', '--template', 'vue'], 'unknown template "vue"; the templates are vanilla, react'],
    [['my-app', '--force'], 'unknown option "--force"'],
    [['my-app', '--toolkit'], '--toolkit needs what to install, such as file:../twelvepack-0.1.0.tgz'],
    [['one', 'two'], 'one folder only (got "one" and "two")'],
  ])('refuses %j: %s', (args, message) => {
    expect(parseInitArgs(args)).toEqual({ action: 'usage-error', message });
  });

  it('has a usage line that names every template', () => {
    expect(INIT_USAGE).toBe('twelvepack init DIR [--template vanilla|react] [--toolkit SPEC]');
  });
});
