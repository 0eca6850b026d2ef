// The legacy bundle's AbortController and AbortSignal, for the modules that name them (webpack's ProvidePlugin;
// src/webpack/parts/webApisPart.ts): the browser's own where it has them, else abortcontroller-polyfill's, which
// it also installs on the window. whatwg-fetch's requests honour its signals.
import 'abortcontroller-polyfill/dist/abortcontroller-polyfill-only';

export const { AbortController, AbortSignal } = window;
