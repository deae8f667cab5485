// A small, fast, seeded random source (sfc32), so a volume database can be made again
// with the same figures (`--seed`), and the distributions the generator draws from.

export function createRandom(seed) {
  let a = 0x9e3779b9 ^ seed;
  let b = 0x243f6a88 ^ (seed * 31);
  let c = 0xb7e15162 ^ (seed * 131);
  let d = 1;
  const next = () => {
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 20; i++) next();

  let spare = null;
  const normal = () => {
    if (spare !== null) {
      const value = spare;
      spare = null;
      return value;
    }
    let u = 0;
    while (u === 0) u = next();
    const v = next();
    const r = Math.sqrt(-2 * Math.log(u));
    spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  };

  const hex = '0123456789abcdef';
  return {
    next,
    /** An integer in [0, n). */
    int: (n) => Math.floor(next() * n),
    chance: (p) => next() < p,
    pick: (list) => list[Math.floor(next() * list.length)],
    /** Log-normal with the given median and sigma (of the logarithm). */
    lognormal: (median, sigma) => median * Math.exp(sigma * normal()),
    normal,
    /** A weighted choice from a prepared table (see weighted()). */
    choose: (table) => {
      const x = next() * table.total;
      let lo = 0;
      let hi = table.cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (table.cumulative[mid] > x) hi = mid;
        else lo = mid + 1;
      }
      return table.items[lo];
    },
    /** A version-4 UUID drawn from this source (reproducible, unlike crypto's). */
    uuid: () => {
      let s = '';
      for (let i = 0; i < 32; i++) {
        if (i === 8 || i === 12 || i === 16 || i === 20) s += '-';
        if (i === 12) s += '4';
        else if (i === 16) s += hex[8 + Math.floor(next() * 4)];
        else s += hex[Math.floor(next() * 16)];
      }
      return s;
    },
  };
}

/** Prepares a weighted choice: items and their weights. */
export function weighted(items, weights) {
  const cumulative = new Float64Array(items.length);
  let total = 0;
  for (let i = 0; i < items.length; i++) {
    total += weights[i];
    cumulative[i] = total;
  }
  return { items, cumulative, total };
}
