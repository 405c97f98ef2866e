import { type Diagnostic, type Fix, lineColumn, type Schema } from 'v3-filters';
import { type Analysis, outline } from './analyze.js';
import { readPath, type SampleRecord } from './sample-data.js';

/** Creates an element with a class and text. */
export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function byId(id: string): HTMLElement {
  const node = document.getElementById(id);
  if (!node) throw new Error(`The page has no #${id}`);
  return node;
}

const NONE_YET = 'Type a filter above.';

function renderDiagnostics(analysis: Analysis, applyFix: (fix: Fix) => void): void {
  const list = byId('diagnostics');
  list.replaceChildren();
  if (analysis.text.trim() === '') list.append(element('p', 'muted', NONE_YET));
  else if (analysis.diagnostics.length === 0) list.append(element('p', 'ok', 'No problems.'));
  for (const diagnostic of analysis.diagnostics)
    list.append(diagnosticItem(analysis.text, diagnostic, applyFix));
}

function diagnosticItem(text: string, diagnostic: Diagnostic, applyFix: (fix: Fix) => void): HTMLElement {
  const item = element('div', `diagnostic ${diagnostic.severity}`);
  item.dataset.code = diagnostic.code;
  const { line, column } = lineColumn(text, diagnostic.span.start);
  item.append(
    element('span', 'where', `${line}:${column}`),
    element('span', 'code', diagnostic.code),
    element('span', 'message', diagnostic.message),
  );
  for (const fix of diagnostic.fixes ?? []) {
    const button = element('button', 'fix', fix.message);
    button.type = 'button';
    button.addEventListener('click', () => applyFix(fix));
    item.append(button);
  }
  return item;
}

function show(id: string, text: string, muted = false): void {
  const node = byId(id);
  node.textContent = text;
  node.classList.toggle('muted', muted);
}

function renderSql(analysis: Analysis): void {
  const box = byId('sql');
  box.replaceChildren();
  if (!analysis.sql) {
    box.append(
      element('p', 'muted', analysis.text.trim() === '' ? NONE_YET : 'Only a valid filter compiles.'),
    );
    return;
  }
  for (const { label, result } of analysis.sql) {
    const section = element('div', 'dialect');
    section.append(element('h3', undefined, label));
    if (result.ok) {
      section.append(
        element('pre', 'sql-text', result.sql),
        element('pre', 'sql-params', JSON.stringify(result.params)),
      );
    } else {
      section.append(
        element('pre', 'sql-error', result.diagnostics.map((d) => `${d.code}: ${d.message}`).join('\n')),
      );
    }
    box.append(section);
  }
}

/** A value as a table cell shows it: text as it is, anything else as JSON, nothing for undefined. */
export function cell(value: unknown): string {
  if (value === undefined) return '';
  if (value === null) return 'null';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function renderRows(analysis: Analysis, schema: Schema, records: readonly SampleRecord[]): void {
  const box = byId('rows');
  box.replaceChildren();
  const matches = analysis.matches;
  box.append(
    element(
      'p',
      'count',
      matches
        ? `${matches.length} of ${records.length} sample records match`
        : `${records.length} sample records`,
    ),
  );
  const fields = Object.keys(schema.fields).sort();
  const table = element('table');
  const head = table.createTHead().insertRow();
  for (const name of ['id', ...fields]) head.append(element('th', undefined, name));
  const body = table.createTBody();
  const shown = matches ?? records;
  for (const record of shown) {
    const row = body.insertRow();
    row.className = matches ? 'match' : 'unfiltered';
    row.insertCell().textContent = cell(record.id);
    for (const name of fields)
      row.insertCell().textContent = cell(readPath(record, schema.fields[name]!.path ?? name));
  }
  box.append(table);
}

/** Writes every panel of the page from one analysis. */
export function renderAnalysis(
  analysis: Analysis,
  schema: Schema,
  records: readonly SampleRecord[],
  applyFix: (fix: Fix) => void,
): void {
  renderDiagnostics(analysis, applyFix);
  const parsedHint = analysis.text.trim() === '' ? NONE_YET : 'The filter does not parse.';
  show('canonical', analysis.canonical ?? parsedHint, analysis.canonical === undefined);
  show('tree', analysis.ast ? outline(analysis.ast) : parsedHint, analysis.ast === undefined);
  renderSql(analysis);
  show(
    'error-body',
    analysis.errorBody
      ? JSON.stringify(analysis.errorBody, null, 2)
      : analysis.text.trim() === ''
        ? NONE_YET
        : 'No errors: the endpoint answers 200.',
    analysis.errorBody === undefined,
  );
  renderRows(analysis, schema, records);
}

/** The endpoint's whitelist as a table: field, type, operators, values. */
export function renderSchema(schema: Schema): void {
  const box = byId('schema');
  box.replaceChildren();
  const table = element('table');
  const head = table.createTHead().insertRow();
  for (const title of ['field', 'type', 'operators', 'values']) head.append(element('th', undefined, title));
  const body = table.createTBody();
  for (const [name, field] of Object.entries(schema.fields)) {
    const row = body.insertRow();
    row.insertCell().textContent = name;
    row.insertCell().textContent = field.collection ? `${field.type}[]` : field.type;
    row.insertCell().textContent = field.operators.join(' ');
    row.insertCell().textContent = field.enum?.join(', ') ?? '';
  }
  const composite = schema.composite ? schema.composite.join(', ') || 'none' : 'and, or, not';
  box.append(table, element('p', 'muted', `Composite operators: ${composite}.`));
}
