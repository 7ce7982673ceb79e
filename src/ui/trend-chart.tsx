import { periodLabel } from '../data/periods';
import { maxOf } from '../data/arrays';

export interface TrendPoint {
  period: string;
  total: number;
  suppressed: number;
}

/**
 * A small line chart of published totals per period, the current period marked. Periods with
 * suppressed flows get a hollow dot: their true total is higher by an unknown amount.
 */
export function TrendChart({ points, current, label }: { points: TrendPoint[]; current: string; label: string }) {
  const width = 280;
  const height = 70;
  const pad = 6;
  const max = maxOf(
    points.map((p) => p.total),
    1,
  );
  const x = (i: number) => pad + (i / Math.max(1, points.length - 1)) * (width - 2 * pad);
  const y = (v: number) => height - pad - (v / max) * (height - 2 * pad);
  const line = points.map((p, i) => `${i ? 'L' : 'M'}${x(i).toFixed(1)},${y(p.total).toFixed(1)}`).join(' ');
  const i = points.findIndex((p) => p.period === current);
  return (
    <figure className="trend">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        role="img"
        aria-label={`${label}: from ${points[0]?.total ?? 0} in ${periodLabel(points[0]?.period ?? '')} to ${points.at(-1)?.total ?? 0} in ${periodLabel(points.at(-1)?.period ?? '')}; peak ${max}`}
      >
        <line x1={pad} x2={width - pad} y1={height - pad} y2={height - pad} stroke="#9a9a9a" />
        <path d={line} fill="none" stroke="#12436D" strokeWidth="2" />
        {i >= 0 && (
          <circle
            cx={x(i)}
            cy={y(points[i].total)}
            r="4"
            fill={points[i].suppressed ? '#fff' : '#F46A25'}
            stroke="#F46A25"
            strokeWidth="2"
          />
        )}
      </svg>
      <figcaption>
        {label}: peak {max.toLocaleString('en-GB')}
        {i >= 0 &&
          `; ${periodLabel(current)}: ${points[i].total.toLocaleString('en-GB')}${points[i].suppressed ? ` + ${points[i].suppressed} suppressed` : ''}`}
      </figcaption>
    </figure>
  );
}
