import { schema as defaultSchema, type Config, type VarSpec } from './schema';

/** The config as it may be logged: every secret that is set shows as "[redacted]". Pure. */
export function redactConfig(config: Config, schema: readonly VarSpec[] = defaultSchema): Readonly<Record<string, unknown>> {
  const values = config as Readonly<Record<string, unknown>>;
  return Object.fromEntries(
    schema.map((spec) => [spec.name, spec.exposure === 'secret' && values[spec.name] !== undefined ? '[redacted]' : values[spec.name]]),
  );
}
