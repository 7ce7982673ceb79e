/**
 * "Download briefing pack": the briefing on screen (edits included), its dataset, the basemap and
 * the app, assembled in the browser into one HTML file that presents from disk with no network
 * (src/pack/pack-format.ts). The app's single-file bundle comes with every build (pack/app.js).
 */
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { DataError } from '../data/problems';
import { fetchSameOriginText } from '../net/same-origin';
import { packHtml } from '../pack/pack-format';
import { useAtlasStore } from '../state/store';
import { problemsOf } from '../data/problems';

const fetchHere = (path: string) => fetchSameOriginText(new URL(path, document.baseURI).href, window.location.origin);

async function sha256Base64(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return btoa(String.fromCharCode(...new Uint8Array(digest)));
}

const fileName = (title: string) =>
  `${
    title
      .replace(/[^\w-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .toLowerCase() || 'briefing'
  }`;

/** Builds the pack and hands it to the browser as a download; problems are shown, nothing is lost. */
export async function downloadPack(onStage: (stage: string) => void = () => {}): Promise<void> {
  const { briefing, briefingUrl } = useAtlasStore.getState();
  if (!briefing || !briefingUrl) return;
  try {
    onStage('Reading the app…');
    const [js, css] = await Promise.all([fetchHere('pack/app.js'), fetchHere('pack/app.css')]).catch(() => {
      throw new DataError([
        {
          severity: 'error',
          file: 'pack/app.js',
          message: 'is not part of this site: briefing packs need a build of the atlas (npm start, or npm run pack)',
        },
      ]);
    });
    onStage('Reading the data…');
    const manifestUrl = new URL(briefing.dataset, briefingUrl).href;
    const { collectPack } = await import('../pack/collect');
    const [manifestText, land, lines, maplibreWorker] = await Promise.all([
      fetchHere(manifestUrl),
      fetchHere('basemap/land.json'),
      fetchHere('basemap/lines.json'),
      fetchHere(workerUrl),
    ]);
    const name = fileName(briefing.title);
    const contents = await collectPack({
      briefing,
      briefingFile: `${name}.json`,
      manifestText,
      manifestFile: manifestUrl.split('/').pop() ?? 'manifest.json',
      readDatasetFile: (file) => fetchHere(new URL(file, manifestUrl).href),
      basemap: { land, lines },
      maplibreWorker,
    });
    onStage('Packing…');
    const html = packHtml({ title: briefing.title, js, css, contents, scriptHash: await sha256Base64(js) });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
    link.download = `${name}.html`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 30_000);
  } catch (error) {
    useAtlasStore.getState().setProblems(problemsOf(error, 'briefing pack'));
  } finally {
    onStage('');
  }
}
