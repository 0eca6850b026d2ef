import { schema as defaultSchema, type VarSpec } from './schema';

const LABELS: Readonly<Record<VarSpec['exposure'], string>> = {
  public: 'PUBLIC: inlined into the browser bundle, anyone can read it',
  server: 'server only',
  secret: 'SECRET: server only, never logged, the build fails if it reaches the bundle',
};

/**
 * The text `.env.example` must hold: every variable in schema order, one
 * comment each (its doc, then where it may travel), set to its default.
 * Variables without a default are commented out. Pure.
 */
export function formatEnvExample(schema: readonly VarSpec[] = defaultSchema): string {
  const header = [
    '# Every variable twelvepack reads, generated from src/config/schema.ts (a test keeps them in step).',
    '# Copy to .env for development; .env is gitignored. Values already in the environment win.',
    '',
  ];
  const blocks = schema.map((spec) => {
    const assignment = spec.default === undefined ? `# ${spec.name}=` : `${spec.name}=${quote(spec.default)}`;
    return `# ${spec.doc} (${LABELS[spec.exposure]})\n${assignment}\n`;
  });
  return `${header.join('\n')}\n${blocks.join('\n')}`;
}

function quote(value: string): string {
  return /^[\w./:@-]*$/.test(value) ? value : JSON.stringify(value);
}
