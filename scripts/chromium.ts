/** The system Chromium and the flags it needs headless as root with software WebGL (tests and tools). */
import { existsSync } from 'node:fs';

/**
 * Features Playwright turns off at launch (playwright-core's chromiumSwitches.ts, 1.65): startup
 * requests to Google, paint holding, and the rest. Chromium keeps only the last
 * `--disable-features` switch, so ours must carry this list too or it would switch them back on;
 * tests/unit/chromium-args.test.ts checks it still holds every name Playwright's does.
 */
export const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
];

/**
 * Chromium 151 and later pre-render the address bar's popup (a WebUI page in a renderer of its
 * own) for every window, headless too. On this 2-core machine that took about 1.5 CPU-seconds per
 * page opened, beside the page under test: an app load used 29 CPU-seconds in three instead of 35.
 */
const OMNIBOX_POPUP_FEATURES = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup'];

/**
 * Where WebGL is drawn. Both are software renderers, as on a machine with no GPU.
 * - `mesa`: ANGLE over Mesa's OpenGL through EGL, which is llvmpipe on a machine without a GPU
 *   (Debian's libegl-mesa0 and libgl1-mesa-dri; .ci/run installs them). Chromium's blocklist turns
 *   Mesa's software driver away, so it is allowed by name; where Mesa is missing Chromium falls back
 *   to SwiftShader by itself. The browser suite and the snapshot CLI draw here: on this 2-core
 *   machine the suite took 383–402 s against 704 s on SwiftShader, every test passing. The gain
 *   is Mesa's shader cache (`~/.cache/mesa_shader_cache`): a program compiled for one page is found
 *   on disk by the next, where SwiftShader compiled it again for every page. A page's first load
 *   with nothing cached is no faster than on SwiftShader (bench/README.md).
 * - `swiftshader`: ANGLE over SwiftShader's Vulkan, Chromium's own software renderer. The bench
 *   measures here, as every earlier bench row and the figures were measured.
 */
export type SoftwareRenderer = 'mesa' | 'swiftshader';

const RENDERER_ARGS: Record<SoftwareRenderer, string[]> = {
  mesa: ['--use-angle=gl-egl', '--ignore-gpu-blocklist', '--enable-unsafe-swiftshader'],
  swiftshader: ['--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
};

export function chromiumArgs(renderer: SoftwareRenderer): string[] {
  return [
    '--headless=new',
    '--no-sandbox',
    ...RENDERER_ARGS[renderer],
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
    `--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, ...OMNIBOX_POPUP_FEATURES].join(',')}`,
  ];
}

/** The browser suite's and the snapshot CLI's flags. */
export const CHROMIUM_ARGS = chromiumArgs('mesa');

export function findChromium(): string | null {
  const candidates = [
    process.env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ];
  return candidates.find((path): path is string => Boolean(path && existsSync(path))) ?? null;
}
