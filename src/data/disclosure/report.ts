/**
 * The disclosure report published beside a dataset (disclosure-report.md and .json), and the
 * summaries the CLI prints. It is built from the published tables alone, never from the raw
 * input: every number in it can be counted in the published files by anyone who has them. A raw
 * total ("17 points"), how many counts were under the threshold, or how many were changed by
 * rounding would each narrow down a suppressed value (17 − 13 = 4), so none of them is here.
 * docs/data-format.md lists what the report may contain and why.
 */
import { getHexagonAreaAvg } from 'h3-js';
import type { DisclosureSettings, FlowRecord, IncidentCell, Manifest } from '../schema';
import { countColumn, type FlowColumns, flowColumnsOf } from '../flow-columns';
import type { CountColumn } from './rules';
import { revealedByTotals, revealedByTotalsInOrder, type TableCell } from './secondary-suppression';
import { rankById } from '../text-order';
import { formatNumber } from '../format';

export interface DisclosureReport {
  settings: DisclosureSettings;
  /** Rows of flows.csv, and how many of them show `[c]` for the main count. */
  flows: { rows: number; suppressed: number };
  /** For each further measure (`count_<id>`): how many rows show `[c]` in its column. */
  measures: { id: string; suppressed: number }[];
  /**
   * Suppressed flows that no other suppressed flow hides (each is alone on its row or column of
   * suppressed cells in its period): published totals out of `origin` or into `dest` would give
   * them back, so those totals must never be published. Found from the published table alone.
   */
  unsafeTotals: { period: string; origin: string; dest: string; measure?: string }[];
  /** incidents.csv: its H3 resolution, rows (cell × period) and how many show `[c]`. */
  incidents?: { resolution: number; cells: number; suppressed: number };
  /** Input properties or columns not on the allow-list: never published. */
  dropped: { file: string; name: string }[];
}

/** What the report is built from: a published dataset (or the tables about to be written). */
export interface PublishedTables {
  manifest: Pick<Manifest, 'disclosure' | 'measures' | 'h3Resolution'>;
  flows: readonly FlowRecord[];
  /** The same flows as columns, where the tables hold them so: read instead of `flows`. */
  flowColumns?: FlowColumns;
  incidents: readonly IncidentCell[];
}

/** The report of a published dataset: counts of rows and of `[c]`s, and the unsafe totals. */
export function disclosureReport(
  tables: PublishedTables,
  dropped: readonly { file: string; name: string }[] = [],
): DisclosureReport {
  const { disclosure, measures, h3Resolution } = tables.manifest;
  const suppressed = (values: readonly (number | null | undefined)[]) => values.filter((v) => v == null).length;
  // Read as columns (made from the flows where the tables have none): each period's table cells
  // are made for that period alone, not one object per flow at once.
  const flows = flowColumnsOf(tables);
  const rowsOfPeriod = new Map<number, number[]>();
  for (let row = 0; row < flows.length; row++) {
    const list = rowsOfPeriod.get(flows.period[row]);
    if (list) list.push(row);
    else rowsOfPeriod.set(flows.period[row], [row]);
  }
  const byPeriodText = [...rowsOfPeriod].sort(([a], [b]) => (flows.texts[a] < flows.texts[b] ? -1 : 1));
  // Whether a period's rows are in table order (origin, then destination, as sortByText orders
  // their texts), as a protected dataset's are: then its cells need no sorting (0.5 s of 2.45
  // million). Each distinct text is ranked once; the check is a pass over numbers.
  const rank = rankById(flows.texts);
  const inTableOrder = (rows: readonly number[]) =>
    rows.every((row, i) => {
      if (i === 0) return true;
      const before = rows[i - 1];
      const byOrigin = rank[flows.origin[row]] - rank[flows.origin[before]];
      return byOrigin > 0 || (byOrigin === 0 && rank[flows.dest[row]] >= rank[flows.dest[before]]);
    });
  const unsafeTotals: DisclosureReport['unsafeTotals'] = [];
  const findUnsafe = (count: CountColumn, measure?: string) => {
    for (const [period, rows] of byPeriodText) {
      // No suppressed cell in a period, nothing its totals could give back: no cells to make.
      if (!rows.some((row) => count.countAt(row) === null)) continue;
      const cells = rows.map((row): TableCell => {
        const value = count.countAt(row);
        return {
          row: flows.texts[flows.origin[row]],
          col: flows.texts[flows.dest[row]],
          value: value ?? 1,
          suppressed: value == null,
        };
      });
      for (const cell of inTableOrder(rows) ? revealedByTotalsInOrder(cells) : revealedByTotals(cells))
        unsafeTotals.push({
          period: flows.texts[period],
          origin: cell.row,
          dest: cell.col,
          ...(measure ? { measure } : {}),
        });
    }
  };
  const suppressedIn = (count: CountColumn) => {
    let n = 0;
    for (let row = 0; row < count.length; row++) if (count.countAt(row) === null) n++;
    return n;
  };
  findUnsafe(countColumn(flows));
  for (const { id } of measures) findUnsafe(countColumn(flows, id), id);
  // Each dropped name once: how many rows had it would count input rows, which are not published.
  const seen = new Set<string>();
  const names = dropped.filter((d) => {
    const key = `${d.file}\u0000${d.name}`;
    return !seen.has(key) && seen.add(key);
  });
  return {
    settings: { threshold: disclosure.threshold, roundingBase: disclosure.roundingBase },
    flows: { rows: flows.length, suppressed: suppressedIn(countColumn(flows)) },
    measures: measures.map(({ id }) => ({ id, suppressed: suppressedIn(countColumn(flows, id)) })),
    unsafeTotals,
    ...(tables.incidents.length
      ? {
          incidents: {
            resolution: h3Resolution,
            cells: tables.incidents.length,
            suppressed: suppressed(tables.incidents.map((c) => c.count)),
          },
        }
      : {}),
    dropped: names.map(({ file, name }) => ({ file, name })),
  };
}

const rows = (n: number) => `${formatNumber(n)} row${n === 1 ? '' : 's'}`;

/** The report as Markdown, for a person deciding whether to publish. */
export function formatDisclosureReport(report: DisclosureReport): string {
  const { threshold, roundingBase } = report.settings;
  const f = report.flows;
  const lines = [
    '# Disclosure report',
    '',
    `Rule: every count under ${threshold} is suppressed (shown as \`[c]\`), and so is any other count that a row or column total could give one back from (secondary suppression); the counts published are rounded to the nearest ${roundingBase}.`,
    '',
    'Every number below can be counted in the published files themselves. The report never gives a total of the raw input, how many counts were under the threshold, or how many rounding changed: each of those could narrow down a suppressed value.',
    '',
    '## Flows',
    `- flows.csv: ${rows(f.rows)}; ${rows(f.suppressed)} suppressed (\`[c]\`).`,
  ];
  for (const m of report.measures)
    lines.push(
      `- Further measure ${codeSpan(m.id)} (column ${codeSpan(`count_${m.id}`)}, protected as its own table): ${rows(m.suppressed)} suppressed.`,
    );
  if (report.unsafeTotals.length) {
    lines.push(
      '',
      '## Totals that must not be published',
      'Each flow below is suppressed, but no other suppressed flow shares its origin or destination in a way that hides it: the totals named would give it back, so never publish those totals:',
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
      `- incidents.csv: ${rows(i.cells)} (H3 cells at resolution ${i.resolution}, per period); ${rows(i.suppressed)} suppressed (\`[c]\`). No point location is published.`,
      `- One cell covers about ${cellArea(i.resolution)} on average.`,
    );
  }
  lines.push('', '## Dropped');
  if (report.dropped.length === 0) lines.push('- Nothing: every input field was on the allow-list.');
  for (const d of report.dropped)
    lines.push(`- ${codeSpan(d.name)} from ${codeSpan(d.file)}: not on the allow-list, never published.`);
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

/**
 * The one-line summary the CLI prints of a dataset as published: areas, rows, `[c]`s and periods.
 * Like the report, nothing in it comes from the raw input.
 */
export function publishedSummary(dataset: {
  areas: { features: readonly unknown[] };
  flows: readonly { count: number | null }[];
  incidents: readonly { count: number | null }[];
  periods: readonly string[];
}): string {
  const suppressed = (rows: readonly { count: number | null }[]) => rows.filter((r) => r.count === null).length;
  const cells = dataset.incidents.length
    ? `, ${formatNumber(dataset.incidents.length)} incident cells (${formatNumber(suppressed(dataset.incidents))} suppressed)`
    : '';
  return `${formatNumber(dataset.areas.features.length)} areas, ${formatNumber(dataset.flows.length)} flows (${formatNumber(suppressed(dataset.flows))} suppressed) over ${formatNumber(dataset.periods.length)} period(s)${cells}`;
}
