import { useId } from 'react';
import { useAtlasStore } from '../state/store';
import { periodLabel } from '../data/periods';

/** Period slider with previous/next buttons; arrow keys move the slider, as a native range does. */
export function PeriodControl() {
  const dataset = useAtlasStore((s) => s.dataset);
  const period = useAtlasStore((s) => s.period);
  const setPeriod = useAtlasStore((s) => s.setPeriod);
  const stepPeriod = useAtlasStore((s) => s.stepPeriod);
  const id = useId();
  if (!dataset || !period) return null;
  const periods = dataset.periods;
  const index = periods.indexOf(period);
  return (
    <section className="period-control" aria-label="Period">
      <label htmlFor={id}>
        Period: <output data-testid="period-label">{periodLabel(period)}</output>
      </label>
      <div className="period-row">
        <button type="button" onClick={() => stepPeriod(-1)} disabled={index <= 0} aria-label="Previous period">
          ‹
        </button>
        <input
          id={id}
          type="range"
          min={0}
          max={periods.length - 1}
          step={1}
          value={Math.max(0, index)}
          aria-valuetext={periodLabel(period)}
          onChange={(e) => setPeriod(periods[Number(e.target.value)])}
        />
        <button type="button" onClick={() => stepPeriod(1)} disabled={index >= periods.length - 1} aria-label="Next period">
          ›
        </button>
      </div>
      <div className="period-ends" aria-hidden="true">
        <span>{periods[0]}</span>
        <span>{periods.at(-1)}</span>
      </div>
    </section>
  );
}
