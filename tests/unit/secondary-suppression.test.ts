import { describe, expect, it } from 'vitest';
import { randomLcg } from 'd3-random';
import { applySecondarySuppression, type TableCell } from '../../src/data/disclosure/secondary-suppression';

/**
 * Independent check by linear algebra: with every row and column total known, a suppressed cell is
 * recoverable exactly when its unit vector lies in the row space of the margin equations
 * restricted to the suppressed cells (published cells are known constants).
 */
function recoverableCells(cells: TableCell[]): TableCell[] {
  const hidden = cells.filter((c) => c.suppressed);
  const lines = [...new Set([...hidden.map((c) => `r:${c.row}`), ...hidden.map((c) => `c:${c.col}`)])];
  const matrix = lines.map((line) => hidden.map((c) => (`r:${c.row}` === line || `c:${c.col}` === line ? 1 : 0)));
  const rank = (rows: number[][]) => {
    const m = rows.map((r) => [...r]);
    let r = 0;
    for (let col = 0; col < (m[0]?.length ?? 0) && r < m.length; col++) {
      const pivot = m.findIndex((row, i) => i >= r && Math.abs(row[col]) > 1e-9);
      if (pivot < 0) continue;
      [m[r], m[pivot]] = [m[pivot], m[r]];
      for (let i = 0; i < m.length; i++) {
        if (i === r) continue;
        const f = m[i][col] / m[r][col];
        for (let j = col; j < m[i].length; j++) m[i][j] -= f * m[r][j];
      }
      r++;
    }
    return r;
  };
  const base = rank(matrix);
  return hidden.filter((_, k) => rank([...matrix, hidden.map((__, j) => (j === k ? 1 : 0))]) === base);
}

function randomTable(seed: number): TableCell[] {
  const random = randomLcg(seed / 1000);
  const rows = 2 + Math.floor(random() * 6);
  const cols = 2 + Math.floor(random() * 6);
  const cells: TableCell[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (random() < 0.25) continue; // a zero: published as absent
      const value = 1 + Math.floor(random() ** 2 * 60);
      cells.push({ row: `R${r}`, col: `C${c}`, value, suppressed: value < 10 });
    }
  }
  return cells;
}

describe('secondary suppression', () => {
  it('protects a lone suppressed cell by suppressing a rectangle', () => {
    const cells: TableCell[] = [
      { row: 'A', col: 'X', value: 4, suppressed: true },
      { row: 'A', col: 'Y', value: 30, suppressed: false },
      { row: 'B', col: 'X', value: 25, suppressed: false },
      { row: 'B', col: 'Y', value: 50, suppressed: false },
    ];
    const result = applySecondarySuppression(cells);
    expect(result.secondary.map((c) => `${c.row}${c.col}`).sort()).toEqual(['AY', 'BX', 'BY']);
    expect(recoverableCells(cells)).toEqual([]);
  });

  it('says which totals must not be published when no cycle can hide a cell', () => {
    const cells: TableCell[] = [
      { row: 'A', col: 'X', value: 4, suppressed: true },
      { row: 'B', col: 'Y', value: 50, suppressed: false },
    ];
    const result = applySecondarySuppression(cells);
    expect(result.secondary).toEqual([]);
    expect(result.unsafeTotals).toEqual([{ row: 'A', col: 'X', because: cells[0] }]);
  });

  it('property: for 300 random tables no suppressed cell is recoverable from row and column totals', () => {
    let tablesWithSuppression = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const cells = randomTable(seed);
      const result = applySecondarySuppression(cells);
      if (cells.some((c) => c.suppressed)) tablesWithSuppression++;
      const unsafe = new Set(result.unsafeTotals.map((u) => u.because));
      const recoverable = recoverableCells(cells).filter((c) => !unsafe.has(c));
      expect(recoverable, `seed ${seed}`).toEqual([]);
      // Primary suppressions are never undone, and secondary ones are real published cells.
      expect(cells.filter((c) => c.value < 10).every((c) => c.suppressed)).toBe(true);
      expect(result.secondary.every((c) => c.value >= 10)).toBe(true);
    }
    expect(tablesWithSuppression).toBeGreaterThan(200);
  });
});

describe('secondary suppression at scale', () => {
  it('chooses exactly the cells the first (quadratic) version chose, on 300 random tables', async () => {
    const { applySecondarySuppression: quadratic } = await import('./reference/secondary-suppression-quadratic');
    for (let seed = 1; seed <= 300; seed++) {
      const fast = randomTable(seed);
      const slow = randomTable(seed);
      const a = applySecondarySuppression(fast);
      const b = quadratic(slow);
      const key = (c: TableCell) => `${c.row}/${c.col}`;
      expect(a.secondary.map(key), `seed ${seed}`).toEqual(b.secondary.map(key));
      expect(a.unsafeTotals.map((u) => key(u.because))).toEqual(b.unsafeTotals.map((u) => key(u.because)));
    }
  });
});
