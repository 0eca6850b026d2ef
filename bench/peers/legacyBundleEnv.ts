/**
 * The variable that picks a pair build or the modern bundle alone: twelvepack's config module reads it,
 * and the peers' generated configs read it too, so one switch drives all three tools.
 */
export function legacyBundleEnv(modernOnly: boolean): Record<string, string> {
  return { TWELVEPACK_LEGACY_BUNDLE: modernOnly ? 'false' : 'true' };
}
