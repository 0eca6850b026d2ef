import { rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** How many React views sit on top of a generated app of `modules` modules: one per ten, at least three. */
export const viewCount = (modules: number): number => Math.max(3, Math.ceil(modules / 10));

/**
 * The source of view k: a component with state (a click counter, for Fast Refresh to keep) that shows a
 * widget of the generated app; `variant` changes one literal (the bench's edits). The last view uses the
 * last module, which imports the others through its chain, so every module is in the bundle.
 */
export function viewSource(k: number, modules: number, variant = 0): string {
  const m = Math.min(modules - 1, k * 10 + 9);
  return `import { useState } from 'react';
import { Widget${m} } from '../module${m}';

const widget = new Widget${m}({ id: ${m}, label: 'view${k}' });

/** View ${k}: a widget's summary and a counter whose state an edit must not reset. */
export function View${k}() {
  const [count, setCount] = useState(0);
  return (
    <section className="view" id="view${k}">
      <p className="summary">{widget.summary}</p>
      <button type="button" onClick={() => setCount((n) => n + 1)}>
        clicked <span className="count">{count}</span>
      </button>
      <p className="edit">view ${k} edit ${variant}</p>
    </section>
  );
}
`;
}

/**
 * Turns an app written by generateApp into its React variant: src/views/View*.tsx over the modules and a
 * src/main.tsx entry that renders them into #app (the plain src/main.ts goes). Returns the entry, relative.
 */
export function generateReactViews(dir: string, modules: number): string {
  const count = viewCount(modules);
  mkdirSync(join(dir, 'src', 'views'), { recursive: true });
  for (let k = 0; k < count; k += 1) writeFileSync(join(dir, 'src', 'views', `View${k}.tsx`), viewSource(k, modules));
  const names = Array.from({ length: count }, (_, k) => `View${k}`);
  const imports = names.map((name) => `import { ${name} } from './views/${name}';`).join('\n');
  const main = `import { createRoot } from 'react-dom/client';
${imports}

createRoot(document.getElementById('app')!).render(
  <>
${names.map((name) => `    <${name} />`).join('\n')}
  </>,
);
`;
  rmSync(join(dir, 'src', 'main.ts'));
  writeFileSync(join(dir, 'src', 'main.tsx'), main);
  return 'src/main.tsx';
}
