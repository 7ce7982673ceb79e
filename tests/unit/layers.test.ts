import { describe, expect, it } from 'vitest';
import type { ArcLayer, PathLayer, TextLayer } from '@deck.gl/layers';
import { flowDrawData, prepareFlowData, type FlowDatum } from '../../src/map/layer-data';
import { filterRanges, packingStride, RANK_STRIDE } from '../../src/derive/flow-network';
import { maxFlowsPerPeriod } from '../../src/data/limits';
import { buildLabels, withNamedPlaces, type LabelDatum } from '../../src/derive/labels';
import { nodeTotals } from '../../src/derive/area-totals';
import { isGrouped } from '../../src/derive/view-filter';
import { memoize } from '../../src/derive/memo';
import { areasLayer } from '../../src/map/layers/areas';
import { flowCurveLayers, suppressedCurveLayer } from '../../src/map/layers/flow-curves';
import { flowArcLayers } from '../../src/map/layers/flow-arcs';
import { allSlicesDrawn, sliced, slicesOf } from '../../src/map/sliced-layer';
import { areaTotalsLayer, totalRadius } from '../../src/map/layers/area-totals';
import { labelCharacters, labelsLayer } from '../../src/map/layers/labels';
import { placeLabels, projectToPixels } from '../../src/map/label-placement';
import { flowCurve, pointOnCurve } from '../../src/map/flow-geometry';
import { cameraBounds } from '../../src/map/mercator';
import { countColour, flowEndColours, GROUP_COLOURS } from '../../src/map/flow-colours';
import { composeLayers, layerContext } from '../../src/map/compose-layers';
import type { ViewChoices } from '../../src/state/view-choices';
import { networkFlows, passesFilter } from '../../src/data/analysis/network';
import { AREA_STYLE, DESK_LOOK, FLOW_STYLE } from '../../src/map/theme';
import { DEFAULT_LAYERS, DEFAULT_VIEW } from '../../src/data/view';
import { tinyDataset } from '../fixtures/tiny-dataset';

type Accessor<T, R> = (d: T, info?: unknown) => R;
const call = <T, R>(accessor: unknown, d: T): R => (accessor as Accessor<T, R>)(d, { index: 0, data: [], target: [] });

const view = (over: Partial<ViewChoices> = {}): ViewChoices => {
  const { camera: _camera, ...defaults } = DEFAULT_VIEW;
  return { ...defaults, period: '2024-Q4', zoom: 6, grouping: 'separate', layers: { ...DEFAULT_LAYERS }, ...over };
};

describe('flow layer data', () => {
  const dataset = tinyDataset();
  const data = flowDrawData(prepareFlowData(dataset, false, FLOW_STYLE.maxWidthPx), 0, dataset.periods.length - 1);

  it("a range of periods holds exactly those periods' flows, in the network's order (made per range, not per flow of every period)", () => {
    const prepared = prepareFlowData(dataset, false, FLOW_STYLE.maxWidthPx);
    for (const [from, to] of [
      [0, 0],
      [1, 1],
      [0, 1],
    ]) {
      const range = flowDrawData(prepared, from, to);
      const within = (d: FlowDatum) => d.flow.periodIndex >= from && d.flow.periodIndex <= to;
      expect(range.published).toEqual(data.published.filter(within));
      expect(range.suppressed).toEqual(data.suppressed.filter(within));
      // The scale all periods share: the same whichever periods are drawn.
      expect(range.pixelsPerUnit).toBe(data.pixelsPerUnit);
    }
    expect(flowDrawData(prepared, 1, 1)).toBe(flowDrawData(prepared, 1, 1));
  });

  it('holds every period, split into published and suppressed, with GPU filter values', () => {
    expect(data.published.map((d) => [d.flow.period, d.flow.count])).toEqual([
      ['2024-Q3', 20],
      ['2024-Q4', 40],
      ['2024-Q4', 10],
    ]);
    expect(data.suppressed.map((d) => d.flow.count)).toEqual([null]);
    const big = data.published[1];
    expect(big.filterValue).toEqual([
      1 * 10_000 + 0,
      40,
      data.nodeIndex.get('E09000022'),
      data.nodeIndex.get('E07000114'),
    ]);
    expect(data.pixelsPerUnit * 40).toBeCloseTo(FLOW_STYLE.maxWidthPx);
  });

  it('GPU filter ranges select exactly what passesFilter selects (period, count, top-N, origin, focus)', () => {
    const all = [...data.published, ...data.suppressed];
    const inRange = (d: FlowDatum, ranges: [number, number][]) =>
      d.filterValue.every((v, i) => v >= ranges[i][0] && v <= ranges[i][1]);
    const filters = [
      { periodIndex: 1, minCount: 0, topN: 0 },
      { periodIndex: 1, minCount: 15, topN: 0 },
      { periodIndex: 0, minCount: 0, topN: 1 },
      { periodIndex: 1, minCount: 0, topN: 0, origin: 'E09000028' },
      { periodIndex: 1, minCount: 0, topN: 0, focus: { id: 'E07000114', direction: 'in' as const } },
      { periodIndex: 1, minCount: 0, topN: 0, focus: { id: 'E09000022', direction: 'both' as const } },
      {
        periodIndex: 1,
        minCount: 0,
        topN: 0,
        origin: 'E09000028',
        focus: { id: 'E09000022', direction: 'out' as const },
      },
    ];
    for (const filter of filters) {
      const gpu = all.filter((d) => filterRanges(filter, data).some((ranges) => inRange(d, ranges)));
      const cpu = all.filter((d) => passesFilter(d.flow, filter));
      expect(
        gpu.map((d) => d.flow),
        JSON.stringify(filter),
      ).toEqual(cpu.map((d) => d.flow));
    }
  });

  it('merges London boroughs into "London" at low zoom in auto mode, keeping suppressed flows apart', () => {
    expect(isGrouped('auto', 6)).toBe(true);
    expect(isGrouped('auto', 9)).toBe(false);
    const grouped = prepareFlowData(dataset, true, FLOW_STYLE.maxWidthPx);
    const q3 = networkFlows(grouped.network).filter((f) => f.period === '2024-Q3');
    expect(q3).toHaveLength(1);
    expect(q3[0]).toMatchObject({ origin: 'group:London', count: 20, suppressedMembers: 1 });
    expect(grouped.network.nodes.get('group:London')?.name).toBe('London');
  });
});

describe('layers map prepared data to deck.gl props', () => {
  const dataset = tinyDataset();
  const data = flowDrawData(prepareFlowData(dataset, false, FLOW_STYLE.maxWidthPx), 0, dataset.periods.length - 1);
  const options = {
    colour: 'direction' as const,
    ranges: filterRanges({ periodIndex: 1, minCount: 0, topN: 0 }, data)[0],
    pass: 'p0',
    look: DESK_LOOK,
    inSlices: false,
  };

  it('curved flows: width ∝ count, origin colour on the line, destination colour on the arrowhead', () => {
    const [line, arrows] = flowCurveLayers(data, options) as [PathLayer<FlowDatum>, TextLayer<FlowDatum>];
    const [, big, small] = data.published;
    expect(call<FlowDatum, number>(line.props.getWidth, big)).toBeCloseTo(FLOW_STYLE.maxWidthPx);
    expect(call<FlowDatum, number>(line.props.getWidth, small) * 4).toBeCloseTo(
      call<FlowDatum, number>(line.props.getWidth, big),
    );
    expect(call(line.props.getColor, big)).toEqual(FLOW_STYLE.source);
    expect(call(arrows.props.getColor, big)).toEqual(FLOW_STYLE.target);
    // The arrowhead sits on the curve's end, turned along it.
    expect(call(arrows.props.getPosition, big)).toEqual(big.curve.arrow.position);
    expect(call<FlowDatum, number>(arrows.props.getSize, big)).toBeGreaterThan(
      call<FlowDatum, number>(arrows.props.getSize, small),
    );
  });

  it('suppressed flows: one thin grey width, never sized by a value', () => {
    // The tiny dataset fits one slice: the layer is the PathLayer itself (sliced-layer.ts).
    const layer = suppressedCurveLayer(data, options) as PathLayer<FlowDatum>;
    expect(layer.props.getWidth).toBe(FLOW_STYLE.suppressedWidthPx);
    expect(layer.props.getColor).toEqual(FLOW_STYLE.suppressed);
    // Every drawn datum is a suppressed flow: no published count can reach the grey layer.
    expect((layer.props.data as FlowDatum[]).length).toBeGreaterThan(0);
    expect((layer.props.data as FlowDatum[]).every((d) => d.flow.count === null)).toBe(true);
    expect(
      flowCurveLayers(data, options)
        .flatMap((l) => l.props.data as FlowDatum[])
        .some((d) => d.flow.count === null),
    ).toBe(false);
  });

  it('a layer with more rows than a slice is sliced, under its own id, and not loaded until drawn', () => {
    const [line] = flowCurveLayers(data, options) as [PathLayer<FlowDatum>];
    // The tiny dataset fits one slice: the PathLayer itself, exactly as before.
    expect(sliced(line, true)).toBe(line);
    const many = line.clone({ data: Array.from({ length: 3 }, () => data.published).flat() });
    // Flows uploaded once for every period are never sliced.
    expect(sliced(many, false, { sliceRows: 2 })).toBe(many);
    const wrapped = sliced(many, true, { sliceRows: 2 });
    expect(wrapped).not.toBe(many);
    expect(wrapped.id).toBe('flows-p0-sliced');
    // Not yet given to deck.gl: not drawn, so the map may not say it is ready.
    expect(allSlicesDrawn([many, wrapped])).toBe(false);
    expect(allSlicesDrawn([many])).toBe(true);
  });

  it('slices ramp up, a quarter, a half, then whole, and hold every row once, in order', () => {
    const rows = Array.from({ length: 30 }, (_, i) => i);
    const slices = slicesOf(rows, 8);
    expect(slices.map((s) => s.length)).toEqual([2, 4, 8, 8, 8]);
    expect(slices.flat()).toEqual(rows);
    // Fewer rows than the ramp: the slices so far, the last one short.
    expect(slicesOf(rows.slice(0, 5), 8).map((s) => s.length)).toEqual([2, 3]);
  });

  it('3D arcs: gradient from origin to destination colour', () => {
    const [suppressed, arcs] = flowArcLayers(data, options) as ArcLayer<FlowDatum>[];
    const big = data.published[1];
    expect(call(arcs.props.getSourceColor, big)).toEqual(FLOW_STYLE.source);
    expect(call(arcs.props.getTargetColor, big)).toEqual(FLOW_STYLE.target);
    expect(suppressed.props.getWidth).toBe(FLOW_STYLE.suppressedWidthPx);
  });

  it('colours by exporting group or count', () => {
    const big = data.published[1].flow;
    expect(flowEndColours('group', data, big)[0]).toEqual(GROUP_COLOURS[0]);
    expect(countColour(data, big)).not.toEqual(countColour(data, data.published[2].flow));
  });

  it('curves bend to the right of travel and end short of the destination', () => {
    const curve = flowCurve([0, 51], [1, 51]);
    const middle = pointOnCurve(curve, 6);
    expect(middle[1]).toBeLessThan(51); // eastward travel bends south (clockwise)
    expect(curve.arrow.position[0]).toBeLessThan(1);
    expect(Math.abs(curve.arrow.angle)).toBeLessThan(45);
  });

  it('areas: origins and destinations styled apart; the selected area outlined', () => {
    const areas = dataset.areas.features;
    const layer = areasLayer(areas, new Set(['E07000114']));
    expect(call(layer.props.getFillColor, areas[0])).toEqual(AREA_STYLE.origin.fill);
    expect(call(layer.props.getFillColor, areas[2])).toEqual(AREA_STYLE.destination.fill);
    expect(call(layer.props.getLineWidth, areas[2])).toBe(3);
    expect(call(layer.props.getLineWidth, areas[0])).toBe(1);
  });

  it('area totals: circle area ∝ published total; suppressed counted apart', () => {
    const totals = nodeTotals(networkFlows(data.network).filter((f) => f.period === '2024-Q3'));
    expect(totals.find((t) => t.node.id === 'E07000114')).toMatchObject({ inbound: 20, suppressed: 1 });
    expect(totalRadius(25, 100)).toBeCloseTo(totalRadius(100, 100) / 2);
    const layer = areaTotalsLayer(totals, 20);
    const thanet = totals.find((t) => t.node.id === 'E07000114')!;
    expect(call(layer.props.getRadius, thanet)).toBeCloseTo(totalRadius(20, 20));
    expect(call<unknown, number[]>(layer.props.getFillColor, thanet).slice(0, 3)).toEqual(
      AREA_STYLE.destination.fill.slice(0, 3),
    );
  });

  it('labels: the London group label at national zoom, boroughs only when zoomed in, no overlaps', () => {
    const labels = buildLabels(dataset);
    expect(
      placeLabels(labels, 6)
        .map((l) => l.text)
        .sort(),
    ).toEqual(['London', 'Thanet']);
    expect(placeLabels(labels, 12).map((l) => l.text)).toEqual(
      expect.arrayContaining(['Lambeth', 'Southwark', 'Thanet']),
    );
    // Text comes from the local font atlas over the basemap's depth, never from a glyph server. The
    // atlas holds every character the dataset's labels use, whichever labels this view places, so
    // the same view draws the same pixels whatever was drawn before it.
    const layer = composeLayers(layerContext({ dataset, view: view() })).find((l) => l.id === 'labels') as ReturnType<
      typeof labelsLayer
    >;
    const characters = new Set(layer.props.characterSet);
    for (const label of labels) for (const char of label.text) expect(characters.has(char), char).toBe(true);
    expect(layer.props.characterSet).toBe(labelCharacters(labels));
    expect(labelsLayer(placeLabels(labels, 6), DESK_LOOK, labelCharacters(labels)).props.characterSet).toBe(
      labelCharacters(labels),
    );
    expect(layer.props.parameters).toMatchObject({ depthCompare: 'always' });
  });

  it('label placement drops the lower-priority of two overlapping labels', () => {
    const a = { id: 'a', text: 'Alpha', position: [0, 51] as [number, number], minZoom: 0, priority: 10 };
    const b = { id: 'b', text: 'Beta', position: [0.01, 51] as [number, number], minZoom: 0, priority: 5 };
    expect(placeLabels([b, a], 6)).toEqual([a]);
    expect(placeLabels([b, a], 14)).toHaveLength(2);
    expect(projectToPixels([0, 0], 0)[0]).toBeCloseTo(256);
  });

  it('the area a camera shows at a size (a scene pinned by its camera, drawn as a picture)', () => {
    const [west, south, east, north] = cameraBounds({ center: [0, 51.5], zoom: 8 }, 512, 256);
    expect(west).toBeCloseTo(-0.703125, 5);
    expect(east).toBeCloseTo(0.703125, 5);
    // Mercator: the half above the centre is shorter in degrees than the half below.
    expect(north - 51.5).toBeLessThan(51.5 - south);
    expect(projectToPixels([0, north], 8)[1] - projectToPixels([0, south], 8)[1]).toBeCloseTo(-256, 3);
  });

  it("a view labels the places it names first, at any zoom (a scene's towns)", () => {
    const labels = buildLabels(dataset);
    const lambeth = labels.find((l) => l.text === 'Lambeth')!;
    // A London borough is labelled only once zoomed in, and gives way to "London" where they meet.
    expect(placeLabels(labels, 6).map((l) => l.text)).not.toContain('Lambeth');
    const named = withNamedPlaces(labels, lambeth.id);
    expect(placeLabels(named, 6).map((l) => l.text)).toContain('Lambeth');
    const placed = composeLayers(layerContext({ dataset, view: view({ places: [lambeth.id] }) })).find(
      (l) => l.id === 'labels',
    )!;
    expect((placed.props.data as LabelDatum[]).map((l) => l.text)).toContain('Lambeth');
  });

  it('a named place whose usual spot is taken moves below or beside it, and says where', () => {
    const a = { id: 'a', text: 'Liverpool', position: [-2.98, 53.41] as [number, number], minZoom: 0, priority: 5 };
    const b = { id: 'b', text: 'Manchester', position: [-2.24, 53.48] as [number, number], minZoom: 0, priority: 5 };
    expect(placeLabels([a, b], 5.75).map((l) => l.text)).toEqual(['Liverpool']);
    const placed = placeLabels(withNamedPlaces([a, b], 'a,b'), 5.75);
    expect(placed.map((l) => l.text)).toEqual(['Liverpool', 'Manchester']);
    expect(placed[0].offsetPx).toBeUndefined();
    expect(placed[1].offsetPx).toBeDefined();
  });

  it('composes layers in order, two passes when an area is isolated both ways', () => {
    const ids = (v: ViewChoices) => composeLayers(layerContext({ dataset, view: v })).map((l) => l.id);
    expect(ids(view())).toEqual(['areas', 'flows-suppressed-p0', 'flows-p0', 'flow-arrows-p0', 'labels']);
    expect(ids(view({ selection: { id: 'E09000022', direction: 'both' } }))).toContain('flows-p1');
    expect(ids(view({ flowStyle: 'arcs', layers: { ...DEFAULT_LAYERS, totals: true } }))).toEqual([
      'areas',
      'flow-arcs-suppressed-p0',
      'flow-arcs-p0',
      'area-totals',
      'labels',
    ]);
    expect(ids(view({ layers: { ...DEFAULT_LAYERS, flows: false } }))).toEqual(['areas', 'labels']);
  });
});

describe('the derive layer', () => {
  it('memoizes per object and argument list, and recomputes for a new object', () => {
    let runs = 0;
    const double = memoize((o: { n: number }, k: number) => {
      runs++;
      return o.n * k;
    }, 2);
    const a = { n: 2 };
    expect([double(a, 3), double(a, 3), double(a, 4)]).toEqual([6, 6, 8]);
    expect(runs).toBe(2);
    double(a, 5); // evicts k = 3, the least recently used
    double(a, 3);
    expect(runs).toBe(4);
    double({ n: 2 }, 3);
    expect(runs).toBe(5);
  });

  it('the GPU filter packing widens its stride for large periods and refuses what float32 cannot hold', () => {
    expect(packingStride(36, RANK_STRIDE - 1)).toBe(RANK_STRIDE);
    expect(packingStride(36, 12_499)).toBe(12_500);
    expect(packingStride(2000, 10)).toBe(11); // 2000 × 10,000 would pass 2^24
    expect(36 * packingStride(36, maxFlowsPerPeriod(36) - 1)).toBeLessThan(2 ** 24);
    expect(() => packingStride(36, maxFlowsPerPeriod(36))).toThrow(/exceeds float32's exact integers/);
    // What it protects: past 2^24 neighbouring packed values collapse.
    expect(Math.fround(2 ** 24 + 1)).toBe(2 ** 24);
  });
});
