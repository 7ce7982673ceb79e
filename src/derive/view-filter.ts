/** From a reader's choices to what the flow network shows: grouping and the flow filter. */
import type { FlowFilter } from '../data/analysis/network';
import type { Dataset } from '../data/schema';

/** 'auto' merges exporting areas (e.g. London's boroughs) below this zoom, where they overlap. */
export const AUTO_GROUP_BELOW_ZOOM = 8;

export type GroupingChoice = 'auto' | 'grouped' | 'separate';

export function isGrouped(grouping: GroupingChoice, zoom: number): boolean {
  return grouping === 'grouped' || (grouping === 'auto' && zoom < AUTO_GROUP_BELOW_ZOOM);
}

/** The choices a flow filter is made of (a view has them all). */
export interface FilterChoices {
  period: string;
  minCount: number;
  originFilter?: string;
  destFilter?: string;
  topN: number;
  selection?: FlowFilter['focus'];
}

export function flowFilterOf(dataset: Dataset, choices: FilterChoices): FlowFilter {
  return {
    periodIndex: dataset.periods.indexOf(choices.period),
    minCount: choices.minCount,
    origin: choices.originFilter,
    dest: choices.destFilter,
    topN: choices.topN,
    focus: choices.selection,
  };
}
