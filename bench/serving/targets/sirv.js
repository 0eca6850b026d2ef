// sirv with its precompressed options (serves the build's .br/.gz siblings), as its docs recommend for production.
'use strict';

const sirv = require('sirv');

require('./clustered')(() => {
  const serve = sirv(process.env.DIR ?? '', { brotli: true, gzip: true, etag: true, immutable: true, single: true });
  return (req, res) => serve(req, res);
});
