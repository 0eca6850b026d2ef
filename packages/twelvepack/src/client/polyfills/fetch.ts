// The legacy bundle's fetch, Headers, Request and Response, for the modules that name them (webpack's
// ProvidePlugin; src/webpack/parts/webApisPart.ts): the browser's own where it has them, else whatwg-fetch's,
// which it also installs on the window for every other script.
import 'whatwg-fetch';

export const { fetch, Headers, Request, Response } = window;
