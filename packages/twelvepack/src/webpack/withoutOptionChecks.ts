import { disableValidation, enableValidation, needValidate } from 'schema-utils';

/**
 * Runs `make` with schema-utils' option checks off, then turns them back on (if they were on), once its
 * promise settles if it returns one. For the toolkit's own plugins and its dev server, whose options the
 * toolkit writes and every spec constructs: compiling their JSON schemas with ajv is a large part of a warm
 * build's and a dev server's start (measured by the bench's build and dev rows). Plugins an app adds itself,
 * and webpack's own check of the whole configuration, are still checked. schema-utils records the state in
 * `SKIP_VALIDATION` too, for older copies of itself.
 */
export function withoutOptionChecks<T>(make: () => T): T {
  if (!needValidate()) return make();
  disableValidation();
  let made: T;
  try {
    made = make();
  } catch (error) {
    enableValidation();
    throw error;
  }
  // A promise (the dev server's start): the checks stay off until it settles.
  if (made instanceof Promise) return made.finally(enableValidation) as T;
  enableValidation();
  return made;
}
