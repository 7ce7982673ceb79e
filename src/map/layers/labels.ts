import { TextLayer } from '@deck.gl/layers';
import type { LabelDatum } from '../../derive/labels';
import { LABEL_STYLE } from '../theme';

export const LABELS_LAYER_ID = 'labels';

/**
 * Place labels drawn by deck.gl from a locally generated font atlas: no glyph server needed.
 * Which labels show is decided beforehand by `placeLabels`, so none overprint.
 */
export function labelsLayer(labels: LabelDatum[]) {
  return new TextLayer<LabelDatum>({
    id: LABELS_LAYER_ID,
    data: labels,
    getText: (l) => l.text,
    getPosition: (l) => l.position,
    getSize: LABEL_STYLE.sizePx,
    getColor: LABEL_STYLE.colour,
    getPixelOffset: [0, -12],
    fontFamily: LABEL_STYLE.fontFamily,
    fontWeight: 600,
    characterSet: 'auto',
    fontSettings: { sdf: true },
    outlineWidth: 4,
    outlineColor: LABEL_STYLE.halo,
    parameters: { depthCompare: 'always' },
  });
}
