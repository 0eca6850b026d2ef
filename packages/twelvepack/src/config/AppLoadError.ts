/**
 * The app's manifest (src/app.ts), or a module it imports, failed to load: its message quotes the cause, secrets
 * redacted. What to do next depends on who loaded it (a one-shot command says run it again; the dev server
 * restarts by itself), so the message ends with the cause and the caller adds the advice.
 */
export class AppLoadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AppLoadError';
  }
}
