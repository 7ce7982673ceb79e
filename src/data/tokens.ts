/**
 * Constants of the published format that code outside the data worker needs, kept apart from the
 * schema so that importing one does not bring zod into the first view.
 */

/** The token statistical releases use for a suppressed value ("[c]", confidential). */
export const SUPPRESSED_TOKEN = '[c]';

/** A further measure's id (its flows.csv column is `count_<id>`): lower-case, digits and "_". */
export const MEASURE_ID = /^[a-z][a-z0-9_]{0,31}$/;

/** Further counts a flow may carry are columns `count_<id>` of the flows CSV (see schema.ts). */
export const MEASURE_COLUMN_PREFIX = 'count_';
export const measureColumn = (id: string) => `${MEASURE_COLUMN_PREFIX}${id}`;
