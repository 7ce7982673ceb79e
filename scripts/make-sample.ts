/**
 * Writes data/sample/ from the seeded generator: `npm run data:sample [-- --seed N]`.
 * The same seed gives byte-identical files (checked by tests/unit/sample.test.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SEED, generateSample } from './sample/generate';

const seedFlag = process.argv.indexOf('--seed');
const seed = seedFlag > 0 ? Number(process.argv[seedFlag + 1]) : DEFAULT_SEED;
if (!Number.isInteger(seed)) {
  console.error(`--seed needs a whole number, got "${process.argv[seedFlag + 1]}"`);
  process.exit(1);
}
const outDir = join(import.meta.dirname, '..', 'data', 'sample');
mkdirSync(outDir, { recursive: true });
const started = performance.now();
const files = generateSample(seed);
for (const [name, text] of Object.entries(files)) {
  writeFileSync(join(outDir, name), text);
  console.log(`${name.padEnd(16)} ${(text.length / 1024).toFixed(1).padStart(7)} KB`);
}
console.log(`seed ${seed}, ${Math.round(performance.now() - started)} ms → ${outDir}`);
