/**
 * One view type: the field table gives the URL codec, the defaults and the store's fields. Every
 * field round-trips through the URL; defaults are not written; junk is ignored; applying a view
 * sets every field, so one scene cannot leak settings into the next.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { useAtlasStore } from '../../src/state/store';
import {
  ignoredUrlValues,
  DEFAULT_VIEW,
  formatCamera,
  parseCamera,
  pickView,
  readView,
  VIEW_FIELDS,
  VIEW_KEYS,
  viewFromUrl,
  writeView,
  type View,
} from '../../src/data/view';
import { tinyDataset } from '../fixtures/tiny-dataset';

const BASE = 'http://localhost/atlas/?x=1';

/** A view with every field away from its default. */
const EVERYTHING: View = {
  period: '2024-Q3',
  periodWindow: ['2024-Q3', '2024-Q4'],
  measure: 'referrals',
  compareWith: '2019-Q4',
  flowStyle: 'arcs',
  flowColour: 'count',
  grouping: 'separate',
  layers: {
    flows: false,
    totals: true,
    choropleth: false,
    hexbin: true,
    density: false,
    hotspots: true,
    emerging: true,
  },
  selection: { id: 'E07000114', direction: 'in' },
  frame: [-5.7, 50, 1.5, 53.4],
  minCount: 20,
  topN: 10,
  originFilter: 'E09000022',
  destFilter: 'E06000052',
  giK: 3,
  giFdr: true,
  places: ['E06000026', 'group:London'],
  camera: { center: [1.38, 51.36], zoom: 8.6, bearing: 0, pitch: 45 },
};

describe('the view field table', () => {
  it('covers every field once, with a label and URL keys no other field uses', () => {
    const keys = VIEW_KEYS.flatMap((key) => VIEW_FIELDS[key].url);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of VIEW_KEYS) expect(VIEW_FIELDS[key].label, key).not.toBe('');
    expect(Object.keys(EVERYTHING).sort()).toEqual([...VIEW_KEYS].sort());
  });

  it('round-trips every field through the URL, keeping other parameters', () => {
    const href = writeView(EVERYTHING, BASE);
    expect(href).toBe(
      'http://localhost/atlas/?x=1&period=2024-Q3&window=2024-Q3..2024-Q4&vs=2019-Q4&measure=referrals&style=arcs&colour=count&group=separate&layers=totals%2Chexbin%2Chotspots%2Cemerging&sel=E07000114&dir=in&min=20&top=10&origin=E09000022&dest=E06000052&k=3&fdr=1&places=E06000026%2Cgroup%3ALondon#frame=-5.7,50,1.5,53.4&map=8.6/51.36/1.38/0/45',
    );
    expect(viewFromUrl(href)).toEqual(EVERYTHING);
  });

  it('writes nothing for defaults, so a plain link stays plain', () => {
    expect(writeView(DEFAULT_VIEW, BASE)).toBe(BASE);
    expect(writeView(DEFAULT_VIEW, `${BASE}&style=arcs&min=5#map=5/52/-1`)).toBe(BASE);
    expect(viewFromUrl(BASE)).toEqual(DEFAULT_VIEW);
  });

  it('ignores junk in every field', () => {
    const junk =
      '?period=<script>&style=3d&colour=red&group=x&sel=<img>&dir=sideways&min=-5&top=1e3&origin=a%22b&k=99&fdr=yes&measure=%3Cb%3E#map=5/952/-1';
    expect(readView(`http://localhost/${junk}`)).toEqual({});
    expect(readView('http://localhost/?sel=E07000114&dir=sideways').selection).toEqual({
      id: 'E07000114',
      direction: 'both',
    });
    expect(readView('http://localhost/?layers=').layers).toEqual({
      flows: false,
      totals: false,
      choropleth: false,
      hexbin: false,
      density: false,
      hotspots: false,
      emerging: false,
    });
  });

  it('a link holds only what the controls can show; the rest is named as ignored', () => {
    const href = 'http://localhost/?top=3&min=7&k=0&layers=bogus&style=arcs&min2=1#map=5/52/-1';
    expect(readView(href)).toEqual({ flowStyle: 'arcs', camera: { center: [-1, 52], zoom: 5, bearing: 0, pitch: 0 } });
    expect(ignoredUrlValues(href)).toEqual(['layers=bogus', 'min=7', 'top=3', 'k=0']);
    expect(readView('http://localhost/?top=20&min=60').topN).toBe(20);
    expect(ignoredUrlValues('http://localhost/?top=20&min=60&layers=')).toEqual([]);
  });

  it('formats the camera as MapLibre writes its hash', () => {
    expect(formatCamera({ center: [0.9, 51.3], zoom: 8.6, bearing: 0, pitch: 0 })).toBe('8.6/51.3/0.9');
    expect(formatCamera({ center: [-1.234567, 52.3456789], zoom: 5.123, bearing: 0, pitch: 0 })).toBe(
      '5.12/52.35/-1.23',
    );
    expect(formatCamera({ center: [0, 50], zoom: 6, bearing: 12.34, pitch: 0 })).toBe('6/50/0/12.3');
    expect(parseCamera('6/50/0/12.3')).toEqual({ center: [0, 50], zoom: 6, bearing: 12.3, pitch: 0 });
    expect(parseCamera('6/50')).toBeUndefined();
    expect(parseCamera('6/50/0/0/120')).toBeUndefined();
  });
});

describe('applying a view', () => {
  beforeEach(() => {
    useAtlasStore.setState({ ...DEFAULT_VIEW, dataset: tinyDataset(), mapHandle: undefined });
  });

  it('sets every field, defaults included: nothing leaks from the view before', () => {
    const store = useAtlasStore.getState();
    store.applyView(EVERYTHING);
    expect(pickView(useAtlasStore.getState())).toEqual(EVERYTHING);
    useAtlasStore.getState().applyView(DEFAULT_VIEW);
    expect(pickView(useAtlasStore.getState())).toEqual({ ...DEFAULT_VIEW, period: '2024-Q4' });
  });

  it('an unknown or missing period becomes the dataset’s latest', () => {
    useAtlasStore.getState().applyView({ ...DEFAULT_VIEW, period: '1999-Q1' });
    expect(useAtlasStore.getState().period).toBe('2024-Q4');
  });

  it('shows the view’s place through the map handle: its pinned camera or frame, animated when asked', () => {
    const calls: unknown[] = [];
    const handle = {
      show: (place: unknown, animate?: boolean) => calls.push([place, Boolean(animate)]),
      getCanvas: () => undefined as unknown as HTMLCanvasElement,
      getCamera: () => ({ center: [0, 0] as [number, number], zoom: 5, bearing: 0, pitch: 0 }),
      getBounds: () =>
        [
          [0, 0],
          [1, 1],
        ] as [[number, number], [number, number]],
      project: () => ({ x: 0, y: 0 }),
      whenReady: async () => {},
    };
    useAtlasStore.setState({ mapHandle: handle });
    const store = useAtlasStore.getState();
    store.applyView(EVERYTHING, { animate: true });
    store.applyView(DEFAULT_VIEW);
    expect(calls).toEqual([
      [{ camera: EVERYTHING.camera, frame: EVERYTHING.frame }, true],
      [{ camera: undefined, frame: undefined }, false],
    ]);
  });

  it('a move by the reader makes what is on screen the frame and unpins the camera; other moves do not', () => {
    useAtlasStore.setState({ camera: EVERYTHING.camera, frame: undefined });
    useAtlasStore.getState().mapMoved(7, [-3, 50, 1, 52], false);
    expect(useAtlasStore.getState()).toMatchObject({ camera: EVERYTHING.camera, frame: undefined, zoom: 7 });
    useAtlasStore.getState().mapMoved(8, [-2, 50.5, 0.5, 51.5], true);
    expect(useAtlasStore.getState()).toMatchObject({ camera: undefined, frame: [-2, 50.5, 0.5, 51.5], zoom: 8 });
  });
});
