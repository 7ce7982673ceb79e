/**
 * What tools may ask of a page: an export of the view on screen as base64 PNG (the snapshot CLI;
 * the same code as the Export PNG button, refused while the page shows a problem), another view
 * or scene shown in place (as a link or the clicker would show it, without reloading the page),
 * and the benchmark's CPU-filtering comparison path. Nothing in the app calls them.
 */
import type { ExportOptions } from '../export/export-view';
import type { DrawnExport } from '../export/render-png';
import { formatProblem } from '../data/problems';
import { viewFromUrl } from '../data/view';
import { useAtlasStore } from '../state/store';

export interface AtlasTools {
  /** The PNG as base64, and what it drew (map and key boxes, the key's rows, its text). */
  exportPng: (presetId: string, options?: ExportOptions) => Promise<{ png: string; drawn: DrawnExport }>;
  /** Shows the view a link's query and hash describe (`?period=…#map=…`), and waits until it is drawn. */
  showView: (link: string) => Promise<void>;
  /** Shows scene `index` (zero-based) of the open briefing, and waits until it is drawn. */
  showScene: (index: number) => Promise<void>;
  /** The bench's and tests' choice of filter path; undefined gives it back to the renderer. */
  setFilterOnCpu: (on: boolean | undefined) => void;
}

declare global {
  interface Window {
    __atlasTools?: AtlasTools;
  }
}

export function installToolHooks(): void {
  window.__atlasTools = {
    exportPng: async (presetId, options) => {
      // A tool asked for a view by its link or briefing: if the page could not show exactly that (a
      // dataset refused, a briefing failed, a link value ignored), the file would not be what was
      // asked for. Refuse with what the page says, rather than export something else.
      const { problems } = useAtlasStore.getState();
      if (problems.length) throw new Error(problems.map(formatProblem).join('\n'));
      const { exportViewPng } = await import('../export/export-view');
      const { blob, drawn } = await exportViewPng(presetId, options);
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return { png: btoa(binary), drawn };
    },
    showView: async (link) => {
      const url = new URL(link, window.location.href);
      const store = useAtlasStore.getState();
      store.applyView(viewFromUrl(url.href));
      await store.mapHandle?.whenReady();
    },
    showScene: async (index) => {
      const store = useAtlasStore.getState();
      if (!store.briefing || index < 0 || index >= store.briefing.scenes.length)
        throw new Error(`there is no scene ${index + 1} in the briefing on screen`);
      store.showScene(index);
      await store.mapHandle?.whenReady();
    },
    setFilterOnCpu: (on) => useAtlasStore.setState({ filterOnCpu: on }),
  };
}
