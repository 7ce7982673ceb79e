/**
 * The map's key in React (desk, presenting, embed): the rows each drawn layer gives
 * (map/key.ts), and nothing else. Every sample carries `data-swatch="#rrggbb"`, the colour as
 * drawn on the map, and `data-empty` when no member of its class is in view, so tests can check
 * each colour the key shows is on the map.
 */
import { useMemo } from 'react';
import { keySections, layerContext } from '../map/compose-layers';
import type { KeyRow, KeySection } from '../map/key';
import { useMapContent } from '../map/use-map-content';
import { useAtlasStore } from '../state/store';

/** The sections of the key for what the map draws now. */
export function useKeySections(): KeySection[] {
  const { inputs, analysis } = useMapContent();
  // What is on screen decides which classes have a member in view; the map's layers ignore it.
  const bounds = useAtlasStore((s) => s.bounds);
  return useMemo(
    () => (inputs ? keySections(layerContext({ ...inputs, bounds, periods: 'all' }), analysis) : []),
    [inputs, analysis, bounds],
  );
}

const SAMPLE = { width: 44, height: 18 };

function Sample({ row, textPx }: { row: Exclude<KeyRow, { kind: 'note' }>; textPx: number }) {
  if (row.kind === 'width')
    return (
      <svg {...SAMPLE} aria-hidden="true" className="key-sample" data-swatch={row.colour}>
        <line
          x1={2 + row.widthPx / 2}
          x2={SAMPLE.width - 2 - row.widthPx / 2}
          y1={SAMPLE.height / 2}
          y2={SAMPLE.height / 2}
          stroke={row.colour}
          strokeWidth={row.widthPx}
          strokeLinecap="round"
        />
      </svg>
    );
  if (row.kind === 'ramp')
    return (
      <span
        className="key-sample ramp"
        style={{ background: `linear-gradient(to right, ${row.colours.join(', ')})` }}
        aria-hidden="true"
        data-ramp={row.colours.join(' ')}
      />
    );
  if (row.kind === 'size') {
    // Circles side by side, bottoms aligned, each value under its circle.
    const height = Math.max(...row.circles.map((c) => c.radiusPx)) * 2 + 4;
    let x = 2;
    const placed = row.circles.map((c) => {
      // Each circle's column is as wide as its value's text at least.
      const column = Math.max(c.radiusPx * 2, String(c.value).length * textPx * 0.6);
      const cx = x + column / 2;
      x += column + 10;
      return { ...c, cx };
    });
    return (
      <svg width={x} height={height + textPx * 1.3} className="key-sample sizes" data-swatch={row.colour}>
        {placed.map((c) => (
          <g key={c.value}>
            <circle
              cx={c.cx}
              cy={height - 2 - c.radiusPx}
              r={c.radiusPx}
              fill={row.colour}
              stroke={row.outline}
              strokeWidth={1.5}
            />
            <text x={c.cx} y={height + textPx} textAnchor="middle" fontSize={textPx} fill="currentColor">
              {c.value}
            </text>
          </g>
        ))}
      </svg>
    );
  }
  return (
    <span
      className="key-sample swatch"
      style={{ background: row.colour, borderColor: row.outline ?? '#666666' }}
      aria-hidden="true"
      data-swatch={row.colour}
      data-empty={row.empty ? '' : undefined}
    />
  );
}

/** One row of a key: a sample and its label, or a sentence. */
function KeyRowItem({ row, textPx }: { row: KeyRow; textPx: number }) {
  if (row.kind === 'note') return <li className="legend-note">{row.label}</li>;
  return (
    <li className={row.kind === 'swatch' && row.empty ? 'key-row empty' : 'key-row'}>
      <Sample row={row} textPx={textPx} />
      <span>
        {row.label}
        {row.kind === 'swatch' && row.empty && <span className="muted"> (none here)</span>}
      </span>
    </li>
  );
}

/**
 * The sections' rows; `textPx` sizes the text drawn inside samples (the circles' values). With
 * `foldMethod` (the desk, where the key shares a panel with the controls) each section folds, and
 * the notes on how a layer is made wait under "How this is made", so the marks stay on screen.
 */
export function KeySections({
  sections,
  textPx = 11,
  foldMethod = false,
}: {
  sections: KeySection[];
  textPx?: number;
  foldMethod?: boolean;
}) {
  return (
    <>
      {sections.map((section) => {
        const method = foldMethod ? section.rows.filter((row) => row.kind === 'note' && row.method) : [];
        const shown = section.rows.filter((row) => !method.includes(row));
        const rows = (
          <>
            <ul className="key-rows">
              {shown.map((row, i) => (
                <KeyRowItem key={i} row={row} textPx={textPx} />
              ))}
            </ul>
            {method.length > 0 && (
              <details className="key-method">
                <summary>How this is made</summary>
                <ul className="key-rows">
                  {method.map((row, i) => (
                    <KeyRowItem key={i} row={row} textPx={textPx} />
                  ))}
                </ul>
              </details>
            )}
          </>
        );
        return (
          <section key={section.id} className="key-section" data-testid={`legend-${section.id}`}>
            {foldMethod ? (
              <details open>
                <summary>
                  <h3>{section.title}</h3>
                </summary>
                {rows}
              </details>
            ) : (
              <>
                <h3>{section.title}</h3>
                {rows}
              </>
            )}
          </section>
        );
      })}
    </>
  );
}

/** The key as the desk, the embed and the presentation show it. */
export function Legend({ foldMethod = false }: { foldMethod?: boolean }) {
  const sections = useKeySections();
  if (sections.length === 0) return null;
  return (
    <section className="legend" aria-label="Legend" data-testid="legend">
      <h2>Key</h2>
      <KeySections sections={sections} foldMethod={foldMethod} />
    </section>
  );
}
