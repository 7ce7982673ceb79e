/**
 * Disclosure control for raw inputs: what turns counts someone holds into counts anyone may see.
 * Threshold suppression and rounding (the 10-5 rule by default), secondary suppression so that no
 * suppressed value comes back from row or column totals, H3 coarsening of incident points, and a
 * report of everything done and why.
 */
import { getHexagonAreaAvg, latLngToCell } from 'h3-js';
import { protectCount } from './rules';
import { applySecondarySuppression, type TableCell } from './secondary-suppression';
import { H3_RESOLUTION_RANGE, type DisclosureSettings, type FlowRecord, type IncidentCell } from '../schema';

export interface RawFlow {
  origin: string;
  dest: string;
  period: string;
  /** Raw count, or null when the input had already suppressed it. */
  count: number | null;
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
  /** Totals that would reveal a suppressed value and so must never be published. */
  unsafeTotals: { period: string; origin: string; dest: string }[];
  incidents?: { points: number; resolution: number; cells: number; suppressedCells: number; rounded: number };
  /** Input properties or columns not on the allow-list, dropped: (file, name) → how many times. */
  dropped: { file: string; name: string; count: number }[];
}

export function emptyReport(settings: DisclosureSettings): DisclosureReport {
  return {
    settings,
    flows: { input: 0, published: 0, primary: 0, secondary: 0, rounded: 0, alreadySuppressed: 0 },
    unsafeTotals: [],
    dropped: [],
  };
}

/** Sums duplicate origin+dest+period rows (as flowmap.blue does), drops zeros, then protects. */
export function protectFlows(
  raw: RawFlow[],
  settings: DisclosureSettings,
  report = emptyReport(settings),
): FlowRecord[] {
  const merged = new Map<string, RawFlow>();
  for (const flow of raw) {
    const key = `${flow.period}\u0000${flow.origin}\u0000${flow.dest}`;
    const seen = merged.get(key);
    if (!seen) merged.set(key, { ...flow });
    // Anything added to a suppressed value stays unknown.
    else seen.count = seen.count === null || flow.count === null ? null : seen.count + flow.count;
  }
  report.flows.input = raw.length;
  const byPeriod = new Map<string, TableCell[]>();
  const cellFlow = new Map<TableCell, RawFlow>();
  for (const flow of merged.values()) {
    if (flow.count === 0) continue;
    const alreadySuppressed = flow.count === null;
    if (alreadySuppressed) report.flows.alreadySuppressed++;
    // An unknown small value is below the threshold; as a cycle member it costs nothing to keep hidden.
    const cell: TableCell = {
      row: flow.origin,
      col: flow.dest,
      value: flow.count ?? 1,
      suppressed: alreadySuppressed || flow.count! < settings.threshold,
    };
    if (cell.suppressed && !alreadySuppressed) report.flows.primary++;
    cellFlow.set(cell, flow);
    const list = byPeriod.get(flow.period) ?? [];
    list.push(cell);
    byPeriod.set(flow.period, list);
  }
  const out: FlowRecord[] = [];
  for (const [period, cells] of [...byPeriod].sort(([a], [b]) => a.localeCompare(b))) {
    const result = applySecondarySuppression(cells);
    report.flows.secondary += result.secondary.length;
    for (const unsafe of result.unsafeTotals)
      report.unsafeTotals.push({ period, origin: unsafe.because.row, dest: unsafe.because.col });
    for (const cell of [...cells].sort((a, b) => a.row.localeCompare(b.row) || a.col.localeCompare(b.col))) {
      const flow = cellFlow.get(cell)!;
      const count = cell.suppressed ? null : protectCount(cell.value, settings);
      if (count !== null && count !== cell.value) report.flows.rounded++;
      out.push({ origin: flow.origin, dest: flow.dest, period, count });
    }
  }
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
  if (report.unsafeTotals.length) {
    lines.push(
      '',
      '## Totals that must not be published',
      'No other flow can be suppressed to hide these, because they share their origin or destination with no other flow in a way that closes a cycle: the totals named below would give them back, so never publish those totals:',
    );
    for (const u of report.unsafeTotals)
      lines.push(`- ${u.period}: total out of ${codeSpan(u.origin)}, total into ${codeSpan(u.dest)}`);
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
