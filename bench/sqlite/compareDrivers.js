#!/usr/bin/env node
// node bench/sqlite/compareDrivers.js [ROUNDS]: the SQLite store's statements on better-sqlite3 and on
// node:sqlite (Node 22.13 and later), in the same process, in interleaved rounds, on a WAL file as the
// store opens it. Prints each driver's median time per operation and the ratio, as JSON. It needs a
// better-sqlite3 built for the Node that runs it, found next to the script: copy it into a folder with
// package.json {"allowScripts":{"better-sqlite3":true}}, run `.ci/with-node 24.22.3 11.19.1 npm install
// better-sqlite3@12.11.1` there, then `.ci/with-node 24.22.3 11.19.1 node compareDrivers.js`.
// It decides nothing by itself: packages/twelvepack/docs/decisions/sqlite-driver.md says what we chose.
'use strict';
const { mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const rounds = Number(process.argv[2] ?? 7);
const OPS = 20000;
const schema = 'CREATE TABLE IF NOT EXISTS kv (key TEXT PRIMARY KEY, value TEXT NOT NULL, expires_at INTEGER) WITHOUT ROWID';
const live = 'key = ? AND (expires_at IS NULL OR expires_at > ?)';
const upsertSql =
  'INSERT INTO kv (key, value, expires_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at';

function openBetter(file) {
  const Database = require('better-sqlite3');
  const db = new Database(file, { timeout: 5000 });
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(schema);
  const select = db.prepare(`SELECT value, expires_at FROM kv WHERE ${live}`);
  const upsert = db.prepare(upsertSql);
  const incr = db.transaction((key) => {
    const current = select.get(key, Date.now());
    upsert.run(key, String(BigInt(current?.value ?? '0') + 1n), current?.expires_at ?? null);
  });
  return {
    set: (key, value) => upsert.run(key, value, null),
    get: (key) => select.get(key, Date.now())?.value,
    incr: (key) => incr.immediate(key),
    close: () => db.close(),
  };
}

function openNode(file) {
  const { DatabaseSync } = require('node:sqlite');
  const db = new DatabaseSync(file, { timeout: 5000 });
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;');
  db.exec(schema);
  const select = db.prepare(`SELECT value, expires_at FROM kv WHERE ${live}`);
  const upsert = db.prepare(upsertSql);
  const begin = db.prepare('BEGIN IMMEDIATE');
  const commit = db.prepare('COMMIT');
  const rollback = db.prepare('ROLLBACK');
  return {
    set: (key, value) => upsert.run(key, value, null),
    get: (key) => select.get(key, Date.now())?.value,
    incr: (key) => {
      begin.run();
      try {
        const current = select.get(key, Date.now());
        upsert.run(key, String(BigInt(current?.value ?? '0') + 1n), current?.expires_at ?? null);
        commit.run();
      } catch (error) {
        rollback.run();
        throw error;
      }
    },
    close: () => db.close(),
  };
}

function timeOps(store) {
  const out = {};
  let t = process.hrtime.bigint();
  for (let i = 0; i < OPS; i++) store.set(`k:${i % 1000}`, `value ${i}`);
  out.set = Number(process.hrtime.bigint() - t) / OPS;
  t = process.hrtime.bigint();
  for (let i = 0; i < OPS; i++) store.get(`k:${i % 1000}`);
  out.get = Number(process.hrtime.bigint() - t) / OPS;
  t = process.hrtime.bigint();
  for (let i = 0; i < OPS; i++) store.incr('hits');
  out.incr = Number(process.hrtime.bigint() - t) / OPS;
  return out;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const dir = mkdtempSync(join(tmpdir(), 'twelvepack-sqlite-drivers-'));
const samples = { 'better-sqlite3': [], 'node:sqlite': [] };
try {
  for (let round = 0; round < rounds; round++) {
    for (const [name, open] of [['better-sqlite3', openBetter], ['node:sqlite', openNode]]) {
      const store = open(join(dir, `${name.replace(':', '-')}-${round}.db`));
      samples[name].push(timeOps(store));
      store.close();
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const result = { node: process.version, rounds, opsPerRound: OPS, nsPerOp: {}, nodeSqliteOverBetter: {} };
for (const op of ['set', 'get', 'incr']) {
  const better = median(samples['better-sqlite3'].map((s) => s[op]));
  const node = median(samples['node:sqlite'].map((s) => s[op]));
  result.nsPerOp[op] = { 'better-sqlite3': Math.round(better), 'node:sqlite': Math.round(node) };
  result.nodeSqliteOverBetter[op] = Number((node / better).toFixed(2));
}
console.log(JSON.stringify(result, null, 2));
