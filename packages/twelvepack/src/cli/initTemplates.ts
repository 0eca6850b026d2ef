/** A template `twelvepack init` writes an app from (its files are in the toolkit's templates/<name>/). */
export interface InitTemplate {
  /** One line, for the usage and the help. */
  readonly doc: string;
  /** The app's run-time packages besides twelvepack, at the versions the toolkit pins. */
  readonly dependencies: readonly string[];
  /** Its test and type packages besides every app's (COMMON_DEV_DEPENDENCIES). */
  readonly devDependencies: readonly string[];
}

/** The templates, by name; the first is the default. */
export const INIT_TEMPLATES = {
  vanilla: { doc: 'TypeScript and the DOM, no framework', dependencies: [], devDependencies: [] },
  react: {
    doc: 'React with createRoot, the JSX runtime set in tsconfig.json',
    dependencies: ['react', 'react-dom'],
    // Its component specs (src/client/**/*.test.tsx) run in jsdom with Testing Library (the template's jest.config.js).
    devDependencies: ['@testing-library/dom', '@testing-library/react', '@types/react', '@types/react-dom', 'jest-environment-jsdom'],
  },
} as const satisfies Record<string, InitTemplate>;

/** A template's name. */
export type TemplateName = keyof typeof INIT_TEMPLATES;

/** The template `twelvepack init` uses without --template. */
export const DEFAULT_TEMPLATE: TemplateName = 'vanilla';

/** What every app's specs and type-check need (jest through the toolkit's Babel config, tsc). */
export const COMMON_DEV_DEPENDENCIES = ['@types/jest', '@types/node', 'babel-jest', 'jest', 'typescript'] as const;

/** Whether a name is one of the templates. */
export function isTemplateName(name: string): name is TemplateName {
  return Object.hasOwn(INIT_TEMPLATES, name);
}
