/**
 * One contract per layer, its key included: every layer module says whether it is drawn, draws
 * from its data, and keys from the same data. A layer not drawn gives no layers and no key; every
 * colour a key row shows (and does not flag empty) is a colour the layer draws, composited over
 * the land as WebGL draws it.
 */
import { describe, expect, it } from 'vitest';
import type { Layer } from '@deck.gl/core';
import { emergingHotSpots } from '../../src/data/analysis/emerging';
import { h3Neighbours, HOTSPOT_METHODS } from '../../src/data/analysis/hotspots';
import { parseIncidentsCsv } from '../../src/data/io/incident-cells';
import { DEFAULT_LAYERS, DEFAULT_VIEW, LAYER_NAMES, type LayerName } from '../../src/data/view';
import { emergingInput, hotspotInput } from '../../src/derive/hotspot-input';
import { ANALYSIS_MODULES } from '../../src/map/analysis-layers';
import { drawingOrder, keySections, layerContext, composeLayers } from '../../src/map/compose-layers';
import { firstViewPrograms } from '../../src/map/first-programs';
import { drawnColour, parseHex } from '../../src/map/key';
import { FLOW_FILTER } from '../../src/map/layers/flow-filter';
import type { LayerContext } from '../../src/map/layer-module';
import { DESK_LOOK, PROJECTOR_LOOKS, type Rgba } from '../../src/map/theme';
import type { ViewChoices } from '../../src/state/view-choices';
import { readSampleFile, sampleDataset } from '../fixtures/sample-dataset';

const dataset = { ...sampleDataset(), incidents: parseIncidentsCsv(readSampleFile('incidents.csv')) };
const period = '2019-Q4';

const hotspotResult = (() => {
  const { counts, ...input } = hotspotInput(dataset, period);
  const out = HOTSPOT_METHODS['gi-star'].compute({ ...input, k: 1, fdr: false });
  return { key: 'k', cells: input.cells, counts, z: out.z, bins: out.bins };
})();
const emergingResult = (() => {
  const input = emergingInput(dataset, period);
  return {
    key: 'k',
    cells: input.cells,
    periods: input.periods,
    results: emergingHotSpots(input.values, h3Neighbours(input.cells, 1), { timeStep: 1 }),
  };
})();

const view = (over: Partial<ViewChoices> = {}): ViewChoices => {
  const { camera: _camera, ...defaults } = DEFAULT_VIEW;
  return { ...defaults, period, zoom: 6, layers: { ...DEFAULT_LAYERS }, ...over };
};
const withLayers = (...names: LayerName[]) =>
  Object.fromEntries(LAYER_NAMES.map((n) => [n, names.includes(n)])) as ViewChoices['layers'];

const context = (over: Partial<ViewChoices> = {}, look = DESK_LOOK): LayerContext =>
  layerContext({ dataset, view: view(over), look, hotspots: hotspotResult, emerging: emergingResult });

/** The seven states the key is checked in (on the map, in the embed and the PNG: browser tests). */
const STATES: [string, Partial<ViewChoices>][] = [
  ['default', {}],
  ['choropleth', { layers: withLayers('flows', 'choropleth') }],
  ['colour by exporting area', { flowColour: 'group' }],
  ['totals', { layers: withLayers('flows', 'totals') }],
  ['compared with 2016-Q4', { compareWith: '2016-Q4', layers: withLayers('flows', 'choropleth') }],
  ['hot spots', { layers: withLayers('flows', 'hotspots'), zoom: 9 }],
  ['emerging', { layers: withLayers('flows', 'emerging'), zoom: 9 }],
];

type Accessor = (d: unknown, info: unknown) => Rgba;

/** Every fill and line colour a deck.gl layer draws its objects in, composited over the land. */
function coloursDrawn(layer: Layer, look = DESK_LOOK): Set<string> {
  const props = layer.props as unknown as Record<string, unknown> & { data: unknown };
  const data = Array.isArray(props.data) ? props.data : [];
  const out = new Set<string>();
  for (const name of ['getFillColor', 'getLineColor', 'getColor', 'getSourceColor', 'getTargetColor']) {
    const accessor = props[name];
    if (accessor === undefined) continue;
    const values =
      typeof accessor === 'function'
        ? data.map((d, index) => (accessor as Accessor)(d, { index, data, target: [] }))
        : [accessor as Rgba];
    for (const rgba of values) out.add(drawnColour(rgba, look));
  }
  return out;
}

const near = (a: string, b: string) => {
  const [x, y] = [parseHex(a), parseHex(b)];
  return Math.hypot(x[0] - y[0], x[1] - y[1], x[2] - y[2]) <= 2;
};

describe('one contract per layer', () => {
  it('every layer is a module: flows, change, areas, labels, totals and the five analysis layers', () => {
    expect(drawingOrder(ANALYSIS_MODULES).map((m) => m.id)).toEqual([
      'areas',
      'choropleth',
      'hexbin',
      'density',
      'hotspots',
      'emerging',
      'change',
      'flows',
      'totals',
      'labels',
    ]);
  });

  for (const [name, over] of STATES) {
    it(`${name}: a key section for each drawn layer and none other; every key colour is drawn`, () => {
      const ctx = context(over);
      const modules = drawingOrder(ANALYSIS_MODULES);
      const drawn = modules.filter((m) => m.drawn(ctx));
      const sections = keySections(ctx, ANALYSIS_MODULES);
      expect(sections.map((s) => s.id).sort()).toEqual(
        drawn
          .map((m) => m.id)
          .filter((id) => id !== 'labels')
          .sort(),
      );
      const layers = composeLayers(ctx, ANALYSIS_MODULES);
      const onMap = new Set(layers.flatMap((l) => [...coloursDrawn(l)]));
      for (const section of sections)
        for (const row of section.rows) {
          if (row.kind !== 'swatch' && row.kind !== 'width' && row.kind !== 'size') continue;
          if (row.kind === 'swatch' && row.empty) continue;
          expect(
            [...onMap].some((c) => near(c, row.colour)),
            `${section.id}: "${row.label}" ${row.colour} is not a colour any layer draws`,
          ).toBe(true);
        }
    });
  }

  it('a layer switched off gives neither layers nor key rows', () => {
    const ctx = context({ layers: withLayers() });
    expect(keySections(ctx, ANALYSIS_MODULES).map((s) => s.id)).toEqual(['areas']);
    expect(composeLayers(ctx, ANALYSIS_MODULES).map((l) => l.id)).toEqual(['areas', 'labels']);
  });

  it('under the choropleth the destination swatch goes: destinations are drawn in its classes', () => {
    const rows = (over: Partial<ViewChoices>) =>
      keySections(context(over), ANALYSIS_MODULES)
        .find((s) => s.id === 'areas')!
        .rows.map((r) => r.label);
    expect(rows({})).toEqual(['Exporting area (origin)', 'Destination area']);
    expect(rows({ layers: withLayers('flows', 'choropleth') })).toEqual(['Exporting area (origin)']);
  });

  it('the direction key says what is drawn: a navy line and a lighter blue head, or a ramp for 3D arcs', () => {
    const rows = (over: Partial<ViewChoices>) => keySections(context(over), ANALYSIS_MODULES)[0].rows;
    expect(rows({}).filter((r) => r.kind === 'swatch')).toEqual([
      { kind: 'swatch', label: 'line: leaves the origin', colour: '#12436d' },
      { kind: 'swatch', label: 'arrowhead: at the destination', colour: '#2f7fc1' },
    ]);
    expect(rows({ flowStyle: 'arcs' }).find((r) => r.kind === 'ramp')).toMatchObject({
      colours: ['#12436d', '#2f7fc1'],
    });
  });

  it('the protected-flow swatch is the grey the lines are drawn in, as drawn', () => {
    for (const look of [DESK_LOOK, PROJECTOR_LOOKS.light, PROJECTOR_LOOKS.dark]) {
      const row = keySections(context({}, look), ANALYSIS_MODULES)[0].rows.find(
        (r) => r.label === 'not shown (protected)',
      );
      expect(row).toMatchObject({
        kind: 'width',
        colour: drawnColour(look.flow.suppressed, look),
        widthPx: look.flow.suppressedWidthPx,
      });
    }
  });

  it('empty classes are flagged, not dropped: a hot-spot bin with no cell this period', () => {
    const rows = keySections(context({ layers: withLayers('hotspots') }), ANALYSIS_MODULES).find(
      (s) => s.id === 'hotspots',
    )!.rows;
    const bins = new Set(hotspotResult.bins);
    const swatches = rows.filter((r) => r.kind === 'swatch');
    expect(swatches).toHaveLength(7);
    expect(swatches.filter((r) => !r.empty)).toHaveLength(bins.size);
  });

  it(`the layers' data is computed once for the map and its key (memoised)`, () => {
    const ctx = context({ layers: withLayers('flows', 'choropleth', 'hotspots') });
    for (const module of drawingOrder(ANALYSIS_MODULES).filter((m) => m.drawn(ctx)))
      expect(module.data(ctx), module.id).toBe(
        module.data(context({ layers: withLayers('flows', 'choropleth', 'hotspots') })),
      );
  });

  it('projector looks choose by field: no cell outlines, significant cells ringed', () => {
    const ctx = context({ layers: withLayers('hotspots') }, PROJECTOR_LOOKS.dark);
    const layer = composeLayers(ctx, ANALYSIS_MODULES).find((l) => l.id === 'hotspots')!;
    expect(layer.props).toMatchObject({ stroked: true });
    const desk = composeLayers(context({ layers: withLayers('hexbin') }), ANALYSIS_MODULES).find(
      (l) => l.id === 'incident-cells',
    )!;
    expect(desk.props).toMatchObject({ stroked: true, getLineWidth: DESK_LOOK.cells.outlinePx });
  });

  it("the first view's layers are of the kinds whose programs the map links before they come", () => {
    // first-programs.ts links a polygon fill's, a path's and a text's program with the flows'
    // filter; a first-view layer of another kind, or without the filter, would compile its own.
    const kinds = new Map<string, string[]>([
      ['GeoJsonLayer', ['SolidPolygonLayer', 'PathLayer']],
      ['PathLayer', ['PathLayer']],
      ['TextLayer', ['TextLayer']],
    ]);
    const early = firstViewPrograms();
    expect(early.every((layer) => layer.props.extensions.includes(FLOW_FILTER))).toBe(true);
    const earlyKinds = new Set(early.map((layer) => layer.constructor.name));
    const layers = composeLayers(context(), ANALYSIS_MODULES);
    expect(layers.map((l) => l.id)).toEqual(expect.arrayContaining(['areas', 'labels']));
    for (const layer of layers) {
      const name = layer.constructor.name;
      expect(kinds.get(name), `${layer.id} is a ${name}`).toBeDefined();
      for (const kind of kinds.get(name)!) expect(earlyKinds.has(kind), `${layer.id} draws with ${kind}`).toBe(true);
      expect(layer.props.extensions, layer.id).toContain(FLOW_FILTER);
    }
  });
});
