/**
 * The pre-flight: the one check every output runs before it writes or shows anything — published
 * files, the pack, a PNG, the CSV and table behind the map, an embed. It holds the counts about to
 * leave against the dataset's own rule and refuses the whole output if any breaks it: a count under
 * the threshold, or one not rounded. The reader of a published file runs the same rule
 * (rules.ts), so what one side refuses the other never shows.
 */
import { appendAll } from '../arrays';
import { countColumn, type FlowColumns } from '../flow-columns';
import { DataError, type DataProblem } from '../problems';
import type { DisclosureSettings } from '../schema';
import { measureColumn } from '../tokens';
import { countsOf, disclosureProblems } from './rules';

/** The counts an output carries, with the rule they must keep and the files they come from. */
export interface OutputCounts {
  manifest: {
    disclosure: DisclosureSettings;
    measures: readonly { id: string }[];
    files: { flows: string; incidents?: string };
  };
  flows: readonly { count: number | null; measures?: Readonly<Record<string, number | null>> }[];
  /** The same flows as columns, where the output holds them so (a page's dataset): read instead. */
  flowColumns?: FlowColumns;
  incidents: readonly { count: number | null }[];
}

/** Every count in `counts` that breaks its rule, named by file, row and field (never by value). */
export function preflightProblems(counts: OutputCounts): DataProblem[] {
  const { disclosure, measures, files } = counts.manifest;
  // From the columns where there are some: reading a page's `flows` would make an object per flow.
  const columns = counts.flowColumns;
  const measureCounts = (id: string) =>
    columns ? countColumn(columns, id) : countsOf(counts.flows.map((f) => ({ count: f.measures?.[id] ?? null })));
  const problems = disclosureProblems(files.flows, columns ? countColumn(columns) : countsOf(counts.flows), disclosure);
  for (const { id } of measures)
    appendAll(problems, disclosureProblems(files.flows, measureCounts(id), disclosure, measureColumn(id)));
  appendAll(problems, disclosureProblems(files.incidents ?? 'incidents', countsOf(counts.incidents), disclosure));
  return problems;
}

/**
 * Throws a DataError when anything in `counts` breaks the rule; `output` says what was refused
 * ("the briefing pack", "the PNG"), and the first problem names it so a message reads as a refusal.
 */
export function preflight(output: string, counts: OutputCounts): void {
  const problems = preflightProblems(counts);
  if (problems.length === 0) return;
  throw new DataError([
    {
      severity: 'error',
      file: output,
      message: `not written: the data it would carry breaks its own disclosure rule (suppress counts under ${counts.manifest.disclosure.threshold}, round the rest to ${counts.manifest.disclosure.roundingBase}); nothing was written`,
    },
    ...problems,
  ]);
}
