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
export function sql(strings: TemplateStringsArray, ...pieces: readonly SqlPiece[]): SqlNode {
  const out: SqlPiece[] = [];
  for (let i = 0; i < strings.length; i++) {
    const text = strings[i]!;
    if (text !== '') out.push(text);
    if (i < pieces.length) out.push(pieces[i]!);
  }
  return new SqlNode(out);
}

/** `pieces` with `separator` (text) between them. */
export function joinSql(pieces: readonly SqlPiece[], separator: string): SqlNode {
  const out: SqlPiece[] = [];
  for (let i = 0; i < pieces.length; i++) {
    if (i > 0) out.push(separator);
    out.push(pieces[i]!);
  }
  return new SqlNode(out);
}

/**
 * The chunks of a piece, in order, adjacent text merged: an explicit stack rather than recursion,
 * since a deeply nested filter nests its pieces as deeply.
 */
export function flattenSql(root: SqlPiece): SqlChunk[] {
  const chunks: SqlChunk[] = [];
  let text = '';
  const stack: { readonly pieces: readonly SqlPiece[]; index: number }[] = [];
  let current: SqlPiece | undefined = root;
  for (;;) {
    if (current !== undefined) {
      if (typeof current === 'string') text += current;
      else if (current instanceof SqlNode) stack.push({ pieces: current.pieces, index: 0 });
      else {
        if (text !== '') chunks.push(text);
        text = '';
        chunks.push(current);
      }
    }
    const top = stack[stack.length - 1];
    if (top === undefined) break;
    if (top.index < top.pieces.length) current = top.pieces[top.index++];
    else {
      stack.pop();
      current = undefined;
    }
  }
  if (text !== '') chunks.push(text);
  return chunks;
}

/** How many values `chunks` binds. */
export function countParams(chunks: readonly SqlChunk[]): number {
  let count = 0;
  for (const chunk of chunks) if (typeof chunk !== 'string') count++;
  return count;
}
