import { publicConfig } from 'twelvepack/client';
import { Greeting } from './Greeting';

/** The page: the app's name (from the server's environment) and the server's greeting. */
export function App() {
  return (
    <>
      <h1>{publicConfig.PUBLIC_APP_NAME}</h1>
      <Greeting />
    </>
  );
}
