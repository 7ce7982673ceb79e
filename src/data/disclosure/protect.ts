/**
 * Disclosure control for raw inputs: what turns counts someone holds into counts anyone may see.
 * Threshold suppression and rounding (the 10-5 rule by default), secondary suppression so that no
 * suppressed value comes back from row or column totals, H3 coarsening of incident points, and a
 * report of everything done and why.
 */
import { getHexagonAreaAvg, latLngToCell } from 'h3-js';
import { protectCount } from './rules';
import { applySecondarySuppression, type TableCell } from './secondary-suppression';
import {
  H3_RESOLUTION_RANGE,
  type DisclosureSettings,
  type FlowRecord,
  type IncidentCell,
  type Measure,
} from '../schema';

export interface RawFlow {
  origin: string;
  dest: string;
  period: string;
  /** Raw count, or null when the input had already suppressed it. */
  count: number | null;
  /** Further raw counts by measure id (columns `count_<id>`), protected the same way. */
  measures?: Record<string, number | null>;
}

export interface RawIncidentPoint {
  lat: number;
  lon: number;
  period: string;
}

export interface DisclosureReport {
  settings: DisclosureSettings;
  flows: {
    input: number;
    published: number;
    primary: number;
    secondary: number;
    rounded: number;
    alreadySuppressed: number;
  };
  /** The same for each further measure, protected as its own table. */
  measures: { id: string; primary: number; secondary: number; rounded: number; alreadySuppressed: number }[];
  /** Totals that would reveal a suppressed value and so must never be published. */
  unsafeTotals: { period: string; origin: string; dest: string; measure?: string }[];
  incidents?: { points: number; resolution: number; cells: number; suppressedCells: number; rounded: number };
  /** Input properties or columns not on the allow-list, dropped: (file, name) → how many times. */
  dropped: { file: string; name: string; count: number }[];
}

export function emptyReport(settings: DisclosureSettings): DisclosureReport {
  return {
    settings,
    flows: { input: 0, published: 0, primary: 0, secondary: 0, rounded: 0, alreadySuppressed: 0 },
    measures: [],
    unsafeTotals: [],
    dropped: [],
  };
}

/** The further measures some flow carries, in order of first appearance, labelled from their ids. */
export function measuresOf(flows: readonly { measures?: Record<string, unknown> }[]): Measure[] {
  const ids = new Set<string>();
  for (const flow of flows) if (flow.measures) for (const id of Object.keys(flow.measures)) ids.add(id);
  return [...ids].map((id) => ({ id, label: id.replace(/_/g, ' ') }));
}

/** Adds two raw counts of one route: anything added to a suppressed (or missing) value stays unknown. */
const addCounts = (a: number | null | undefined, b: number | null | undefined) =>
  a === null || a === undefined || b === null || b === undefined ? null : a + b;

/**
 * Suppresses (primary and secondary) and rounds one count of every route, period by period, as a
 * table of origins × destinations; `count` reads the value (null: suppressed in the input).
 * Returns the published values in the order of `routes`.
 */
function protectTable(
  routes: RawFlow[],
  count: (flow: RawFlow) => number | null,
  settings: DisclosureSettings,
  tally: { primary: number; secondary: number; rounded: number; alreadySuppressed: number },
  unsafe: (period: string, origin: string, dest: string) => void,
): (number | null)[] {
  const byPeriod = new Map<string, TableCell[]>();
  const cells: TableCell[] = routes.map((flow) => {
    const value = count(flow);
    const alreadySuppressed = value === null;
    if (alreadySuppressed) tally.alreadySuppressed++;
    // An unknown small value is below the threshold; as a cycle member it costs nothing to keep hidden.
    const cell: TableCell = {
      row: flow.origin,
      col: flow.dest,
      value: value ?? 1,
      suppressed: alreadySuppressed || value! < settings.threshold,
    };
    if (cell.suppressed && !alreadySuppressed) tally.primary++;
    const list = byPeriod.get(flow.period) ?? [];
    list.push(cell);
    byPeriod.set(flow.period, list);
    return cell;
  });
  for (const [period, list] of byPeriod) {
    const result = applySecondarySuppression(list);
    tally.secondary += result.secondary.length;
    for (const u of result.unsafeTotals) unsafe(period, u.because.row, u.because.col);
  }
  return cells.map((cell) => {
    const published = cell.suppressed ? null : protectCount(cell.value, settings);
    if (published !== null && published !== cell.value) tally.rounded++;
    return published;
  });
}

/** Sums duplicate origin+dest+period rows (as flowmap.blue does), drops zeros, then protects. */
export function protectFlows(
  raw: RawFlow[],
  settings: DisclosureSettings,
  report = emptyReport(settings),
): FlowRecord[] {
  const measures = measuresOf(raw).map((m) => m.id);
  const merged = new Map<string, RawFlow>();
  for (const flow of raw) {
    const key = `${flow.period}\u0000${flow.origin}\u0000${flow.dest}`;
    const seen = merged.get(key);
    if (!seen) merged.set(key, { ...flow, ...(measures.length ? { measures: { ...flow.measures } } : {}) });
    else {
      seen.count = addCounts(seen.count, flow.count);
      for (const id of measures) seen.measures![id] = addCounts(seen.measures?.[id], flow.measures?.[id]);
    }
  }
  report.flows.input = raw.length;
  // Sorted as the file is written: period, then origin, then destination.
  const routes = [...merged.values()]
    .filter((flow) => flow.count !== 0)
    .sort(
      (a, b) => a.period.localeCompare(b.period) || a.origin.localeCompare(b.origin) || a.dest.localeCompare(b.dest),
    );
  const unsafe = (measure?: string) => (period: string, origin: string, dest: string) =>
    report.unsafeTotals.push({ period, origin, dest, ...(measure ? { measure } : {}) });
  const counts = protectTable(routes, (f) => f.count, settings, report.flows, unsafe());
  // Each further measure is its own table: its suppressed values are protected from its own totals.
  const further = measures.map((id) => {
    const tally = { id, primary: 0, secondary: 0, rounded: 0, alreadySuppressed: 0 };
    report.measures.push(tally);
    return protectTable(routes, (f) => f.measures?.[id] ?? null, settings, tally, unsafe(id));
  });
  const out: FlowRecord[] = routes.map((flow, i) => ({
    origin: flow.origin,
    dest: flow.dest,
    period: flow.period,
    count: counts[i],
    ...(measures.length ? { measures: Object.fromEntries(measures.map((id, m) => [id, further[m][i]])) } : {}),
  }));
  report.flows.published = out.filter((f) => f.count !== null).length;
  return out;
}

/**
 * Counts points into H3 cells per period as they arrive, so a stream of millions of rows needs
 * memory for the cells only; `cells()` then suppresses and rounds each count.
 */
export class IncidentCellCounter {
  /** Per period, then per cell: no composite string key to build and split for each point. */
  private readonly byPeriod = new Map<string, Map<string, number>>();
  points = 0;

  constructor(readonly resolution: number) {
    const [coarsest, finest] = H3_RESOLUTION_RANGE;
    if (!Number.isInteger(resolution) || resolution < coarsest || resolution > finest) {
      throw new RangeError(
        `H3 resolution ${resolution} is not allowed: incident cells must be resolution ${coarsest} to ${finest}`,
      );
    }
  }

  add(lat: number, lon: number, period: string): void {
    let counts = this.byPeriod.get(period);
    if (!counts) this.byPeriod.set(period, (counts = new Map()));
    const cell = latLngToCell(lat, lon, this.resolution);
    counts.set(cell, (counts.get(cell) ?? 0) + 1);
    this.points++;
  }

  /** Published cells, sorted by period then cell as the file is; the report says what was done. */
  cells(settings: DisclosureSettings, report = emptyReport(settings)): IncidentCell[] {
    const cells: IncidentCell[] = [];
    let rounded = 0;
    for (const period of [...this.byPeriod.keys()].sort()) {
      const counts = this.byPeriod.get(period)!;
      for (const cell of [...counts.keys()].sort()) {
        const raw = counts.get(cell)!;
        const count = protectCount(raw, settings);
        if (count !== null && count !== raw) rounded++;
        cells.push({ cell, period, count });
      }
    }
    report.incidents = {
      points: this.points,
      resolution: this.resolution,
      cells: cells.length,
      suppressedCells: cells.filter((c) => c.count === null).length,
      rounded,
    };
    return cells;
  }
}

/** Coarsens points to H3 cells per period, then suppresses and rounds each cell's count. */
export function coarsenIncidents(
  points: RawIncidentPoint[],
  resolution: number,
  settings: DisclosureSettings,
  report = emptyReport(settings),
): IncidentCell[] {
  const counter = new IncidentCellCounter(resolution);
  for (const p of points) counter.add(p.lat, p.lon, p.period);
  return counter.cells(settings, report);
}

/** The report as Markdown, for a person deciding whether to publish. */
export function formatDisclosureReport(report: DisclosureReport): string {
  const { threshold, roundingBase } = report.settings;
  const f = report.flows;
  const lines = [
    '# Disclosure report',
    '',
    `Rule: counts under ${threshold} are suppressed; the rest are rounded to the nearest ${roundingBase}.`,
    '',
    '## Flows',
    `- ${f.input} input rows; ${f.published} published.`,
    `- ${f.primary} suppressed because under ${threshold} (primary suppression).`,
    `- ${f.secondary} suppressed to protect those (secondary suppression: otherwise row or column totals would give them back).`,
    `- ${f.alreadySuppressed} were already suppressed in the input and stay so.`,
    `- ${f.rounded} published counts changed by rounding.`,
  ];
  for (const m of report.measures) {
    lines.push(
      '',
      `## Further measure ${codeSpan(m.id)}`,
      `- ${m.primary} suppressed because under ${threshold}; ${m.secondary} more to protect those (its own table: the same rule, applied separately).`,
      `- ${m.alreadySuppressed} were already suppressed or missing in the input and stay so.`,
      `- ${m.rounded} published values changed by rounding.`,
    );
  }
  if (report.unsafeTotals.length) {
    lines.push(
      '',
      '## Totals that must not be published',
      'No other flow can be suppressed to hide these, because they share their origin or destination with no other flow in a way that closes a cycle: the totals named below would give them back, so never publish those totals:',
    );
    for (const u of report.unsafeTotals)
      lines.push(
        `- ${u.period}${u.measure ? ` (${codeSpan(u.measure)})` : ''}: total out of ${codeSpan(u.origin)}, total into ${codeSpan(u.dest)}`,
      );
  }
  if (report.incidents) {
    const i = report.incidents;
    lines.push(
      '',
      '## Incidents',
      `- ${i.points} points coarsened to ${i.cells} H3 cells at resolution ${i.resolution} (per period); no point location is published.`,
      `- One cell covers about ${cellArea(i.resolution)} on average.`,
      `- ${i.suppressedCells} cells suppressed (under ${threshold}); ${i.rounded} cell counts changed by rounding.`,
    );
  }
  lines.push('', '## Dropped');
  if (report.dropped.length === 0) lines.push('- Nothing: every input field was on the allow-list.');
  for (const d of report.dropped)
    lines.push(`- ${codeSpan(d.name)} from ${codeSpan(d.file)} (${d.count}×): not on the allow-list, never published.`);
  return lines.join('\n') + '\n';
}

/** "5.2 km²" or "105,000 m²": the average area of an H3 cell at this resolution. */
export function cellArea(resolution: number): string {
  const km2 = getHexagonAreaAvg(resolution, 'km2');
  if (km2 >= 1) return `${new Intl.NumberFormat('en-GB', { maximumSignificantDigits: 2 }).format(km2)} km²`;
  return `${new Intl.NumberFormat('en-GB', { maximumSignificantDigits: 2 }).format(km2 * 1e6)} m²`;
}

/**
 * Input text (column names, ids, file names) as a Markdown code span, so nothing in it becomes
 * markup: the fence is longer than any run of backticks inside, and line breaks and other control
 * characters become spaces (a code span shows HTML as text).
 */
export function codeSpan(text: string): string {
  const flat = text.replace(/[\u0000-\u001f\u007f]/g, ' ');
  const fence = '`'.repeat(Math.max(0, ...[...flat.matchAll(/`+/g)].map((m) => m[0].length)) + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || flat.startsWith(' ') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}
