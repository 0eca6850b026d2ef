// The previous builds' hashed files, kept in the client build so pages and
// tabs opened before a deploy still load their scripts: written by the build
// verb (cli/keepPreviousBuilds), read by the production server
// (server/static/readKeptBuilds). It sits in config/ because it is the
// contract both sides share.

/** The folder inside dist/client holding one folder per kept build (named by its build id): a dotfolder, never served as such. */
export const KEPT_DIR = '.previous';

/** The list of kept builds inside KEPT_DIR. */
export const KEPT_INDEX = 'kept-builds.json';

/** One kept build: its id (buildIdOf its manifest), and when a newer build replaced it. */
export interface KeptBuild {
  readonly id: string;
  /** ISO time the build stopped being the current one: its age counts from then, not from when it was built. */
  readonly retiredAt: string;
}

/** The index file: the kept builds, newest first. */
export interface KeptBuilds {
  readonly version: 1;
  readonly builds: readonly KeptBuild[];
}

/** How many previous builds keep their hashed files. */
export const KEEP_BUILDS = 3;

/** How long a previous build's hashed files stay after it was replaced, in days. */
export const KEEP_DAYS = 7;
