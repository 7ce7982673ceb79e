/**
 * One thread of ThreadedCellCounter (threaded-cells.ts): counts the points it is sent into H3
 * cells per period, and on "done" sends its counts back. The counts are raw: suppression happens
 * once, after every thread's counts are merged.
 *
 * Plain JavaScript, not TypeScript: a worker thread does not inherit the TypeScript loader the
 * CLI runs under (tsx), so it must be a module Node runs as it is.
 *
 * @typedef {import('./threaded-cells').CellBatch} CellBatch
 * @typedef {import('./threaded-cells').CellCounts} CellCounts
 */
import { parentPort, workerData } from 'node:worker_threads';
import { latLngToCell } from 'h3-js';

/** @type {{ resolution: number }} */
const { resolution } = workerData;
/** Per period index, then per cell. @type {Map<string, number>[]} */
const counts = [];

parentPort?.on('message', (/** @type {CellBatch | 'done'} */ message) => {
  if (message === 'done') {
    /** @type {CellCounts} */
    const out = { cells: [], periods: [], counts: [] };
    counts.forEach((byCell, period) => {
      for (const [cell, n] of byCell) {
        out.cells.push(cell);
        out.periods.push(period);
        out.counts.push(n);
      }
    });
    parentPort?.postMessage(out);
    return;
  }
  const { lat, lon, period, length } = message;
  for (let i = 0; i < length; i++) {
    counts[period[i]] ??= new Map();
    const byCell = counts[period[i]];
    const cell = latLngToCell(lat[i], lon[i], resolution);
    byCell.set(cell, (byCell.get(cell) ?? 0) + 1);
  }
});
