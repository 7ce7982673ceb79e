import { describe, expect, it } from 'vitest';
import type { JoinedFlow } from '../../src/data/aggregate';
import { prepareLayerData } from '../../src/map/layer-data';
import { areasLayer } from '../../src/map/layers/areas';
import { flowArcsLayer, suppressedArcsLayer } from '../../src/map/layers/flow-arcs';
import { labelsLayer } from '../../src/map/layers/labels';
import { placeLabels, projectToPixels } from '../../src/map/label-placement';
import { AREA_STYLE, FLOW_STYLE } from '../../src/map/theme';
import { tinyDataset } from '../fixtures/tiny-dataset';

type Accessor<T, R> = (d: T, info?: unknown) => R;
const call = <T, R>(accessor: unknown, d: T): R => (accessor as Accessor<T, R>)(d, { index: 0, data: [], target: [] });

describe('layer data', () => {
  const dataset = tinyDataset();

  it('splits published from suppressed flows and scales widths to the dataset maximum', () => {
    const data = prepareLayerData(dataset, '2024-Q3', FLOW_STYLE.maxWidthPx);
    expect(data.flows.map((f) => f.count)).toEqual([20]);
    expect(data.suppressedFlows).toHaveLength(1);
    expect(data.suppressedFlows[0].count).toBeNull();
    // The largest count anywhere (40, in Q4) maps to the maximum width, in every period.
    expect(data.pixelsPerUnit * 40).toBeCloseTo(FLOW_STYLE.maxWidthPx);
  });

  it('totals published counts and counts suppressed flows separately', () => {
    const { totals } = prepareLayerData(dataset, '2024-Q3', FLOW_STYLE.maxWidthPx);
    expect(totals.get('E07000114')).toEqual({ inbound: 20, outbound: 0, suppressedInbound: 1, suppressedOutbound: 0 });
    expect(totals.get('E09000028')).toEqual({ inbound: 0, outbound: 0, suppressedInbound: 0, suppressedOutbound: 1 });
  });

  it('memoizes per dataset and period', () => {
    expect(prepareLayerData(dataset, '2024-Q4', 14)).toBe(prepareLayerData(dataset, '2024-Q4', 14));
  });
});

describe('layers map prepared data to deck.gl props', () => {
  const dataset = tinyDataset();
  const data = prepareLayerData(dataset, '2024-Q4', FLOW_STYLE.maxWidthPx);

  it('flow arcs: width proportional to count, origin→destination colours, from centroids', () => {
    const layer = flowArcsLayer(data.flows, data.pixelsPerUnit);
    const [big, small] = data.flows as JoinedFlow[];
    expect(layer.props.pickable).toBe(true);
    expect(call<JoinedFlow, number>(layer.props.getWidth, big)).toBeCloseTo(FLOW_STYLE.maxWidthPx);
    expect(call<JoinedFlow, number>(layer.props.getWidth, small) * 4).toBeCloseTo(call<JoinedFlow, number>(layer.props.getWidth, big));
    expect(layer.props.getSourceColor).toEqual(FLOW_STYLE.source);
    expect(layer.props.getTargetColor).toEqual(FLOW_STYLE.target);
    expect(call(layer.props.getSourcePosition, big)).toEqual([-0.1139, 51.4644]);
    expect(call(layer.props.getTargetPosition, big)).toEqual([1.3283, 51.3525]);
  });

  it('suppressed arcs: one fixed thin grey width, never sized by a value', () => {
    const q3 = prepareLayerData(dataset, '2024-Q3', FLOW_STYLE.maxWidthPx);
    const layer = suppressedArcsLayer(q3.suppressedFlows);
    expect(layer.props.getWidth).toBe(FLOW_STYLE.suppressedWidthPx);
    expect(layer.props.getSourceColor).toEqual(FLOW_STYLE.suppressed);
    expect(layer.props.getTargetColor).toEqual(FLOW_STYLE.suppressed);
  });

  it('areas: origins and destinations styled apart', () => {
    const layer = areasLayer(data.areas);
    const [lambeth, , thanet] = data.areas;
    expect(call(layer.props.getFillColor, lambeth)).toEqual(AREA_STYLE.origin.fill);
    expect(call(layer.props.getFillColor, thanet)).toEqual(AREA_STYLE.destination.fill);
    expect(layer.props.pickable).toBe(true);
  });

  it('labels: the London group label at national zoom, boroughs only when zoomed in, no overlaps', () => {
    expect(placeLabels(data.labels, 6).map((l) => l.text).sort()).toEqual(['London', 'Thanet']);
    const zoomedIn = placeLabels(data.labels, 12).map((l) => l.text);
    expect(zoomedIn).toEqual(expect.arrayContaining(['Lambeth', 'Southwark', 'Thanet']));
    const layer = labelsLayer(placeLabels(data.labels, 6));
    expect(call(layer.props.getText, { text: 'Thanet' })).toBe('Thanet');
  });

  it('label placement drops the lower-priority of two overlapping labels', () => {
    const a = { text: 'Alpha', position: [0, 51] as [number, number], minZoom: 0, priority: 10 };
    const b = { text: 'Beta', position: [0.01, 51] as [number, number], minZoom: 0, priority: 5 };
    expect(placeLabels([b, a], 6)).toEqual([a]);
    expect(placeLabels([b, a], 14)).toHaveLength(2);
    const [x0] = projectToPixels([0, 0], 0);
    expect(x0).toBeCloseTo(256);
  });
});
