import type { CaseFolding } from '../case-folding.js';
import type { LeafPlan, ValuePlan } from '../plan.js';
import { normalizeOperands } from './normalize.js';
import type { RecordTest } from './program.js';
import { pathReader } from './read-path.js';
import {
  containsAllTest,
  nativeLowerCasePath,
  someMemberTest,
  type ValueTest,
  valueTest,
} from './value-tests.js';

// Captured once and called, never looked up on a record (which may shadow it); measurably faster
// than `Object.hasOwn` in V8's hot loops.
const own = Object.prototype.hasOwnProperty;

/*
 * Every leaf catches what a hostile record can throw (a getter, a proxy trap) and then answers as
 * for a missing value. Leaves on a single-property path read it inline, and the commonest tests
 * are written out in full rather than composed, because in a process with many compiled filters
 * every call from one shared closure to another is megamorphic and costs more than the test.
 */

function presenceLeaf(plan: LeafPlan & { kind: 'presence' }): RecordTest {
  const path = plan.field.path;
  const pr = plan.operator === 'pr';
  if (path.length === 1) {
    const key = path[0]!;
    return (r) => {
      try {
        const present =
          typeof r === 'object' &&
          r !== null &&
          own.call(r, key) &&
          (r as Record<string, unknown>)[key] != null;
        return present === pr;
      } catch {
        return !pr;
      }
    };
  }
  const read = pathReader(path);
  return (r) => {
    try {
      return (read(r) != null) === pr;
    } catch {
      return !pr;
    }
  };
}

/** A leaf on one own property whose test is strict equality with a constant. */
function strictEqualityLeaf(key: string, c: unknown): RecordTest {
  return (r) => {
    try {
      return (
        typeof r === 'object' && r !== null && own.call(r, key) && (r as Record<string, unknown>)[key] === c
      );
    } catch {
      return false;
    }
  };
}

type Ordering = 'gt' | 'ge' | 'lt' | 'le';

/** A leaf on one own property that orders a number against a constant, written out per operator. */
function numberOrderingLeaf(key: string, operator: Ordering, c: number): RecordTest {
  const value = (r: unknown): unknown =>
    typeof r === 'object' && r !== null && own.call(r, key) ? (r as Record<string, unknown>)[key] : undefined;
  switch (operator) {
    case 'gt':
      return (r) => {
        try {
          const v = value(r);
          return typeof v === 'number' && v > c;
        } catch {
          return false;
        }
      };
    case 'ge':
      return (r) => {
        try {
          const v = value(r);
          return typeof v === 'number' && v >= c;
        } catch {
          return false;
        }
      };
    case 'lt':
      return (r) => {
        try {
          const v = value(r);
          return typeof v === 'number' && v < c;
        } catch {
          return false;
        }
      };
    case 'le':
      return (r) => {
        try {
          const v = value(r);
          return typeof v === 'number' && v <= c;
        } catch {
          return false;
        }
      };
  }
}

/**
 * Case-insensitive equality on one own property, written out: the same logic as the value test
 * (see `foldedEquality`), without the call, for the commonest filter there is.
 */
function foldedEqualityLeaf(
  key: string,
  text: string,
  path: 'unicode' | 'ascii',
  fold: (text: string) => string,
): RecordTest {
  const length = text.length;
  if (path === 'unicode') {
    return (r) => {
      try {
        if (typeof r !== 'object' || r === null || !own.call(r, key)) return false;
        const v = (r as Record<string, unknown>)[key];
        if (typeof v !== 'string' || v.length !== length) return false;
        const lower = v.toLowerCase();
        return lower === text || (lower.length !== length && fold(v) === text);
      } catch {
        return false;
      }
    };
  }
  const hasK = text.includes('k');
  return (r) => {
    try {
      if (typeof r !== 'object' || r === null || !own.call(r, key)) return false;
      const v = (r as Record<string, unknown>)[key];
      return (
        typeof v === 'string' &&
        v.length === length &&
        v.toLowerCase() === text &&
        !(hasK && v.includes('\u212a'))
      );
    } catch {
      return false;
    }
  };
}

/** A leaf on one own property: a string, folded or not, is one of a set of constants. */
function stringSetLeaf(
  key: string,
  constants: readonly string[],
  fold: ((text: string) => string) | undefined,
): RecordTest {
  const set = new Set(constants);
  const f = fold ?? ((text: string) => text);
  return (r) => {
    try {
      if (typeof r !== 'object' || r === null || !own.call(r, key)) return false;
      const v = (r as Record<string, unknown>)[key];
      return typeof v === 'string' && set.has(f(v));
    } catch {
      return false;
    }
  };
}

function isOrdering(operator: string): operator is Ordering {
  return operator === 'gt' || operator === 'ge' || operator === 'lt' || operator === 'le';
}

function valueLeafTest(plan: ValuePlan, folding: CaseFolding): { test: ValueTest; strict?: unknown } {
  const operands = normalizeOperands(plan.field, plan.typed, folding);
  if (plan.operator === 'ca') return { test: containsAllTest(operands) };
  const test = valueTest(plan.operator, operands);
  if (plan.field.collection) return { test: someMemberTest(test) };
  const single = plan.operator === 'eq' || (plan.operator === 'in' && operands.constants.length === 1);
  if (single && operands.fold === undefined && operands.type !== 'date-time') {
    return { test, strict: operands.constants[0] };
  }
  return { test };
}

/** Compiles one leaf into a record test that never throws. */
export function leafTest(plan: LeafPlan, folding: CaseFolding): RecordTest {
  if (plan.kind === 'presence') return presenceLeaf(plan);
  const { test, strict } = valueLeafTest(plan, folding);
  const path = plan.field.path;
  if (path.length !== 1) {
    const read = pathReader(path);
    return (r) => {
      try {
        return test(read(r));
      } catch {
        return false;
      }
    };
  }
  const key = path[0]!;
  if (strict !== undefined) return strictEqualityLeaf(key, strict);
  if (!plan.field.collection && plan.typed.type === 'number' && isOrdering(plan.operator)) {
    return numberOrderingLeaf(key, plan.operator, plan.typed.values[0]!);
  }
  const single = plan.operator === 'eq' || (plan.operator === 'in' && plan.typed.values.length === 1);
  if (!plan.field.collection && plan.typed.type === 'string' && single && !plan.field.caseSensitive) {
    const operands = normalizeOperands(plan.field, plan.typed, folding);
    const text = operands.constants[0] as string;
    const path = nativeLowerCasePath(text, folding);
    if (path !== undefined) return foldedEqualityLeaf(key, text, path, operands.fold!);
  }
  if (
    !plan.field.collection &&
    plan.typed.type === 'string' &&
    plan.operator === 'in' &&
    plan.typed.values.length > 1
  ) {
    const operands = normalizeOperands(plan.field, plan.typed, folding);
    return stringSetLeaf(key, operands.constants as string[], operands.fold);
  }
  return (r) => {
    try {
      return (
        typeof r === 'object' && r !== null && own.call(r, key) && test((r as Record<string, unknown>)[key])
      );
    } catch {
      return false;
    }
  };
}
