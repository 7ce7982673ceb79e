import { TextLayer } from '@deck.gl/layers';
import { buildLabels, withNamedPlaces, type LabelDatum } from '../../derive/labels';
import { memoize } from '../../derive/memo';
import { placeLabels, placementFor } from '../label-placement';
import { pointIn } from '../../data/bounds';
import { layerModule } from '../layer-module';
import type { MapLook } from '../theme';
import { PASS_ALL_FILTER } from './flow-filter';

export const LABELS_LAYER_ID = 'labels';

/**
 * Every character of every label a dataset can show, sorted: the labels' font atlas is
 * made with all of them before the first label draws. deck.gl keeps one atlas per font for the
 * whole page and appends characters as they first appear ('auto'), so where a glyph sat in the
 * atlas, and the label pixels sampled from it, depended on the views drawn before: the same
 * briefing scene exported on its own and after other scenes differed in a few thousand pixels.
 */
export const labelCharacters = memoize((labels: LabelDatum[]) =>
  [...new Set(labels.flatMap((label) => [...label.text]))].sort().join(''),
);

/**
 * Place labels drawn by deck.gl from a locally generated font atlas: no glyph server needed.
 * Which labels show is decided beforehand by `placeLabels`, so none overprint. `characters` are the
 * atlas's: labelCharacters of every label the dataset has, never of the labels placed in one view.
 */
export function labelsLayer(labels: LabelDatum[], look: MapLook, characters: string) {
  const style = look.label;
  return new TextLayer<LabelDatum>({
    id: LABELS_LAYER_ID,
    data: labels,
    ...PASS_ALL_FILTER,
    getText: (l) => l.text,
    getPosition: (l) => l.position,
    getSize: style.sizePx,
    getColor: style.colour,
    getPixelOffset: (l) => l.offsetPx ?? [0, (-12 * style.sizePx) / 13],
    fontFamily: style.fontFamily,
    fontWeight: 600,
    characterSet: characters,
    fontSettings: { sdf: true },
    outlineWidth: 4,
    outlineColor: style.halo,
    parameters: { depthCompare: 'always' },
  });
}

/**
 * Labels placed once per zoom step and label size. New label data would make deck.gl lay out
 * every glyph again: on each period change, with hundreds of places, that was most of the work.
 */
const placedLabels = memoize((labels: LabelDatum[], zoom: number, labelSizePx: number) =>
  placeLabels(labels, zoom, placementFor(labelSizePx)),
);

/** Place names, the view's named places first: no key rows (the names are their own key). */
export const labels = layerModule({
  id: 'labels',
  drawn: () => true,
  data: (ctx) => {
    const labels = withNamedPlaces(buildLabels(ctx.dataset), ctx.view.places.join(','));
    const placed = placedLabels(labels, Math.floor(ctx.view.zoom * 4) / 4, ctx.look.label.sizePx);
    return ctx.labelArea ? placed.filter((l) => pointIn(ctx.labelArea, l.position)) : placed;
  },
  layers: (placed, ctx) => [labelsLayer(placed, ctx.look, labelCharacters(buildLabels(ctx.dataset)))],
  key: () => undefined,
});
