import type { ConfigProblem } from './parseConfig';

/** Thrown by the loading shell when the environment is invalid; lists every problem. */
export class ConfigError extends Error {
  /** Every problem found, one per variable. */
  readonly problems: readonly ConfigProblem[];

  constructor(problems: readonly ConfigProblem[]) {
    super(formatProblems(problems));
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/** One readable block: a headline, then one line per problem. */
export function formatProblems(problems: readonly ConfigProblem[]): string {
  const noun = problems.length === 1 ? 'problem' : 'problems';
  return [`twelvepack: the configuration has ${problems.length} ${noun}:`, ...problems.map((p) => `  - ${p.message}`)].join('\n');
}
