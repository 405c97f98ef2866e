import type { Span } from '../../ast/index.js';

/**
 * A set of spans that answers "does this span overlap any of them?" in logarithmic time, so that
 * filtering n diagnostics against m others costs O((n + m) log m), not O(n m). Two spans overlap
 * when they share a character; an empty span (a position) overlaps a span that starts there.
 */
export class SpanIndex {
  /** The non-empty spans' starts, ascending, with the largest end among each prefix. */
  private readonly starts: number[] = [];
  private readonly maxEnds: number[] = [];
  /** Where each span starts (empty spans overlap by start alone). */
  private readonly startSet = new Set<number>();

  constructor(spans: readonly Span[]) {
    const nonEmpty = spans.filter((s) => s.start < s.end).sort((a, b) => a.start - b.start);
    let maxEnd = Number.NEGATIVE_INFINITY;
    for (const span of nonEmpty) {
      maxEnd = Math.max(maxEnd, span.end);
      this.starts.push(span.start);
      this.maxEnds.push(maxEnd);
    }
    for (const span of spans) this.startSet.add(span.start);
  }

  /** Whether `span` overlaps one of the spans. */
  overlaps(span: Span): boolean {
    if (span.start === span.end) return this.startSet.has(span.start);
    // Empty spans of the set overlap by start alone.
    if (this.startSet.has(span.start)) return true;
    // The non-empty spans that start before `span` ends: the last of them is found by bisection,
    // and one of them overlaps exactly when the furthest end among them lies past `span.start`.
    let low = 0;
    let high = this.starts.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.starts[mid]! < span.end) low = mid + 1;
      else high = mid;
    }
    return low > 0 && this.maxEnds[low - 1]! > span.start;
  }
}
