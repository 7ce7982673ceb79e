import { useRef, useState, type DragEvent, type ReactNode } from 'react';
import { openLocalFiles } from '../shell/data-actions';
import { useAtlasStore } from '../state/store';

const ACCEPT = '.json,.geojson,.csv,application/json,application/geo+json,text/csv';

/** "Open data…": files are read in this browser and never uploaded. */
export function OpenDataButton() {
  const input = useRef<HTMLInputElement>(null);
  const loading = useAtlasStore((s) => s.status === 'loading');
  return (
    <div className="open-data">
      <button type="button" onClick={() => input.current?.click()} disabled={loading}>
        Open data…
      </button>
      <input
        ref={input}
        type="file"
        multiple
        accept={ACCEPT}
        hidden
        data-testid="open-data-input"
        onChange={(e) => {
          void openLocalFiles([...(e.target.files ?? [])]);
          e.target.value = '';
        }}
      />
      <p className="hint">
        Or drop files on the map: a dataset folder's files, boundary GeoJSON with a flows CSV, or a flowmap.blue pair.
        They stay on this computer.
      </p>
    </div>
  );
}

/** Accepts files dropped anywhere on the map. */
export function DropZone({ children }: { children: ReactNode }) {
  const [over, setOver] = useState(false);
  const onDrag = (e: DragEvent) => {
    if (![...e.dataTransfer.types].includes('Files')) return;
    e.preventDefault();
    setOver(e.type !== 'dragleave');
  };
  return (
    <div
      className="drop-zone"
      data-testid="drop-zone"
      onDragEnter={onDrag}
      onDragOver={onDrag}
      onDragLeave={onDrag}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        void openLocalFiles([...e.dataTransfer.files]);
      }}
    >
      {children}
      {over && <div className="drop-overlay">Drop to open: files are read here and never uploaded</div>}
    </div>
  );
}

/** Progress of a load, announced politely to screen readers. */
export function LoadProgress() {
  const progress = useAtlasStore((s) => (s.status === 'loading' ? s.progress : undefined));
  if (!progress) return null;
  return (
    <div className="load-progress" role="status" aria-live="polite" data-testid="load-progress">
      <span>{progress.stage}…</span>
      <progress max={1} value={progress.fraction} aria-label="Loading progress" />
    </div>
  );
}
