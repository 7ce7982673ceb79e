/**
 * `validate <files…>`: reads files as `build` would and says what they are and what is wrong,
 * writing nothing. A boundary file alone is fine (checking it before the flows exist).
 */
import { publishedSummary } from '../../data/disclosure/report';
import { importFiles } from '../../data/io/import';
import { formatProblem } from '../../data/problems';
import type { Command } from '../command';
import { IMPORT_OPTIONS, importOptions, readInputs } from '../inputs';

export const validate: Command = {
  name: 'validate',
  usage: 'validate <files…> [--id-field F --name-field F] [--threshold N] [--rounding N] [--h3-resolution N]',
  options: IMPORT_OPTIONS,
  run(args, { out }) {
    const options = importOptions(args);
    const result = importFiles(readInputs(args.positionals), { ...options, requireFlows: false });
    for (const line of result.recognised) out(`read ${line}`);
    for (const w of result.warnings) out(`warning: ${formatProblem(w)}`);
    out(`OK: ${publishedSummary(result.dataset)}`);
    if (result.dataset.flows.length === 0)
      out('note: no flows given; a build needs a flows CSV (origin,dest,count[,time])');
    return 0;
  },
};
