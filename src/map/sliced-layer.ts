/**
 * A layer with more rows than one frame can upload, uploaded a slice a frame. deck.gl builds and
 * uploads a layer's attributes in one animation frame; in software WebGL a period of a large file
 * (68,000 curved flows) took 1.9 s there, one task the page could not answer in. Sliced, each
 * frame uploads at most SLICE_ROWS rows of each sliced layer (slicesOf).
 *
 * A sliced layer is one deck.gl layer (a composite), so MapLibre still draws it as one layer, in
 * the same order; each slice is the given layer cloned with its part of the data, drawn in turn,
 * so the picture is the one the layer draws alone.
 * - New rows are hidden until their last slice is in. Drawn as they came, every frame of the
 *   upload redrew the flows so far, and in software WebGL the 49 MB file took minutes instead of
 *   seconds to reach the map.
 * - Meanwhile the rows drawn before (the period before a step) stay on the map, as they were, so
 *   a step never shows an empty map; a file's first rows come into an empty one.
 * - The first slice comes a frame after new rows, so that frame holds the other layers' work alone.
 * - The layer says it is not loaded (`isLoaded`) until the new rows are drawn: the map is not
 *   "ready", and an export does not encode, before then.
 * - What a slice's rows need made before deck.gl reads them (flows' curves: `prepare`) is made in
 *   a task of its own before that slice's frame, so the frame holds deck.gl's upload alone.
 */
import { CompositeLayer, type Layer, type UpdateParameters } from '@deck.gl/core';

/**
 * Rows uploaded a frame: with their curves made before (`prepare`), 0.06–0.12 s of curved flows
 * and their arrowheads in software WebGL here. Each slice is a frame, and each frame draws the
 * map: 3,072 rows took the 49 MB file's first period to the map in 13.5–16 s (budget 15 s), 4,096
 * in 11.3–13.5 s, 6,144 in 11.3–13.9 s with tasks of up to 0.55 s (bench/README.md).
 */
export const SLICE_ROWS = 4096;

interface SlicedLayerProps {
  /** The layer to draw, with all its rows: each slice is a clone of it with part of its data. */
  layer: Layer;
  sliceRows: number;
  /** Makes what a slice's rows need before they are read (SlicedOptions.prepare). */
  prepare?: (rows: readonly unknown[]) => void;
}

export interface SlicedOptions<Row> {
  /** Rows a frame; SLICE_ROWS unless a test says otherwise. */
  sliceRows?: number;
  /**
   * Made for each slice in a task before the frame that uploads it: what the layer's accessors
   * would otherwise make in that frame. Flows' curves were a third to a half of a slice's frame,
   * and the 49 MB file's longest task was such a frame (bench/README.md).
   */
  prepare?: (rows: readonly Row[]) => void;
}

/** One set of rows and its slices; `given` of them are with deck.gl (uploaded, or this frame). */
interface Generation {
  number: number;
  layer: Layer;
  slices: unknown[][];
  given: number;
  /** Set a frame after the last slice was given: by then a frame has drawn them all. */
  drawn?: boolean;
}

interface SlicedState {
  [key: string]: unknown;
  /** The rows the layer draws now, and the last rows drawn in full (shown until these are in). */
  generation: Generation;
  before?: Generation;
  /** The instance now holding this state (deck.gl hands state to each new instance of a layer id). */
  current: SlicedLayer;
  finalized: boolean;
}

/**
 * The rows in the slices they are uploaded in, in order. The first slices ramp up, a quarter of
 * `sliceRows`, then a half, then whole: the first frames also link the layer's program and run
 * code the JIT has not yet optimised (a whole first slice made the 49 MB file's longest task,
 * 0.38 s; bench/README.md).
 */
export function slicesOf<T>(rows: readonly T[], sliceRows: number): T[][] {
  const slices: T[][] = [];
  let size = Math.ceil(sliceRows / 4);
  for (let start = 0; start < rows.length; start += slices.at(-1)!.length) {
    slices.push(rows.slice(start, start + size));
    size = Math.min(sliceRows, size * 2);
  }
  return slices;
}

const complete = (generation: Generation) => generation.given === generation.slices.length;

class SlicedLayer extends CompositeLayer<SlicedLayerProps> {
  static layerName = 'SlicedLayer';
  declare state: SlicedState;

  override updateState({ props, oldProps }: UpdateParameters<this>) {
    this.state.current = this;
    const data = props.layer.props.data as unknown[];
    const before = this.state.generation as Generation | undefined;
    if (before && oldProps.layer?.props.data === data) {
      before.layer = props.layer; // new props (a filter range, a colour), the same rows
      return;
    }
    const slices = slicesOf(data, props.sliceRows);
    const number = (before?.number ?? 0) + 1;
    this.setState({
      generation: { number, layer: props.layer, slices, given: 0 },
      before: before && complete(before) ? before : this.state.before,
    });
  }

  override finalizeState() {
    this.state.finalized = true;
  }

  override get isLoaded(): boolean {
    return super.isLoaded && this.state?.generation?.drawn === true;
  }

  override renderLayers() {
    const { generation, before } = this.state;
    const done = complete(generation);
    // Next frame, one more slice (or, when all are given, word that they are drawn), on whichever
    // instance then holds this state; it asks deck.gl to update or redraw, so the map draws again
    // and can say it is ready.
    const state = this.state;
    const given = generation.given;
    const { prepare } = this.props;
    const stale = () => state.finalized || state.generation !== generation || generation.given !== given;
    const giveNext = () => {
      if (stale()) return;
      generation.given += 1;
      state.current.setNeedsUpdate();
    };
    if (!generation.drawn)
      requestAnimationFrame(() => {
        if (stale()) return;
        if (done) {
          generation.drawn = true;
          state.current.setNeedsRedraw();
          return;
        }
        if (!prepare) return giveNext();
        // Prepared in a timer's task, not here: this callback runs in the frame's task. Nor ahead,
        // between this slice's frame and the next: Chromium ran the next frame first, so the
        // preparing stayed in the frames (bench/README.md, fourteenth stop).
        setTimeout(() => {
          if (!stale()) prepare(generation.slices[given]);
          giveNext();
        });
      });
    if (done) this.state.before = undefined;
    const slicesOf = (g: Generation, visible: boolean) =>
      g.slices.slice(0, g.given).map(
        (data, k) =>
          g.layer.clone({
            id: `${this.props.id}-${g.number}-${k}`,
            data,
            visible: visible && g.layer.props.visible,
          }) as Layer,
      );
    return [...(!done && before ? slicesOf(before, true) : []), ...slicesOf(generation, done)];
  }
}

/**
 * The layer sliced when `inSlices` and its rows are more than one slice; else the layer as it is
 * (the sample, most files, and every file whose flows are uploaded once for all periods: nothing
 * changes). A sliced layer has its own id: deck.gl passes a layer's state on by id, and a plain
 * layer's state is no composite's.
 */
export function sliced<Row>(
  layer: Layer,
  inSlices: boolean,
  { sliceRows = SLICE_ROWS, prepare }: SlicedOptions<Row> = {},
): Layer {
  const { data } = layer.props;
  if (!inSlices || !Array.isArray(data) || data.length <= sliceRows) return layer;
  return new SlicedLayer({
    id: `${layer.id}-sliced`,
    layer,
    sliceRows,
    prepare: prepare as SlicedLayerProps['prepare'],
    pickable: layer.props.pickable,
  });
}

/** Whether every layer has drawn all its slices (a layer that is not sliced always has). */
export const allSlicesDrawn = (layers: readonly Layer[]) =>
  layers.every((layer) => !(layer instanceof SlicedLayer) || layer.isLoaded);
