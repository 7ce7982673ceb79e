/**
 * A dataset seen through one of its further measures: the measure becomes each flow's count and
 * its label the flow measure, so every derivation reads it as it reads the main count. Suppressed
 * values stay null.
 */
import type { Dataset, Measure } from './schema';

/** The measure `id` names, if this dataset has it. */
export const measureOf = (dataset: Dataset, id: string | undefined): Measure | undefined =>
  id === undefined ? undefined : dataset.manifest.measures.find((m) => m.id === id);

export function withMeasureAsCount(dataset: Dataset, measure: Measure): Dataset {
  return {
    ...dataset,
    manifest: { ...dataset.manifest, flowMeasure: measure.label },
    flows: dataset.flows.map((f) => ({
      origin: f.origin,
      dest: f.dest,
      period: f.period,
      count: f.measures?.[measure.id] ?? null,
    })),
  };
}
