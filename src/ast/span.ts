/**
 * A half-open range of the input text: `start` is the offset of the first UTF-16 code unit,
 * `end` the offset just past the last one (0-based, end exclusive). Spans always index the
 * original input, never a decoded copy of it, so `input.slice(span.start, span.end)` is exactly
 * the text a node or diagnostic refers to.
 */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** Creates a span; `end` must not be smaller than `start`. */
export function span(start: number, end: number): Span {
  return { start, end };
}
