/** The fast path's tokens, written by the scan and read by the fast parser. @module */
/**
 * Tokens as parallel arrays: the code of token i, where it starts and ends (end exclusive) and,
 * for a field, number, date-time or string, the text the tree keeps (the name, the digits as
 * written, the decoded string). `codes[count]` is `END_CODE`.
 */
export class TokenBuffer {
  codes: Uint8Array;
  starts: Int32Array;
  ends: Int32Array;
  texts: (string | undefined)[];
  count = 0;

  constructor(capacity: number) {
    this.codes = new Uint8Array(capacity);
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
    this.texts = new Array<string | undefined>(capacity).fill(undefined);
  }

  get capacity(): number {
    return this.codes.length;
  }

  /** Doubles the capacity, keeping the tokens. */
  grow(): void {
    const capacity = this.codes.length * 2;
    const codes = new Uint8Array(capacity);
    codes.set(this.codes);
    const starts = new Int32Array(capacity);
    starts.set(this.starts);
    const ends = new Int32Array(capacity);
    ends.set(this.ends);
    this.codes = codes;
    this.starts = starts;
    this.ends = ends;
    for (let i = this.texts.length; i < capacity; i++) this.texts.push(undefined);
  }
}
