import { DEFAULT_TEMPLATE, INIT_TEMPLATES, isTemplateName, type TemplateName } from './initTemplates';

/** The usage line, with the templates' names. */
export const INIT_USAGE = `twelvepack init DIR [--template ${Object.keys(INIT_TEMPLATES).join('|')}]`;

/** What `twelvepack init` was asked to do, or why its arguments do not say. */
export type InitArgs =
  | { readonly action: 'init'; readonly dir: string; readonly template: TemplateName }
  | { readonly action: 'help' }
  | { readonly action: 'usage-error'; readonly message: string };

/**
 * Reads `twelvepack init`'s arguments (after the verb): one folder, and
 * `--template NAME` (or `--template=NAME`), default vanilla. Pure.
 */
export function parseInitArgs(args: readonly string[]): InitArgs {
  let dir: string | undefined;
  let template: string = DEFAULT_TEMPLATE;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    if (arg === '--help' || arg === '-h') return { action: 'help' };
    if (arg === '--template' || arg.startsWith('--template=')) {
      const value = arg === '--template' ? args[(i += 1)] : arg.slice('--template='.length);
      if (value === undefined || value === '') return usageError('--template needs a name');
      template = value;
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
  return { action: 'init', dir, template };
}

function usageError(message: string): InitArgs {
  return { action: 'usage-error', message };
}
