/**
 * `npm run copies`: writes the copied leaves of the predicate (src/compile/predicate/copies/) from
 * the one template below, {@link PER_MODULE} copies to a module. Why the leaf is written out many
 * times over is told in src/compile/predicate/leaf-copies.ts; test/compile/predicate-copies.test.ts
 * checks that the modules are what this script writes now.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the modules go. */
export const COPIES_DIR = fileURLToPath(new URL('../src/compile/predicate/copies/', import.meta.url));

/** Modules written, and copies in each (a module holds at most 300 lines). */
export const MODULES = 8;
export const PER_MODULE = 4;

// One copy: a closure per path length. How it reads and why it may trust a step is told in
// leaf-copies.ts; this is the code, as the formatter lays it out.
const COPY = `    (s) => {
      if (s.depth === 1) {
        return (r) => {
          try {
            if (typeof r !== 'object' || r === null || !(s.k1 in r)) return s.negated;
            const p = getPrototypeOf(r);
            if (p === null || (p === objectPrototype && !(s.k1 in objectPrototype))) {
              const w = (r as Fields)[s.k1];
              return (s.calls ? s.call(w) : holds(s, w)) !== s.negated;
            }
            const v = (r as Fields)[s.k1];
            if (!(s.calls ? s.call(v) : holds(s, v))) return s.negated;
            return own.call(r, s.k1) && (r as Fields)[s.k1] === v ? !s.negated : s.negated;
          } catch {
            return s.negated;
          }
        };
      }
      if (s.depth === 2) {
        return (r) => {
          try {
            if (typeof r !== 'object' || r === null || !(s.k1 in r)) return s.negated;
            let p = getPrototypeOf(r);
            const t1 = p === null || (p === objectPrototype && !(s.k1 in objectPrototype));
            const a = (r as Fields)[s.k1];
            if (typeof a !== 'object' || a === null || !(s.k2 in a)) return s.negated;
            p = getPrototypeOf(a);
            const t2 = p === null || (p === objectPrototype && !(s.k2 in objectPrototype));
            const v = (a as Fields)[s.k2];
            return (s.calls ? s.call(v) : holds(s, v)) && owns(s, r, a, a, t1, t2, true)
              ? !s.negated
              : s.negated;
          } catch {
            return s.negated;
          }
        };
      }
      return (r) => {
        try {
          if (typeof r !== 'object' || r === null || !(s.k1 in r)) return s.negated;
          let p = getPrototypeOf(r);
          const t1 = p === null || (p === objectPrototype && !(s.k1 in objectPrototype));
          const a = (r as Fields)[s.k1];
          if (typeof a !== 'object' || a === null || !(s.k2 in a)) return s.negated;
          p = getPrototypeOf(a);
          const t2 = p === null || (p === objectPrototype && !(s.k2 in objectPrototype));
          const b = (a as Fields)[s.k2];
          if (typeof b !== 'object' || b === null || !(s.k3 in b)) return s.negated;
          p = getPrototypeOf(b);
          const t3 = p === null || (p === objectPrototype && !(s.k3 in objectPrototype));
          const v = (b as Fields)[s.k3];
          return (s.calls ? s.call(v) : holds(s, v)) && owns(s, r, a, b, t1, t2, t3) ? !s.negated : s.negated;
        } catch {
          return s.negated;
        }
      };
    },
`;

function module(index: number): string {
  return `// Written by scripts/leaf-copies.ts (\`npm run copies\`) from its template: edit that, not this.
import { type Copy, holds as holdsTest, owns as ownsTest } from '../leaf-spec.js';

type Fields = Record<string, unknown>;

function made(
  own: typeof Object.prototype.hasOwnProperty,
  objectPrototype: object,
  getPrototypeOf: typeof Object.getPrototypeOf,
  holds: typeof holdsTest,
  owns: typeof ownsTest,
): Copy[] {
  return [
${COPY.repeat(PER_MODULE)}  ];
}

export const COPIES_${index}: readonly Copy[] = made(
  Object.prototype.hasOwnProperty,
  Object.prototype,
  Object.getPrototypeOf,
  holdsTest,
  ownsTest,
);
`;
}

/** The modules of copies, by file name. */
export function leafCopyModules(): Map<string, string> {
  const files = new Map<string, string>();
  for (let i = 0; i < MODULES; i++) files.set(`copies-${i}.ts`, module(i));
  return files;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  rmSync(COPIES_DIR, { recursive: true, force: true });
  mkdirSync(COPIES_DIR, { recursive: true });
  for (const [name, text] of leafCopyModules()) writeFileSync(join(COPIES_DIR, name), text);
  console.log(`${readdirSync(COPIES_DIR).length} modules in ${COPIES_DIR}`);
}
