/**
 * A value bound to a placeholder: text, a number, or a boolean (PostgreSQL only; SQLite and
 * MySQL get 1/0). On MySQL, text is bound as the hex digits of its UTF-8 bytes (the SQL reads it
 * with `UNHEX()`).
 */
export type SqlParam = string | number | boolean;

/**
 * What a bound value is: the field type it is compared as (`'integer'` for an integer field's
 * numbers), for dialects whose placeholders carry a type and for query builders that map values
 * to their own types. LIKE patterns are `'string'`.
 */
export type SqlParamType = 'string' | 'number' | 'integer' | 'boolean' | 'date-time';

/** A value to bind, exactly as the driver receives it, and what it is. */
export interface SqlParamChunk {
  readonly value: SqlParam;
  readonly type: SqlParamType;
}

/**
 * One chunk of a compiled filter: SQL text to write as it is, or a value to bind in its place.
 * The placeholder (`$3`, `?`) is written only when the chunks are rendered for a statement.
 */
export type SqlChunk = string | SqlParamChunk;

/**
 * SQL under construction: text, values, and pieces nested in one another as the compiler builds
 * them. Flattened once, at the end, into {@link SqlChunk}s.
 */
export type SqlPiece = string | SqlParamChunk | SqlNode;

/** A run of pieces; nested nodes are spliced in place when flattened. */
export class SqlNode {
  constructor(readonly pieces: readonly SqlPiece[]) {}
}

/**
 * Builds a piece from a template: the literal parts are SQL text, and each interpolation is a
 * piece (text written by the compiler, a value chunk, or a nested node). Values only ever enter
 * as value chunks, made by binding.
 */
export function sql(strings: TemplateStringsArray, ...pieces: readonly SqlPiece[]): SqlPiece {
  // Text around text is text: most of what the compiler writes holds no value, and a string
  // costs less to build and to flatten than a node.
  let text = strings[0]!;
  let i = 0;
  for (; i < pieces.length; i++) {
    const piece = pieces[i]!;
    if (typeof piece !== 'string') break;
    text += piece + strings[i + 1]!;
  }
  if (i === pieces.length) return text;
  const out: SqlPiece[] = text === '' ? [] : [text];
  for (; i < pieces.length; i++) {
    out.push(pieces[i]!);
    const after = strings[i + 1]!;
    if (after !== '') out.push(after);
  }
  return new SqlNode(out);
}

/** `pieces` with `separator` (text) between them. */
export function joinSql(pieces: readonly SqlPiece[], separator: string): SqlPiece {
  const out: SqlPiece[] = [];
  for (let i = 0; i < pieces.length; i++) {
    if (i > 0) out.push(separator);
    out.push(pieces[i]!);
  }
  return new SqlNode(out);
}

/**
 * Visits a piece's text and values in order: an explicit stack rather than recursion, since a
 * deeply nested filter nests its pieces as deeply.
 */
export function walkSql(
  root: SqlPiece,
  onText: (text: string) => void,
  onParam: (param: SqlParamChunk) => void,
): void {
  // The open nodes and the next index in each, as two parallel stacks.
  const nodes: (readonly SqlPiece[])[] = [];
  const next: number[] = [];
  let current: SqlPiece | undefined = root;
  for (;;) {
    if (current !== undefined) {
      if (typeof current === 'string') onText(current);
      else if (current instanceof SqlNode) {
        nodes.push(current.pieces);
        next.push(0);
      } else onParam(current);
    }
    const depth = nodes.length - 1;
    if (depth < 0) return;
    const pieces = nodes[depth]!;
    const index = next[depth]!;
    if (index < pieces.length) {
      current = pieces[index];
      next[depth] = index + 1;
    } else {
      nodes.pop();
      next.pop();
      current = undefined;
    }
  }
}

/** The chunks of a piece, in order, adjacent text merged. */
export function flattenSql(root: SqlPiece): SqlChunk[] {
  const chunks: SqlChunk[] = [];
  let text = '';
  walkSql(
    root,
    (piece) => {
      text += piece;
    },
    (param) => {
      if (text !== '') chunks.push(text);
      text = '';
      chunks.push(param);
    },
  );
  if (text !== '') chunks.push(text);
  return chunks;
}

/** How many values a piece binds. */
export function countParams(root: SqlPiece): number {
  let count = 0;
  walkSql(
    root,
    () => undefined,
    () => {
      count++;
    },
  );
  return count;
}
