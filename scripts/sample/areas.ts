/**
 * The sample's areas: real names and ONS codes, public centroids and areas.
 *
 * Centroids (lon/lat, 4 decimals) and land areas (km², rounded) are the `long`, `lat` and
 * `st_area(shape)` attributes of ONS "Local Authority Districts (April 2019) Boundaries UK BUC"
 * (Open Government Licence v3.0; Contains National Statistics data © Crown copyright and database
 * right 2019). Populations are approximate ONS mid-2019 estimates rounded to the nearest thousand,
 * for illustration only. Nothing else about these places is real: see ../make-sample.ts.
 */

export type Region = 'london' | 'kent' | 'southwest' | 'southwales' | 'east' | 'midlands' | 'northwest';

export interface SampleArea {
  id: string;
  name: string;
  role: 'origin' | 'destination';
  /** Exporting area for origins (London, Liverpool, …); the region for destinations. */
  group: string;
  region: Region;
  centroid: [number, number];
  areaKm2: number;
  population: number;
}

type Row = [id: string, name: string, lon: number, lat: number, areaKm2: number, population: number];

const LONDON: Row[] = [
  ['E09000001', 'City of London', -0.0935, 51.5156, 3, 10_000],
  ['E09000002', 'Barking and Dagenham', 0.1295, 51.5455, 36, 212_000],
  ['E09000003', 'Barnet', -0.2182, 51.6111, 87, 396_000],
  ['E09000004', 'Bexley', 0.1462, 51.4582, 62, 248_000],
  ['E09000005', 'Brent', -0.2757, 51.5644, 44, 329_000],
  ['E09000006', 'Bromley', 0.0392, 51.3727, 150, 332_000],
  ['E09000007', 'Camden', -0.1629, 51.5431, 21, 270_000],
  ['E09000008', 'Croydon', -0.0776, 51.366, 86, 386_000],
  ['E09000009', 'Ealing', -0.3141, 51.5244, 55, 341_000],
  ['E09000010', 'Enfield', -0.0815, 51.6489, 83, 333_000],
  ['E09000011', 'Greenwich', 0.0501, 51.464, 48, 287_000],
  ['E09000012', 'Hackney', -0.0605, 51.5549, 20, 281_000],
  ['E09000013', 'Hammersmith and Fulham', -0.2174, 51.4874, 17, 185_000],
  ['E09000014', 'Haringey', -0.1067, 51.5877, 29, 268_000],
  ['E09000015', 'Harrow', -0.336, 51.5947, 52, 251_000],
  ['E09000016', 'Havering', 0.2354, 51.5652, 114, 259_000],
  ['E09000017', 'Hillingdon', -0.4418, 51.5366, 116, 306_000],
  ['E09000018', 'Hounslow', -0.3784, 51.4624, 57, 271_000],
  ['E09000019', 'Islington', -0.1099, 51.5455, 15, 242_000],
  ['E09000020', 'Kensington and Chelsea', -0.1898, 51.4964, 11, 157_000],
  ['E09000021', 'Kingston upon Thames', -0.2837, 51.393, 38, 177_000],
  ['E09000022', 'Lambeth', -0.1139, 51.4644, 27, 326_000],
  ['E09000023', 'Lewisham', -0.0173, 51.4423, 34, 305_000],
  ['E09000024', 'Merton', -0.1887, 51.4106, 37, 206_000],
  ['E09000025', 'Newham', 0.0274, 51.5313, 37, 353_000],
  ['E09000026', 'Redbridge', 0.0701, 51.5859, 58, 305_000],
  ['E09000027', 'Richmond upon Thames', -0.2891, 51.4403, 57, 198_000],
  ['E09000028', 'Southwark', -0.0731, 51.4659, 30, 318_000],
  ['E09000029', 'Sutton', -0.1723, 51.3576, 44, 206_000],
  ['E09000030', 'Tower Hamlets', -0.0364, 51.5155, 19, 325_000],
  ['E09000031', 'Waltham Forest', -0.0188, 51.5946, 39, 276_000],
  ['E09000032', 'Wandsworth', -0.2002, 51.4524, 35, 329_000],
  ['E09000033', 'Westminster', -0.153, 51.5122, 23, 261_000],
];

const OTHER_ORIGINS: Row[] = [
  ['E08000012', 'Liverpool', -2.9136, 53.4083, 113, 498_000],
  ['E08000025', 'Birmingham', -1.8814, 52.484, 269, 1_141_000],
  ['E08000003', 'Manchester', -2.2336, 53.4701, 112, 552_000],
];

const DESTINATIONS: [Region, ...Row][] = [
  ['kent', 'E07000114', 'Thanet', 1.3283, 51.3525, 104, 141_000],
  ['kent', 'E07000106', 'Canterbury', 1.0963, 51.281, 309, 165_000],
  ['kent', 'E07000108', 'Dover', 1.2769, 51.2117, 314, 118_000],
  ['kent', 'E07000113', 'Swale', 0.7795, 51.3239, 371, 150_000],
  ['kent', 'E06000035', 'Medway', 0.5632, 51.4477, 192, 278_000],
  ['kent', 'E07000062', 'Hastings', 0.5794, 50.8677, 31, 93_000],
  ['southwest', 'E06000052', 'Cornwall', -4.6425, 50.4502, 3586, 569_000],
  ['southwest', 'E06000026', 'Plymouth', -4.113, 50.4049, 83, 263_000],
  ['southwest', 'E07000041', 'Exeter', -3.5137, 50.7178, 46, 131_000],
  ['southwales', 'W06000015', 'Cardiff', -3.2221, 51.5025, 142, 366_000],
  ['southwales', 'W06000011', 'Swansea', -3.9672, 51.6581, 383, 246_000],
  ['southwales', 'W06000022', 'Newport', -2.8977, 51.5823, 193, 154_000],
  ['southwales', 'W06000012', 'Neath Port Talbot', -3.7464, 51.6445, 445, 143_000],
  ['southwales', 'W06000013', 'Bridgend', -3.6136, 51.5606, 251, 147_000],
  ['east', 'E07000148', 'Norwich', 1.285, 52.6401, 40, 141_000],
  ['east', 'E07000202', 'Ipswich', 1.1633, 52.0579, 40, 137_000],
  ['east', 'E06000033', 'Southend-on-Sea', 0.7069, 51.5491, 44, 183_000],
  ['midlands', 'E07000138', 'Lincoln', -0.5585, 53.2192, 35, 99_000],
  ['midlands', 'E06000051', 'Shropshire', -2.7367, 52.6221, 3188, 323_000],
];

const REGION_NAMES: Record<Region, string> = {
  london: 'London',
  kent: 'Kent and East Sussex',
  southwest: 'Devon and Cornwall',
  southwales: 'South Wales',
  east: 'East of England',
  midlands: 'Midlands',
  northwest: 'North West',
};

function area(
  role: SampleArea['role'],
  region: Region,
  group: string,
  [id, name, lon, lat, areaKm2, population]: Row,
): SampleArea {
  return { id, name, role, group, region, centroid: [lon, lat], areaKm2, population };
}

export const SAMPLE_AREAS: SampleArea[] = [
  ...LONDON.map((row) => area('origin', 'london', 'London', row)),
  area('origin', 'northwest', 'Liverpool', OTHER_ORIGINS[0]),
  area('origin', 'midlands', 'Birmingham', OTHER_ORIGINS[1]),
  area('origin', 'northwest', 'Manchester', OTHER_ORIGINS[2]),
  ...DESTINATIONS.map(([region, ...row]) => area('destination', region, REGION_NAMES[region], row)),
];

/**
 * Lines per quarter into each destination at the 2019 peak, and the towns where its incidents
 * cluster ([lon, lat, weight]). Scaled so the sample's national total sits inside the public
 * range (600–2,000 active lines in England and Wales) for the share of destinations it covers.
 */
export const DESTINATION_PROFILE: Record<
  string,
  { peakLines: number; incidentsPerLine: number; towns: [number, number, number][] }
> = {
  E07000114: {
    peakLines: 60,
    incidentsPerLine: 9,
    towns: [
      [1.386, 51.389, 3],
      [1.416, 51.335, 2],
      [1.44, 51.36, 1],
    ],
  },
  E07000106: {
    peakLines: 40,
    incidentsPerLine: 7,
    towns: [
      [1.08, 51.279, 3],
      [1.03, 51.36, 1],
      [1.128, 51.372, 1],
    ],
  },
  E07000108: {
    peakLines: 25,
    incidentsPerLine: 7,
    towns: [
      [1.31, 51.127, 2],
      [1.34, 51.228, 1],
    ],
  },
  E07000113: {
    peakLines: 30,
    incidentsPerLine: 7,
    towns: [
      [0.733, 51.341, 2],
      [0.77, 51.42, 1],
      [0.89, 51.315, 1],
    ],
  },
  E06000035: {
    peakLines: 45,
    incidentsPerLine: 7,
    towns: [
      [0.52, 51.385, 2],
      [0.55, 51.37, 1],
      [0.5, 51.39, 1],
    ],
  },
  E07000062: {
    peakLines: 25,
    incidentsPerLine: 8,
    towns: [
      [0.574, 50.855, 2],
      [0.553, 50.86, 1],
    ],
  },
  E06000052: {
    peakLines: 60,
    incidentsPerLine: 6,
    towns: [
      [-5.051, 50.263, 2],
      [-5.073, 50.414, 2],
      [-5.537, 50.119, 1],
      [-5.25, 50.22, 2],
      [-4.79, 50.34, 1],
    ],
  },
  E06000026: {
    peakLines: 45,
    incidentsPerLine: 7,
    towns: [
      [-4.142, 50.375, 3],
      [-4.1, 50.39, 1],
    ],
  },
  E07000041: { peakLines: 25, incidentsPerLine: 6, towns: [[-3.53, 50.725, 2]] },
  W06000015: {
    peakLines: 55,
    incidentsPerLine: 7,
    towns: [
      [-3.179, 51.481, 3],
      [-3.21, 51.5, 1],
      [-3.15, 51.52, 1],
    ],
  },
  W06000011: {
    peakLines: 45,
    incidentsPerLine: 7,
    towns: [
      [-3.943, 51.62, 3],
      [-4.05, 51.66, 1],
    ],
  },
  W06000022: { peakLines: 35, incidentsPerLine: 7, towns: [[-2.998, 51.588, 3]] },
  W06000012: {
    peakLines: 25,
    incidentsPerLine: 6,
    towns: [
      [-3.78, 51.59, 2],
      [-3.805, 51.663, 1],
    ],
  },
  W06000013: {
    peakLines: 22,
    incidentsPerLine: 6,
    towns: [
      [-3.577, 51.504, 2],
      [-3.68, 51.485, 1],
    ],
  },
  E07000148: { peakLines: 45, incidentsPerLine: 7, towns: [[1.297, 52.628, 3]] },
  E07000202: { peakLines: 40, incidentsPerLine: 7, towns: [[1.155, 52.059, 3]] },
  E06000033: {
    peakLines: 40,
    incidentsPerLine: 7,
    towns: [
      [0.714, 51.538, 3],
      [0.65, 51.55, 1],
    ],
  },
  E07000138: { peakLines: 25, incidentsPerLine: 6, towns: [[-0.54, 53.23, 2]] },
  E06000051: {
    peakLines: 30,
    incidentsPerLine: 5,
    towns: [
      [-2.753, 52.708, 2],
      [-2.716, 52.368, 1],
      [-2.48, 52.63, 1],
    ],
  },
};

/**
 * Share of a region's lines that each exporting area runs (London, Liverpool, Birmingham,
 * Manchester). Follows the public pattern: London dominant for Kent and the East, the North West
 * and West Midlands strong in Wales and Shropshire, London leading but shared in the South West.
 */
export const EXPORTER_SHARE: Record<Exclude<Region, 'london' | 'northwest'>, Record<string, number>> = {
  kent: { London: 0.94, Liverpool: 0.03, Birmingham: 0.02, Manchester: 0.01 },
  east: { London: 0.85, Liverpool: 0.05, Birmingham: 0.05, Manchester: 0.05 },
  southwest: { London: 0.5, Liverpool: 0.22, Birmingham: 0.18, Manchester: 0.1 },
  southwales: { London: 0.3, Liverpool: 0.3, Birmingham: 0.3, Manchester: 0.1 },
  midlands: { London: 0.2, Liverpool: 0.3, Birmingham: 0.3, Manchester: 0.2 },
};
