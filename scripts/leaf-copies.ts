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
export const MODULES = 32;
export const PER_MODULE = 1;

// One copy: a closure per path length. How it reads and why it may trust a step is told in
// leaf-copies.ts; this is the code, as the formatter lays it out.
const COPY = `    (s) => {
      const holds = (v: unknown): boolean => {
        switch (s.test) {
          case 0: // STRICT
            return v === s.c0;
          case 1: // STRICT_ANY
            return v === s.c0 || v === s.c1 || v === s.c2 || v === s.c3;
          case 2: // RANGE
            return (
              typeof v === 'number' &&
              (s.loInclusive ? v >= s.lo : v > s.lo) &&
              (s.hiInclusive ? v <= s.hi : v < s.hi)
            );
          case 3: // NUMBER_NE
            return typeof v === 'number' && !Number.isNaN(v) && v !== s.c0;
          case 4: // BOOLEAN_NE
            return typeof v === 'boolean' && v !== s.c0;
          case 5: // PRESENT
            return v != null && !Number.isNaN(v);
          case 6: // STRING_NE
            return typeof v === 'string' && v !== s.c0;
          case 7: // STRING_CO
            return typeof v === 'string' && v.includes(s.c0 as string);
          case 8: // STRING_SW
            return typeof v === 'string' && v.startsWith(s.c0 as string);
          default:
            return s.call(v);
        }
      };
      const proof1 = (o: object, x: unknown): boolean => {
        if (!(s.k1 in o)) return false;
        const p = getPrototypeOf(o);
        if (!(p === null || (p === objectPrototype && !(s.k1 in objectPrototype))) && !own.call(o, s.k1)) {
          return false;
        }
        return (o as Fields)[s.k1] === x;
      };
      const proof2 = (o: object, x: unknown): boolean => {
        if (!(s.k2 in o)) return false;
        const p = getPrototypeOf(o);
        if (!(p === null || (p === objectPrototype && !(s.k2 in objectPrototype))) && !own.call(o, s.k2)) {
          return false;
        }
        return (o as Fields)[s.k2] === x;
      };
      const proof3 = (o: object, x: unknown): boolean => {
        if (!(s.k3 in o)) return false;
        const p = getPrototypeOf(o);
        if (!(p === null || (p === objectPrototype && !(s.k3 in objectPrototype))) && !own.call(o, s.k3)) {
          return false;
        }
        return (o as Fields)[s.k3] === x;
      };
      if (s.depth === 1 && s.passesMost) {
        return (r) => {
          try {
            if (typeof r !== 'object' || r === null || !(s.k1 in r)) return s.negated;
            const p = getPrototypeOf(r);
            const t1 = p === null || (p === objectPrototype && !(s.k1 in objectPrototype));
            const v = (r as Fields)[s.k1];
            if (!holds(v)) return s.negated;
            return t1 || proof1(r, v) ? !s.negated : s.negated;
          } catch {
            return s.negated;
          }
        };
      }
      if (s.depth === 1) {
        return (r) => {
          try {
            if (typeof r !== 'object' || r === null) return s.negated;
            const v = (r as Fields)[s.k1];
            return holds(v) && proof1(r, v) ? !s.negated : s.negated;
          } catch {
            return s.negated;
          }
        };
      }
      if (s.depth === 2 && s.passesMost) {
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
            if (!holds(v) || !(t1 || proof1(r, a))) return s.negated;
            return t2 || proof2(a, v) ? !s.negated : s.negated;
          } catch {
            return s.negated;
          }
        };
      }
      if (s.depth === 2) {
        return (r) => {
          try {
            if (typeof r !== 'object' || r === null) return s.negated;
            const a = (r as Fields)[s.k1];
            if (typeof a !== 'object' || a === null) return s.negated;
            const v = (a as Fields)[s.k2];
            return holds(v) && proof1(r, a) && proof2(a, v) ? !s.negated : s.negated;
          } catch {
            return s.negated;
          }
        };
      }
      if (s.passesMost) {
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
            if (!holds(v) || !(t1 || proof1(r, a)) || !(t2 || proof2(a, b))) return s.negated;
            return t3 || proof3(b, v) ? !s.negated : s.negated;
          } catch {
            return s.negated;
          }
        };
      }
      return (r) => {
        try {
          if (typeof r !== 'object' || r === null) return s.negated;
          const a = (r as Fields)[s.k1];
          if (typeof a !== 'object' || a === null) return s.negated;
          const b = (a as Fields)[s.k2];
          if (typeof b !== 'object' || b === null) return s.negated;
          const v = (b as Fields)[s.k3];
          return holds(v) && proof1(r, a) && proof2(a, b) && proof3(b, v) ? !s.negated : s.negated;
        } catch {
          return s.negated;
        }
      };
    },
`;

function module(index: number): string {
  return `// Written by scripts/leaf-copies.ts (\`npm run copies\`) from its template: edit that, not this.
import type { Copy } from '../leaf-spec.js';

type Fields = Record<string, unknown>;

function made(
  own: typeof Object.prototype.hasOwnProperty,
  objectPrototype: object,
  getPrototypeOf: typeof Object.getPrototypeOf,
): Copy[] {
  return [
${COPY.repeat(PER_MODULE)}  ];
}

export const COPIES_${index}: readonly Copy[] = made(
  Object.prototype.hasOwnProperty,
  Object.prototype,
  Object.getPrototypeOf,
);
`;
}

/** The modules of copies, by file name. */
export function leafCopyModules(): Map<string, string> {
  const files = new Map<string, string>();
  const imports: string[] = [];
  const spreads: string[] = [];
  for (let i = 0; i < MODULES; i++) {
    files.set(`copies-${i}.ts`, module(i));
    imports.push(`import { COPIES_${i} } from './copies-${i}.js';\n`);
    spreads.push(`  ...COPIES_${i},\n`);
  }
  const index = `// Written by scripts/leaf-copies.ts (\`npm run copies\`): every copy, in order.

import type { Copy } from '../leaf-spec.js';
${imports.join('')}
export const COPIES: readonly Copy[] = [
${spreads.join('')}];
`;
  files.set('index.ts', index);
  return files;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  rmSync(COPIES_DIR, { recursive: true, force: true });
  mkdirSync(COPIES_DIR, { recursive: true });
  for (const [name, text] of leafCopyModules()) writeFileSync(join(COPIES_DIR, name), text);
  console.log(`${readdirSync(COPIES_DIR).length} modules in ${COPIES_DIR}`);
}
