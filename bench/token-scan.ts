/**
 * The floor of the parse benchmark: one pass over the text that only counts tokens (whitespace
 * skipped, strings to their closing quote, words to the next delimiter), allocating nothing.
 * No parser can do less work than this and still look at every character.
 */
export function countTokens(text: string): number {
  const n = text.length;
  let count = 0;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) {
      i++;
      continue;
    }
    count++;
    i++;
    if (c === 40 || c === 41 || c === 44) continue;
    if (c === 34) {
      while (i < n) {
        const d = text.charCodeAt(i++);
        if (d === 92) i++;
        else if (d === 34) break;
      }
      continue;
    }
    while (i < n) {
      const d = text.charCodeAt(i);
      if (d === 32 || d === 9 || d === 10 || d === 13 || d === 40 || d === 41 || d === 44 || d === 34) break;
      i++;
    }
  }
  return count;
}
