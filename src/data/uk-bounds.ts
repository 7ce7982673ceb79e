/** Where the UK is, for telling a file's mistakes apart from its data. */

/** UK longitudes run about −9…2.5 and latitudes 49…61.5. */
export const UK_LON: [number, number] = [-9, 2.5];
export const UK_LAT: [number, number] = [49, 61.5];

/**
 * [x, y] positions that all fall in the UK only when read as [lat, lon]: the columns (or the
 * coordinate order) are swapped.
 */
export function looksSwappedForUk(positions: readonly (readonly number[])[]): boolean {
  return (
    positions.length > 0 &&
    positions.every(([x, y]) => x >= UK_LAT[0] && x <= UK_LAT[1] && y >= UK_LON[0] && y <= UK_LON[1])
  );
}
