import { useEffect, useState } from 'react';
import { getJson } from './getJson';

/** What GET /api/hello answers (src/server/hello.ts). */
interface Hello {
  readonly message: string;
}

/** Asks the server for its greeting once, when it is first shown, and says how that went. */
export function Greeting() {
  const [text, setText] = useState('Asking the server…');

  useEffect(() => {
    // An answer arriving after the component is gone must not set its state.
    let shown = true;
    getJson<Hello>('/api/hello').then(
      ({ message }) => shown && setText(message),
      (error: Error) => shown && setText(`The server did not answer (${error.message}).`),
    );
    return () => {
      shown = false;
    };
  }, []);

  return <p className="answer">{text}</p>;
}
