/**
 * The V3 API error body: turns diagnostics into the exact `400 Bad Request` JSON that
 * SailPoint-style APIs return.
 * @module
 */

export type { DiagnosticTexts, ParameterDiagnostic } from './locate.js';
export * from './response.js';
export { generateTrackingId } from './tracking-id.js';
