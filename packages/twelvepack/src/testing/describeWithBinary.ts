import { existsSync } from 'node:fs';

/**
 * `describe` for tests that need a system binary. Without it they skip with a
 * loud message on a developer's machine, and fail under CI=true (where
 * `.ci/run` installs it with apt).
 */
export function describeWithBinary(binary: string, aptPackage: string, name: string, body: () => void): void {
  if (existsSync(binary)) {
    describe(name, body);
    return;
  }
  const message = `${binary} is missing: install it with \`apt-get install ${aptPackage}\` to run these tests.`;
  if (process.env.CI === 'true') {
    describe(name, () => {
      it(`needs ${binary}`, () => {
        throw new Error(`${message} CI must run them.`);
      });
    });
    return;
  }
  // eslint-disable-next-line no-console
  console.warn(`\n${'!'.repeat(78)}\n!! SKIPPING "${name}": ${message}\n${'!'.repeat(78)}\n`);
  describe.skip(name, body);
}
