// The toolkit's browser code sees only the public variables, each by name (as an app's does).
import type { PublicEnv } from './index';

declare global {
  const process: { readonly env: PublicEnv };
}
