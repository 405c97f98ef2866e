import { readPage } from './manual.js';

/** One recipe of docs/architecture.md: its title, its model, the files it names. */
export interface Recipe {
  readonly title: string;
  /** The existing instance the recipe is modelled on (`mysql`, `sw`, `hono`). */
  readonly model: string;
  /** Every file the recipe names, as written (`src/compile/sql/<name>.ts`). */
  readonly files: readonly string[];
  /** Its list, item by item: each item's text and the files it names. */
  readonly items: readonly { readonly text: string; readonly files: readonly string[] }[];
}

/** The file paths written in backquotes in `text`: with a folder, or a root file (`README.md`). */
export function filesNamed(text: string): string[] {
  const found = [...text.matchAll(/`([\w.<>/-]+)`/g)].map((match) => match[1]!);
  return [
    ...new Set(
      found.filter(
        (token) =>
          /\.(ts|md|json|ebnf|html)$/.test(token) &&
          (token.includes('/') || /^[\w-]+\.(md|json)$/.test(token)),
      ),
    ),
  ];
}

/** The section of docs/architecture.md under the `## ` heading `title`. */
export function architectureSection(title: string): string {
  const page = readPage('docs/architecture.md');
  const start = page.indexOf(`\n## ${title}\n`);
  if (start < 0) throw new Error(`docs/architecture.md has no section "${title}"`);
  const end = page.indexOf('\n## ', start + 1);
  return page.slice(start, end < 0 ? undefined : end);
}

/** The recipes of docs/architecture.md, each a `### ` heading under `## Recipes`. */
export function readRecipes(): Recipe[] {
  return architectureSection('Recipes')
    .split('\n### ')
    .slice(1)
    .map((part) => {
      const title = part.slice(0, part.indexOf('\n'));
      const model = /Model: `([\w-]+)`/.exec(part)?.[1];
      if (model === undefined) throw new Error(`the recipe "${title}" names no model`);
      const items = part
        .split('\n- ')
        .slice(1)
        .map((text) => ({ text, files: filesNamed(text) }));
      return { title, model, files: filesNamed(part), items };
    });
}

/** The recipe titled `title`. */
export function recipe(title: string): Recipe {
  const found = readRecipes().find((r) => r.title === title);
  if (found === undefined) throw new Error(`docs/architecture.md has no recipe "${title}"`);
  return found;
}
