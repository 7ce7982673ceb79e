/**
 * The dataset as the map shows it for one measure. A dataset's flows may carry further measures
 * (young people referred, cuckooing cases…); choosing one makes it the count everything downstream
 * reads — widths, totals, rankings, change, the choropleth — so no derivation needs to know that
 * measures exist. Suppressed values stay null: nothing is computed from them.
 */
import type { Dataset } from '../data/schema';
import { memoize } from './memo';

/** The measure a view asks for, if this dataset has it (else the main count: undefined). */
export const measureOf = (dataset: Dataset, measure: string | undefined) =>
  measure === undefined ? undefined : dataset.manifest.measures.find((m) => m.id === measure);

const withMeasure = memoize((dataset: Dataset, id: string): Dataset => {
  const measure = measureOf(dataset, id)!;
  return {
    ...dataset,
    manifest: { ...dataset.manifest, flowMeasure: measure.label },
    flows: dataset.flows.map((f) => ({
      origin: f.origin,
      dest: f.dest,
      period: f.period,
      count: f.measures?.[id] ?? null,
    })),
  };
});

/** The same object for the main count (or a measure the dataset lacks); one derived object per measure. */
export function datasetForMeasure(dataset: Dataset, measure: string | undefined): Dataset {
  return measureOf(dataset, measure) ? withMeasure(dataset, measure!) : dataset;
}
