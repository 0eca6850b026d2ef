import { publicConfig } from 'twelvepack/client';
import styles from './App.module.css';
import { Greeting } from './Greeting';
import logo from './logo.svg';

/** The page: the logo and the app's name (from the server's environment), and the server's greeting. */
export function App() {
  return (
    <>
      <header className={styles.header}>
        <img className={styles.logo} src={logo} alt="" />
        <h1>{publicConfig.PUBLIC_APP_NAME}</h1>
      </header>
      <Greeting />
    </>
  );
}
