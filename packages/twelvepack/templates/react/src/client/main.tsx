import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { installErrorReporter } from 'twelvepack/client';
import { App } from './App';

// Uncaught errors in this page land in the server's log (POST /api/client-errors).
installErrorReporter();

const container = document.getElementById('app');
if (container === null) throw new Error('public/index.html must contain an element with id="app".');

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
