/**
 * What a briefing's scenes name that its dataset must have: periods, a measure, areas (or merged
 * exporting groups). A scene that names what is not there would show something other than its
 * author meant, so every surface says so: the app with a notice it keeps on screen, the pack and
 * the snapshot CLI by refusing (a message and a non-zero exit).
 */
import { groupNodeId, mergeableGroups } from './analysis/network';
import type { Briefing } from './briefing-json';
import type { DataProblem } from './problems';
import type { Dataset } from './schema';

export function sceneReferenceProblems(briefing: Briefing, dataset: Dataset, file: string): DataProblem[] {
  const periods = new Set(dataset.periods);
  // Written as a briefing file writes periods, so the author can copy one.
  const span = dataset.periods.length ? `${dataset.periods[0]} to ${dataset.periods.at(-1)}` : 'none';
  const measures = dataset.manifest.measures.map((m) => m.id);
  const areas = new Set(dataset.areas.features.map((f) => f.properties.id));
  for (const group of mergeableGroups(dataset).keys()) areas.add(groupNodeId(group));
  const problems: DataProblem[] = [];
  briefing.scenes.forEach((scene, i) => {
    const at = (field: string, message: string) =>
      problems.push({ severity: 'error', file, where: `scene ${i + 1} ("${scene.title}")`, field, message });
    const { view } = scene;
    const period = (field: string, value: string | undefined) => {
      if (value !== undefined && !periods.has(value))
        at(field, `"${value}" is not a period of the dataset (it has ${span})`);
    };
    period('view.period', view.period);
    period('view.compareWith', view.compareWith);
    view.periodWindow?.forEach((value) => period('view.periodWindow', value));
    if (view.measure !== undefined && !measures.includes(view.measure))
      at(
        'view.measure',
        `"${view.measure}" is not a measure of the dataset (${measures.length ? measures.join(', ') : 'it has none'})`,
      );
    const area = (field: string, value: string | undefined) => {
      if (value !== undefined && !areas.has(value)) at(field, `no area of the dataset has id "${value}"`);
    };
    area('view.selection', view.selection?.id);
    area('view.originFilter', view.originFilter);
    area('view.destFilter', view.destFilter);
    view.places?.forEach((id) => area('view.places', id));
  });
  return problems;
}
