import { PublicEnvPlugin } from '../../src/webpack/plugins/PublicEnvPlugin';
import { publicNames } from '../../src/config/pickPublicEnv';

describe('PublicEnvPlugin', () => {
  it('refuses a variable that is not on the public allowlist, naming it', () => {
    expect(() => new PublicEnvPlugin({ PUBLIC_APP_NAME: 'x', DATABASE_URL: 'postgres://u:p@h/db' }, publicNames())).toThrow(
      /not on the public allowlist: DATABASE_URL/,
    );
  });

  it('refuses the whole environment', () => {
    const wholeEnvironment = { ...process.env } as Record<string, string>;
    expect(() => new PublicEnvPlugin(wholeEnvironment, publicNames())).toThrow(/Never pass the whole environment/);
  });

  it('gathers exactly the public values it was given, whatever .env files or the environment hold', () => {
    const plugin = new PublicEnvPlugin({ PUBLIC_APP_NAME: 'Shop', NODE_ENV: 'production' }, publicNames());
    expect(plugin.gatherVariables()).toEqual({ PUBLIC_APP_NAME: 'Shop', NODE_ENV: 'production' });
  });
});
