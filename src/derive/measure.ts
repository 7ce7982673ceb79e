/**
 * The dataset as the map shows it for one measure. A dataset's flows may carry further measures
 * (young people referred, cuckooing cases…); choosing one makes it the count everything downstream
 * reads — widths, totals, rankings, change, the choropleth — so no derivation needs to know that
 * measures exist (src/data/measures.ts).
 */
import type { Dataset } from '../data/schema';
import { measureOf, withMeasureAsCount } from '../data/measures';
import { memoize } from './memo';

const withMeasure = memoize(
  (dataset: Dataset, id: string): Dataset => withMeasureAsCount(dataset, measureOf(dataset, id)!),
);

/** The same object for the main count (or a measure the dataset lacks); one derived object per measure. */
export function datasetForMeasure(dataset: Dataset, measure: string | undefined): Dataset {
  return measureOf(dataset, measure) ? withMeasure(dataset, measure!) : dataset;
}
