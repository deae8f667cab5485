/**
 * A small seeded random source (sfc32): the demo history is the same for the same seed and
 * moment of loading, and a failing check can be replayed. Also the distributions it draws from.
 */
export interface Random {
  /** A number in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  chance(p: number): boolean;
  pick<T>(list: readonly T[]): T;
  /** A choice weighted by `weight`. */
  weighted<T>(items: readonly T[], weight: (item: T) => number): T;
  /** Log-normal with the given median and sigma (of the logarithm). */
  lognormal(median: number, sigma: number): number;
  /** How many events of a Poisson process with this mean happen. */
  poisson(mean: number): number;
  /** A version-4 UUID drawn from this source (reproducible, unlike crypto's). */
  uuid(): string;
}

export function createRandom(seed: number): Random {
  let a = 0x9e3779b9 ^ seed;
  let b = 0x243f6a88 ^ Math.imul(seed, 31);
  let c = 0xb7e15162 ^ Math.imul(seed, 131);
  let d = 1;
  const next = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 20; i++) next();

  const normal = () => {
    let u = 0;
    while (u === 0) u = next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
  };

  return {
    next,
    int: (n) => Math.floor(next() * n),
    chance: (p) => next() < p,
    pick: (list) => list[Math.floor(next() * list.length)],
    weighted(items, weight) {
      const weights = items.map(weight);
      let x = next() * weights.reduce((sum, w) => sum + w, 0);
      for (let i = 0; i < items.length; i++) {
        x -= weights[i];
        if (x < 0) return items[i];
      }
      return items[items.length - 1];
    },
    lognormal: (median, sigma) => median * Math.exp(sigma * normal()),
    poisson(mean) {
      // Knuth's method: the means here are small (a few requests a day).
      const limit = Math.exp(-mean);
      let k = 0;
      let p = next();
      while (p > limit) {
        k++;
        p *= next();
      }
      return k;
    },
    uuid() {
      const words = [0, 1, 2, 3].map(() => (next() * 4294967296) >>> 0);
      words[1] = ((words[1] & 0xffff0fff) | 0x4000) >>> 0; // version 4
      words[2] = ((words[2] & 0x3fffffff) | 0x80000000) >>> 0; // variant 10
      const h = words.map((w) => w.toString(16).padStart(8, '0')).join('');
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
    },
  };
}
