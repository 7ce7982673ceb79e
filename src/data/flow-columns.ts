/**
 * Published flows as columns: one typed array per field and one table of each distinct text, the
 * form a dataset's flows take between the data worker and the page.
 *
 * Why: posted as objects, 2.45 million flows were copied field by field by the structured clone,
 * and every origin, destination and period arrived as a string of its own (the page took 2.8 s to
 * receive them). As columns the arrays are transferred, not copied, and the page's flows share one
 * string per place and period. This is the wire format of the columnar dataset (#24). The page
 * keeps them as they came: the network, the labels and the frame read the columns, and a
 * dataset's FlowRecords are made only where something still reads `flows` (datasetOfColumns).
 */
import { numbering } from './arrays';
import type { CountColumn } from './disclosure/rules';
import type { Dataset, FlowRecord } from './schema';

/** A measure's value in a column: NaN for suppressed (null); this for a flow without the measure. */
const ABSENT = Number.NEGATIVE_INFINITY;

export interface FlowColumns {
  readonly kind: 'flow-columns';
  readonly length: number;
  /** Each distinct origin, destination and period, by the numbers in the columns below. */
  readonly texts: string[];
  readonly origin: Uint32Array;
  readonly dest: Uint32Array;
  readonly period: Uint32Array;
  /** NaN where suppressed. */
  readonly count: Float64Array;
  /** 1 where the flow has a measures record (even an empty one). */
  readonly hasMeasures: Uint8Array;
  /** A column per measure id met: NaN where suppressed, −∞ where the flow has no such measure. */
  readonly measures: { readonly id: string; readonly values: Float64Array }[];
}

export function flowsToColumns(flows: readonly FlowRecord[]): FlowColumns {
  const length = flows.length;
  const texts = numbering();
  const origin = new Uint32Array(length);
  const dest = new Uint32Array(length);
  const period = new Uint32Array(length);
  const count = new Float64Array(length);
  const hasMeasures = new Uint8Array(length);
  const measures = new Map<string, Float64Array>();
  for (let i = 0; i < length; i++) {
    const flow = flows[i];
    origin[i] = texts.id(flow.origin);
    dest[i] = texts.id(flow.dest);
    period[i] = texts.id(flow.period);
    count[i] = flow.count ?? Number.NaN;
    if (!flow.measures) continue;
    hasMeasures[i] = 1;
    for (const [id, value] of Object.entries(flow.measures)) {
      let column = measures.get(id);
      if (!column) measures.set(id, (column = new Float64Array(length).fill(ABSENT)));
      column[i] = value ?? Number.NaN;
    }
  }
  return {
    kind: 'flow-columns',
    length,
    texts: texts.texts,
    origin,
    dest,
    period,
    count,
    hasMeasures,
    measures: [...measures].map(([id, values]) => ({ id, values })),
  };
}

export function flowsFromColumns(columns: FlowColumns): FlowRecord[] {
  const { length, texts, origin, dest, period, count, hasMeasures, measures } = columns;
  const flows: FlowRecord[] = new Array(length);
  const valueOf = (value: number) => (Number.isNaN(value) ? null : value);
  for (let i = 0; i < length; i++) {
    const flow: FlowRecord = {
      origin: texts[origin[i]],
      dest: texts[dest[i]],
      period: texts[period[i]],
      count: valueOf(count[i]),
    };
    if (hasMeasures[i]) {
      const record: Record<string, number | null> = {};
      for (const { id, values } of measures) if (values[i] !== ABSENT) record[id] = valueOf(values[i]);
      flow.measures = record;
    }
    flows[i] = flow;
  }
  return flows;
}

/** The buffers a FlowColumns holds, to transfer rather than copy. */
export function columnBuffers(columns: FlowColumns): ArrayBuffer[] {
  const arrays = [columns.origin, columns.dest, columns.period, columns.count, columns.hasMeasures];
  return [...arrays, ...columns.measures.map((m) => m.values)].map((array) => array.buffer as ArrayBuffer);
}

/** A dataset's (or published tables') flows as columns: those it holds (the page), else made from its flows. */
export const flowColumnsOf = (dataset: { flows: readonly FlowRecord[]; flowColumns?: FlowColumns }): FlowColumns =>
  dataset.flowColumns ?? flowsToColumns(dataset.flows);

/**
 * A dataset whose flows arrived as columns. Its `flows` are made from them when first read: a
 * 2.45-million-flow file made as many objects (a second and 150 MB on the page) that the map,
 * which draws from the columns, never reads.
 */
export function datasetOfColumns(fields: Omit<Dataset, 'flows' | 'flowColumns'>, columns: FlowColumns): Dataset {
  let flows: FlowRecord[] | undefined;
  return Object.defineProperty({ ...fields, flowColumns: columns }, 'flows', {
    enumerable: true,
    configurable: true,
    get: () => (flows ??= flowsFromColumns(columns)),
  }) as Dataset;
}

/** `dataset` with `changes`, its flows still made only when read (a spread would read them). */
export const datasetWith = (dataset: Dataset, changes: Partial<Omit<Dataset, 'flows' | 'flowColumns'>>): Dataset =>
  Object.defineProperties(
    {},
    {
      ...Object.getOwnPropertyDescriptors(dataset),
      ...Object.getOwnPropertyDescriptors(changes),
    },
  ) as Dataset;

/** The columns with measure `id` as each flow's count (absent or suppressed: suppressed), no measures. */
export function withMeasureColumnAsCount(columns: FlowColumns, id: string): FlowColumns {
  const values = columns.measures.find((m) => m.id === id)?.values;
  const count = new Float64Array(columns.length).fill(Number.NaN);
  if (values) for (let i = 0; i < count.length; i++) if (values[i] !== ABSENT) count[i] = values[i];
  return { ...columns, count, hasMeasures: new Uint8Array(columns.length), measures: [] };
}

/** The count (or measure `measureId`) as the disclosure check reads it: null where suppressed or absent. */
export function countColumn(columns: FlowColumns, measureId?: string): CountColumn {
  const values = measureId === undefined ? columns.count : columns.measures.find((m) => m.id === measureId)?.values;
  return {
    length: columns.length,
    countAt: (row) => {
      const value = values?.[row];
      return value === undefined || value === ABSENT || Number.isNaN(value) ? null : value;
    },
  };
}
