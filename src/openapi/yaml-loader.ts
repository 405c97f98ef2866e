/**
 * A lazy boundary (scripts/build.ts, `LAZY_BOUNDARIES`): in the bundle, `loadYaml()` loads the
 * YAML parser on its first call, which only `importOpenApi` of YAML text makes, instead of when
 * the package is imported. Run from source (tests, tsx), it is a plain import. The file must keep
 * this shape: one namespace import, one function that returns it.
 * @module
 */
import * as yaml from 'yaml';

/** The `yaml` package (loaded on the first call, in the bundle). */
export function loadYaml(): typeof yaml {
  return yaml;
}
