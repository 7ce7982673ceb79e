/**
 * What tools may ask of a page (the snapshot CLI): an export of the view on screen, as base64
 * PNG. The same code as the Export PNG button; nothing in the app calls it.
 */
import type { ExportOptions } from '../export/export-view';

export interface AtlasTools {
  exportPng: (presetId: string, options?: ExportOptions) => Promise<string>;
}

declare global {
  interface Window {
    __atlasTools?: AtlasTools;
  }
}

export function installToolHooks(): void {
  window.__atlasTools = {
    exportPng: async (presetId, options) => {
      const { exportViewPng } = await import('../export/export-view');
      const bytes = new Uint8Array(await (await exportViewPng(presetId, options)).arrayBuffer());
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return btoa(binary);
    },
  };
}
