import type { SqlDialectName } from 'v3-filters';

/** The SQL dialects shown, in order: data, so a new dialect is one more line. */
export const DIALECTS: readonly { readonly name: SqlDialectName; readonly label: string }[] = [
  { name: 'postgres', label: 'PostgreSQL' },
  { name: 'sqlite', label: 'SQLite' },
  { name: 'mysql', label: 'MySQL / MariaDB' },
  { name: 'clickhouse', label: 'ClickHouse' },
];
