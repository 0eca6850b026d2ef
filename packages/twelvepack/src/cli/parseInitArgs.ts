import { DEFAULT_TEMPLATE, INIT_TEMPLATES, isTemplateName, type TemplateName } from './initTemplates';

/** The usage line, with the templates' names. */
export const INIT_USAGE = `twelvepack init DIR [--template ${Object.keys(INIT_TEMPLATES).join('|')}] [--toolkit SPEC]`;

/** What `twelvepack init` was asked to do, or why its arguments do not say. */
export type InitArgs =
  | {
      readonly action: 'init';
      readonly dir: string;
      readonly template: TemplateName;
      /** What the app's `twelvepack` dependency names instead of this version (a tarball, `file:...`). */
      readonly toolkit?: string;
    }
  | { readonly action: 'help' }
  | { readonly action: 'usage-error'; readonly message: string };

/**
 * Reads `twelvepack init`'s arguments (after the verb): one folder,
 * `--template NAME` (or `--template=NAME`), default vanilla, and
 * `--toolkit SPEC` (or `--toolkit=SPEC`). Pure.
 */
export function parseInitArgs(args: readonly string[]): InitArgs {
  let dir: string | undefined;
  let template: string = DEFAULT_TEMPLATE;
  let toolkit: string | undefined;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    if (arg === '--help' || arg === '-h') return { action: 'help' };
    if (arg === '--template' || arg.startsWith('--template=')) {
      const value = arg === '--template' ? args[(i += 1)] : arg.slice('--template='.length);
      if (value === undefined || value === '') return usageError('--template needs a name');
      template = value;
    } else if (arg === '--toolkit' || arg.startsWith('--toolkit=')) {
      const value = arg === '--toolkit' ? args[(i += 1)] : arg.slice('--toolkit='.length);
      if (value === undefined || value === '') return usageError('--toolkit needs what to install, such as file:../twelvepack-0.1.0.tgz');
      toolkit = value;
    } else if (arg.startsWith('-') && arg !== '-') {
      return usageError(`unknown option "${arg}"`);
    } else if (dir === undefined) {
      dir = arg;
    } else {
      return usageError(`one folder only (got "${dir}" and "${arg}")`);
    }
  }
  if (dir === undefined || dir === '') return usageError('name the folder to create the app in');
  if (!isTemplateName(template)) {
    return usageError(`unknown template "${template}"; the templates are ${Object.keys(INIT_TEMPLATES).join(', ')}`);
  }
  return toolkit === undefined ? { action: 'init', dir, template } : { action: 'init', dir, template, toolkit };
}

function usageError(message: string): InitArgs {
  return { action: 'usage-error', message };
}
