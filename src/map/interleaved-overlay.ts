/**
 * The deck.gl overlay drawn between MapLibre's layers, as the desk's map and the export's map both
 * make it. It is given its one view for its whole life: left without one, @deck.gl/maplibre makes
 * a new MapView on every setProps (every period change), and each new view parses its "100%" size
 * expressions again and makes deck.gl rebuild its viewports, for a view that never changes.
 */
import { MapView } from '@deck.gl/core';
import { MapLibreOverlay, type MapLibreOverlayProps } from '@deck.gl/maplibre';

/** @deck.gl/maplibre's id for the view that follows the MapLibre camera (its MAPLIBRE_VIEW_ID, not exported). */
const MAPLIBRE_VIEW_ID = 'maplibre';

export function interleavedOverlay(props: Omit<MapLibreOverlayProps, 'interleaved' | 'views'> = {}): MapLibreOverlay {
  // The overlay's props type pins `views` to null (DeckProps' default), though it reads a view with
  // this id as the one following the map (overlay.js, _getViews).
  const views = new MapView({ id: MAPLIBRE_VIEW_ID }) as unknown as null;
  return new MapLibreOverlay({ layers: [], ...props, interleaved: true, views });
}
