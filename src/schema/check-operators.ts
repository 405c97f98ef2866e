import { type DiagnosticAcceptor, quote } from '../diagnostic/index.js';
import {
  isPrimitiveOperator,
  operatorProblem,
  PRIMITIVE_OPERATORS,
  type PrimitiveOperator,
} from '../language/operators.js';
import { literalKindOf } from './accept.js';
import {
  childPointer,
  type DocumentDiagnostic,
  documentError,
  documentWarning,
} from './document-diagnostic.js';
import { readUniqueWords, shown, type UniqueWords } from './read-list.js';
import { listWords } from './suggest.js';
import type { FieldType } from './types.js';

/** Reads `operators`: the known operators, and the index in the list each was read from. */
export function readOperators(
  field: Record<string, unknown>,
  pointer: string,
  report: DiagnosticAcceptor<DocumentDiagnostic>,
): UniqueWords<PrimitiveOperator> | undefined {
  const at = childPointer(pointer, 'operators');
  const list = field.operators;
  if (!Object.hasOwn(field, 'operators') || !Array.isArray(list)) {
    report(documentError('invalid-operators', `${quote('operators')} must be a list of operators`, at));
    return undefined;
  }
  const read = readUniqueWords(
    list,
    at,
    isPrimitiveOperator,
    (item) => {
      const lower = typeof item === 'string' ? item.toLowerCase() : undefined;
      const hint = lower && isPrimitiveOperator(lower) ? `; operators are lowercase: ${quote(lower)}` : '';
      return [
        'unknown-operator',
        `Unknown operator ${shown(item)}${hint}. Operators: ${listWords(PRIMITIVE_OPERATORS)}`,
      ];
    },
    ['duplicate-operator', 'Operator'],
    report,
  );
  if (list.length === 0) {
    report(documentWarning('no-operators', 'The field allows no operator, so no filter can use it', at));
  }
  return read;
}

/** Checks that each operator can apply to the field's type (`ca` needs a collection). */
export function checkOperatorTypes(
  { words: operators, indexes }: UniqueWords<PrimitiveOperator>,
  type: FieldType | undefined,
  collection: boolean,
  pointer: string,
  report: DiagnosticAcceptor<DocumentDiagnostic>,
): void {
  // The rule validate and the compilers apply (an untyped field's literals decide for it).
  const kind = literalKindOf(type);
  operators.forEach((operator, index) => {
    const at = childPointer(childPointer(pointer, 'operators'), indexes[index]!);
    const problem = operatorProblem(operator, kind, collection);
    if (problem === 'collection-only') {
      const message = `${quote(operator)} applies to collection fields only: add ${quote('"collection": true')} or remove it`;
      report(documentError('ca-requires-collection', message, at));
    } else if (problem !== undefined) {
      const why =
        problem === 'text-only'
          ? `compares text, but the field is ${type}: no valid value can use it`
          : 'orders values; booleans have no order';
      report(documentWarning('operator-not-applicable', `${quote(operator)} ${why}`, at));
    }
  });
}
