import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Writes a deterministic app of `count` TypeScript modules in modern syntax
 * (classes, async/await, destructuring, spread, optional chaining, template
 * literals), each importing two earlier ones, every tenth a JSON file.
 * Returns the entry module's path.
 */
export function generateApp(dir: string, count: number): string {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'src', 'data'), { recursive: true });
  mkdirSync(join(dir, 'public'), { recursive: true });
  writeFileSync(join(dir, 'public', 'index.html'), '<!doctype html><html><head><title>A generated app</title></head><body><div id="app"></div></body></html>\n');
  for (let i = 0; i < count; i += 1) {
    writeFileSync(join(dir, 'src', `module${i}.ts`), moduleSource(i));
    if (i % 10 === 0) writeFileSync(join(dir, 'src', 'data', `data${i}.json`), jsonData(i));
  }
  const imports = Array.from({ length: count }, (_, i) => `import { Widget${i} } from './module${i}';`).join('\n');
  const uses = Array.from({ length: count }, (_, i) => `  new Widget${i}({ id: ${i}, label: 'w${i}' }),`).join('\n');
  writeFileSync(
    join(dir, 'src', 'main.ts'),
    `${imports}\n\nconst widgets = [\n${uses}\n];\n\nvoid Promise.all(widgets.map((widget) => widget.render())).then((parts) => {\n  document.body.textContent = parts.join('\\n');\n});\n`,
  );
  return join(dir, 'src', 'main.ts');
}

/** The source of module i; `variant` changes one literal (the bench's edits). */
export function moduleSource(i: number, variant = 0): string {
  const deps = [i - 1, Math.floor(i / 2) - 1].filter((d) => d >= 0 && d !== i);
  const unique = [...new Set(deps)];
  const json = i % 10 === 0 ? `import data${i} from './data/data${i}.json';\n` : '';
  return `${unique.map((d) => `import { Widget${d} } from './module${d}';`).join('\n')}
${json}
export interface Options${i} {
  readonly id: number;
  readonly label: string;
  readonly tags?: readonly string[];
}

export class Widget${i} {
  #options: Options${i};
  static count = 0;

  constructor(options: Options${i}) {
    this.#options = { tags: ['a', 'b'], ...options };
    Widget${i}.count += 1;
  }

  get summary(): string {
    const { id, label, tags = [] } = this.#options;
    return \`widget \${id} (\${label}) [\${tags.join(', ')}] v${variant}\`;
  }

  async render(): Promise<string> {
    const parts = await Promise.all([${unique.map((d) => `new Widget${d}({ id: ${d}, label: 'dep' }).summary`).join(', ')}].map(async (part) => part.toUpperCase()));
    const extra = ${i % 10 === 0 ? `data${i}.items.map(({ name, value }) => \`\${name}=\${value ?? 0}\`).join(';')` : "''"};
    const maybe = (this.#options as { nested?: { deep?: string } }).nested?.deep ?? 'none';
    return [this.summary, ...parts, extra, maybe].filter(Boolean).join(' | ');
  }

  *entries(): Generator<[string, number]> {
    for (const [index, tag] of (this.#options.tags ?? []).entries()) yield [tag, index * ${i}];
  }
}
`;
}

/** The JSON file imported by every tenth module. */
function jsonData(i: number): string {
  const items = Array.from({ length: 20 }, (_, k) => ({ name: `item${i}-${k}`, value: k % 3 === 0 ? null : k * i }));
  return JSON.stringify({ items }, null, 2);
}

