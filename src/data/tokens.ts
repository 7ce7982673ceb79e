/**
 * Constants of the published format that code outside the data worker needs, kept apart from the
 * schema so that importing one does not bring zod into the first view.
 */

/** The token statistical releases use for a suppressed value ("[c]", confidential). */
export const SUPPRESSED_TOKEN = '[c]';
