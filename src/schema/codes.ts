// The catalogue lives below every stage, in src/diagnostic/codes/ (see there).
export { SCHEMA_CODES, type SchemaCode } from '../diagnostic/codes/schema.js';
