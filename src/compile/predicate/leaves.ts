import { type CaseFolding, caseFolder } from '../case-folding.js';
import type { LeafPlan, ValuePlan } from '../plan.js';
import { copiedLeaf } from './copied-leaf.js';
import { dateTimeTest } from './date-time-test.js';
import { BOOLEAN_NE, NUMBER_NE } from './leaf-spec.js';
import { normalizeOperands } from './normalize.js';
import { numberBound, numberBoundTest } from './number-leaves.js';
import { presenceLeaf, strictEqualityLeaf, valueLeaf } from './path-leaves.js';
import {
  foldedEqualityFirst,
  MAX_WRITTEN_OUT,
  numberRangeFirst,
  readsFirst,
  strictAnyFirst,
  strictEqualityFirst,
  valueFirst,
} from './read-first.js';
import type { RecordTest, ValueTest } from './record-test.js';
import { isAsciiText, nativeLowerCasePath, type StringOperator } from './string-fold.js';
import { foldedEqualityLeaf, stringLeaf, stringOperands } from './string-leaves.js';
import { containsAllTest, someMemberTest, valueTest } from './value-tests.js';

/*
 * Which leaf a plan compiles to. The common shapes (one-property equality, number orderings,
 * string tests, date-time comparisons) get leaves written for them, built straight from the plan
 * with nothing allocated beyond the closure; the rest compose a value test with a path reader.
 */

function isStringOperator(operator: string): operator is StringOperator {
  return (
    operator === 'eq' || operator === 'ne' || operator === 'co' || operator === 'sw' || operator === 'in'
  );
}

/** The test of the value at a leaf's path, composed from the general value tests (any leaf). */
export function composedValueTest(plan: ValuePlan, folding: CaseFolding): ValueTest {
  const operands = normalizeOperands(plan.field, plan.typed, folding);
  if (plan.operator === 'ca') return containsAllTest(operands);
  const test = valueTest(plan.operator, operands);
  return plan.field.collection ? someMemberTest(test) : test;
}

/** A leaf with strict equality to `c`: read first where the path allows (see read-first.ts). */
function strictEquality(path: readonly string[], c: unknown, negated: boolean): RecordTest | undefined {
  if (readsFirst(path)) return strictEqualityFirst(path, c, negated);
  return path.length === 1 ? strictEqualityLeaf(path[0]!, c, negated) : undefined;
}

/** `eq`, or `in` with up to four constants, compared strictly: undefined for anything else. */
function strictMembership(plan: ValuePlan, negated: boolean): RecordTest | undefined {
  const { operator, typed, field } = plan;
  const values: readonly unknown[] = typed.values;
  if (operator === 'eq' || (operator === 'in' && values.length === 1)) {
    return strictEquality(field.path, values[0], negated);
  }
  if (operator === 'in' && values.length <= MAX_WRITTEN_OUT && readsFirst(field.path)) {
    return strictAnyFirst(field.path, values, negated);
  }
  return undefined;
}

function numberOrdering(plan: ValuePlan, negated: boolean): RecordTest | undefined {
  const path = plan.field.path;
  const bound = numberBound(plan);
  if (bound !== undefined) return numberBoundTest(bound, negated);
  const { operator } = plan;
  const value = plan.typed.values[0];
  if (typeof value !== 'number' || Number.isNaN(value) || !readsFirst(path)) return undefined;
  const { POSITIVE_INFINITY: up, NEGATIVE_INFINITY: down } = Number;
  if (operator === 'gt' || operator === 'ge') {
    return numberRangeFirst(path, value, operator === 'ge', up, true, negated);
  }
  if (operator === 'lt' || operator === 'le') {
    return numberRangeFirst(path, down, true, value, operator === 'le', negated);
  }
  return undefined;
}

/** `ne` on a number or a boolean, where the path has a copied leaf of its own: undefined otherwise. */
function notEqual(plan: ValuePlan, negated: boolean): RecordTest | undefined {
  const { operator, typed, field } = plan;
  const c = typed.values[0];
  if (operator !== 'ne' || !readsFirst(field.path) || (typeof c === 'number' && Number.isNaN(c))) {
    return undefined;
  }
  return copiedLeaf(field.path, negated, typed.type === 'number' ? NUMBER_NE : BOOLEAN_NE, { c0: c });
}

function valuePlanTest(plan: ValuePlan, folding: CaseFolding, negated: boolean): RecordTest | undefined {
  const { field, operator, typed } = plan;
  const path = field.path;
  const single = operator === 'eq' || (operator === 'in' && typed.values.length === 1);
  switch (typed.type) {
    case 'number':
      return strictMembership(plan, negated) ?? numberOrdering(plan, negated) ?? notEqual(plan, negated);
    case 'boolean':
      return strictMembership(plan, negated) ?? notEqual(plan, negated);
    case 'string': {
      if (!isStringOperator(operator)) return undefined;
      if (single) {
        const first = typed.values[0]!;
        if (field.caseSensitive) {
          const test = strictEquality(path, first, negated);
          if (test !== undefined) return test;
        } else {
          const fold = caseFolder(folding);
          const ascii = isAsciiText(first);
          const text = ascii ? first.toLowerCase() : fold(first);
          const lower = ascii ? folding : nativeLowerCasePath(text, folding);
          if (lower !== undefined && readsFirst(path)) {
            return foldedEqualityFirst(path, text, lower, fold, negated);
          }
          if (lower !== undefined && path.length === 1) {
            return foldedEqualityLeaf(path[0]!, text, lower, fold, negated);
          }
        }
      }
      if (field.caseSensitive && operator === 'in') {
        const test = strictMembership(plan, negated);
        if (test !== undefined) return test;
      }
      const operands = stringOperands(typed.values, field.caseSensitive, folding);
      return stringLeaf(path, single ? 'eq' : operator, operands, negated);
    }
    case 'date-time': {
      const node = plan.nodes[0];
      const literal = node?.kind === 'date-time' && typeof node.text === 'string' ? node.text : undefined;
      if (single) return anyValueLeaf(path, dateTimeTest('eq', typed.values[0]!, literal), negated);
      if (operator === 'gt' || operator === 'ge' || operator === 'lt' || operator === 'le') {
        return anyValueLeaf(path, dateTimeTest(operator, typed.values[0]!, literal), negated);
      }
      return undefined;
    }
  }
}

/** A leaf calling `test` on the value at `path`: read first where the path allows. */
function anyValueLeaf(path: readonly string[], test: ValueTest, negated: boolean): RecordTest {
  return readsFirst(path) ? valueFirst(path, test, negated) : valueLeaf(path, test, negated);
}

/**
 * Compiles one leaf into a record test that never throws, plain or `negated` (the opposite
 * answer in every case, a missing value or a throwing record included).
 */
export function leafTest(plan: LeafPlan, folding: CaseFolding, negated: boolean): RecordTest {
  if (plan.kind === 'presence') return presenceLeaf(plan, negated);
  if (!plan.field.collection) {
    const test = valuePlanTest(plan, folding, negated);
    if (test !== undefined) return test;
  }
  return anyValueLeaf(plan.field.path, composedValueTest(plan, folding), negated);
}
