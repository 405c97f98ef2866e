import type { Diagnostic, Fix } from '../../diagnostic/diagnostic.js';
import { type FilterInput, locate } from '../inputs.js';
import { describeCode } from './codes.js';
import type { FixKind } from './text.js';

/** The SARIF version written. */
export const SARIF_VERSION = '2.1.0';
/** The JSON schema of that version (OASIS, errata 01), named in each log's `$schema`. */
export const SARIF_SCHEMA =
  'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/** One diagnostic to report, with the filter it was found in. */
export interface Finding {
  readonly input: FilterInput;
  readonly diagnostic: Diagnostic;
  /** Only `fix` fixes are certain; suggestions are reported too, SARIF has no weaker kind. */
  readonly fixKind: FixKind;
  /** A logical place, e.g. `GET /workflows/{id}/executions` for an OpenAPI example. */
  readonly logicalLocation?: string;
}

interface Region {
  readonly startLine: number;
  readonly startColumn: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly charOffset: number;
  readonly charLength: number;
}

function region(input: FilterInput, start: number, end: number): Region {
  const from = locate(input, start);
  const to = locate(input, Math.max(start, end));
  return {
    startLine: from.line,
    startColumn: from.column,
    endLine: to.line,
    endColumn: to.column,
    charOffset: from.offset,
    charLength: to.offset - from.offset,
  };
}

function artifactLocation(input: FilterInput) {
  return { uri: input.artifact.uri };
}

function sarifFix(input: FilterInput, fix: Fix) {
  return {
    description: { text: fix.message },
    artifactChanges: [
      {
        artifactLocation: artifactLocation(input),
        replacements: fix.edits.map((edit) => ({
          deletedRegion: region(input, edit.span.start, edit.span.end),
          insertedContent: { text: input.encodeFragment(edit.text) },
        })),
      },
    ],
  };
}

function physicalLocation(input: FilterInput, diagnostic: Diagnostic) {
  if (input.located === false) return { artifactLocation: artifactLocation(input) };
  const where = region(input, diagnostic.span.start, diagnostic.span.end);
  // The snippet is the artifact's own text under the region (escaped as the file writes it).
  const snippet = input.artifact.text.slice(where.charOffset, where.charOffset + where.charLength);
  return { artifactLocation: artifactLocation(input), region: { ...where, snippet: { text: snippet } } };
}

function result(finding: Finding, ruleIndex: number) {
  const { input, diagnostic } = finding;
  const fixes = input.located === false ? [] : (diagnostic.fixes ?? []).map((fix) => sarifFix(input, fix));
  return {
    ruleId: diagnostic.code,
    ruleIndex,
    level: diagnostic.severity === 'error' ? 'error' : 'warning',
    message: { text: diagnostic.message },
    locations: [
      {
        physicalLocation: physicalLocation(input, diagnostic),
        ...(finding.logicalLocation !== undefined
          ? { logicalLocations: [{ fullyQualifiedName: finding.logicalLocation, kind: 'member' }] }
          : {}),
      },
    ],
    ...(fixes.length > 0 ? { fixes } : {}),
    // Only the first certain fix is what `lint --fix` applies; say which these are.
    properties: { fixKind: finding.fixKind },
  };
}

/** Artifacts that are not files (arguments) are embedded, so a viewer can show the filter. */
function artifacts(findings: readonly Finding[]) {
  const seen = new Map<string, { location: { uri: string }; contents?: { text: string } }>();
  for (const { input } of findings) {
    if (seen.has(input.artifact.uri)) continue;
    seen.set(input.artifact.uri, {
      location: { uri: input.artifact.uri },
      ...(input.artifact.kind === 'argument' ? { contents: { text: input.artifact.text } } : {}),
    });
  }
  return [...seen.values()];
}

/** The SARIF 2.1.0 log of one run: a rule per code found, a result per diagnostic. */
export function sarifLog(findings: readonly Finding[], toolVersion: string): object {
  const codes: string[] = [];
  for (const { diagnostic } of findings) if (!codes.includes(diagnostic.code)) codes.push(diagnostic.code);
  const rules = codes.map((code) => {
    const level = findings.find((f) => f.diagnostic.code === code)!.diagnostic.severity;
    return {
      id: code,
      name: code,
      shortDescription: { text: describeCode(code) },
      defaultConfiguration: { level: level === 'error' ? 'error' : 'warning' },
    };
  });
  return {
    version: SARIF_VERSION,
    $schema: SARIF_SCHEMA,
    runs: [
      {
        tool: {
          driver: {
            name: 'v3-filters',
            version: toolVersion,
            rules,
          },
        },
        columnKind: 'utf16CodeUnits',
        artifacts: artifacts(findings),
        results: findings.map((f) => result(f, codes.indexOf(f.diagnostic.code))),
      },
    ],
  };
}
