// The legacy bundle's TextEncoder and TextDecoder, for the modules that name them (webpack's ProvidePlugin;
// src/webpack/parts/webApisPart.ts): the browser's own where it has them, else fast-text-encoding's (UTF-8 only:
// a TextDecoder for another encoding throws a RangeError), which it also installs on the window.
import 'fast-text-encoding';

export const { TextEncoder, TextDecoder } = window;
