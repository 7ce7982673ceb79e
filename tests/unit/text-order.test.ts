import { describe, expect, it } from 'vitest';
import { randomLcg } from 'd3-random';
import { protectFlows } from '../../src/data/disclosure/protect';
import type { RawFlow } from '../../src/data/disclosure/raw-flows';
import { protectCount } from '../../src/data/disclosure/rules';
import { disclosureReport } from '../../src/data/disclosure/report';
import { applySecondarySuppression, type TableCell } from '../../src/data/disclosure/secondary-suppression';
import { sortByColumns, sortByText, textRanks } from '../../src/data/text-order';
import { firstOf, typedFrom } from '../../src/data/arrays';

/** Strings locale order treats differently from code-unit order: case, accents, digits. */
const WORDS = ['é', 'e', 'E', 'f', 'Z', 'a10', 'a9', 'a', 'Ä', 'b', 'ab', 'Ab', 'e\u0301'];

const byLocale =
  <T>(...keys: ((item: T) => string)[]) =>
  (a: T, b: T) => {
    for (const key of keys) {
      const difference = key(a).localeCompare(key(b));
      if (difference !== 0) return difference;
    }
    return 0;
  };

describe('sorting by text (text-order.ts)', () => {
  it('ranks strings in localeCompare order, equal ones sharing a rank', () => {
    const ranks = textRanks(WORDS);
    const sorted = [...WORDS].sort((a, b) => a.localeCompare(b));
    for (let i = 1; i < sorted.length; i++)
      expect(Math.sign(ranks.get(sorted[i])! - ranks.get(sorted[i - 1])!)).toBe(
        Math.sign(sorted[i].localeCompare(sorted[i - 1])),
      );
    // "é" composed and "e" + combining accent are canonically equal: one rank.
    expect(ranks.get('é')).toBe(ranks.get('e\u0301'));
  });

  it('sorts as a localeCompare comparator does, ties kept in their order (the packed path)', () => {
    const random = randomLcg(0.11);
    const items = Array.from({ length: 2000 }, (_, id) => ({
      id,
      a: WORDS[Math.floor(random() * WORDS.length)],
      b: WORDS[Math.floor(random() * WORDS.length)],
    }));
    const expected = [...items].sort(
      byLocale(
        (x) => x.a,
        (x) => x.b,
      ),
    );
    expect(
      sortByText(
        items,
        (x) => x.a,
        (x) => x.b,
      ).map((x) => x.id),
    ).toEqual(expected.map((x) => x.id));
  });

  it('sorts the same when the ranks do not fit in one number (the comparator path)', () => {
    // Six keys of 500 distinct strings each: 500⁶ · n is past 2⁵³.
    const random = randomLcg(0.23);
    const word = () => `w${Math.floor(random() * 500)}`;
    const items = Array.from({ length: 3000 }, (_, id) => ({ id, k: Array.from({ length: 6 }, word) }));
    const keys = [0, 1, 2, 3, 4, 5].map((i) => (x: (typeof items)[number]) => x.k[i]);
    const distinct = keys.map((key) => new Set(items.map(key)).size);
    expect(distinct.reduce((p, d) => p * d, items.length)).toBeGreaterThan(Number.MAX_SAFE_INTEGER);
    const expected = [...items].sort(byLocale(...keys));
    expect(sortByText(items, ...keys).map((x) => x.id)).toEqual(expected.map((x) => x.id));
  });
});

/**
 * protectFlows as first written, for the merge and the order: duplicates summed by a string key,
 * zeros dropped, sorted by localeCompare; then each period's table protected.
 */
function protectFlowsOracle(raw: RawFlow[]) {
  const settings = { threshold: 10, roundingBase: 5 };
  const merged = new Map<string, RawFlow>();
  for (const flow of raw) {
    const key = `${flow.period}\u0000${flow.origin}\u0000${flow.dest}`;
    const seen = merged.get(key);
    if (!seen) merged.set(key, { ...flow });
    else seen.count = seen.count === null || flow.count === null ? null : seen.count + flow.count;
  }
  const routes = [...merged.values()]
    .filter((f) => f.count !== 0)
    .sort(
      byLocale<RawFlow>(
        (f) => f.period,
        (f) => f.origin,
        (f) => f.dest,
      ),
    );
  const cells: TableCell[] = routes.map((f) => ({
    row: f.origin,
    col: f.dest,
    value: f.count ?? 1,
    suppressed: f.count === null || f.count < settings.threshold,
  }));
  for (const period of new Set(routes.map((f) => f.period)))
    applySecondarySuppression(cells.filter((_, i) => routes[i].period === period));
  return routes.map((f, i) => ({
    origin: f.origin,
    dest: f.dest,
    period: f.period,
    count: cells[i].suppressed ? null : protectCount(cells[i].value, settings),
  }));
}

describe('protectFlows merges and orders by numbers as it did by strings', () => {
  const settings = { threshold: 10, roundingBase: 5 };

  it('few places (the dense table): duplicates, zeros and suppressed inputs', () => {
    const random = randomLcg(0.31);
    const places = ['Thanet', 'thanet', 'Éalá', 'Ealing', 'E09000001', 'e09000001', 'Zeta', 'a9', 'a10'];
    const raw: RawFlow[] = Array.from({ length: 3000 }, () => ({
      origin: places[Math.floor(random() * places.length)],
      dest: places[Math.floor(random() * places.length)],
      period: `202${Math.floor(random() * 3)}-Q${1 + Math.floor(random() * 4)}`,
      count: random() < 0.05 ? null : Math.floor(random() * 12),
    }));
    const before = JSON.stringify(raw);
    expect(protectFlows(raw, settings)).toEqual(protectFlowsOracle(raw));
    // The input is not changed by merging (a row is copied before another is added to it).
    expect(JSON.stringify(raw)).toBe(before);
  });

  it('many places (past the dense table: a Map)', () => {
    const random = randomLcg(0.47);
    // 6,000 origins × 6,000 destinations is more numbers than the dense table holds.
    const raw: RawFlow[] = Array.from({ length: 12_000 }, (_, i) => ({
      origin: `O${i % 6000}`,
      dest: `D${(i * 7) % 6000}`,
      period: '2024',
      count: 5 + Math.floor(random() * 30),
    }));
    expect(protectFlows(raw, settings)).toEqual(protectFlowsOracle(raw));
  });
});

describe('protection and its report take shortcuts that change nothing', () => {
  const settings = { threshold: 10, roundingBase: 5 };
  /** Three periods: one with counts under the threshold, one without (only rounded), one mixed. */
  const raw: RawFlow[] = (() => {
    const random = randomLcg(0.77);
    const places = ['Thanet', 'thanet', 'Éalá', 'Ealing', 'E09000001', 'Zeta', 'a9', 'a10'];
    const flows: RawFlow[] = [];
    for (const [period, small] of [
      ['2024-Q1', 0.4],
      ['2024-Q2', 0],
      ['2024-Q3', 0.1],
    ] as const)
      for (const origin of places)
        for (const dest of places)
          if (random() < 0.6)
            flows.push({
              origin,
              dest,
              period,
              count: random() < small ? 1 + Math.floor(random() * 9) : 10 + Math.floor(random() * 90),
            });
    // An origin with one small flow: no cycle can hide it, so its totals would give it back.
    flows.push({ origin: 'Solo', dest: 'Thanet', period: '2024-Q1', count: 3 });
    return flows;
  })();

  it('a period with nothing under the threshold is only rounded, as the full protection would', () => {
    const flows = protectFlows(raw, settings);
    expect(flows).toEqual(protectFlowsOracle(raw));
    expect(flows.filter((f) => f.period === '2024-Q2').every((f) => f.count !== null)).toBe(true);
    expect(flows.some((f) => f.count === null)).toBe(true);
  });

  it('the report names the same totals from rows in table order (no sort) as from rows in any order', () => {
    const flows = protectFlows(raw, settings);
    const report = (list: typeof flows) =>
      disclosureReport({
        manifest: { disclosure: settings, measures: [], h3Resolution: 7 },
        flows: list,
        incidents: [],
      });
    const random = randomLcg(0.05);
    const shuffled = flows
      .map((flow) => ({ flow, key: random() }))
      .sort((a, b) => a.key - b.key)
      .map(({ flow }) => flow);
    const key = (u: { period: string; origin: string; dest: string }) => `${u.period}/${u.origin}/${u.dest}`;
    const inOrder = report(flows).unsafeTotals.map(key);
    expect(report(shuffled).unsafeTotals.map(key)).toEqual(inOrder);
    // The check means something: flows whose totals alone give back a [c] in this table.
    expect(inOrder.length).toBeGreaterThan(0);
  });
});

describe('sortByColumns', () => {
  it('sorts whole numbers packed and anything else by comparison, the same order either way', () => {
    const random = randomLcg(0.59);
    const items = Array.from({ length: 1500 }, (_, id) => ({
      id,
      a: Math.floor(random() * 7),
      b: Math.floor(random() * 5),
    }));
    const expected = [...items].sort((x, y) => x.a - y.a || x.b - y.b).map((x) => x.id);
    const a = items.map((x) => x.a);
    expect(sortByColumns(items, [a, items.map((x) => x.b)]).map((x) => x.id)).toEqual(expected);
    // A fraction (and a negative number) cannot be packed: the comparison gives the same order.
    expect(sortByColumns(items, [a.map((v) => v / 2 - 1), items.map((x) => x.b)]).map((x) => x.id)).toEqual(expected);
  });
});

describe('firstOf', () => {
  it('gives the first k as a stable sort of them all would, ties in input order', () => {
    const random = randomLcg(0.14);
    for (let trial = 0; trial < 200; trial++) {
      // Few distinct totals and names, so that ties (total and name both equal) are common.
      const items = Array.from({ length: Math.floor(random() * 40) }, (_, i) => ({
        i,
        total: Math.floor(random() * 4) * 5,
        name: WORDS[Math.floor(random() * 4)],
      }));
      const order = (a: (typeof items)[number], b: (typeof items)[number]) =>
        b.total - a.total || a.name.localeCompare(b.name);
      for (const k of [0, 1, 3, 5, 50]) expect(firstOf(k, items, order)).toEqual([...items].sort(order).slice(0, k));
    }
  });
});

describe('typedFrom', () => {
  it('gives what Type.from(items, map) gives, conversions included', () => {
    const values = [0, 1.5, -2.7, 2 ** 31, Number.NaN, -0, 1e300, 7];
    const items = values.map((value) => ({ value }));
    expect(typedFrom(Float64Array, items, (d) => d.value)).toEqual(Float64Array.from(items, (d) => d.value));
    expect(typedFrom(Int32Array, items, (d) => d.value)).toEqual(Int32Array.from(items, (d) => d.value));
    expect(typedFrom(Int32Array, [], () => 1)).toEqual(new Int32Array(0));
  });
});
