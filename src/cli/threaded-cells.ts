/**
 * Incident points into H3 cells on every core: the same counts as IncidentCellCounter
 * (data/disclosure/protect.ts), with the points split over worker threads in batches and the
 * threads' counts merged before suppression. Finding each point's cell is nearly all the work, and
 * it parallelises exactly: a point's cell does not depend on any other point.
 *
 * Node only (the police-uk importer and the bench). Fewer points than one batch are counted here,
 * without starting a thread. A thread that cannot start or fails has its batches counted here
 * instead, so a result is never short of points: each batch is kept until its thread has answered.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { IncidentCellCounter } from '../data/disclosure/protect';
import type { DisclosureSettings, IncidentCell } from '../data/schema';

/** Points sent to a thread: positions and period indexes as columns. */
export interface CellBatch {
  lat: Float64Array;
  lon: Float64Array;
  period: Uint16Array;
  length: number;
}

/** A thread's raw counts, one entry per (period index, cell). */
export interface CellCounts {
  cells: string[];
  periods: number[];
  counts: number[];
}

interface Thread {
  worker: Worker;
  sent: CellBatch[];
  /** Its counts, or undefined when it failed (its batches are then counted here). */
  result: Promise<CellCounts | undefined>;
}

export interface ThreadOptions {
  /** Worker threads to use; 1 counts in this thread. Default: the machine's cores. */
  threads?: number;
  /** Points per batch sent to a thread. */
  batchSize?: number;
  /** The threads' script: cell-counting-worker.mjs (a test gives one that fails). */
  workerUrl?: URL;
}

const COUNTING_WORKER = new URL('./cell-counting-worker.mjs', import.meta.url);

export class ThreadedCellCounter {
  private readonly merged: IncidentCellCounter;
  private readonly periods: string[] = [];
  private readonly periodIndex = new Map<string, number>();
  private readonly threads: Thread[] = [];
  private readonly threadCount: number;
  private readonly batchSize: number;
  private readonly workerUrl: URL;
  private batch: CellBatch;
  private sentBatches = 0;
  /** Points whose cells other threads found (the rest were found here): for tests and the bench. */
  countedOnThreads = 0;

  constructor(
    readonly resolution: number,
    { threads = availableParallelism(), batchSize = 65_536, workerUrl = COUNTING_WORKER }: ThreadOptions = {},
  ) {
    // Checks the resolution as the single-threaded counter does.
    this.merged = new IncidentCellCounter(resolution);
    this.threadCount = Math.max(1, Math.floor(threads));
    this.batchSize = batchSize;
    this.workerUrl = workerUrl;
    this.batch = this.newBatch();
  }

  add(lat: number, lon: number, period: string): void {
    let index = this.periodIndex.get(period);
    if (index === undefined) {
      index = this.periods.push(period) - 1;
      this.periodIndex.set(period, index);
    }
    const b = this.batch;
    b.lat[b.length] = lat;
    b.lon[b.length] = lon;
    b.period[b.length] = index;
    if (++b.length === this.batchSize) this.send();
  }

  /** Every point's cell counted and merged, then suppressed and rounded: published cells. */
  async cells(settings: DisclosureSettings): Promise<IncidentCell[]> {
    // The last, partial batch is counted here while the threads finish theirs.
    const results = this.threads.map((thread) => {
      thread.worker.postMessage('done');
      return thread.result;
    });
    this.countHere(this.batch);
    this.batch = this.newBatch();
    for (const [i, counts] of (await Promise.all(results)).entries()) {
      const thread = this.threads[i];
      void thread.worker.terminate();
      if (!counts) {
        for (const batch of thread.sent) this.countHere(batch);
        continue;
      }
      for (let j = 0; j < counts.cells.length; j++)
        this.merged.addCount(counts.cells[j], this.periods[counts.periods[j]], counts.counts[j]);
      for (const batch of thread.sent) this.countedOnThreads += batch.length;
    }
    this.threads.length = 0;
    return this.merged.cells(settings);
  }

  /**
   * Stops the threads without counting: for a read that failed part way. A thread left running
   * would keep the CLI's process alive after it has reported the failure.
   */
  dispose(): void {
    for (const thread of this.threads) void thread.worker.terminate();
    this.threads.length = 0;
  }

  private newBatch(): CellBatch {
    const n = this.batchSize;
    return { lat: new Float64Array(n), lon: new Float64Array(n), period: new Uint16Array(n), length: 0 };
  }

  private send(): void {
    const batch = this.batch;
    this.batch = this.newBatch();
    if (this.threadCount < 2) {
      this.countHere(batch);
      return;
    }
    const thread = this.threadFor(this.sentBatches++ % this.threadCount);
    if (!thread) {
      this.countHere(batch);
      return;
    }
    // Copied, not transferred: the batch is kept until the thread's counts arrive.
    thread.sent.push(batch);
    thread.worker.postMessage(batch);
  }

  private threadFor(i: number): Thread | undefined {
    if (this.threads[i]) return this.threads[i];
    let worker: Worker;
    try {
      worker = new Worker(this.workerUrl, {
        workerData: { resolution: this.resolution },
        // Plain JavaScript: without the parent's loaders (tsx), which would cost each thread more
        // to start than it saves.
        execArgv: [],
      });
    } catch {
      return undefined;
    }
    const result = new Promise<CellCounts | undefined>((resolve) => {
      worker.once('message', (counts: CellCounts) => resolve(counts));
      worker.once('error', () => resolve(undefined));
      worker.once('exit', () => resolve(undefined));
    });
    this.threads[i] = { worker, sent: [], result };
    return this.threads[i];
  }

  private countHere(batch: CellBatch): void {
    for (let i = 0; i < batch.length; i++) this.merged.add(batch.lat[i], batch.lon[i], this.periods[batch.period[i]]);
  }
}
