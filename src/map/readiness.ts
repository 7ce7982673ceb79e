/**
 * The readiness protocol tests, tools and briefing scenes wait on: `<body data-map-ready>` says
 * whether what is drawn matches the current state, and `data-map-version` counts layer updates,
 * so a caller that changed something can wait for a version newer than the one it saw.
 */
let waiting: (() => void)[] = [];

export function setReady(ready: boolean, version?: number): void {
  document.body.dataset.mapReady = String(ready);
  // Until the first complete frame the map's canvas is hidden (styles.css): no routes on a blank
  // sea while the basemap loads, no land without its data; the loading notice shows instead.
  if (ready) document.body.dataset.mapDrawn = 'true';
  if (version !== undefined) document.body.dataset.mapVersion = String(version);
  if (ready) {
    const resolve = waiting;
    waiting = [];
    for (const done of resolve) done();
  }
}

export const isReady = () => document.body.dataset.mapReady === 'true';

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/**
 * Resolves once the map has drawn the current state. Two frames first, so that a change made just
 * before the call has reached the map (React commits, the map marks itself not ready).
 */
export async function whenReady(): Promise<void> {
  await nextFrame();
  await nextFrame();
  if (isReady()) return;
  await new Promise<void>((resolve) => waiting.push(resolve));
}
