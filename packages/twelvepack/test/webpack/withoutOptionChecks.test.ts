import CompressionPlugin from 'compression-webpack-plugin';
import { disableValidation, enableValidation, needValidate } from 'schema-utils';
import { withoutOptionChecks } from '../../src/webpack/withoutOptionChecks';

// A plugin option schema-utils refuses: CompressionPlugin checks its options when it is made.
const withBadOption = () => new CompressionPlugin({ unknownOption: true } as never);

describe('withoutOptionChecks', () => {
  afterEach(() => enableValidation());

  it("makes plugins without checking their options, then checks again: an app's own plugins are still checked", () => {
    expect(withBadOption).toThrow(/unknown property 'unknownOption'/);
    expect(withoutOptionChecks(withBadOption)).toBeInstanceOf(CompressionPlugin);
    expect(needValidate()).toBe(true);
    expect(withBadOption).toThrow(/unknown property 'unknownOption'/);
  });

  it('checks again when what it ran threw', () => {
    expect(() =>
      withoutOptionChecks(() => {
        throw new Error('a broken config');
      }),
    ).toThrow('a broken config');
    expect(withBadOption).toThrow(/unknown property/);
  });

  it('keeps the checks off until a promise it returns settles (the dev server starting), then checks again', async () => {
    let finish: () => void = () => undefined;
    const started = withoutOptionChecks(() => new Promise<void>((resolve) => (finish = resolve)));
    expect(needValidate()).toBe(false);
    expect(withBadOption()).toBeInstanceOf(CompressionPlugin);
    finish();
    await started;
    expect(needValidate()).toBe(true);
    expect(withBadOption).toThrow(/unknown property/);
  });

  it('leaves the checks off when they were off before', () => {
    disableValidation();
    withoutOptionChecks(() => undefined);
    expect(needValidate()).toBe(false);
  });
});
