// The catalogue lives below every stage, in src/diagnostic/codes/, so `Diagnostic['code']` can be
// the union of all of them; this module keeps the parser's codes where they were always imported.
export { SYNTAX_CODES, type SyntaxCode } from '../diagnostic/codes/syntax.js';
