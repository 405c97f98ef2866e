import { type CaseFolding, caseFolder } from '../case-folding.js';
import type { LeafPlan, ValuePlan } from '../plan.js';
import { dateTimeTest } from './date-time-test.js';
import { normalizeOperands } from './normalize.js';
import { numberBound, numberBoundTest } from './number-leaves.js';
import { presenceLeaf, strictEqualityLeaf, valueLeaf } from './path-leaves.js';
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

function valuePlanTest(plan: ValuePlan, folding: CaseFolding, negated: boolean): RecordTest | undefined {
  const { field, operator, typed } = plan;
  const path = field.path;
  const single = operator === 'eq' || (operator === 'in' && typed.values.length === 1);
  switch (typed.type) {
    case 'number': {
      const bound = numberBound(plan);
      if (bound !== undefined) return numberBoundTest(bound, negated);
      if (single && path.length === 1) return strictEqualityLeaf(path[0]!, typed.values[0], negated);
      return undefined;
    }
    case 'boolean':
      if (single && path.length === 1) return strictEqualityLeaf(path[0]!, typed.values[0], negated);
      return undefined;
    case 'string': {
      if (!isStringOperator(operator)) return undefined;
      if (single && path.length === 1) {
        const first = typed.values[0]!;
        if (field.caseSensitive) return strictEqualityLeaf(path[0]!, first, negated);
        const fold = caseFolder(folding);
        const ascii = isAsciiText(first);
        const text = ascii ? first.toLowerCase() : fold(first);
        const lower = ascii ? folding : nativeLowerCasePath(text, folding);
        if (lower !== undefined) return foldedEqualityLeaf(path[0]!, text, lower, fold, negated);
      }
      const operands = stringOperands(typed.values, field.caseSensitive, folding);
      return stringLeaf(path, single ? 'eq' : operator, operands, negated);
    }
    case 'date-time': {
      const node = plan.nodes[0];
      const literal = node?.kind === 'date-time' && typeof node.text === 'string' ? node.text : undefined;
      if (single) return valueLeaf(path, dateTimeTest('eq', typed.values[0]!, literal), negated);
      if (operator === 'gt' || operator === 'ge' || operator === 'lt' || operator === 'le') {
        return valueLeaf(path, dateTimeTest(operator, typed.values[0]!, literal), negated);
      }
      return undefined;
    }
  }
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
  return valueLeaf(plan.field.path, composedValueTest(plan, folding), negated);
}
