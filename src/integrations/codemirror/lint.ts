import { type Action, type Diagnostic as EditorDiagnostic, linter } from '@codemirror/lint';
import type { Extension } from '@codemirror/state';
import type { EditorView } from '@codemirror/view';
import type { Diagnostic, Fix } from '../../diagnostic/diagnostic.js';
import type { Schema } from '../../schema/types.js';
import type { ParseLimits } from '../../syntax/limits.js';
import { parse } from '../../syntax/parse.js';
import { validate } from '../../validate/validate.js';
import { EDITOR_MAX_LENGTH } from './language.js';
import { filterSchemaOf } from './schema-state.js';

/**
 * Every problem of `text`: the parser's, then (when it parses and a schema is given) the
 * validator's. An empty or blank text has none: an empty `filters` parameter counts as absent.
 */
export function checkFilter(
  text: string,
  schema: Schema | undefined,
  limits?: Partial<ParseLimits>,
): readonly Diagnostic[] {
  if (text.trim() === '') return [];
  const parsed = parse(text, limits === undefined ? undefined : { limits });
  if (!parsed.ok || schema === undefined) return parsed.diagnostics;
  return [...parsed.diagnostics, ...validate(parsed.ast, schema, { text })];
}

/**
 * Turns a library diagnostic into CodeMirror's: the same span (clamped to the document), the
 * code as `source`, and each fix as an action that applies its edits in one transaction.
 */
export function toEditorDiagnostic(diagnostic: Diagnostic, length: number): EditorDiagnostic {
  const from = Math.min(Math.max(diagnostic.span.start, 0), length);
  const to = Math.min(Math.max(diagnostic.span.end, from), length);
  const result: EditorDiagnostic = {
    from,
    to,
    severity: diagnostic.severity,
    message: diagnostic.message,
    source: diagnostic.code,
  };
  if (diagnostic.fixes && diagnostic.fixes.length > 0) {
    result.actions = diagnostic.fixes.map((fix) => fixAction(fix, from));
  }
  return result;
}

/**
 * An action applying `fix`. Its edits are offsets into the text that was linted; when the
 * document changed since, CodeMirror hands `apply` the diagnostic's mapped start, and the edits
 * move by the same distance.
 */
function fixAction(fix: Fix, lintedFrom: number): Action {
  return {
    name: fix.message,
    apply(view: EditorView, from: number) {
      const shift = from - lintedFrom;
      const length = view.state.doc.length;
      const changes = fix.edits.map((edit) => ({
        from: Math.min(Math.max(edit.span.start + shift, 0), length),
        to: Math.min(Math.max(edit.span.end + shift, 0), length),
        insert: edit.text,
      }));
      view.dispatch({ changes, userEvent: 'input.fix' });
    },
  };
}

/** Options of {@link filterLinter}. */
export interface FilterLintOptions {
  /** Parse limits (default: the library's, e.g. 4,096 characters). */
  readonly limits?: Partial<ParseLimits>;
  /** Milliseconds after the last change before linting (CodeMirror's default: 750). */
  readonly delay?: number;
}

/**
 * The one diagnostic for a document longer than {@link EDITOR_MAX_LENGTH}: it is not checked, and
 * the part past the limit (which the editor leaves plain) is marked.
 */
export function tooLongForEditor(length: number): EditorDiagnostic {
  return {
    from: EDITOR_MAX_LENGTH,
    to: length,
    severity: 'error',
    message: `The filter is ${length} characters long: past ${EDITOR_MAX_LENGTH}, this editor neither highlights nor checks it`,
    source: 'editor-too-long',
  };
}

/**
 * Lints the document with `parse` and `validate` against the editor's schema, again whenever
 * that schema changes (`setFilterSchema`). A document longer than {@link EDITOR_MAX_LENGTH} gets
 * one notice instead ({@link tooLongForEditor}).
 */
export function filterLinter(options: FilterLintOptions = {}): Extension {
  return linter(
    (view) => {
      const length = view.state.doc.length;
      if (length > EDITOR_MAX_LENGTH) return [tooLongForEditor(length)];
      const text = view.state.doc.toString();
      const problems = checkFilter(text, filterSchemaOf(view.state), options.limits);
      return problems.map((problem) => toEditorDiagnostic(problem, text.length));
    },
    {
      ...(options.delay === undefined ? {} : { delay: options.delay }),
      needsRefresh: (update) => filterSchemaOf(update.startState) !== filterSchemaOf(update.state),
    },
  );
}
