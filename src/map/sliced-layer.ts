/**
 * A layer with more rows than one frame can upload, uploaded a slice a frame. deck.gl builds and
 * uploads a layer's attributes in one animation frame; in software WebGL a period of a large file
 * (68,000 curved flows) took 1.9 s there, one task the page could not answer in. Sliced, each
 * frame uploads SLICE_ROWS rows of each sliced layer.
 *
 * A sliced layer is one deck.gl layer (a composite), so MapLibre still draws it as one layer, in
 * the same order; each slice is the given layer cloned with its part of the data, drawn in turn,
 * so the picture is the one the layer draws alone. The slices are hidden until the last is in:
 * drawn as they came, every frame of the upload redrew the flows so far, and in software WebGL
 * the 49 MB file took minutes instead of seconds to reach the map. The first slice comes a frame
 * after the layer, so that frame holds the other layers' work alone. The layer says it is not
 * loaded (`isLoaded`) until its slices are drawn: the map is not "ready", and an export does not
 * encode, before then.
 */
import { CompositeLayer, type Layer, type UpdateParameters } from '@deck.gl/core';

/** Rows uploaded a frame: about 0.1 s of curved flows and their arrowheads in software WebGL here. */
export const SLICE_ROWS = 3072;

interface SlicedLayerProps {
  /** The layer to draw, with all its rows: each slice is a clone of it with part of its data. */
  layer: Layer;
  sliceRows: number;
}

interface SlicedState {
  [key: string]: unknown;
  slices: unknown[][];
  /** How many slices have been given to deck.gl (uploaded, or uploading this frame). */
  given: number;
  /** The instance now holding this state (deck.gl hands state to each new instance of a layer id). */
  current: SlicedLayer;
  finalized: boolean;
}

class SlicedLayer extends CompositeLayer<SlicedLayerProps> {
  static layerName = 'SlicedLayer';
  declare state: SlicedState;

  override updateState({ props, oldProps }: UpdateParameters<this>) {
    this.state.current = this;
    const data = props.layer.props.data as unknown[];
    if (oldProps.layer?.props.data === data) return;
    const slices: unknown[][] = [];
    for (let start = 0; start < data.length; start += props.sliceRows)
      slices.push(data.slice(start, start + props.sliceRows));
    this.setState({ slices, given: 0 });
  }

  override finalizeState() {
    this.state.finalized = true;
  }

  override get isLoaded(): boolean {
    return super.isLoaded && this.state !== undefined && this.state.given === this.state.slices.length;
  }

  override renderLayers() {
    const { slices, given } = this.state;
    const complete = given === slices.length;
    if (!complete) {
      // Next frame, one more slice, on whichever instance then holds this state.
      const state = this.state;
      requestAnimationFrame(() => {
        if (state.finalized || state.given !== given) return;
        state.current.setState({ given: given + 1 });
        state.current.setNeedsUpdate();
      });
    }
    return slices.slice(0, given).map((data, k) => {
      const visible = complete && this.props.layer.props.visible;
      return this.props.layer.clone({ id: `${this.props.id}-${k}`, data, visible }) as Layer;
    });
  }
}

/**
 * The layer as it is when its rows fit one slice (the sample, most files: nothing changes), else
 * sliced. A sliced layer has its own id: deck.gl passes a layer's state on by id, and a plain
 * layer's state is no composite's.
 */
export function sliced(layer: Layer, sliceRows = SLICE_ROWS): Layer {
  const { data } = layer.props;
  if (!Array.isArray(data) || data.length <= sliceRows) return layer;
  return new SlicedLayer({ id: `${layer.id}-sliced`, layer, sliceRows, pickable: layer.props.pickable });
}

/** Whether every layer has drawn all its slices (a layer that is not sliced always has). */
export const allSlicesDrawn = (layers: readonly Layer[]) =>
  layers.every((layer) => !(layer instanceof SlicedLayer) || layer.isLoaded);
