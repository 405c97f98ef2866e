import sailpoint from 'virtual:sailpoint-endpoints';
import { BUILTIN_ENDPOINTS, importOpenApi, type Schema } from 'v3-filters';

/** An endpoint the page can check filters against. */
export interface PlaygroundEndpoint {
  /** Stable key, used in the URL and to seed the sample data. */
  readonly key: string;
  readonly group: string;
  readonly label: string;
  readonly schema: Schema;
  readonly example?: string;
}

interface ImportedShape {
  readonly method: string;
  readonly path: string;
  readonly operationId?: string;
  readonly schema: Schema;
  readonly example?: string;
}

function fromImported(group: string, prefix: string, endpoint: ImportedShape): PlaygroundEndpoint {
  const label = `${endpoint.method} ${endpoint.path}${endpoint.operationId ? ` (${endpoint.operationId})` : ''}`;
  return {
    key: `${prefix}:${endpoint.method} ${endpoint.path}`,
    group,
    label,
    schema: endpoint.schema,
    ...(endpoint.example === undefined ? {} : { example: endpoint.example }),
  };
}

/** The built-in seed endpoint, then SailPoint's V3 endpoints (imported at build time). */
export function bundledEndpoints(): PlaygroundEndpoint[] {
  const builtin = Object.entries(BUILTIN_ENDPOINTS).map(([name, endpoint]) => ({
    key: `builtin:${name}`,
    group: 'Built in',
    label: `${name}: ${endpoint.method} ${endpoint.path}`,
    schema: endpoint.schema,
    example: 'status eq "Failed" and start_time ge 2022-02-07T20:13:29Z',
  }));
  return [
    ...builtin,
    ...(sailpoint as readonly ImportedShape[]).map((e) => fromImported('SailPoint V3', 'sailpoint', e)),
  ];
}

/** What importing a pasted document gave: its endpoints, and a summary of its diagnostics. */
export interface PastedImport {
  readonly endpoints: PlaygroundEndpoint[];
  readonly messages: string[];
}

/** Imports a pasted OpenAPI document (JSON or YAML) with `importOpenApi`, in the browser. */
export function importPasted(text: string): PastedImport {
  const imported = importOpenApi(text);
  return {
    endpoints: imported.endpoints.map((e) => fromImported('Pasted document', 'pasted', e)),
    messages: imported.diagnostics.map((d) => `${d.severity} ${d.code} at ${d.pointer || '/'}: ${d.message}`),
  };
}
