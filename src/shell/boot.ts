/**
 * Start-up shared by every entry (the app; later the embed page): the URL's view goes into the
 * store and stays in step with it, then the dataset opens — `?data=` when it names one on this
 * site, else the bundled sample. A refused or failed `?data=` leaves the sample on screen under
 * its problems, so the reader still has a map and knows why it is not the one linked.
 */
import type { DataProblem } from '../data/problems';
import { useAtlasStore, type AppMode } from '../state/store';
import { syncUrlWithStore } from '../state/url-state';
import { ignoredUrlValues } from '../data/view';
import { flowEndpoints, flowNetworkData } from '../derive/flow-network';
import { groupedFor } from '../derive/grouping';
import { measureOf } from '../data/measures';
import { registerOfflineCache } from './offline';
import { installToolHooks } from './tool-hooks';
import { openBriefing, showBriefing } from './briefing-actions';
import { LOCAL_BRIEFING_URL, hasLocalDraft, loadDraft } from './briefing-drafts';
import { syncBriefingUrl } from './briefing-url';
import { openDataset, resolveDataParam, setDataClient } from './data-actions';
import { embeddedPack, packFetchText } from '../pack/embedded';

export interface BootOptions {
  mode: AppMode;
}

export function boot({ mode }: BootOptions): void {
  useAtlasStore.setState({ mode });
  // Read before the URL is rewritten from the store, which drops what it cannot hold.
  const ignored = ignoredUrlValues(window.location.href);
  registerOfflineCache();
  installToolHooks();
  syncUrlWithStore();
  const params = new URLSearchParams(window.location.search);
  const pack = embeddedPack();
  if (pack) {
    // A briefing pack opened from disk: its own files, no worker, presenting from the start.
    const scene = Math.max(1, Number.parseInt(params.get('scene') ?? '1', 10) || 1) - 1;
    // The parsers load only here: a hosted page leaves them to the data worker.
    void import('../worker/data-client')
      .then(({ localDataClient }) => setDataClient(localDataClient(packFetchText(pack))))
      .then(() => openBriefing(pack.briefing, scene))
      .then((opened) => opened && useAtlasStore.getState().setPresenting(true));
    return;
  }
  const briefing = params.get('briefing');
  if (briefing === null) {
    void openFirstDataset(params.get('data'))
      .then(() => noticeIgnored(ignored))
      .then(() => restoreLocalBriefing(params));
    return;
  }
  // A briefing brings its own dataset; `&scene=N` (one-based, as the progress shows) and `&present`.
  const scene = Math.max(1, Number.parseInt(params.get('scene') ?? '1', 10) || 1) - 1;
  void openBriefing(briefing, scene).then(async (opened) => {
    if (!opened) {
      // The briefing's problems stay on screen over whatever the map can show instead.
      const { problems, dataset } = useAtlasStore.getState();
      if (dataset) return;
      await openDataset();
      useAtlasStore.getState().setProblems(problems, 'The map shows the bundled illustrative sample instead.');
      return;
    }
    syncBriefingUrl(briefing);
    if (params.has('present')) useAtlasStore.getState().setPresenting(true);
  });
}

/**
 * Whatever a link says, the controls show exactly what is drawn: values they cannot show, and
 * areas the dataset does not have, are dropped, and the reader is told which.
 */
function noticeIgnored(ignored: string[]): void {
  const s = useAtlasStore.getState();
  if (!s.dataset) return;
  // What the controls can show: the areas (or merged groups) flows start or end at, as drawn now.
  const { network } = flowNetworkData(s.dataset, groupedFor(s.dataset, { ...s, period: s.period ?? '' }));
  const { origins, dests, endpoints } = flowEndpoints(network);
  const ids = (nodes: { id: string }[]) => new Set(nodes.map((n) => n.id));
  const unknown: string[] = [];
  const merged: string[] = [];
  /** The id to use for `id` (itself, or the group drawn for it), or undefined to drop it. */
  const resolve = (param: string, id: string, allowed: Set<string>): string | undefined => {
    if (allowed.has(id)) return id;
    const node = network.nodeOf.get(id);
    if (node !== undefined && node !== id && allowed.has(node)) {
      merged.push(`${param}=${id} as ${network.nodes.get(node)?.name ?? node}`);
      return node;
    }
    unknown.push(`${param}=${id}`);
    return undefined;
  };
  if (s.selection) {
    const id = resolve('sel', s.selection.id, ids(endpoints));
    if (id === undefined) s.clearSelection();
    else if (id !== s.selection.id) s.select(id);
  }
  if (s.originFilter) s.setOriginFilter(resolve('origin', s.originFilter, ids(origins)));
  const measure = s.measure && !measureOf(s.dataset, s.measure) ? s.measure : undefined;
  if (measure) s.setMeasure(undefined);
  if (s.destFilter) s.setDestFilter(resolve('dest', s.destFilter, ids(dests)));
  const parts = [
    ...(ignored.length ? [`ignored ${ignored.join(', ')} (not a choice the controls offer)`] : []),
    ...(unknown.length ? [`ignored ${unknown.join(', ')} (no area with flows has that id here)`] : []),
    ...(measure
      ? [`ignored measure=${measure} (this data has no such measure; showing ${s.dataset.manifest.flowMeasure})`]
      : []),
    ...(merged.length
      ? [
          `showed ${merged.join(', ')} (its area is merged into that exporting group; choose "Never group" to see it alone)`,
        ]
      : []),
  ];
  if (parts.length === 0) return;
  s.setProblems([
    ...useAtlasStore.getState().problems,
    { severity: 'warning', file: 'this link', message: parts.join('; ') },
  ]);
}

/** A briefing made in this browser comes back after a reload (when the link names no other data). */
async function restoreLocalBriefing(params: URLSearchParams): Promise<void> {
  if (params.has('data') || !hasLocalDraft()) return;
  const draft = await loadDraft(LOCAL_BRIEFING_URL());
  if (draft && (await showBriefing(draft, LOCAL_BRIEFING_URL(), null)))
    useAtlasStore.setState({ briefingEdited: true });
}

async function openFirstDataset(dataParam: string | null): Promise<void> {
  const target = dataParam === null ? undefined : resolveDataParam(dataParam, window.location.href);
  if (target === undefined) {
    await openDataset();
    return;
  }
  // Refused without fetching anything.
  const problems: DataProblem[] | undefined =
    'refused' in target
      ? [{ severity: 'error', file: '?data=', message: target.refused }]
      : await openDataset(target.url);
  if (!problems) return;
  await openDataset();
  useAtlasStore.getState().setProblems(problems, 'The map shows the bundled illustrative sample instead.');
}
