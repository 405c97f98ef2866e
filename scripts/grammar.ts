/**
 * `npm run grammar`: writes grammar/diagrams.html, the railroad diagrams of the parser's grammar.
 * Run it after changing src/syntax/full/parser.ts or its tokens; test/grammar/diagrams.test.ts fails
 * until the committed page matches the parser again.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DIAGRAMS_PATH, diagramsHtml } from './diagrams.js';

const target = fileURLToPath(new URL(`../${DIAGRAMS_PATH}`, import.meta.url));
writeFileSync(target, diagramsHtml());
console.log(`Wrote ${DIAGRAMS_PATH}`);
