/**
 * The test run's environment without what npm put there for the run itself
 * (npm_config_*, npm_package_*, INIT_CWD...), plus `extra`: a command started
 * with it behaves as if a person typed it, not as part of this `npm test`.
 */
export function cleanEnv(extra: Readonly<Record<string, string>> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined && !/^npm_/i.test(name) && name !== 'INIT_CWD') env[name] = value;
  }
  return { ...env, ...extra };
}
