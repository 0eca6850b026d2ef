// The app's manifest (src/app.ts), as the server build resolves it (createServerWebpackConfig's alias).
declare module 'twelvepack-app' {
  import type { AnyApp } from 'twelvepack/app';

  const app: AnyApp;
  export default app;
}
