/**
 * Sorting millions of rows by text fields with `localeCompare` in the comparator costs a locale
 * comparison per step: 2.45 million flows sorted by period, origin and destination took 18 s in
 * the importer. The fields hold few distinct strings (periods, area ids), so each distinct string
 * is ranked once by `localeCompare` and the rows are sorted by those numbers: the same order,
 * ties included (strings that compare equal share a rank, and the sort is stable).
 */

/** Each string's place in localeCompare order; strings that compare equal share it. */
export function textRanks(texts: Iterable<string>): Map<string, number> {
  const distinct = [...new Set(texts)].sort((a, b) => a.localeCompare(b));
  const ranks = new Map<string, number>();
  let rank = 0;
  distinct.forEach((text, i) => {
    if (i > 0 && distinct[i - 1].localeCompare(text) !== 0) rank++;
    ranks.set(text, rank);
  });
  return ranks;
}

/**
 * `items` sorted by the text each `key` reads, first key first, as
 * `a.k1.localeCompare(b.k1) || a.k2.localeCompare(b.k2) || …` would sort them (stable). A new array.
 */
export function sortByText<T>(items: readonly T[], ...keys: ((item: T) => string)[]): T[] {
  const n = items.length;
  const columns = keys.map((key) => {
    const texts = new Array<string>(n);
    for (let i = 0; i < n; i++) texts[i] = key(items[i]);
    const ranks = textRanks(texts);
    const rank = new Int32Array(n);
    for (let i = 0; i < n; i++) rank[i] = ranks.get(texts[i])!;
    return { rank, size: ranks.size };
  });
  // The ranks and then the position make one number per item when they fit in a double's exact
  // integers: a typed array then sorts natively, without a call per comparison (9 s → 0.3 s at
  // 2.45 million rows). The position last keeps the sort stable.
  const span = columns.reduce((product, c) => product * Math.max(1, c.size), n);
  const sorted = new Array<T>(n);
  if (span <= Number.MAX_SAFE_INTEGER) {
    const packed = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let value = 0;
      for (const { rank, size } of columns) value = value * size + rank[i];
      packed[i] = value * n + i;
    }
    packed.sort();
    for (let i = 0; i < n; i++) sorted[i] = items[packed[i] % n];
    return sorted;
  }
  const order = Array.from(items, (_, i) => i).sort((a, b) => {
    for (const { rank } of columns) {
      const difference = rank[a] - rank[b];
      if (difference !== 0) return difference;
    }
    return a - b;
  });
  for (let i = 0; i < n; i++) sorted[i] = items[order[i]];
  return sorted;
}
