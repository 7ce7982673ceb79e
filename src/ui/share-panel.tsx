/**
 * Export and embed: a PNG of the view with everything baked in (presets for articles, slides and
 * print), and the embed snippet for an article with a live preview at phone, column and page widths.
 */
import { useEffect, useMemo, useState } from 'react';
import { EXPORT_PRESETS, pixelSize, presetById } from '../export/presets';
import { useAtlasStore } from '../state/store';
import { useViewHref } from '../state/url-state';
import { useShownFlows } from './use-alt-text';

/** A fresh id for each snippet: two frames of one article page must never share one. */
const embedId = () => `atlas-${Math.random().toString(36).slice(2, 10)}`;

/** The snippet for the view on screen: the iframe works alone; the script only sizes its own frame. */
export function embedSnippet(pageHref: string, id: string, title: string, alt: string): string {
  const src = new URL(embedSrc(pageHref, id));
  const attr = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<iframe id="${id}" title="${attr(title)}" src="${attr(src.href)}" style="width:100%;height:640px;border:0" loading="lazy"></iframe>
<script>(function(){var f=document.getElementById(${JSON.stringify(id)});window.addEventListener("message",function(e){if(!f||e.source!==f.contentWindow)return;var d=e.data||{},h=d["datawrapper-height"]&&d["datawrapper-height"][${JSON.stringify(id)}];if(!h&&d.sentinel==="amp"&&d.type==="embed-size")h=d.height;if(h>0)f.style.height=h+"px";});})();</script>
<noscript><img src="map.png" alt="${attr(alt)}" style="width:100%"><!-- replace map.png with the PNG exported from the atlas --></noscript>`;
}

/** The embed's address for this view, with the id it reports its height under. */
function embedSrc(pageHref: string, id: string): string {
  const url = new URL(pageHref);
  const src = new URL('embed.html', url);
  src.search = url.search;
  src.searchParams.set('id', id);
  src.hash = url.hash;
  return src.href;
}

/** What the reader chose for a PNG: kept while the panel is closed, so nothing typed is lost. */
interface ExportChoices {
  preset: string;
  custom: string;
  byline: string;
  transparent: boolean;
}

interface ShareForm {
  choices: ExportChoices;
  choose: (changed: Partial<ExportChoices>) => void;
  /** The size exported: the preset's id, or the custom text. */
  chosen: string;
  status: string;
  exportPng: () => Promise<void>;
}

export function SharePanel() {
  const [choices, setChoices] = useState<ExportChoices>({
    preset: EXPORT_PRESETS[1].id,
    custom: '800x600@2x',
    byline: '',
    transparent: false,
  });
  const [status, setStatus] = useState('');
  // Closed, the panel draws its summary alone: its snippet and alt text follow every change of the
  // view (a period step, a pan), work for no one while nobody can see them.
  const [open, setOpen] = useState(false);
  const { preset, custom, byline, transparent } = choices;
  const chosen = preset === 'custom' ? custom : preset;

  const exportPng = async () => {
    setStatus('Drawing the export…');
    const started = performance.now();
    try {
      const { exportViewPng } = await import('../export/export-view');
      const { blob } = await exportViewPng(chosen, { byline, transparent });
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = `county-lines-${useAtlasStore.getState().period ?? 'map'}-${chosen.replace(/[^\w@]+/g, '-')}.png`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 30_000);
      setStatus(`Exported in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    } catch (error) {
      setStatus(`Could not export: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const choose = (changed: Partial<ExportChoices>) => setChoices((before) => ({ ...before, ...changed }));
  const form: ShareForm = { choices, choose, chosen, status, exportPng };
  return (
    <details className="controls share-panel" data-testid="share-panel" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Export and embed</summary>
      {open && <ShareControls form={form} />}
    </details>
  );
}

function ShareControls({ form }: { form: ShareForm }) {
  const { choices, choose, status } = form;
  const { preset, custom, byline, transparent } = choices;
  const title = useAtlasStore((s) => s.dataset?.manifest.title ?? 'County-lines route atlas');
  // A new snippet (and id) for each view, and after each copy: a second frame on the same page
  // gets its own id, so each resizes.
  // The snippet follows the view, as the address bar will once the view rests.
  const href = useViewHref();
  const [copies, setCopies] = useState(0);
  const id = useMemo(() => embedId(), [href, copies]);
  const [previewWidth, setPreviewWidth] = useState(0);
  const [previewHeight, setPreviewHeight] = useState(640);
  const previewId = useMemo(() => embedId(), [previewWidth]);
  // The preview sizes itself as an article's frame would: to the height the embed reports.
  useEffect(() => {
    const onMessage = (event: MessageEvent) => {
      const height = (event.data as { 'datawrapper-height'?: Record<string, number> } | null)?.['datawrapper-height']?.[
        previewId
      ];
      if (typeof height === 'number' && height > 0) setPreviewHeight(Math.round(height));
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, [previewId]);
  const shown = useShownFlows();
  const size = presetById(form.chosen);

  const alt = shown?.alt ?? title;
  const snippet = embedSnippet(href, id, title, alt);
  return (
    <>
      <label className="control">
        <span>Image size</span>
        <select value={preset} onChange={(e) => choose({ preset: e.target.value })} data-testid="export-preset">
          {EXPORT_PRESETS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
          <option value="custom">Custom…</option>
        </select>
      </label>
      {preset === 'custom' && (
        <label className="control">
          <span>Width × height in CSS px, and ratio (e.g. 800x600@2x)</span>
          <input value={custom} onChange={(e) => choose({ custom: e.target.value })} />
        </label>
      )}
      <p className="muted">
        {size ? `${pixelSize(size).width} × ${pixelSize(size).height} pixels` : 'Write it as WIDTHxHEIGHT@2x'}
      </p>
      <label className="control">
        <span>Byline (optional)</span>
        <input
          value={byline}
          maxLength={120}
          onChange={(e) => choose({ byline: e.target.value })}
          data-testid="export-byline"
        />
      </label>
      <label className="check">
        <input type="checkbox" checked={transparent} onChange={(e) => choose({ transparent: e.target.checked })} />{' '}
        Transparent background
      </label>
      <button
        type="button"
        className="link-button"
        disabled={!size || status === 'Drawing the export…'}
        onClick={() => void form.exportPng()}
        data-testid="export-png"
      >
        Export PNG
      </button>{' '}
      <span role="status" className="muted" data-testid="export-status">
        {status}
      </span>
      <label className="control">
        <span>Embed in an article (paste into the page's HTML)</span>
        <textarea readOnly rows={6} value={snippet} onFocus={(e) => e.target.select()} data-testid="embed-snippet" />
      </label>
      <button
        type="button"
        className="link-button"
        onClick={() =>
          void navigator.clipboard
            .writeText(snippet)
            .catch(() => {})
            .finally(() => setCopies((n) => n + 1))
        }
        data-testid="copy-embed"
      >
        Copy the snippet
      </button>
      <div className="briefing-actions" role="group" aria-label="Preview the embed">
        {[320, 600, 1000].map((w) => (
          <button
            key={w}
            type="button"
            aria-pressed={previewWidth === w}
            onClick={() => setPreviewWidth(previewWidth === w ? 0 : w)}
          >
            Preview {w} px
          </button>
        ))}
      </div>
      {previewWidth > 0 && (
        <div className="embed-preview">
          <iframe
            title={`${title} (preview at ${previewWidth} px)`}
            src={embedSrc(href, previewId)}
            style={{ width: previewWidth, height: previewHeight, border: '1px solid #c9c9c9' }}
            data-testid="embed-preview"
          />
        </div>
      )}
    </>
  );
}
