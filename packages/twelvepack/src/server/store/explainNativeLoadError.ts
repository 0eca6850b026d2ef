/**
 * better-sqlite3's own error when its native part cannot load, made into one that says why and what to do, or
 * undefined when the error is another. Two ways to get there: the install script never ran (npm 12 skips a
 * dependency's install script unless the app's package.json lists it under allowScripts, and bindings then says
 * "Could not locate the bindings file"), or it ran under another Node (a different NODE_MODULE_VERSION). Pure.
 */
export function explainNativeLoadError(error: unknown): Error | undefined {
  const message = error instanceof Error ? error.message : '';
  const unbuilt = message.includes('Could not locate the bindings file');
  const otherNode = message.includes('NODE_MODULE_VERSION');
  if (!unbuilt && !otherNode) return undefined;
  const what = unbuilt
    ? "better-sqlite3's native part was never built: its install script did not run (npm 12 skips install scripts that package.json's allowScripts does not allow)."
    : `better-sqlite3's native part was built for another version of Node than this one (${process.version}).`;
  return new Error(
    `${what} Make sure package.json has "allowScripts": { "better-sqlite3": true }, then run \`npm rebuild better-sqlite3\` ` +
      '(or npm ci) with the Node that runs the app. Or set REDIS_URL to use Redis instead of SQLite.',
    { cause: error },
  );
}
