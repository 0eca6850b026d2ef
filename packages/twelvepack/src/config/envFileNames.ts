import type { Mode } from './parseConfig';

/**
 * The `.env` cascade for a mode, lowest priority first (Vite's order):
 * `.env`, `.env.local`, `.env.[mode]`, `.env.[mode].local`. Tests skip
 * `.env.local` so a developer's machine cannot change what a test sees
 * (create-react-app does the same).
 */
export function envFileNames(mode: Mode): readonly string[] {
  const local = mode === 'test' ? [] : ['.env.local'];
  return ['.env', ...local, `.env.${mode}`, `.env.${mode}.local`];
}
