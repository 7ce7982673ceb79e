/** The published flows table: what the data CLI and the sample generator write as flows.csv. */
import { measureColumn, SUPPRESSED_TOKEN, type FlowRecord, type Measure } from '../schema';

export function publishedFlowsTable(
  flows: readonly FlowRecord[],
  measures: readonly Measure[],
): { header: string[]; rows: (string | number)[][] } {
  const cell = (count: number | null | undefined) => count ?? SUPPRESSED_TOKEN;
  return {
    header: ['origin', 'dest', 'period', 'count', ...measures.map((m) => measureColumn(m.id))],
    rows: flows.map((f) => [
      f.origin,
      f.dest,
      f.period,
      cell(f.count),
      ...measures.map((m) => cell(f.measures?.[m.id])),
    ]),
  };
}
