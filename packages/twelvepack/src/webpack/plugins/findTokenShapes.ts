/** A well-known credential format, recognised by its shape whatever variable (if any) it came from. */
export interface TokenShape {
  /** The format, safe to print: it names the kind of credential, never its value. */
  readonly name: string;
  /** Matches the whole token (global: one regex serves search and replace). */
  readonly pattern: RegExp;
}

// The prefixes are the vendors' own, chosen so secret scanners can find them; each pattern asks for the
// length real tokens have, so a prefix alone (in docs, in a library's parser) is no alarm. Stripe test keys
// count too: a secret key in a bundle is a mistake whatever its mode, and a test key still reads and writes
// the account's test data. Google API keys (AIza...) do not: browser keys are public by design (Maps,
// Firebase configs), restricted by referrer instead.
/** The formats the guard knows, in the order it reports them. */
export const TOKEN_SHAPES: readonly TokenShape[] = [
  { name: 'Stripe live secret key (sk_live_/rk_live_)', pattern: /(?<![0-9A-Za-z])[rs]k_live_[0-9A-Za-z]{20,}/g },
  { name: 'Stripe test secret key (sk_test_/rk_test_)', pattern: /(?<![0-9A-Za-z])[rs]k_test_[0-9A-Za-z]{20,}/g },
  { name: 'GitHub token (ghp_/gho_/ghu_/ghs_/ghr_)', pattern: /(?<![0-9A-Za-z])gh[pousr]_[0-9A-Za-z]{36,}/g },
  { name: 'GitHub fine-grained token (github_pat_)', pattern: /(?<![0-9A-Za-z])github_pat_[0-9A-Za-z_]{60,}/g },
  { name: 'Slack token (xoxb-/xoxp-/xoxa-/xoxr-/xoxs-)', pattern: /(?<![0-9A-Za-z])xox[abprs]-[0-9A-Za-z-]{20,}/g },
  // AWS's documented example key (AKIAIOSFODNN7EXAMPLE) sits in SDK docs and comments that source maps carry.
  { name: 'AWS access key id (AKIA/ASIA)', pattern: /(?<![0-9A-Z])(?:AKIA|ASIA)(?![0-9A-Z]{9}EXAMPLE(?![0-9A-Z]))[0-9A-Z]{16}(?![0-9A-Z])/g },
  { name: 'npm token (npm_)', pattern: /(?<![0-9A-Za-z_])npm_[0-9A-Za-z]{36}(?![0-9A-Za-z])/g },
  // Real keys carry T3BlbkFJ (base64 of "OpenAI") in the middle.
  { name: 'OpenAI API key (sk-)', pattern: /(?<![0-9A-Za-z])sk-(?:proj-|svcacct-|admin-)?[0-9A-Za-z_-]{20,}T3BlbkFJ[0-9A-Za-z_-]{20,}/g },
  { name: 'Anthropic API key (sk-ant-)', pattern: /(?<![0-9A-Za-z])sk-ant-(?:api|admin)\d\d-[0-9A-Za-z_-]{80,}/g },
  // A header needs a body: libraries that read or write PEM (node-forge, jsrsasign) hold bare headers as
  // literals. Line breaks may be real, or escaped once (JS, JSON) or twice (a source map's JSON).
  {
    name: 'PEM private key block (-----BEGIN … PRIVATE KEY-----)',
    pattern:
      /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----(?:\s|\\+[rn])+(?:[A-Za-z-]+:[^\r\n\\]*(?:\s|\\+[rn])+)*[A-Za-z0-9+/]{40,}(?:[A-Za-z0-9+/=\s]|\\+[rn])*(?:-----END [A-Z0-9 ]*-----)?/g,
  },
];

/** The name of every format that occurs in the text, once each. Pure. */
export function findTokenShapes(text: string): readonly string[] {
  return TOKEN_SHAPES.filter(({ pattern }) => text.search(pattern) !== -1).map(({ name }) => name);
}
