/**
 * The typed filter builder: clients build filters that are valid for an endpoint's schema by
 * construction, and cannot inject syntax through values.
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
export type { BuilderValue } from './values.js';
