import { writeStamp } from './buildStamp';
import { spawnProductionBuild, type BuildResult } from './spawnProductionBuild';

/**
 * The production build both verbs run (build, postinstall): the build under
 * its heap cap, and the stamp on success.
 * @param fingerprint of the inputs as they were before the build started (a file edited during the build must rebuild next time)
 */
export async function runStampedBuild({ root, heapMb, fingerprint }: { readonly root: string; readonly heapMb: number; readonly fingerprint: string }): Promise<BuildResult> {
  const result = await spawnProductionBuild({ root, heapMb });
  if (result.ok) writeStamp(root, fingerprint);
  return result;
}
