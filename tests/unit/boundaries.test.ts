/** The dependency-rule check catches what it is there to catch, and main keeps the rule. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { brokenImports } from '../../scripts/check-boundaries';

function tree(files: Record<string, string>): string {
  const src = join(mkdtempSync(join(tmpdir(), 'atlas-rule-')), 'src');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(src, path)), { recursive: true });
    writeFileSync(join(src, path), text);
  }
  return src;
}

describe('dependency rule', () => {
  it('reports a back edge, a drawing import in src/data and a folder with no rule', () => {
    const src = tree({
      'data/io/parse.ts': "import { areasLayer } from '../../map/layers/areas';\nimport { create } from 'zustand';\n",
      'data/schema.ts': "import { z } from 'zod';\n",
      'derive/x.ts':
        "import type { Dataset } from '../data/schema';\nexport const lazy = () => import('../ui/legend');\n",
      'map/layers/areas.ts':
        "import { GeoJsonLayer } from '@deck.gl/layers';\nimport { Legend } from '../../ui/legend';\n",
      'ui/legend.tsx': "import { areasLayer } from '../map/layers/areas';\n",
      'extras/x.ts': '',
    });
    const broken = brokenImports(src).map((line) => line.slice(src.length + 1));
    expect(broken).toEqual(
      expect.arrayContaining([
        'data/io/parse.ts: imports ../../map/layers/areas (src/map); src/data may import only nothing else in src',
        'data/io/parse.ts: imports zustand; src/data stays pure (no React, deck.gl, MapLibre or Zustand)',
        'derive/x.ts: imports ../ui/legend (src/ui); src/derive may import only data',
        'map/layers/areas.ts: imports ../../ui/legend (src/ui); src/map may import only data, derive, state, net, pack',
        'extras/x.ts: src/extras/ has no rule in scripts/check-boundaries.ts',
      ]),
    );
    expect(broken).toHaveLength(5);
  });

  it('holds on this codebase', () => {
    expect(brokenImports('src')).toEqual([]);
  });
});
