// The first, quadratic implementation (kept as an oracle: the fast one must choose exactly the same cells).
/**
 * Secondary suppression for a two-way table (e.g. one period's origin × destination counts).
 *
 * With row and column totals published, a suppressed cell can be recovered by subtraction unless
 * it lies on a cycle of suppressed cells: the bipartite graph whose nodes are rows and columns and
 * whose edges are suppressed cells must have no bridge among them. Cells known to be zero are
 * published (as absent) and cannot hide anything, so cycles may only use non-zero cells.
 * For each suppressed cell on no cycle, we suppress the cheapest path of non-zero cells that closes
 * one (fewest cells, then smallest counts). Where no such path exists the cell is determined by the
 * totals alone, so those totals must not be published: we say so instead of guessing.
 */

export interface TableCell {
  row: string;
  col: string;
  /** Raw count, > 0. */
  value: number;
  suppressed: boolean;
}

export interface SecondaryResult {
  /** Cells newly suppressed to protect others, in the order chosen. */
  secondary: TableCell[];
  /** Rows and columns whose totals would reveal a suppressed cell: do not publish them. */
  unsafeTotals: { row?: string; col?: string; because: TableCell }[];
}

const rowNode = (id: string) => `r:${id}`;
const colNode = (id: string) => `c:${id}`;

/** Shortest path (fewest edges, then least total value) from `from` to `to` avoiding `skip`. */
function closingPath(cells: TableCell[], skip: TableCell, from: string, to: string): TableCell[] | undefined {
  const adjacency = new Map<string, TableCell[]>();
  for (const cell of cells) {
    if (cell === skip) continue;
    for (const node of [rowNode(cell.row), colNode(cell.col)]) {
      const list = adjacency.get(node) ?? [];
      list.push(cell);
      adjacency.set(node, list);
    }
  }
  // Dijkstra on (edges, cost of newly suppressed cells): exact, and the tables are small.
  const best = new Map<string, [number, number]>([[from, [0, 0]]]);
  const via = new Map<string, TableCell>();
  const queue: [number, number, string][] = [[0, 0, from]];
  while (queue.length) {
    queue.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const [hops, cost, node] = queue.shift()!;
    if (node === to) break;
    const known = best.get(node)!;
    if (hops > known[0] || (hops === known[0] && cost > known[1])) continue;
    for (const cell of adjacency.get(node) ?? []) {
      const next = node.startsWith('r:') ? colNode(cell.col) : rowNode(cell.row);
      const candidate: [number, number] = [hops + 1, cost + (cell.suppressed ? 0 : cell.value)];
      const current = best.get(next);
      if (!current || candidate[0] < current[0] || (candidate[0] === current[0] && candidate[1] < current[1])) {
        best.set(next, candidate);
        via.set(next, cell);
        queue.push([candidate[0], candidate[1], next]);
      }
    }
  }
  if (!via.has(to)) return undefined;
  const path: TableCell[] = [];
  for (let node = to; node !== from; ) {
    const cell = via.get(node)!;
    path.push(cell);
    node = node.startsWith('r:') ? colNode(cell.col) : rowNode(cell.row);
  }
  return path;
}

/** True when the suppressed cell lies on a cycle of suppressed cells (so it cannot be recovered). */
function onSuppressedCycle(cells: TableCell[], cell: TableCell): boolean {
  const suppressed = cells.filter((c) => c.suppressed);
  return closingPath(suppressed, cell, rowNode(cell.row), colNode(cell.col)) !== undefined;
}

/** Mutates `cells` (sets `suppressed`) and reports what it did. Deterministic for a given order. */
export function applySecondarySuppression(cells: TableCell[]): SecondaryResult {
  const result: SecondaryResult = { secondary: [], unsafeTotals: [] };
  const ordered = [...cells].sort((a, b) => a.row.localeCompare(b.row) || a.col.localeCompare(b.col));
  let changed = true;
  while (changed) {
    changed = false;
    for (const cell of ordered) {
      if (!cell.suppressed || onSuppressedCycle(ordered, cell)) continue;
      const path = closingPath(ordered, cell, rowNode(cell.row), colNode(cell.col));
      if (!path) {
        if (!result.unsafeTotals.some((u) => u.because === cell))
          result.unsafeTotals.push({ row: cell.row, col: cell.col, because: cell });
        continue;
      }
      for (const step of path) {
        if (step.suppressed) continue;
        step.suppressed = true;
        result.secondary.push(step);
        changed = true;
      }
    }
  }
  return result;
}
