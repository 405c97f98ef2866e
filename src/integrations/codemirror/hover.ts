/// <reference lib="dom" />
import { syntaxTree } from '@codemirror/language';
import type { EditorState, Extension } from '@codemirror/state';
import { hoverTooltip, type Tooltip } from '@codemirror/view';
import { operatorMeaning } from '../../language/operators.js';
import type { FieldSchema, Schema } from '../../schema/types.js';
import { filterSchemaOf } from './schema-state.js';

/** The lines a hover shows for a field: its type, operators, values and description. */
export function describeField(name: string, field: FieldSchema | undefined): string[] {
  if (field === undefined) return [`${name}: not a field of this endpoint`];
  const type = field.collection ? `collection of ${field.type}` : field.type;
  const lines = [`${name}: ${type}`, `operators: ${field.operators.join(' ') || '(none)'}`];
  if (field.enum) lines.push(`values: ${field.enum.join(', ')}`);
  if (field.caseSensitive !== undefined) {
    lines.push(field.caseSensitive ? 'case-sensitive' : 'case-insensitive');
  }
  if (field.description) lines.push(field.description);
  return lines;
}

function fieldOf(schema: Schema | undefined, name: string): FieldSchema | undefined {
  // Own properties only: `__proto__` or `toString` are not fields.
  return schema && Object.hasOwn(schema.fields, name) ? schema.fields[name] : undefined;
}

/** The tooltip for the token at `pos`: a field's declaration, or an operator's (or `and`/`or`/`not`'s) meaning. */
export function hoverAt(
  state: EditorState,
  schema: Schema | undefined,
  pos: number,
  side: -1 | 1,
): Tooltip | null {
  const node = syntaxTree(state).resolveInner(pos, side);
  let lines: string[];
  if (node.name === 'Field' && schema !== undefined) {
    const name = state.sliceDoc(node.from, node.to);
    lines = describeField(name, fieldOf(schema, name));
  } else if (node.name === 'Operator' || node.name === 'Connective' || node.name === 'Not') {
    // The meaning the operator table gives (`EQ`, repaired, reads as `eq`).
    const word = state.sliceDoc(node.from, node.to).toLowerCase();
    const meaning = operatorMeaning(word);
    if (meaning === undefined) return null;
    lines = [`${word}: ${meaning}`];
  } else {
    return null;
  }
  return {
    pos: node.from,
    end: node.to,
    above: true,
    create(view) {
      const dom = view.dom.ownerDocument.createElement('div');
      dom.className = 'cm-v3f-hover';
      for (const [index, line] of lines.entries()) {
        const row = dom.appendChild(view.dom.ownerDocument.createElement('div'));
        if (index === 0) row.className = 'cm-v3f-hover-title';
        row.textContent = line;
      }
      return { dom };
    },
  };
}

/** Hover tooltips over fields (type, operators, values) and operators and connectives (meaning). */
export function filterHover(): Extension {
  return hoverTooltip((view, pos, side) => hoverAt(view.state, filterSchemaOf(view.state), pos, side));
}
