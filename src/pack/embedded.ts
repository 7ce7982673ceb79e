/**
 * Inside a briefing pack (pack-format.ts) the app reads its files from the page itself: the
 * dataset, basemap and briefing from the JSON block, MapLibre's worker from a blob. Outside a
 * pack, `embeddedPack()` is undefined and nothing here is used.
 */
import { PACK_ELEMENT_ID, type PackContents } from './pack-format';

let cached: PackContents | null | undefined;

export function embeddedPack(): PackContents | undefined {
  if (cached === undefined) {
    const element = typeof document === 'undefined' ? null : document.getElementById(PACK_ELEMENT_ID);
    cached = element?.textContent ? (JSON.parse(element.textContent) as PackContents) : null;
  }
  return cached ?? undefined;
}

/** A file of the pack by URL (resolved against the page, as the hosted app would fetch it). */
export function packFetchText(pack: PackContents): (url: string) => Promise<string> {
  return async (url) => {
    const base = new URL('.', document.baseURI).href;
    const path = url.startsWith(base) ? decodeURIComponent(url.slice(base.length).split(/[?#]/)[0]) : url;
    const text = pack.files[path];
    if (text === undefined) throw new Error(`not in this briefing pack`);
    return text;
  };
}

/** MapLibre's worker, from the pack's copy of its source. */
export const packWorkerUrl = (pack: PackContents) =>
  URL.createObjectURL(new Blob([pack.maplibreWorker], { type: 'text/javascript' }));
