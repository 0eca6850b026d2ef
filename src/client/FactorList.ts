import { replaceChildren } from './replaceChildren';

/** One of the twelve factors, as listed in data/factors.json. */
export interface Factor {
  readonly number: number;
  readonly name: string;
  readonly summary: string;
}

/** Renders the factors as an ordered list, filterable by a search term. */
export class FactorList {
  readonly #factors: readonly Factor[];
  readonly #list: HTMLOListElement;

  constructor(factors: readonly Factor[], document: Document) {
    this.#factors = [...factors].sort((a, b) => a.number - b.number);
    this.#list = document.createElement('ol');
    this.#list.className = 'factors';
  }

  /** The list element, to be placed in the page once. */
  get element(): HTMLOListElement {
    return this.#list;
  }

  /** Shows the factors whose name or summary contains the term (case-insensitive). */
  render(term = ''): number {
    const wanted = term.trim().toLowerCase();
    const shown = this.#factors.filter(({ name, summary }) => `${name} ${summary}`.toLowerCase().includes(wanted));
    const items = shown.map(({ number, name, summary }) => {
      const item = this.#list.ownerDocument.createElement('li');
      item.value = number;
      item.dataset.factor = String(number);
      const title = this.#list.ownerDocument.createElement('strong');
      title.textContent = name;
      item.appendChild(title);
      item.appendChild(this.#list.ownerDocument.createTextNode(` ${summary}`));
      return item;
    });
    replaceChildren(this.#list, items);
    return shown.length;
  }
}
