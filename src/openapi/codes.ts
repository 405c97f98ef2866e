// The catalogue lives below every stage, in src/diagnostic/codes/ (see there).
export { OPENAPI_CODES, type OpenApiCode } from '../diagnostic/codes/openapi.js';
