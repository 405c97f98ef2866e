/**
 * The typed filter builder and the `v3f` tagged template: clients build filters that are valid
 * for an endpoint's schema by construction, or write them as text with values interpolated as
 * literals, and cannot inject syntax through values either way.
 * @module
 */

export type { OperatorRow } from '../language/operators.js';
export {
  type BuiltFilter,
  type CompareMethod,
  createFilterBuilder,
  type FieldsWith,
  FilterBuildError,
  type FilterBuilder,
  FilterSchemaError,
  type ListMethod,
  type MethodOfKind,
  type OperatorMethods,
  type PresenceMethod,
} from './builder.js';
export { type TemplateScalar, type TemplateValue, type V3fTag, v3f } from './template.js';
export type { BuilderValue } from './values.js';
