import { schema as defaultSchema, type Config, type VarSpec } from './schema';
import { maskValue } from './maskValue';
import { strengthProblems } from './strengthProblems';

/** A mode selects `.env.[mode]` files and the default NODE_ENV. */
export type Mode = 'development' | 'production' | 'test';

/** One thing wrong with the environment, phrased for the person who must fix it. */
export interface ConfigProblem {
  /** The variable at fault. */
  readonly name: string;
  /** What was expected, what was given (masked when secret), and what to do. */
  readonly message: string;
}

/** What parsing found: a config, or every problem at once. */
export type ParseResult =
  | { readonly ok: true; readonly config: Config & Readonly<Record<string, string | number | boolean | undefined>> }
  | { readonly ok: false; readonly problems: readonly ConfigProblem[] };

/** Input to {@link parseConfig}. */
export interface ParseInput {
  /** Raw values, already merged from `.env` files and the environment. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The mode that picked the `.env` files; NODE_ENV defaults to it. */
  readonly mode: Mode;
  /** For each variable whose value came from `${}` expansion, the names it referred to. */
  readonly references?: ReadonlyMap<string, readonly string[]>;
  /** The schema to validate against (tests pass their own). */
  readonly schema?: readonly VarSpec[];
}

const FIX = 'Set it in .env or the environment (see .env.example).';

/** Validates raw values against the schema. Pure: reports every problem, never throws. */
export function parseConfig({ env, mode, references = new Map(), schema = defaultSchema }: ParseInput): ParseResult {
  const problems: ConfigProblem[] = [];
  const values: Record<string, string | number | boolean | undefined> = {};
  const byName = new Map(schema.map((spec) => [spec.name, spec]));

  for (const spec of schema) {
    const raw = env[spec.name];
    const given = raw === undefined || raw === '' ? defaultFor(spec, mode) : raw;
    if (given === undefined) {
      values[spec.name] = undefined;
      continue;
    }
    const parsed = parseValue(spec, given);
    if (parsed.ok) values[spec.name] = parsed.value;
    else problems.push({ name: spec.name, message: `${spec.name} ${parsed.expected} (got ${maskValue(spec, given)}). ${FIX}` });
  }

  problems.push(...orderProblems(schema, values));
  problems.push(...strengthProblems(schema, values, mode));

  for (const [name, referred] of references) {
    if (byName.get(name)?.exposure !== 'public') continue;
    const hidden = referred.filter((ref) => byName.get(ref)?.exposure !== 'public');
    if (hidden.length > 0) {
      problems.push({
        name,
        message:
          `${name} is public but its value expands \${${hidden.join('}, ${')}}, which is not public, ` +
          `so it would carry that value into the browser bundle. Write the value out in ${name}, or make the referenced variable public.`,
      });
    }
  }

  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, config: Object.freeze(values) as Config & Readonly<Record<string, string | number | boolean | undefined>> };
}

/** Each `atMost` pair whose values, both valid on their own, are in the wrong order (or whose other variable is no integer). */
function orderProblems(schema: readonly VarSpec[], values: Readonly<Record<string, unknown>>): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  for (const spec of schema) {
    if (spec.atMost === undefined) continue;
    const other = schema.find((candidate) => candidate.name === spec.atMost);
    if (other?.type !== 'integer' || spec.type !== 'integer') {
      problems.push({ name: spec.name, message: `${spec.name} declares atMost: '${spec.atMost}', but both must be declared integer variables: fix the declaration.` });
      continue;
    }
    const value = values[spec.name];
    const limit = values[other.name];
    if (typeof value === 'number' && typeof limit === 'number' && value > limit) {
      problems.push({
        name: spec.name,
        message: `${spec.name} must not be larger than ${other.name} (got ${spec.name}=${value}, ${other.name}=${limit}). Lower ${spec.name} or raise ${other.name}. ${FIX}`,
      });
    }
  }
  return problems;
}

function defaultFor(spec: VarSpec, mode: Mode): string | undefined {
  return spec.name === 'NODE_ENV' ? mode : spec.default;
}

type Parsed = { ok: true; value: string | number | boolean } | { ok: false; expected: string };

const BOOLEANS: Readonly<Record<string, boolean>> = { true: true, '1': true, yes: true, false: false, '0': false, no: false };

function parseValue(spec: VarSpec, raw: string): Parsed {
  switch (spec.type) {
    case 'string':
      return { ok: true, value: raw };
    case 'integer': {
      const min = spec.min ?? Number.MIN_SAFE_INTEGER;
      const max = spec.max ?? Number.MAX_SAFE_INTEGER;
      const value = Number(raw.trim());
      const fits = /^-?\d+$/.test(raw.trim()) && value >= min && value <= max;
      return fits ? { ok: true, value } : { ok: false, expected: `must be a whole number from ${min} to ${max}` };
    }
    case 'boolean': {
      const value = BOOLEANS[raw.trim().toLowerCase()];
      return value === undefined ? { ok: false, expected: 'must be true or false' } : { ok: true, value };
    }
    case 'enum': {
      const values = spec.values ?? [];
      return values.includes(raw) ? { ok: true, value: raw } : { ok: false, expected: `must be one of ${values.join(', ')}` };
    }
    case 'url':
      // canParse alone takes `localhost:6379` for a URL with scheme `localhost:`.
      return /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) && URL.canParse(raw)
        ? { ok: true, value: raw }
        : { ok: false, expected: 'must be an absolute URL such as redis://host:6379' };
  }
}
