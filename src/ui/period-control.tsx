import { memo, useCallback, useId, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { windowIndices } from '../state/analysis-slices';
import { useAtlasStore } from '../state/store';
import { periodLabel } from '../data/periods';

const SPEEDS = [0.5, 1, 2, 4];

/**
 * The period on screen: slider and previous/next (arrow keys move the slider, as a native range
 * does), a window for playback, and play/pause with a speed (the timer runs in the app shell).
 */
/** `compact`: the period and play only (a phone's embed), without speed and playback window. */
export function PeriodControl({ compact = false }: { compact?: boolean }) {
  const s = useAtlasStore(
    useShallow((st) => ({
      dataset: st.dataset,
      period: st.period,
      periodWindow: st.periodWindow,
      playing: st.playing,
      speed: st.speed,
      setPeriod: st.setPeriod,
      stepPeriod: st.stepPeriod,
      setRange: st.setRange,
      setPlaying: st.setPlaying,
      setSpeed: st.setSpeed,
      compareWith: st.compareWith,
      setCompareWith: st.setCompareWith,
      mode: st.mode,
    })),
  );
  const id = useId();
  // Every period's label, made once per dataset: the compare list labels them all on each change.
  const labels = useMemo(() => s.dataset?.periods.map(periodLabel) ?? [], [s.dataset]);
  const { playing, speed, setRange } = s;
  const periods = s.dataset?.periods;
  const [from, to] = periods ? windowIndices(periods, s.periodWindow) : [0, 0];
  // Stable while the window is, so the window's lists are not drawn again on every period step.
  const setFrom = useCallback((i: number) => setRange([i, to]), [setRange, to]);
  const setTo = useCallback((i: number) => setRange([from, i]), [setRange, from]);
  if (!periods || !s.period) return null;
  const index = periods.indexOf(s.period);
  return (
    <section className="period-control" aria-label="Period">
      <label htmlFor={id}>
        Period: <output data-testid="period-label">{periodLabel(s.period)}</output>
      </label>
      <div className="period-row">
        <button type="button" onClick={() => s.stepPeriod(-1)} disabled={index <= 0} aria-label="Previous period">
          ‹
        </button>
        <input
          id={id}
          type="range"
          min={0}
          max={periods.length - 1}
          step={1}
          value={Math.max(0, index)}
          aria-valuetext={periodLabel(s.period)}
          onChange={(e) => s.setPeriod(periods[Number(e.target.value)])}
        />
        <button
          type="button"
          onClick={() => s.stepPeriod(1)}
          disabled={index >= periods.length - 1}
          aria-label="Next period"
        >
          ›
        </button>
        {/* Compact (a phone's embed): play sits in the row, so the map keeps the frame. */}
        {compact && periods.length > 1 && (
          <button
            type="button"
            onClick={() => s.setPlaying(!playing)}
            aria-pressed={playing}
            aria-label={playing ? 'Pause' : 'Play'}
            className="period-play"
            data-testid="play"
          >
            {playing ? '❚❚' : '▶'}
          </button>
        )}
      </div>
      {!compact && (
        <div className="period-ends" aria-hidden="true">
          <span>{periods[0]}</span>
          <span>{periods.at(-1)}</span>
        </div>
      )}
      {!compact && periods.length > 1 && (
        <div className="playback">
          <button type="button" onClick={() => s.setPlaying(!playing)} aria-pressed={playing} data-testid="play">
            {playing ? '❚❚ Pause' : '▶ Play'}
          </button>
          <SpeedSelect speed={speed} setSpeed={s.setSpeed} />
          <PeriodSelect label="From" periods={periods} value={from} onChange={setFrom} testId="range-from" />
          <PeriodSelect label="to" periods={periods} value={to} onChange={setTo} testId="range-to" />
        </div>
      )}
      {periods.length > 1 && s.mode !== 'embed' && (
        <label className="compare">
          Compare with{' '}
          <select
            value={s.compareWith ?? ''}
            onChange={(e) => s.setCompareWith(e.target.value || undefined)}
            data-testid="compare-with"
          >
            <option value="">— (show this period's counts)</option>
            {/* The period on screen is disabled, not left out: a step then changes one attribute,
                where removing and adding an option made the select rebuild its list each step. */}
            {periods.map((p, i) => (
              <option key={p} value={p} disabled={p === s.period}>
                {labels[i]}
              </option>
            ))}
          </select>
        </label>
      )}
    </section>
  );
}

const SpeedSelect = memo(function SpeedSelect({ speed, setSpeed }: { speed: number; setSpeed: (v: number) => void }) {
  return (
    <label>
      Speed{' '}
      <select value={speed} onChange={(e) => setSpeed(Number(e.target.value))} data-testid="speed">
        {SPEEDS.map((v) => (
          <option key={v} value={v}>
            {v} per second
          </option>
        ))}
      </select>
    </label>
  );
});

/** A list of every period (the playback window's ends): drawn again only when its own value changes. */
const PeriodSelect = memo(function PeriodSelect({
  label,
  periods,
  value,
  onChange,
  testId,
}: {
  label: string;
  periods: string[];
  value: number;
  onChange: (index: number) => void;
  testId: string;
}) {
  return (
    <label>
      {label}{' '}
      <select value={value} onChange={(e) => onChange(Number(e.target.value))} data-testid={testId}>
        {periods.map((p, i) => (
          <option key={p} value={i}>
            {p}
          </option>
        ))}
      </select>
    </label>
  );
});
