/**
 * A dataset seen through one of its further measures: the measure becomes each flow's count and
 * its label the flow measure, so every derivation reads it as it reads the main count. Suppressed
 * values stay null.
 */
import { datasetOfColumns, flowColumnsOf, withMeasureColumnAsCount } from './flow-columns';
import type { Dataset, Measure } from './schema';

/** The measure `id` names, if this dataset has it. */
export const measureOf = (dataset: Dataset, id: string | undefined): Measure | undefined =>
  id === undefined ? undefined : dataset.manifest.measures.find((m) => m.id === id);

export function withMeasureAsCount(dataset: Dataset, measure: Measure): Dataset {
  const manifest = { ...dataset.manifest, flowMeasure: measure.label };
  // Fields named, not spread: a spread would read (and so make) the flows as objects.
  const { areas, incidents, periods } = dataset;
  return datasetOfColumns(
    { manifest, areas, incidents, periods },
    withMeasureColumnAsCount(flowColumnsOf(dataset), measure.id),
  );
}
