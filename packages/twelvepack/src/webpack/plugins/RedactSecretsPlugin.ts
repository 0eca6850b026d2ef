import type { Compilation, Compiler } from 'webpack';
import { redactError } from './redactError';
import type { Redact } from './redactSecrets';

const NAME = 'twelvepack:RedactSecretsPlugin';

/**
 * Before every other `done` tap: webpack-cli prints stats (and writes `--json`) after the `done` hooks,
 * webpack-dev-middleware prints them and the dev server's overlay sends them from their own `done` taps,
 * and the file cache stores module errors after it.
 */
const FIRST = Number.NEGATIVE_INFINITY;

/**
 * Passes every error and warning of a build through the redactor before
 * anything prints it: those of any plugin or loader (our guards, a Babel
 * syntax error's code frame, terser's "Unexpected token: string (…)"), in the
 * compilation and its child compilations (html-webpack-plugin's), and the
 * error a build fails with outright. Production and development alike.
 */
export class RedactSecretsPlugin {
  private readonly redact: Redact;

  /** @param redact the build's redactor (createRedactor, from the secrets collectSecrets found) */
  constructor(redact: Redact) {
    this.redact = redact;
  }

  apply(compiler: Compiler): void {
    // Child compilers inherit this tap; their parent quotes their errors as soon as they finish, and
    // html-webpack-plugin re-wraps the quote at 80 columns, which could cut a value in two: redact first.
    compiler.hooks.afterCompile.tap({ name: NAME, stage: FIRST }, (compilation) => redactCompilation(compilation, this.redact));
    // Again at the end, for anything added since.
    compiler.hooks.done.tap({ name: NAME, stage: FIRST }, (stats) => redactCompilation(stats.compilation, this.redact));
    compiler.hooks.failed.tap({ name: NAME, stage: FIRST }, (error) => void redactError(error, this.redact));
  }
}

function redactCompilation(compilation: Compilation, redact: Redact): void {
  for (const list of [compilation.errors, compilation.warnings] as unknown[][]) {
    list.forEach((problem, i) => {
      const redacted = redactError(problem, redact);
      if (redacted !== problem) list[i] = redacted;
    });
  }
  for (const child of compilation.children) redactCompilation(child, redact);
}
