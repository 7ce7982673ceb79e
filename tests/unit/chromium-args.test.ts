import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromiumArgs, PLAYWRIGHT_DISABLED_FEATURES, type SoftwareRenderer } from '../../scripts/chromium';

/** The names in playwright-core's own `disabledFeatures` list, read from the installed package. */
function installedPlaywrightDisabledFeatures(): string[] {
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve('playwright-core/package.json'));
  const bundle = readFileSync(join(root, 'lib', 'coreBundle.js'), 'utf8');
  const list = bundle.match(/disabledFeatures = \[([\s\S]*?)\]\.filter/);
  if (!list)
    throw new Error(
      'playwright-core no longer lists disabledFeatures where this test looks: read chromiumSwitches again',
    );
  return [...list[1].matchAll(/^\s*"(\w+)"/gm)].map((m) => m[1]);
}

describe('the Chromium flags the tests, the bench and the snapshot CLI launch with', () => {
  const renderers: SoftwareRenderer[] = ['mesa', 'swiftshader'];

  it.each(renderers)(
    '%s: one --disable-features switch, holding every feature Playwright disables (Chromium keeps only the last)',
    (renderer) => {
      const switches = chromiumArgs(renderer).filter((arg) => arg.startsWith('--disable-features='));
      expect(switches).toHaveLength(1);
      const ours = switches[0].slice('--disable-features='.length).split(',');
      const playwright = installedPlaywrightDisabledFeatures();
      expect(playwright.length).toBeGreaterThan(5);
      expect(ours).toEqual(expect.arrayContaining(playwright));
      expect(PLAYWRIGHT_DISABLED_FEATURES).toEqual(expect.arrayContaining(playwright));
      expect(ours).toEqual(expect.arrayContaining(['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup']));
    },
  );

  it.each(renderers)('%s: one ANGLE backend, with SwiftShader allowed as the fallback', (renderer) => {
    const args = chromiumArgs(renderer);
    expect(args.filter((arg) => arg.startsWith('--use-angle='))).toEqual([
      renderer === 'mesa' ? '--use-angle=gl-egl' : '--use-angle=swiftshader',
    ]);
    expect(args).toContain('--enable-unsafe-swiftshader');
  });
});
