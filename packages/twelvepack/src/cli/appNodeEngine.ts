/** One clause of the toolkit's engines.node: a caret range on one major, e.g. `^20.19` or `^26`. */
const MAJOR_CLAUSE = /^\^(\d+)(?:\.\d+){0,2}$/;

/**
 * The `engines.node` a new app declares: the one major of the toolkit's tested majors that is running
 * `init` (its clause, e.g. `^24`), or else the newest tested one. A single major, as Heroku recommends:
 * a platform resolving a range installs the newest Node in it, which may be one no spec ran on.
 * Throws when the toolkit's range is not a list of caret clauses, one per major. Pure.
 */
export function appNodeEngine(toolkitEngines: string, runningVersion: string): string {
  const clauses = toolkitEngines.split('||').map((clause) => clause.trim());
  const majors = clauses.map((clause) => MAJOR_CLAUSE.exec(clause)?.[1]);
  if (majors.some((major) => major === undefined) || new Set(majors).size !== majors.length) {
    throw new Error(
      `twelvepack's engines.node is "${toolkitEngines}", not one caret clause per tested major (such as "^20.19 || ^24 || ^26"), ` +
        'which a new app picks one of: write it so in the toolkit\'s package.json.',
    );
  }
  const running = /^v?(\d+)\./.exec(runningVersion)?.[1];
  const index = majors.indexOf(running);
  if (index !== -1) return clauses[index]!;
  const newest = majors.reduce((best, major, i) => (Number(major) > Number(majors[best]) ? i : best), 0);
  return clauses[newest]!;
}
