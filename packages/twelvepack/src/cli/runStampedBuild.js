// The production build both entry points run (npm run build, postinstall): the
// heap cap from TWELVEPACK_BUILD_HEAP_MB, the build, and the stamp on success.
'use strict';

const { writeStamp } = require('./buildStamp');
const { parseBuildHeapMb, spawnProductionBuild } = require('./spawnProductionBuild');

/**
 * @param {{ root: string, heapSetting: string | undefined, fingerprint: string }} options
 *   fingerprint: of the inputs as they were before the build started
 * @returns {Promise<{ ok: true } | { ok: false, status: number, message: string }>}
 */
async function runStampedBuild({ root, heapSetting, fingerprint }) {
  const heap = parseBuildHeapMb(heapSetting);
  if ('problem' in heap) return { ok: false, status: 1, message: heap.problem };
  const result = await spawnProductionBuild({ root, heapMb: heap.heapMb });
  if (result.ok) writeStamp(root, fingerprint);
  return result;
}

module.exports = { runStampedBuild };
