/**
 * Limits that bound the work one filter can cause. Each is checked before or while parsing (never
 * by catching a stack overflow) and has its own diagnostic code.
 */
export interface ParseLimits {
  /** Longest input, in UTF-16 code units. Code `input-too-long`. */
  readonly maxLength: number;
  /** Deepest nesting of parentheses and `not`. Code `nesting-too-deep`. */
  readonly maxDepth: number;
  /** Most predicates (comparisons, lists, presence tests) in one filter. Code `too-many-comparisons`. */
  readonly maxComparisons: number;
  /** Most values in one `in`/`ca` list. Code `list-too-long`. */
  readonly maxListValues: number;
  /** Most errors reported; past it one `too-many-errors` diagnostic closes the list. */
  readonly maxErrors: number;
}

/** The defaults, in the spirit of OData's node count and GraphQL servers' depth limits. */
// Pure: a bundle that does not read them (the builder entry) drops the defaults.
export const DEFAULT_LIMITS: ParseLimits = /* @__PURE__ */ Object.freeze({
  maxLength: 4096,
  maxDepth: 32,
  maxComparisons: 100,
  maxListValues: 100,
  maxErrors: 10,
});

/** The most values an `in`/`ca` list may be allowed: {@link MAX_LIMITS}' `maxListValues`. */
export const MAX_LIST_VALUES = 1_000_000;

/**
 * The largest value each limit may be raised to. Parsing needs the same call stack at any depth
 * (no path of it recurses on the input); `maxDepth` bounds the nesting that consumers of the tree
 * meet. The others bound memory and time: at the maximum length (64 MiB of text) parsing is
 * linear in time, and its memory grows with the part of the input read before a limit stops it.
 */
// Pure, and of literals only (a product such as 64 * 1024 * 1024 keeps it in a bundle): a bundle
// that reads only MAX_LIST_VALUES (the builder entry) drops the rest.
export const MAX_LIMITS: ParseLimits = /* @__PURE__ */ Object.freeze({
  maxLength: 67_108_864, // 64 MiB
  maxDepth: 256,
  maxComparisons: 1_000_000,
  maxListValues: MAX_LIST_VALUES,
  maxErrors: 1000,
});

/**
 * Resolves user-supplied limits: missing ones take the default; each is rounded down to an
 * integer and kept within 1 and its {@link MAX_LIMITS} value (a non-number takes the default).
 */
export function resolveLimits(limits: Partial<ParseLimits> | undefined): ParseLimits {
  const pick = (key: keyof ParseLimits): number => {
    const given = limits?.[key];
    if (typeof given !== 'number' || Number.isNaN(given)) return DEFAULT_LIMITS[key];
    return Math.min(MAX_LIMITS[key], Math.max(1, Math.floor(given)));
  };
  return {
    maxLength: pick('maxLength'),
    maxDepth: pick('maxDepth'),
    maxComparisons: pick('maxComparisons'),
    maxListValues: pick('maxListValues'),
    maxErrors: pick('maxErrors'),
  };
}
