/**
 * The app's webpack hook (`webpack(config, context)` in src/app.ts) gave back something the toolkit cannot build
 * with: no configuration, a promise, another mode, or a setting that would hide the code from the proofs. Its
 * message names the bundle and says what to change; the build stops before webpack starts.
 */
export class AppHookError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AppHookError';
  }
}
