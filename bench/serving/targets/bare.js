// The ceiling for Node: answers every request from one precomputed buffer (no lookup, no logging).
'use strict';

const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const dir = process.env.DIR ?? '';
const file = process.env.FILE ?? 'index.html';
const encoded = process.env.ENCODING === 'br' ? readFileSync(join(dir, `${file}.br`)) : readFileSync(join(dir, file));
// HEADERS_JSON: send exactly these headers instead (the bench passes twelvepack's own, to price the headers alone).
const headers = process.env.HEADERS_JSON ? { ...JSON.parse(process.env.HEADERS_JSON), 'Content-Length': String(encoded.length) } : {
  'Content-Type': file.endsWith('.js') ? 'text/javascript; charset=utf-8' : 'text/html; charset=utf-8',
  'Content-Length': String(encoded.length),
  ...(process.env.ENCODING === 'br' ? { 'Content-Encoding': 'br' } : {}),
};
require('./clustered')(() => (_req, res) => {
  res.writeHead(200, headers);
  res.end(encoded);
});
