// A Babel plugin beside transform-runtime: each file's `availableHelper(name, version)`
// answered once per process instead of once per helper and file. transform-runtime asks
// it for every helper a file uses, and Babel answers with two semver range
// intersections each time, a measurable share of a cold build's Babel time.
// The answer depends only on the helper's name, the version range and
// the installed @babel/helpers, which cannot change while the process runs.
'use strict';

/** Answers by `name\0versionRange`. */
const answers = new Map();

/**
 * @typedef {(name: string, versionRange?: string) => boolean} AvailableHelper
 * @typedef {{ availableHelper: AvailableHelper }} FileWithHelpers Babel's File, as transform-runtime uses it
 */

/** @returns {import('@babel/core').PluginObj} */
module.exports = function rememberHelperChecks() {
  return {
    name: 'twelvepack-remember-helper-checks',
    visitor: {},
    pre(babelFile) {
      const file = /** @type {FileWithHelpers} */ (/** @type {unknown} */ (babelFile));
      const ask = file.availableHelper.bind(file);
      file.availableHelper = (name, versionRange) => {
        const key = `${name}\0${versionRange}`;
        let answer = answers.get(key);
        if (answer === undefined) {
          answer = ask(name, versionRange);
          answers.set(key, answer);
        }
        return answer;
      };
    },
  };
};
