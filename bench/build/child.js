'use strict';

// One build in its own process: `node bench/build/child.js '<job json>'`.
require('@babel/register')({ extensions: ['.ts'], ignore: [/[\\/]node_modules[\\/]/] });
require('./buildOnce.ts');
