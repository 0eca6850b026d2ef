/**
 * Makes `children` the only children of `parent`, in order: `parent.replaceChildren(...children)` the way
 * IE 11 can run it (it has neither replaceChildren nor append, and core-js polyfills neither), which the
 * ES5 spec (test/e2e/legacyBrowsers.test.ts) checks.
 */
export function replaceChildren(parent: Node, children: readonly Node[]): void {
  parent.textContent = '';
  children.forEach((child) => parent.appendChild(child));
}
