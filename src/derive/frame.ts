/** Where a view with no place of its own looks: the manifest's frame, else the dataset's routes. */
import type { Bounds } from '../data/bounds';
import { routesFrame } from '../data/analysis/frame';
import { flowColumnsOf } from '../data/flow-columns';
import type { Dataset } from '../data/schema';
import { memoize } from './memo';

export const homeFrame = memoize(
  (dataset: Dataset): Bounds | undefined =>
    dataset.manifest.frame ?? routesFrame(dataset.areas.features, flowColumnsOf(dataset)),
);
