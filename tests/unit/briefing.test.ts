/**
 * Briefing files: the sample parses; each kind of mistake names the scene and field; a scene's
 * view round-trips through the file form and the URL form (one view type for both); captions are
 * a safe Markdown subset that never yields HTML.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { briefingJson, parseBriefing, sceneViewJson } from '../../src/data/briefing';
import { captionText, parseCaption } from '../../src/data/caption';
import { DEFAULT_VIEW, viewFromUrl, writeView } from '../../src/data/view';
import { problemMessages } from './problem-messages';

const sample = readFileSync('data/briefings/sample.json', 'utf8');
const minimal = (scenes: unknown[], extra: object = {}) =>
  JSON.stringify({ title: 'T', dataset: '../sample/manifest.json', scenes, ...extra });

describe('briefing files', () => {
  it('the sample briefing: seven scenes, each a complete view', () => {
    const briefing = parseBriefing(sample, 'sample.json');
    expect(briefing.scenes).toHaveLength(7);
    for (const scene of briefing.scenes) {
      expect(Object.keys(scene.view).sort()).toEqual(Object.keys(DEFAULT_VIEW).sort());
      expect(scene.caption.length).toBeGreaterThan(20);
    }
    expect(briefing.scenes[6].view).toMatchObject({ giFdr: true, layers: { hotspots: true, flows: false } });
  });

  it('each mistake names the scene and field', () => {
    const cases: [string, string][] = [
      [minimal([]), 'b.json: field "scenes": a briefing needs at least one scene'],
      [minimal([{ title: '' }]), 'b.json: scene 1, field "title": Too small: expected string to have >=1 characters'],
      [
        minimal([{ title: 'A', view: { period: '2024-Q5' } }]),
        'b.json: scene 1 ("A"), field "view.period": a period such as "2024", "2024-Q3", "2024-07" or "2024-07-15"',
      ],
      [
        minimal([{ title: 'A', view: { flowStyle: 'wiggly' } }]),
        'b.json: scene 1 ("A"), field "view.flowStyle": one of "curved", "arcs"',
      ],
      [
        minimal([{ title: 'A', view: { layers: ['flows', 'lasers'] } }]),
        'b.json: scene 1 ("A"), field "view.layers": a list of layers, each one of "flows", "totals", "choropleth", "hexbin", "density", "hotspots", "emerging"',
      ],
      [
        minimal([{ title: 'A', view: { camera: { center: [0, 95], zoom: 5 } } }]),
        'b.json: scene 1 ("A"), field "view.camera": { "center": [lon −180…180, lat −85…85], "zoom": 0…22, "bearing": −180…180, "pitch": 0…85 }',
      ],
      [
        minimal([{ title: 'A', view: { giK: 9 } }]),
        'b.json: scene 1 ("A"), field "view.giK": a whole number from 1 to 3',
      ],
      // The link's own rule: a scene cannot hold a top 3 where the control offers 5, 10 or 20.
      [
        minimal([{ title: 'A', view: { topN: 3 } }]),
        'b.json: scene 1 ("A"), field "view.topN": one of 0, 5, 10, 20 (what the control offers)',
      ],
      [
        minimal([{ title: 'A', view: { minCount: 7 } }]),
        'b.json: scene 1 ("A"), field "view.minCount": a whole number from 0 to 60 in steps of 5',
      ],
      [
        minimal([{ title: 'A', view: { selection: { id: '<img src=x>' } } }]),
        `b.json: scene 1 ("A"), field "view.selection": "id": an area id (letters, digits and . , : ' & ( ) -)`,
      ],
      [
        minimal([{ title: 'A', view: { colour: 'red' } }]),
        'b.json: scene 1 ("A"), field "view": Unrecognized key: "colour"',
      ],
      [minimal([{ title: 'A' }], { date: '28/11/2026' }), 'b.json: field "date": a date as YYYY-MM-DD'],
      ['{"title": "T",', 'b.json: line 1, column 15: is not valid JSON: property name expected'],
    ];
    for (const [text, message] of cases)
      expect(problemMessages(() => parseBriefing(text, 'b.json'))).toContain(message);
  });

  it('a scene view round-trips through the file form and through the URL', () => {
    const briefing = parseBriefing(sample, 'sample.json');
    expect(parseBriefing(briefingJson(briefing), 'again.json')).toEqual(briefing);
    for (const scene of briefing.scenes) {
      expect(viewFromUrl(writeView(scene.view, 'http://localhost/'))).toEqual(scene.view);
      expect(JSON.stringify(sceneViewJson(scene.view))).not.toContain('undefined');
    }
  });
});

describe('captions', () => {
  it('emphasis, strong, lists and links as text', () => {
    expect(parseCaption('A *b* and **c**, see [the guide](https://example.org/x).\n\n- one\n- _two_')).toEqual([
      {
        kind: 'paragraph',
        spans: [
          { text: 'A ' },
          { text: 'b', style: 'em' },
          { text: ' and ' },
          { text: 'c', style: 'strong' },
          { text: ', see ' },
          { text: 'the guide (https://example.org/x)' },
          { text: '.' },
        ],
      },
      { kind: 'list', items: [[{ text: 'one' }], [{ text: 'two', style: 'em' }]] },
    ]);
  });

  it('HTML stays text', () => {
    const blocks = parseCaption('<img src=x onerror=alert(1)> <script>x</script>');
    expect(blocks).toEqual([
      { kind: 'paragraph', spans: [{ text: '<img src=x onerror=alert(1)> <script>x</script>' }] },
    ]);
    expect(captionText('- a\n- *b*')).toBe('• a • b');
  });
});
