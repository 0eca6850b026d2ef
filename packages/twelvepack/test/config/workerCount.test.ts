import { parseConfig } from '../../src/config/parseConfig';
import { workerCount, type WorkerCount } from '../../src/config/workerCount';

type Given = Parameters<typeof workerCount>[0];

describe('workerCount', () => {
  it.each<[string, Given, WorkerCount]>([
    ['WEB_CONCURRENCY alone', { WEB_CONCURRENCY: 3, HEROKU_AVAILABLE_PARALLELISM: undefined }, { workers: 3, workersFrom: 'WEB_CONCURRENCY' }],
    ['WEB_CONCURRENCY over HEROKU_AVAILABLE_PARALLELISM', { WEB_CONCURRENCY: 2, HEROKU_AVAILABLE_PARALLELISM: 9 }, { workers: 2, workersFrom: 'WEB_CONCURRENCY' }],
    ['WEB_CONCURRENCY=1 over HEROKU_AVAILABLE_PARALLELISM (one process, asked for)', { WEB_CONCURRENCY: 1, HEROKU_AVAILABLE_PARALLELISM: 9 }, { workers: 1, workersFrom: 'WEB_CONCURRENCY' }],
    ['HEROKU_AVAILABLE_PARALLELISM when WEB_CONCURRENCY is unset', { WEB_CONCURRENCY: undefined, HEROKU_AVAILABLE_PARALLELISM: 5 }, { workers: 5, workersFrom: 'HEROKU_AVAILABLE_PARALLELISM' }],
    ['HEROKU_AVAILABLE_PARALLELISM capped at what WEB_CONCURRENCY accepts (64)', { WEB_CONCURRENCY: undefined, HEROKU_AVAILABLE_PARALLELISM: 97 }, { workers: 64, workersFrom: 'HEROKU_AVAILABLE_PARALLELISM' }],
    ['1 when HEROKU_AVAILABLE_PARALLELISM is 0 (the buildpack could not tell)', { WEB_CONCURRENCY: undefined, HEROKU_AVAILABLE_PARALLELISM: 0 }, { workers: 1, workersFrom: 'default' }],
    ['1 when neither is set', { WEB_CONCURRENCY: undefined, HEROKU_AVAILABLE_PARALLELISM: undefined }, { workers: 1, workersFrom: 'default' }],
  ])('takes %s', (_case, given, expected) => {
    expect(workerCount(given)).toEqual(expected);
  });

  // The same rule from raw environment values, through the real schema: the variables' declarations
  // (no default for WEB_CONCURRENCY, 0 accepted for HEROKU_AVAILABLE_PARALLELISM) are part of it.
  it.each<[Record<string, string>, WorkerCount]>([
    [{}, { workers: 1, workersFrom: 'default' }],
    [{ WEB_CONCURRENCY: '' }, { workers: 1, workersFrom: 'default' }],
    [{ WEB_CONCURRENCY: '4' }, { workers: 4, workersFrom: 'WEB_CONCURRENCY' }],
    [{ HEROKU_AVAILABLE_PARALLELISM: '3' }, { workers: 3, workersFrom: 'HEROKU_AVAILABLE_PARALLELISM' }],
    [{ WEB_CONCURRENCY: '', HEROKU_AVAILABLE_PARALLELISM: '3' }, { workers: 3, workersFrom: 'HEROKU_AVAILABLE_PARALLELISM' }],
    [{ WEB_CONCURRENCY: '2', HEROKU_AVAILABLE_PARALLELISM: '3' }, { workers: 2, workersFrom: 'WEB_CONCURRENCY' }],
    [{ HEROKU_AVAILABLE_PARALLELISM: '0' }, { workers: 1, workersFrom: 'default' }],
  ])('from the environment %j: %j', (env, expected) => {
    const result = parseConfig({ env, mode: 'production' });
    if (!result.ok) throw new Error(`expected a config, got problems: ${JSON.stringify(result.problems)}`);
    expect(workerCount(result.config)).toEqual(expected);
  });

  it('refuses a HEROKU_AVAILABLE_PARALLELISM that is not a whole number, as every variable is refused', () => {
    const result = parseConfig({ env: { HEROKU_AVAILABLE_PARALLELISM: 'lots' }, mode: 'production' });
    expect(result.ok ? [] : result.problems.map((problem) => problem.message)).toEqual([
      expect.stringContaining('HEROKU_AVAILABLE_PARALLELISM must be a whole number from 0 to 4096 (got "lots")'),
    ]);
  });
});
