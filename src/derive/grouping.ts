/**
 * Whether the flow network merges exporting areas (e.g. London's boroughs into "London") for a
 * view. Grouping keeps the national picture legible, but a group's total that holds a protected
 * member has no exact value, so in change mode it can leave most routes "change not available".
 * With the 'auto' choice, change mode therefore compares areas one by one when that lets a larger
 * share of routes be compared; 'grouped' and 'separate' are always obeyed.
 */
import type { Dataset } from '../data/schema';
import { memoFlowChanges } from './flow-change';
import { flowNetworkData } from './flow-network';
import { isGrouped, type GroupingChoice } from './view-filter';

export interface GroupingView {
  grouping: GroupingChoice;
  zoom: number;
  period: string;
  compareWith?: string;
  minCount: number;
}

export interface Comparability {
  /** Routes with a change to show (or not) between the two periods. */
  routes: number;
  /** Of them, routes whose change is not available (a protected value is never differenced). */
  notComparable: number;
}

/** How many routes of the network (grouped or not) can be compared between the view's periods. */
export function comparability(dataset: Dataset, grouped: boolean, view: GroupingView): Comparability | undefined {
  const base = view.compareWith ? dataset.periods.indexOf(view.compareWith) : -1;
  const current = dataset.periods.indexOf(view.period);
  if (base < 0 || current < 0) return undefined;
  const changes = memoFlowChanges(
    flowNetworkData(dataset, grouped).network,
    base,
    current,
    JSON.stringify({ minCount: view.minCount, topN: 0 }),
  );
  return { routes: changes.length, notComparable: changes.filter((c) => c.kind === 'not-available').length };
}

const share = ({ routes, notComparable }: Comparability) => (routes === 0 ? 0 : notComparable / routes);

/** The grouping drawn for a view: see the file's comment for change mode. */
export function groupedFor(dataset: Dataset, view: GroupingView): boolean {
  if (!isGrouped(view.grouping, view.zoom)) return false;
  if (view.grouping !== 'auto' || !view.compareWith) return true;
  const grouped = comparability(dataset, true, view);
  const separate = comparability(dataset, false, view);
  return !grouped || !separate || share(grouped) <= share(separate);
}

/**
 * When 'auto' compares areas one by one although the zoom would group them, what grouping would
 * have left out; undefined otherwise. The summary says it, so the reader knows why London's
 * boroughs appear at national zoom in change mode.
 */
export function ungroupedForChange(dataset: Dataset, view: GroupingView): Comparability | undefined {
  if (!isGrouped(view.grouping, view.zoom) || groupedFor(dataset, view)) return undefined;
  return comparability(dataset, true, view);
}
