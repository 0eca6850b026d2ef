/**
 * The `--env` key that moves an app's build output (createAppWebpackConfig):
 * `twelvepack build` builds into a staging folder, which replaces dist/ only
 * when both builds pass every guard. Its own module, so the CLI can name it
 * without loading webpack's plugins.
 */
export const OUT_DIR_ENV = 'twelvepackOutDir';
