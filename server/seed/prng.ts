/**
 * A small deterministic pseudo-random generator (sfc32, seeded through splitmix32), so the sample
 * data is the same on every machine and every start: the manual's examples show real answers.
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, bound). */
  below(bound: number): number;
  /** `count` lowercase hexadecimal digits. */
  hex(count: number): string;
}

function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** A generator seeded with `seed`; the same seed gives the same sequence. */
export function createRandom(seed: number): Random {
  const init = splitmix32(seed);
  let a = init();
  let b = init();
  let c = init();
  let d = init();
  const nextUint32 = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t;
  };
  // Discard the first outputs, as sfc32's authors advise.
  for (let i = 0; i < 12; i++) nextUint32();
  return {
    next: () => nextUint32() / 4_294_967_296,
    below: (bound) => Math.floor((nextUint32() / 4_294_967_296) * bound),
    hex: (count) => {
      let text = '';
      while (text.length < count) text += nextUint32().toString(16).padStart(8, '0');
      return text.slice(0, count);
    },
  };
}
