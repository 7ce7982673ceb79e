/** Words for Gi* bins, as ArcGIS's Hot Spot Analysis names them. */
export function binLabel(bin: number): string {
  if (bin === 0) return 'not significant';
  const confidence = { 1: '90', 2: '95', 3: '99' }[Math.abs(bin) as 1 | 2 | 3];
  return `${bin > 0 ? 'hot' : 'cold'} spot, ${confidence} % confidence`;
}
