/**
 * The destination choropleth: each destination shaded by its published inbound value this period
 * (per 10,000 residents when every destination has a population), or, in change mode, by its
 * change since the period compared with. Its key is its own classes, and hovering a destination
 * says the value that is shaded.
 */
import { GeoJsonLayer } from '@deck.gl/layers';
import { classOf } from '../../data/analysis/classify';
import { capitalise, formatNumber, PROTECTED } from '../../data/format';
import { periodLabel } from '../../data/periods';
import type { AreaFeature, Dataset } from '../../data/schema';
import { changeClass, choroplethChange, choroplethData } from '../../derive/choropleth';
import { drawnColour, type KeyRow } from '../key';
import { memoize } from '../../derive/memo';
import { layerModule } from '../layer-module';
import { withPicking, type Picking } from '../picking';
import {
  CHOROPLETH_CHANGE_COLOURS,
  CHOROPLETH_COLOURS,
  DESK_LOOK,
  hexToRgba,
  NOT_AVAILABLE_COLOUR,
  PROJECTOR_LOOKS,
  type MapLook,
} from '../theme';
import { AREA_PICKING, areaBoxes } from './areas';
import { boxMeets } from '../../data/bounds';

/** Every fill is drawn at this opacity over the land (and the area fill under it). */
const ALPHA = 230;

const fmt = (v: number) => (v >= 10 ? formatNumber(Math.round(v)) : v.toFixed(1));
const signed = (v: number) => `${v > 0 ? '+' : v < 0 ? '−' : ''}${fmt(Math.abs(v))}`;
const CHANGE_NAMES = ['Large decrease', 'Decrease', 'Little or no change', 'Increase', 'Large increase'];

interface Shading {
  destinations: string[];
  /** Each destination's class, and the class each row stands for (−1: not available). */
  classOf: (id: string) => number;
  classes: number[];
  /** The fill of each destination, and what hovering it says. */
  colourOf: (id: string) => string;
  describe: (id: string) => string;
  rows: KeyRow[];
  title: string;
  note: string;
}

const shading = memoize(
  (dataset: Dataset, periodIndex: number, baseIndex: number, lookId: MapLook['id']): Shading =>
    shade(dataset, periodIndex, baseIndex, lookId === 'desk' ? DESK_LOOK : PROJECTOR_LOOKS[lookId]),
);

function shade(dataset: Dataset, periodIndex: number, baseIndex: number, look: MapLook): Shading {
  const { flowMeasure } = dataset.manifest;
  const data = choroplethData(dataset);
  const unit = data.measure === 'rate' ? ' per 10,000 residents' : '';
  const destinations = dataset.areas.features.filter((f) => f.properties.role !== 'origin').map((f) => f.properties.id);
  if (baseIndex >= 0) {
    const change = choroplethChange(dataset, baseIndex, periodIndex);
    const classOfId = (id: string) => {
      const value = change.changes.get(id);
      return value === null || value === undefined ? -1 : changeClass(value, change.breaks);
    };
    const colourOf = (id: string) =>
      classOfId(id) < 0 ? NOT_AVAILABLE_COLOUR : CHOROPLETH_CHANGE_COLOURS[classOfId(id)];
    const counts = new Map<number, number>();
    for (const id of destinations) counts.set(classOfId(id), (counts.get(classOfId(id)) ?? 0) + 1);
    const [strongDown, down, up, strongUp] = change.breaks;
    const ranges = [
      `below ${signed(strongDown)}`,
      `${signed(strongDown)} to ${signed(down)}`,
      `${signed(down)} to ${signed(up)}`,
      `${signed(up)} to ${signed(strongUp)}`,
      `above ${signed(strongUp)}`,
    ];
    const since = periodLabel(dataset.periods[baseIndex]);
    return {
      destinations,
      classOf: classOfId,
      classes: [0, 1, 2, 3, 4, -1],
      colourOf,
      describe: (id) => {
        const value = change.changes.get(id);
        return value === null || value === undefined
          ? `Change since ${since}: not available (no published flow in either period)`
          : `Change since ${since}: ${signed(value)}${unit}`;
      },
      title: `Destinations: change since ${since}`,
      rows: [
        ...CHANGE_NAMES.map((name, i) => ({
          kind: 'swatch' as const,
          label: `${name} (${ranges[i]}): ${counts.get(i) ?? 0}`,
          colour: drawnColour(CHOROPLETH_CHANGE_COLOURS[i], look, ALPHA),
          empty: !counts.has(i),
        })),
        {
          kind: 'swatch',
          label: `Not available (no published flow in either period): ${counts.get(-1) ?? 0}`,
          colour: drawnColour(NOT_AVAILABLE_COLOUR, look, ALPHA),
          empty: !counts.has(-1),
        },
      ],
      note: `Change in ${flowMeasure} into each destination${unit}, from ${since} to ${periodLabel(dataset.periods[periodIndex])}. Published flows only: a flow ${PROTECTED} counts in neither period, so no protected value is ever part of a difference.`,
    };
  }
  const valueOf = (id: string) => data.values.get(id)?.[periodIndex] ?? 0;
  return {
    destinations,
    classOf: (id) => classOf(valueOf(id), data.breaks),
    classes: data.breaks.map((_, i) => i),
    colourOf: (id) => CHOROPLETH_COLOURS[classOf(valueOf(id), data.breaks)] ?? CHOROPLETH_COLOURS[0],
    describe: (id) => `${capitalise(flowMeasure)} in${unit}: ${fmt(valueOf(id))} (shaded)`,
    title: `Destinations: ${flowMeasure}${unit}`,
    rows: data.breaks.map((upper, i) => ({
      kind: 'swatch' as const,
      label: `${i === 0 ? `up to ${fmt(upper)}` : `${fmt(data.breaks[i - 1])}–${fmt(upper)}`}${unit ? ' per 10,000' : ''}`,
      colour: drawnColour(CHOROPLETH_COLOURS[i], look, ALPHA),
    })),
    note: `${capitalise(flowMeasure)} into each destination${unit}, from published flows only. Classes: natural breaks (Jenks), 5 classes over all periods.`,
  };
}

export const choropleth = layerModule({
  id: 'choropleth',
  drawn: (ctx) => ctx.view.layers.choropleth,
  data: (ctx) => shading(ctx.dataset, ctx.periodIndex, ctx.baseIndex, ctx.look.id),
  layers: (shade, ctx) => {
    // The choropleth sits above the areas layer and takes its picks: it picks as the areas do,
    // and says the value it shades.
    const picking: Picking<AreaFeature> = {
      ...AREA_PICKING,
      toHover: (f) => ({ kind: 'area', area: f.properties, shaded: shade.describe(f.properties.id) }),
    };
    return [
      withPicking(
        new GeoJsonLayer<AreaFeature['properties']>({
          id: 'choropleth',
          data: ctx.dataset.areas.features.filter((f) => f.properties.role !== 'origin') as never,
          pickable: true,
          getFillColor: (f) => hexToRgba(shade.colourOf(f.properties.id), ALPHA),
          getLineColor: ctx.look.choropleth.line,
          lineWidthUnits: 'pixels',
          getLineWidth: ctx.look.area.lineWidthPx,
          updateTriggers: { getFillColor: [ctx.periodIndex, ctx.baseIndex] },
          parameters: { depthCompare: 'always' },
        }),
        picking,
      ),
    ];
  },
  key: (shade, ctx) => {
    // A class is "none here" when no destination of it is on screen.
    const boxes = areaBoxes(ctx.dataset);
    const inView = new Set(
      shade.destinations.filter((id) => boxMeets(ctx.bounds, boxes.get(id)!)).map((id) => shade.classOf(id)),
    );
    return {
      id: 'choropleth',
      title: shade.title,
      rows: [
        ...shade.rows.map((row, i) => ({ ...row, empty: !inView.has(shade.classes[i]) })),
        { kind: 'note', label: shade.note },
      ],
    };
  },
});
