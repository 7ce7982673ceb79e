/**
 * Property tests: any input, valid shape with one field broken at any depth, or noise, is either
 * read or refused with problems that name a file and say what is wrong. Never a raw JavaScript
 * error (a TypeError from deep inside), never an exception of another kind, never an unbounded
 * message. Seeded, so a failure prints a seed and path that reproduce it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBriefing } from '../../src/data/briefing';
import { importFiles, type InputFile } from '../../src/data/io/import';
import { DataError, formatProblem } from '../../src/data/problems';

const SEED = Number(process.env.FUZZ_SEED ?? 20261129);
const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
const encode = (name: string, text: string): InputFile => ({ name, bytes: new TextEncoder().encode(text) });

/** What a message from deep inside JavaScript looks like; none may reach a user. */
const RAW_ERROR =
  /is not a function|Cannot read propert|Cannot convert|undefined is not|is not iterable|Maximum call stack|Invalid array length|\[object Object\]/;

/** Runs `read` and checks that it either succeeds or fails the way users should see. */
function readsOrExplains(read: () => unknown): void {
  try {
    read();
  } catch (error) {
    if (!(error instanceof DataError)) throw new Error(`not a DataError: ${String(error).slice(0, 300)}`);
    expect(error.problems.length).toBeGreaterThan(0);
    for (const problem of error.problems) {
      expect(problem.file).not.toBe('');
      expect(problem.message).not.toBe('');
      const text = formatProblem(problem);
      expect(text).not.toMatch(RAW_ERROR);
      // Quoted input is cut: a message stays readable whatever the input held.
      expect(text.length).toBeLessThan(1200);
    }
  }
}

/** Every path to a value in a JSON document, the root excluded. */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [];
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : Object.entries(value as Record<string, unknown>);
  return entries.flatMap(([key, child]) => [[...prefix, key], ...pathsOf(child, [...prefix, key])]);
}

/** A copy of `doc` with the value at `path` replaced (or deleted when `replacement` is DELETE). */
const DELETE = Symbol('delete');
function mutate(doc: unknown, path: (string | number)[], replacement: unknown): unknown {
  const copy = structuredClone(doc) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (replacement === DELETE) {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete node[last];
  } else node[last] = replacement;
  return copy;
}

/** Values a broken field might hold: wrong types, extremes, hostile and huge text, deep nesting. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(DELETE),
  fc.constantFrom(null, true, false, 0, -1, 1e308, -1e308, 2 ** 53 + 1, 0.1, '', ' ', 'NaN', 'Infinity'),
  fc.constantFrom(
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    'javascript:alert(1)',
    '\u202egnp.exe',
    '=HYPERLINK("x")',
  ),
  fc.constantFrom('x'.repeat(10_000), '\u0000'.repeat(4096), '🏴󠁧󠁢󠁷󠁬󠁳󠁿'.repeat(200)),
  fc.string({ maxLength: 40 }),
  fc.double(),
  fc.integer(),
  fc.array(fc.oneof(fc.double(), fc.string(), fc.constant(null)), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.string(), fc.double(), fc.constant(null)), { maxKeys: 4 }),
  fc.nat(60).map((depth) => {
    let v: unknown = [-0.08, 51.56];
    for (let i = 0; i < depth; i++) v = [v];
    return v;
  }),
  fc.constant([[[-0.1, 51.5]]]),
  fc.constant([
    [
      [-149, -107],
      [-259, -141],
      [-200, -120],
      [-149, -107],
    ],
  ]),
  fc.constant({ type: 'Point', coordinates: [-0.1, 51.5] }),
  fc.constant({ type: 'GeometryCollection', geometries: [] }),
);

const AREAS = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { id: 'E09000022', name: 'Lambeth', role: 'origin', group: 'London' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [-0.16, 51.41],
            [-0.06, 51.41],
            [-0.06, 51.51],
            [-0.16, 51.51],
            [-0.16, 51.41],
          ],
        ],
      },
    },
    {
      type: 'Feature',
      properties: { id: 'E07000114', name: 'Thanet', role: 'destination' },
      geometry: {
        type: 'MultiPolygon',
        coordinates: [
          [
            [
              [1.28, 51.3],
              [1.38, 51.3],
              [1.38, 51.4],
              [1.28, 51.4],
              [1.28, 51.3],
            ],
          ],
        ],
      },
    },
  ],
};
const FLOWS = 'origin,dest,period,count\nE09000022,E07000114,2024-Q1,25\nE09000022,E07000114,2024-Q2,4\n';

/** A published dataset folder: manifest, areas with centroids, published flows. */
const MANIFEST = {
  title: 'Fuzz',
  subtitle: '',
  source: 'test',
  licence: 'CC0',
  attribution: '',
  synthetic: true,
  notice: 'test',
  periodGranularity: 'quarter',
  flowMeasure: 'lines',
  incidentMeasure: 'incidents',
  disclosure: { threshold: 10, roundingBase: 5 },
  h3Resolution: 7,
  files: { areas: 'areas.geojson', flows: 'flows.csv' },
};
const PUBLISHED_AREAS = {
  type: 'FeatureCollection',
  features: AREAS.features.map((f, i) => ({
    ...f,
    properties: { ...f.properties, centroid: i === 0 ? [-0.11, 51.46] : [1.33, 51.35] },
  })),
};
const PUBLISHED_FLOWS = 'origin,dest,period,count\nE09000022,E07000114,2024-Q1,25\nE09000022,E07000114,2024-Q2,[c]\n';

const BRIEFING = {
  title: 'Fuzz briefing',
  dataset: 'data/sample/manifest.json',
  scenes: [
    { title: 'One', caption: 'Some **bold** text', view: { period: '2024-Q1', periodWindow: ['2023-Q1', '2024-Q1'] } },
    {
      title: 'Two',
      caption: '- a\n- b',
      notes: 'speaker notes',
      view: {
        period: '2024-Q2',
        selection: { id: 'E07000114', direction: 'in' },
        camera: { center: [0, 52], zoom: 6 },
      },
    },
  ],
};

/** A document and a mutation of one of its paths, chosen by fast-check. */
const mutationOf = (doc: unknown) =>
  fc.tuple(fc.nat(), hostileValue).map(([pick, value]) => {
    const paths = pathsOf(doc);
    const path = paths[pick % paths.length];
    return { path, mutated: mutate(doc, path, value) };
  });

describe('fuzzing the importers (seeded)', () => {
  it('boundary GeoJSON with one field broken at any depth', () => {
    fc.assert(
      fc.property(mutationOf(AREAS), ({ mutated }) =>
        readsOrExplains(() =>
          importFiles([encode('areas.geojson', JSON.stringify(mutated)), encode('flows.csv', FLOWS)]),
        ),
      ),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('published datasets: manifest or areas broken at any depth', () => {
    const published = (manifest: unknown, areas: unknown) => [
      encode('manifest.json', JSON.stringify(manifest)),
      encode('areas.geojson', JSON.stringify(areas)),
      encode('flows.csv', PUBLISHED_FLOWS),
    ];
    expect(() => importFiles(published(MANIFEST, PUBLISHED_AREAS))).not.toThrow();
    fc.assert(
      fc.property(mutationOf(MANIFEST), ({ mutated }) =>
        readsOrExplains(() => importFiles(published(mutated, PUBLISHED_AREAS))),
      ),
      { seed: SEED, numRuns: RUNS },
    );
    fc.assert(
      fc.property(mutationOf(PUBLISHED_AREAS), ({ mutated }) =>
        readsOrExplains(() => importFiles(published(MANIFEST, mutated))),
      ),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('briefing files with one field broken at any depth', () => {
    expect(() => parseBriefing(JSON.stringify(BRIEFING))).not.toThrow();
    fc.assert(
      fc.property(mutationOf(BRIEFING), ({ mutated }) => readsOrExplains(() => parseBriefing(JSON.stringify(mutated)))),
      { seed: SEED, numRuns: RUNS },
    );
  });

  /** CSV cells: ordinary values, quoting and delimiter trouble, huge and control-character cells. */
  const cell = fc.oneof(
    fc.constantFrom('E09000022', 'E07000114', '2024-Q1', '2024-03', '25', '4', '[c]', '', ' '),
    fc.constantFrom('"', '""', '"a,b"', 'a;b', 'a\tb', '\r', '\n', '"\n"', '=1+1', '-5', '0x10', '1e3'),
    fc.constantFrom('x'.repeat(20_000), '\u0000'.repeat(500), '\ufeffE09000022', 'é'.normalize('NFD')),
    fc.string({ maxLength: 12 }),
  );
  const COLUMNS = ['origin', 'dest', 'period', 'count', 'id', 'name', 'lat', 'lon', 'cell', 'value', 'extra'];

  it('CSV tables: random headers (columns missing or repeated), rows and cells, any delimiter', () => {
    const table = fc.record({
      header: fc.array(fc.oneof(fc.constantFrom(...COLUMNS), fc.string({ maxLength: 6 })), {
        minLength: 0,
        maxLength: 6,
      }),
      rows: fc.array(fc.array(cell, { maxLength: 7 }), { maxLength: 8 }),
      delimiter: fc.constantFrom(',', ';', '\t', '|'),
      newline: fc.constantFrom('\n', '\r\n', '\r'),
    });
    fc.assert(
      fc.property(table, ({ header, rows, delimiter, newline }) => {
        const text = [header, ...rows].map((r) => r.join(delimiter)).join(newline);
        readsOrExplains(() => importFiles([encode('areas.geojson', JSON.stringify(AREAS)), encode('flows.csv', text)]));
        readsOrExplains(() => importFiles([encode('locations.csv', text), encode('flows.csv', FLOWS)]));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('bytes in any encoding (or none), named as any kind of data file', () => {
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 300 }),
      fc.string({ maxLength: 100 }).map((s) => {
        // UTF-16 with a byte-order mark, as Excel sometimes saves a CSV.
        const out = new Uint8Array(2 + s.length * 2);
        out.set([0xff, 0xfe]);
        for (let i = 0; i < s.length; i++) out.set([s.charCodeAt(i) & 0xff, s.charCodeAt(i) >> 8], 2 + i * 2);
        return out;
      }),
      fc.constant(new TextEncoder().encode(`\ufeff${FLOWS}`)),
    );
    fc.assert(
      fc.property(bytes, fc.constantFrom('flows.csv', 'areas.geojson', 'manifest.json', 'x.json'), (data, name) =>
        readsOrExplains(() => importFiles([{ name, bytes: data }, encode('areas.geojson', JSON.stringify(AREAS))])),
      ),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
