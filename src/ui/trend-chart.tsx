import { periodLabel } from '../data/periods';
import { maxOf } from '../data/arrays';
import { describeTotal, formatNumber } from '../data/format';
import { PALETTE } from '../map/theme';

export interface TrendPoint {
  period: string;
  total: number;
  suppressed: number;
}

/**
 * A small line chart of published totals per period, the current period marked. Periods with
 * protected flows get a hollow dot: their true total is higher by an unknown amount. With no flow
 * in any period it says so, and draws no line: a peak or a total it would have to invent.
 */
export function TrendChart({ points, current, label }: { points: TrendPoint[]; current: string; label: string }) {
  if (points.every((p) => p.total === 0 && p.suppressed === 0))
    return (
      <figure className="trend" data-testid="trend-empty">
        <figcaption>
          {label}: no flows here in {points.length === 1 ? 'this period' : 'any of these periods'}.
        </figcaption>
      </figure>
    );
  const width = 280;
  const height = 70;
  const pad = 6;
  const peak = maxOf(
    points.map((p) => p.total),
    0,
  );
  // The scale only: a chart of zeros and protected flows still needs a height to draw in.
  const max = Math.max(peak, 1);
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
        aria-label={`${label}: from ${points[0]?.total ?? 0} in ${periodLabel(points[0]?.period ?? '')} to ${points.at(-1)?.total ?? 0} in ${periodLabel(points.at(-1)?.period ?? '')}; peak ${peak}`}
      >
        <line x1={pad} x2={width - pad} y1={height - pad} y2={height - pad} stroke="#9a9a9a" />
        {/* The period on screen: a guide and a marker, in the flows' own blue. */}
        {i >= 0 && <line x1={x(i)} x2={x(i)} y1={pad} y2={height - pad} stroke="#b0b0b0" strokeDasharray="3 3" />}
        <path d={line} fill="none" stroke={PALETTE.darkBlue} strokeWidth="2" />
        {i >= 0 && (
          <circle
            cx={x(i)}
            cy={y(points[i].total)}
            r="5"
            fill={points[i].suppressed ? '#fff' : PALETTE.darkBlue}
            stroke={PALETTE.darkBlue}
            strokeWidth="2"
          />
        )}
      </svg>
      <figcaption>
        {label}: peak {formatNumber(peak)}
        {i >= 0 && `; ${periodLabel(current)}: ${describeTotal(points[i].total, points[i].suppressed)}`}
      </figcaption>
    </figure>
  );
}
