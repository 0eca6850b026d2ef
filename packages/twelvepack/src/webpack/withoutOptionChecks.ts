import { disableValidation, enableValidation, needValidate } from 'schema-utils';

/**
 * Runs `make` with schema-utils' option checks off, then turns them back on
 * (if they were on). For the toolkit's own plugins, whose options the toolkit
 * writes and every build spec constructs: compiling their JSON schemas with ajv
 * was a third of a warm build's start, about 100 ms (issue 15). Plugins an app
 * adds itself, and webpack's own check of the whole configuration, are still
 * checked. schema-utils records the state in `SKIP_VALIDATION` too, for older
 * copies of itself.
 */
export function withoutOptionChecks<T>(make: () => T): T {
  if (!needValidate()) return make();
  disableValidation();
  try {
    return make();
  } finally {
    enableValidation();
  }
}
