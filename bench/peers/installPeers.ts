import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where the peers are installed: gitignored, and outside every package.json that the project's `npm ci` reads. */
export const PEERS_DIR = join(__dirname, '..', '.peers');

/**
 * The peers the bench compares twelvepack with, at exact versions so two runs measure the same code.
 * terser is plugin-legacy's peer dependency (it minifies the legacy chunks), pinned as twelvepack pins it.
 */
export const PEER_VERSIONS: Readonly<Record<string, string>> = {
  '@rsbuild/core': '2.3.5',
  '@rsbuild/plugin-react': '2.1.1',
  '@vitejs/plugin-legacy': '8.2.3',
  '@vitejs/plugin-react': '6.3.1',
  terser: '5.51.2',
  vite: '8.4.1',
};

/**
 * npm's install-script policy for the peers' folder. core-js's postinstall only prints a banner; nothing
 * else the peers bring runs a script (their native parts, rolldown's and rspack's, are registry packages).
 */
const ALLOW_SCRIPTS = { 'core-js': false };

/** The pinned peers that are not installed at their pinned version. */
export function missingPeers(): string[] {
  return Object.entries(PEER_VERSIONS)
    .filter(([name, version]) => installedVersion(name) !== version)
    .map(([name, version]) => `${name}@${version}`);
}

/**
 * Installs the pinned peers into bench/.peers when any is missing (a package.json written there lists
 * them), and checks that npm installed what was asked. Does nothing when they are all there.
 */
export function installPeers(log: (line: string) => void): void {
  const missing = missingPeers();
  if (missing.length === 0) return;
  log(`Installing the peers into bench/.peers (once): ${missing.join(', ')}`);
  mkdirSync(PEERS_DIR, { recursive: true });
  const manifest = {
    name: 'twelvepack-bench-peers',
    private: true,
    description: 'What npm run bench compares twelvepack with (bench/peers/installPeers.ts writes this file).',
    dependencies: PEER_VERSIONS,
    allowScripts: ALLOW_SCRIPTS,
  };
  writeFileSync(join(PEERS_DIR, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  execFileSync('npm', ['install', '--prefix', PEERS_DIR, '--no-save', '--no-audit', '--no-fund'], { stdio: ['ignore', 'inherit', 'inherit'] });
  const still = missingPeers();
  if (still.length > 0) throw new Error(`npm did not install ${still.join(', ')} into ${PEERS_DIR}; delete that folder and run the bench again.`);
}

/** The absolute path of a peer's module (its package entry, or a file in it), as Node resolves it from bench/.peers. */
export function peerModule(specifier: string): string {
  return require.resolve(specifier, { paths: [PEERS_DIR] });
}

/** A peer package's folder in bench/.peers. */
export function peerDir(name: string): string {
  return join(PEERS_DIR, 'node_modules', name);
}

function installedVersion(name: string): string | undefined {
  const file = join(peerDir(name), 'package.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { version?: string }).version : undefined;
}
