/**
 * One line per unexpected fault, findable by the `trackingId` the client got in its 500 body:
 * a fault that hits every request (the database gone) must not bury the log under stack traces.
 * The stack follows only in development, where the line is read by the person who wrote the code.
 */

/** Controls, format characters (bidi, zero-width), line and paragraph separators, lone surrogates. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;

/** `text` on one line of at most `max` characters (then an ellipsis), every {@link INVISIBLE} written `\u{hex}`. */
export function oneLine(text: string, max: number): string {
  const cut = text.length > max ? `${text.slice(0, max)}…` : text;
  return cut.replace(INVISIBLE, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
}

function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return typeof error === 'string' ? error : Object.prototype.toString.call(error);
}

/** What a fault's log line names: the request it answered and the tracking id of its 500 body. */
export interface FaultContext {
  readonly trackingId: string;
  readonly method: string;
  readonly url: string;
}

/** `500 <trackingId> GET /v3/...: Error: message` (and the stack on the following lines when `withStack`). */
export function faultLogLine(error: unknown, context: FaultContext, withStack: boolean): string {
  const line = `500 ${context.trackingId} ${oneLine(context.method, 20)} ${oneLine(context.url, 300)}: ${oneLine(describe(error), 500)}`;
  const stack = error instanceof Error ? error.stack : undefined;
  return withStack && stack !== undefined ? `${line}\n${stack}` : line;
}
