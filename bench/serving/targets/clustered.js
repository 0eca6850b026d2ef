// Runs a baseline server in WORKERS processes (Node cluster, round-robin), like WEB_CONCURRENCY.
'use strict';

/** @type {import('node:cluster').Cluster} */
const cluster = /** @type {any} */ (require('node:cluster'));
const http = require('node:http');

/** @param {() => import('node:http').RequestListener} makeHandler */
module.exports = function clustered(makeHandler) {
  const workers = Number(process.env.WORKERS ?? '1');
  if (cluster.isPrimary && workers > 1) {
    for (let i = 0; i < workers; i += 1) cluster.fork();
    process.on('SIGTERM', () => {
      for (const worker of Object.values(cluster.workers ?? {})) worker?.kill();
      process.exit(0);
    });
    return;
  }
  const server = http.createServer(makeHandler());
  server.keepAliveTimeout = 65_000;
  server.listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.('ready'));
};
