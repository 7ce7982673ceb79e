/**
 * Colours and sizes in one place, and the palette document: each hue family has one meaning on
 * every layer, surface and look (COLOUR_ROLES below; tests/unit/colour-roles.test.ts checks every
 * colour the map draws against its role). Flows and the origins they leave are blue; destinations
 * are neutral; incidents and hot spots are warm; cold spots are teal; the destination rate is
 * purple; in change mode, more is magenta and fewer is green. The Government Analysis Function
 * palette (see shared CONVENTIONS) gives the dark blue and the categorical colours.
 */
export type Rgba = [number, number, number, number];

export function hexToRgba(hex: string, alpha = 255): Rgba {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255, alpha];
}

export const PALETTE = {
  darkBlue: '#12436D',
  turquoise: '#28A197',
  darkPink: '#801650',
  orange: '#F46A25',
  darkGrey: '#3D3D3D',
  lightPurple: '#A285D1',
} as const;

/** Everything the map draws with, for one look: the desk (default) or a projector theme. */
export interface MapLook {
  /** Which look: memoised derivations key on it. */
  id: 'desk' | 'light' | 'dark';
  basemap: {
    sea: string;
    land: string;
    otherLand: string;
    coast: string;
    border: string;
    coastWidthPx: number;
    borderWidthPx: number;
  };
  area: {
    origin: { fill: Rgba; line: Rgba };
    destination: { fill: Rgba; line: Rgba };
    highlight: { line: Rgba };
    lineWidthPx: number;
  };
  flow: {
    source: Rgba;
    target: Rgba;
    /** Suppressed flows: one thin grey line, whatever their (unknown) size. */
    suppressed: Rgba;
    suppressedWidthPx: number;
    /** Width of the largest flow in the dataset; others scale linearly from zero. */
    maxWidthPx: number;
    /** No flow is drawn thinner than this. */
    minWidthPx: number;
  };
  label: { colour: Rgba; halo: Rgba; sizePx: number; fontFamily: string };
  /** Incident and hot-spot cells. */
  cells: {
    /** Outline width around each cell; 0 draws none (a hairline that a projector would lose). */
    outlinePx: number;
    /** Ring significant hot and cold spots in their own colour, and let the rest recede. */
    ringSignificant: boolean;
  };
  /** The destination choropleth's outline. */
  choropleth: { line: Rgba };
}

const FONT = 'system-ui, "Liberation Sans", "DejaVu Sans", Arial, sans-serif';

/** At a desk: the look the map has always had. */
export const DESK_LOOK: MapLook = {
  id: 'desk',
  basemap: {
    sea: '#cfe0ea',
    land: '#f4f2ec',
    otherLand: '#e6e3dc',
    coast: '#7f9cb0',
    border: '#8a8a8a',
    coastWidthPx: 1,
    borderWidthPx: 1,
  },
  area: {
    origin: { fill: hexToRgba(PALETTE.darkBlue, 70), line: hexToRgba(PALETTE.darkBlue, 220) },
    destination: { fill: hexToRgba('#7a756b', 75), line: hexToRgba('#5c5851', 230) },
    highlight: { line: hexToRgba('#000000', 255) },
    lineWidthPx: 1,
  },
  flow: {
    source: hexToRgba(PALETTE.darkBlue),
    target: hexToRgba('#2f7fc1'),
    suppressed: hexToRgba(PALETTE.darkGrey, 140),
    suppressedWidthPx: 1,
    maxWidthPx: 14,
    minWidthPx: 1.5,
  },
  label: { colour: hexToRgba('#1b1b1b'), halo: hexToRgba('#ffffff', 230), sizePx: 13, fontFamily: FONT },
  cells: { outlinePx: 0.5, ringSignificant: false },
  choropleth: { line: [60, 60, 60, 255] },
};

/**
 * Projector looks: no line under 2 px, labels about twice the size, and every mark at least 3:1
 * against what it is drawn on (tests/unit/contrast.test.ts checks each pair in PROJECTOR_CONTRAST).
 * Light for lit rooms, dark for dimmed ones.
 */
export const PROJECTOR_LOOKS: Record<'light' | 'dark', MapLook> = {
  light: {
    id: 'light',
    basemap: {
      sea: '#cfe0ea',
      land: '#f4f2ec',
      otherLand: '#e6e3dc',
      coast: '#4f7391',
      border: '#5a5a5a',
      coastWidthPx: 2,
      borderWidthPx: 2,
    },
    area: {
      origin: { fill: hexToRgba(PALETTE.darkBlue, 60), line: hexToRgba(PALETTE.darkBlue) },
      destination: { fill: hexToRgba('#5c5851', 60), line: hexToRgba('#4a4640') },
      highlight: { line: hexToRgba('#000000') },
      lineWidthPx: 2,
    },
    flow: {
      source: hexToRgba(PALETTE.darkBlue),
      target: hexToRgba('#1f6aa8'),
      suppressed: hexToRgba('#5a5a5a'),
      suppressedWidthPx: 2,
      maxWidthPx: 20,
      minWidthPx: 2.5,
    },
    label: { colour: hexToRgba('#111111'), halo: hexToRgba('#ffffff'), sizePx: 24, fontFamily: FONT },
    cells: { outlinePx: 0, ringSignificant: true },
    choropleth: { line: hexToRgba('#111111') },
  },
  dark: {
    id: 'dark',
    basemap: {
      sea: '#0b1a2b',
      land: '#1f2a36',
      otherLand: '#18212b',
      coast: '#8fb3cc',
      border: '#9aa5b1',
      coastWidthPx: 2,
      borderWidthPx: 2,
    },
    area: {
      origin: { fill: hexToRgba('#7cc4ff', 50), line: hexToRgba('#7cc4ff') },
      destination: { fill: hexToRgba('#c8c4bc', 55), line: hexToRgba('#c8c4bc') },
      highlight: { line: hexToRgba('#ffffff') },
      lineWidthPx: 2,
    },
    flow: {
      source: hexToRgba('#7cc4ff'),
      target: hexToRgba('#d4ecff'),
      suppressed: hexToRgba('#9aa5b1'),
      suppressedWidthPx: 2,
      maxWidthPx: 20,
      minWidthPx: 2.5,
    },
    label: { colour: hexToRgba('#ffffff'), halo: hexToRgba('#0b1a2b'), sizePx: 24, fontFamily: FONT },
    cells: { outlinePx: 0, ringSignificant: true },
    choropleth: { line: hexToRgba('#ffffff') },
  },
};

/** The presentation chrome (caption band, legend, badge) per projector theme, as CSS custom properties. */
export const PROJECTOR_CHROME = {
  light: {
    bandBg: '#ffffff',
    bandText: '#111111',
    bandMuted: '#2b2b2b',
    bandRule: '#12436d',
    badgeBg: '#fff4d6',
    badgeText: '#3d2e00',
  },
  dark: {
    bandBg: '#0d1b2a',
    bandText: '#ffffff',
    bandMuted: '#e3e8ee',
    bandRule: '#ffbf47',
    badgeBg: '#3d2e00',
    badgeText: '#ffe9a8',
  },
} as const;

export type ContrastPair = { what: string; foreground: string | Rgba; background: string | Rgba; min: number };

/**
 * Every colour pair a projector theme puts side by side, with the contrast it must reach: 7:1 for
 * text (the projection target), 3:1 for graphic marks against what they are drawn on (WCAG 2.2).
 */
export function projectorContrastPairs(theme: 'light' | 'dark'): ContrastPair[] {
  const look = PROJECTOR_LOOKS[theme];
  const chrome = PROJECTOR_CHROME[theme];
  const { basemap: b } = look;
  const grounds = { land: b.land, 'other land': b.otherLand, sea: b.sea };
  const marks = {
    'flow origin end': look.flow.source,
    'flow destination end (arrowhead)': look.flow.target,
    'suppressed flow': look.flow.suppressed,
    'origin outline': look.area.origin.line,
    'destination outline': look.area.destination.line,
    'selected outline': look.area.highlight.line,
  };
  return [
    { what: 'caption text', foreground: chrome.bandText, background: chrome.bandBg, min: 7 },
    { what: 'legend notes', foreground: chrome.bandMuted, background: chrome.bandBg, min: 7 },
    { what: 'illustrative badge', foreground: chrome.badgeText, background: chrome.badgeBg, min: 7 },
    { what: 'map labels on their halo', foreground: look.label.colour, background: look.label.halo, min: 7 },
    { what: 'caption rule', foreground: chrome.bandRule, background: chrome.bandBg, min: 3 },
    ...Object.entries(marks).flatMap(([what, colour]) =>
      Object.entries(grounds).map(([ground, background]) => ({
        what: `${what} on ${ground}`,
        foreground: colour,
        background,
        min: 3,
      })),
    ),
    { what: 'coastline on sea', foreground: b.coast, background: b.sea, min: 3 },
    { what: 'coastline on land', foreground: b.coast, background: b.land, min: 3 },
    { what: 'border on land', foreground: b.border, background: b.land, min: 3 },
    { what: 'border on other land', foreground: b.border, background: b.otherLand, min: 3 },
  ];
}

/** The look the map has now: a projector theme while presenting, the desk look otherwise. */
export const lookFor = (presenting: boolean, theme: 'light' | 'dark'): MapLook =>
  presenting ? PROJECTOR_LOOKS[theme] : DESK_LOOK;

/** The desk look's parts, under the names the code used before there were looks. */
export const BASEMAP_COLOURS = DESK_LOOK.basemap;
export const AREA_STYLE = DESK_LOOK.area;
export const FLOW_STYLE = DESK_LOOK.flow;
export const LABEL_STYLE = DESK_LOOK.label;

export function rgbaCss([r, g, b, a]: Rgba): string {
  return `rgba(${r}, ${g}, ${b}, ${(a / 255).toFixed(2)})`;
}

/**
 * The hue families and what each means, as CIELAB hue angles (degrees) and chroma. A colour of
 * chroma under NEUTRAL_CHROMA is neutral whatever its angle. No two families share an angle, so no
 * hue says two things; the categorical exporting-area palette (GROUP_COLOURS) is the one declared
 * exception, drawn only when flows are coloured by exporting area and named row by row in the key.
 */
export const COLOUR_ROLES = {
  flow: { means: 'flows, the origins they leave, flow counts', hue: [240, 290] },
  rate: { means: 'destination rate (choropleth)', hue: [290, 325] },
  more: { means: 'more than before (change mode)', hue: [325, 360] },
  incidents: { means: 'incidents: cells, density, hot spots, emerging hot spots', hue: [0, 110] },
  fewer: { means: 'fewer than before (change mode)', hue: [110, 150] },
  cold: { means: 'cold spots: fewer incidents than chance', hue: [150, 240] },
  neutral: { means: 'destinations, protected flows, not available, no pattern', hue: undefined },
} as const satisfies Record<string, { means: string; hue: readonly [number, number] | undefined }>;

export type ColourRole = keyof typeof COLOUR_ROLES;

/** Below this CIELAB chroma a colour reads as grey: the neutral role. */
export const NEUTRAL_CHROMA = 15;

/** Destination rate: ColorBrewer Purples, 5 classes. */
export const CHOROPLETH_COLOURS = ['#f2f0f7', '#cbc9e2', '#9e9ac8', '#756bb1', '#54278f'];
/** Incident counts per cell: ColorBrewer Oranges, 5 classes. */
export const CELL_COLOURS = ['#feedde', '#fdbe85', '#fd8d3c', '#e6550d', '#a63603'];
/** A suppressed incident cell: grey, translucent. */
export const SUPPRESSED_CELL: Rgba = [150, 150, 150, 110];
/** The density view, fewer to more incidents nearby: ColorBrewer YlOrRd. */
export const DENSITY_COLOURS = ['#ffffb2', '#fed976', '#feb24c', '#fd8d3c', '#f03b20', '#bd0026'];
/** Change in a destination's value: ColorBrewer PiYG, greens for decrease, magentas for increase. */
export const CHOROPLETH_CHANGE_COLOURS = ['#4d9221', '#a1d76a', '#f7f7f7', '#e9a3c9', '#c51b7d'];
/** A change that is not available (no published value in either period). */
export const NOT_AVAILABLE_COLOUR = '#bababa';
/** Flows in change mode, by kind of change: the same magentas and greens as the destinations'. */
export const FLOW_CHANGE_COLOURS = {
  new: '#8e0152',
  growth: '#c51b7d',
  same: '#878787',
  decline: '#4d9221',
  ended: '#276419',
  'not-available': NOT_AVAILABLE_COLOUR,
} as const;
/** Flows coloured by count: sequential blues (light to dark), the flow family. */
export const COUNT_COLOURS = ['#6baed6', '#4292c6', '#2171b5', '#08519c', '#08306b'];
/**
 * Flows coloured by exporting area: the Analysis Function categorical palette in its order,
 * without its orange, which would read as incidents beside a hot spot.
 */
export const GROUP_COLOURS = [
  PALETTE.darkBlue,
  PALETTE.turquoise,
  PALETTE.darkPink,
  PALETTE.darkGrey,
  PALETTE.lightPurple,
];
/** Exporting areas past the palette share one mid grey, distinct from the palette's dark grey. */
export const OTHER_GROUP_COLOUR = '#8c8c8c';
/**
 * Emerging hot-spot categories: warm for hot, teal and cyan for cold. Hue as well as lightness:
 * eight classes of one hue cannot all differ by ΔE2000 ≥ 10, the least that reads as another
 * class (tests/unit/contrast.test.ts checks every pair as drawn). No pattern: not drawn.
 */
export const EMERGING_COLOURS: Record<string, string> = {
  'intensifying-hot-spot': '#5c0011',
  'persistent-hot-spot': '#c4001a',
  'new-hot-spot': '#ff5e00',
  'consecutive-hot-spot': '#fb8072',
  'diminishing-hot-spot': '#fdae61',
  'sporadic-hot-spot': '#8c510a',
  'oscillating-hot-spot': '#c7a000',
  'historical-hot-spot': '#f7dc6f',
  'intensifying-cold-spot': '#003c30',
  'persistent-cold-spot': '#01665e',
  'new-cold-spot': '#0b7a99',
  'consecutive-cold-spot': '#35978f',
  'diminishing-cold-spot': '#2aa6c9',
  'sporadic-cold-spot': '#3cb371',
  'oscillating-cold-spot': '#80cdc1',
  'historical-cold-spot': '#d0f0e8',
  'no-pattern': '#f2f2e6',
};

/** Gi* bins −3…3: cold teals, neutral, hot reds (ArcGIS's hot-spot ramp with its blues made teal). */
export const GI_COLOURS: Record<number, string> = {
  [-3]: '#01665e',
  [-2]: '#5ab4ac',
  [-1]: '#a8d8d0',
  0: '#f2f2e6',
  1: '#fab984',
  2: '#ed7551',
  3: '#d62f27',
};

/** Every colour the map and its key draw with, by role: what the colour-role test reads. */
export function paletteByRole(): { role: ColourRole; what: string; colour: string | Rgba }[] {
  const looks = [DESK_LOOK, PROJECTOR_LOOKS.light, PROJECTOR_LOOKS.dark];
  const of = (role: ColourRole, what: string, colours: readonly (string | Rgba)[]) =>
    colours.map((colour, i) => ({ role, what: `${what} ${i}`, colour }));
  return [
    ...looks.flatMap((look) => [
      ...of('flow', `${look.id} flow line`, [look.flow.source]),
      ...of('flow', `${look.id} arrowhead`, [look.flow.target]),
      ...of('flow', `${look.id} origin`, [look.area.origin.fill, look.area.origin.line]),
      ...of('neutral', `${look.id} destination`, [look.area.destination.fill, look.area.destination.line]),
      ...of('neutral', `${look.id} protected flow`, [look.flow.suppressed]),
    ]),
    ...of('flow', 'flow count', COUNT_COLOURS),
    ...of('rate', 'destination rate', CHOROPLETH_COLOURS.slice(1)),
    ...of('neutral', 'destination rate, lowest class', CHOROPLETH_COLOURS.slice(0, 1)),
    ...of('incidents', 'incident cells', CELL_COLOURS.slice(1)),
    ...of('neutral', 'incident cells, lowest class', CELL_COLOURS.slice(0, 1)),
    ...of('neutral', 'suppressed cell', [SUPPRESSED_CELL]),
    ...of('incidents', 'density', DENSITY_COLOURS),
    ...of('fewer', 'destination change, decrease', CHOROPLETH_CHANGE_COLOURS.slice(0, 2)),
    ...of('neutral', 'destination change, little or none', CHOROPLETH_CHANGE_COLOURS.slice(2, 3)),
    ...of('more', 'destination change, increase', CHOROPLETH_CHANGE_COLOURS.slice(3)),
    ...of('neutral', 'not available', [NOT_AVAILABLE_COLOUR]),
    ...of('more', 'flow change, more', [FLOW_CHANGE_COLOURS.new, FLOW_CHANGE_COLOURS.growth]),
    ...of('fewer', 'flow change, fewer', [FLOW_CHANGE_COLOURS.decline, FLOW_CHANGE_COLOURS.ended]),
    ...of('neutral', 'flow change, same', [FLOW_CHANGE_COLOURS.same]),
    ...of('incidents', 'hot spot', [GI_COLOURS[1], GI_COLOURS[2], GI_COLOURS[3]]),
    ...of('cold', 'cold spot', [GI_COLOURS[-1], GI_COLOURS[-2], GI_COLOURS[-3]]),
    ...of('neutral', 'not significant', [GI_COLOURS[0]]),
    ...Object.entries(EMERGING_COLOURS).map(([category, colour]) => ({
      role: (category === 'no-pattern'
        ? 'neutral'
        : category.endsWith('hot-spot')
          ? 'incidents'
          : 'cold') as ColourRole,
      what: `emerging ${category}`,
      colour,
    })),
  ];
}
