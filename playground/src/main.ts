import {
  autocompletion,
  closeBrackets,
  closeBracketsKeymap,
  completionKeymap,
} from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { bracketMatching, syntaxHighlighting } from '@codemirror/language';
import { lintKeymap } from '@codemirror/lint';
import { drawSelection, EditorView, highlightSpecialChars, keymap, placeholder } from '@codemirror/view';
import type { Fix } from 'v3-filters';
import { EDITOR_MAX_LENGTH, filtersHighlightStyle, setFilterSchema, v3Filters } from 'v3-filters/codemirror';
import { analyze } from './analyze.js';
import { bundledEndpoints, importPasted, type PlaygroundEndpoint } from './endpoints.js';
import { readLink, writeLink } from './link.js';
import { LivePanel } from './live-panel.js';
import { element, renderAnalysis, renderSchema } from './render.js';
import { type SampleRecord, sampleRecords } from './sample-data.js';
import './style.css';

const endpoints: PlaygroundEndpoint[] = bundledEndpoints();
const select = document.getElementById('endpoint') as HTMLSelectElement;
// One tracking id per page: the 400 body does not flicker while typing.
const trackingId = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) =>
  b.toString(16).padStart(2, '0'),
).join('');

let current: PlaygroundEndpoint = endpoints[0]!;
let records: SampleRecord[] = sampleRecords(current.key, current.schema);

function fillSelect(selected: string): void {
  select.replaceChildren();
  const groups = new Map<string, HTMLOptGroupElement>();
  for (const endpoint of endpoints) {
    let group = groups.get(endpoint.group);
    if (!group) {
      group = element('optgroup');
      group.label = endpoint.group;
      groups.set(endpoint.group, group);
      select.append(group);
    }
    const option = element('option', undefined, endpoint.label);
    option.value = endpoint.key;
    option.selected = endpoint.key === selected;
    group.append(option);
  }
}

const initial = readLink(location.hash, EDITOR_MAX_LENGTH);
if (initial.notice !== undefined) {
  const notice = document.getElementById('notice')!;
  notice.textContent = initial.notice;
  notice.hidden = false;
}
const view = new EditorView({
  doc: initial.filter ?? 'status eq "Failed"',
  parent: document.getElementById('editor')!,
  extensions: [
    highlightSpecialChars(),
    history(),
    drawSelection(),
    closeBrackets(),
    bracketMatching(),
    // After a field, an operator or a connective, show what may come next straight away.
    autocompletion({ activateOnCompletion: (completion) => typeof completion.apply === 'string' }),
    syntaxHighlighting(filtersHighlightStyle),
    placeholder('status eq "Failed" and start_time ge 2022-02-07T20:13:29Z'),
    keymap.of([
      ...closeBracketsKeymap,
      ...completionKeymap,
      ...lintKeymap,
      ...historyKeymap,
      ...defaultKeymap,
    ]),
    EditorView.lineWrapping,
    EditorView.contentAttributes.of({ 'aria-label': 'Filter' }),
    v3Filters({ schema: current.schema, lint: { delay: 150 } }),
    EditorView.updateListener.of((update) => {
      if (update.docChanged) refresh();
    }),
  ],
});

function applyFix(fix: Fix): void {
  view.dispatch({
    changes: fix.edits.map((edit) => ({ from: edit.span.start, to: edit.span.end, insert: edit.text })),
    userEvent: 'input.fix',
  });
  view.focus();
}

const live = new LivePanel(() => ({ text: view.state.doc.toString(), endpoint: current.key }));

function refresh(): void {
  const text = view.state.doc.toString();
  renderAnalysis(analyze(text, current.schema, records, trackingId), current.schema, records, applyFix);
  window.history.replaceState(null, '', writeLink(current.key, text, EDITOR_MAX_LENGTH));
  live.schedule();
}

function choose(key: string): void {
  const found = endpoints.find((endpoint) => endpoint.key === key);
  if (!found) return;
  current = found;
  records = sampleRecords(current.key, current.schema);
  const example = document.getElementById('use-example') as HTMLButtonElement;
  example.disabled = current.example === undefined;
  example.title = current.example ?? 'This endpoint has no example';
  view.dispatch({ effects: setFilterSchema.of(current.schema) });
  renderSchema(current.schema);
  refresh();
}

select.addEventListener('change', () => choose(select.value));
document.getElementById('use-example')!.addEventListener('click', () => {
  if (current.example === undefined) return;
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: current.example } });
  view.focus();
});
document.getElementById('import')!.addEventListener('click', () => {
  const text = (document.getElementById('openapi') as HTMLTextAreaElement).value;
  const result = importPasted(text);
  const report = document.getElementById('import-report')!;
  for (let i = endpoints.length - 1; i >= 0; i--)
    if (endpoints[i]!.group === 'Pasted document') endpoints.splice(i, 1);
  endpoints.push(...result.endpoints);
  const summary = `${result.endpoints.length} endpoint${result.endpoints.length === 1 ? '' : 's'} with filters imported`;
  report.replaceChildren(
    element('p', undefined, summary),
    ...result.messages.map((m) => element('p', 'muted', m)),
  );
  const first = result.endpoints[0];
  fillSelect(first?.key ?? current.key);
  if (first) choose(first.key);
});

const start = endpoints.find((endpoint) => endpoint.key === initial.endpoint) ?? current;
fillSelect(start.key);
choose(start.key);
document.body.dataset.ready = 'true';
void live.start();
