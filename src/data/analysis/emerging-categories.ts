/**
 * The emerging hot-spot categories, their one-line meanings and labels: what the legend and the
 * tooltip show. Its own module, free of the statistics, so the first view does not load them.
 */
export const EMERGING_CATEGORIES = [
  'new-hot-spot',
  'consecutive-hot-spot',
  'intensifying-hot-spot',
  'persistent-hot-spot',
  'diminishing-hot-spot',
  'sporadic-hot-spot',
  'oscillating-hot-spot',
  'historical-hot-spot',
  'new-cold-spot',
  'consecutive-cold-spot',
  'intensifying-cold-spot',
  'persistent-cold-spot',
  'diminishing-cold-spot',
  'sporadic-cold-spot',
  'oscillating-cold-spot',
  'historical-cold-spot',
  'no-pattern',
] as const;
export type EmergingCategory = (typeof EMERGING_CATEGORIES)[number];

/** One line each, for the legend and the tooltip ("hot" = a significant Gi* hot spot). */
export const EMERGING_MEANINGS: Record<EmergingCategory, string> = {
  'new-hot-spot': 'hot in the latest period for the first time',
  'consecutive-hot-spot': 'hot for an unbroken run up to now, never before it',
  'intensifying-hot-spot': 'hot in 90 % of periods, and getting hotter',
  'persistent-hot-spot': 'hot in 90 % of periods, no clear trend',
  'diminishing-hot-spot': 'hot in 90 % of periods, but cooling',
  'sporadic-hot-spot': 'hot now, on and off before',
  'oscillating-hot-spot': 'hot now, a cold spot at some time before',
  'historical-hot-spot': 'hot in 90 % of periods, but not now',
  'new-cold-spot': 'cold in the latest period for the first time',
  'consecutive-cold-spot': 'cold for an unbroken run up to now, never before it',
  'intensifying-cold-spot': 'cold in 90 % of periods, and getting colder',
  'persistent-cold-spot': 'cold in 90 % of periods, no clear trend',
  'diminishing-cold-spot': 'cold in 90 % of periods, but warming',
  'sporadic-cold-spot': 'cold now, on and off before',
  'oscillating-cold-spot': 'cold now, a hot spot at some time before',
  'historical-cold-spot': 'cold in 90 % of periods, but not now',
  'no-pattern': 'none of these',
};

/** "new-hot-spot" → "New hot spot". */
export const categoryLabel = (category: EmergingCategory) =>
  category.charAt(0).toUpperCase() + category.slice(1).replace(/-/g, ' ');
