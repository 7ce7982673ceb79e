/** The pack CLI refuses bad usage and bad briefings before it builds anything. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main, packContents } from '../../scripts/pack';
import { runMain } from './run-cli';
import { packCsp, packHtml, scriptSafeJson } from '../../src/pack/pack-format';

const run = (args: string[]) => runMain(main, args);

describe('npm run pack', () => {
  it('usage errors exit 2', async () => {
    expect((await run([])).code).toBe(2);
    expect((await run(['--briefing', 'x.json'])).err).toContain('both --briefing and --out are needed');
  });

  it('a bad briefing is reported with its field, exit 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-pack-cli-'));
    writeFileSync(
      join(dir, 'b.json'),
      JSON.stringify({ title: 'T', dataset: 'm.json', scenes: [{ title: 'S', view: { giK: 7 } }] }),
    );
    const result = await run(['--briefing', join(dir, 'b.json'), '--out', join(dir, 'out.html')]);
    expect(result.code).toBe(1);
    expect(result.err).toBe('error: b.json: scene 1 ("S"), field "view.giK": a whole number from 1 to 3');
    const missing = await run(['--briefing', join(dir, 'nope.json'), '--out', join(dir, 'out.html')]);
    expect(missing).toMatchObject({ code: 1, err: `error: ${join(dir, 'nope.json')}: cannot be read: ENOENT` });
  });

  it('carries the briefing, its dataset, the basemap and the MapLibre worker, with the dataset path rewritten', async () => {
    const { contents } = await packContents('data/briefings/sample.json');
    expect(Object.keys(contents.files).sort()).toEqual([
      'basemap/land.json',
      'basemap/lines.json',
      'data/briefings/sample.json',
      'data/pack-data/areas.geojson',
      'data/pack-data/flows.csv',
      'data/pack-data/incidents.csv',
      'data/pack-data/manifest.json',
    ]);
    expect(JSON.parse(contents.files['data/briefings/sample.json']).dataset).toBe('../pack-data/manifest.json');
    expect(contents.maplibreWorker.length).toBeGreaterThan(100_000);
  });

  it('embeds data so it cannot end its script element, and hashes exactly the script it writes', () => {
    expect(scriptSafeJson({ name: '</script><script>alert(1)</script>' })).not.toContain('</script');
    const html = packHtml({
      title: '<b>T</b>',
      js: 'console.log(1)',
      css: '',
      contents: { briefing: 'b', files: {}, maplibreWorker: '' },
      scriptHash: 'abc',
    });
    expect(html).toContain('<title>&lt;b&gt;T&lt;/b&gt;</title>');
    expect(html).toContain(`content="${packCsp('abc').replace(/'/g, "'")}"`);
    expect(() =>
      packHtml({
        title: 'T',
        js: 'x("</script>")',
        css: '',
        contents: { briefing: 'b', files: {}, maplibreWorker: '' },
        scriptHash: 'a',
      }),
    ).toThrow();
  });
});
