import { STAMP_FILE } from './buildStamp';

/** Whether an install step builds, and the reason it prints. */
export interface BuildDecision {
  readonly action: 'build' | 'skip';
  readonly reason: string;
}

/**
 * Decides whether an install step (postinstall, heroku-build, heroku-postbuild) builds, once
 * decidePostinstall.js has let it through and the configuration is loaded:
 * not when TWELVEPACK_SKIP_BUILD is set, nor when dist/ is already built from
 * these inputs (so a second install step never builds twice). Pure.
 *
 * @param skipBuild config.TWELVEPACK_SKIP_BUILD, parsed by the config module
 */
export function decideBuild({ skipBuild, stampIsFresh }: { readonly skipBuild: boolean; readonly stampIsFresh: boolean }): BuildDecision {
  if (skipBuild) {
    return { action: 'skip', reason: 'TWELVEPACK_SKIP_BUILD is set; run `npm run build` when you want a production build' };
  }
  if (stampIsFresh) {
    return { action: 'skip', reason: `dist/ is already built from these sources and this environment (${STAMP_FILE})` };
  }
  return { action: 'build', reason: 'building the production bundle into dist/' };
}
