/**
 * Icons drawn inline as SVG in the text's colour: a font glyph (⧉, ⏵) is missing from the fonts
 * of many meeting-room PCs and shows as an empty box. Each is decorative: its button has a label.
 */
const ICON = {
  viewBox: '0 0 24 24',
  width: '1em',
  height: '1em',
  'aria-hidden': true,
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 2.5,
  strokeLinecap: 'round',
  strokeLinejoin: 'round',
} as const;

export const PreviousIcon = () => (
  <svg {...ICON}>
    <path d="M15 5l-7 7 7 7" />
  </svg>
);
export const NextIcon = () => (
  <svg {...ICON}>
    <path d="M9 5l7 7-7 7" />
  </svg>
);
export const UpIcon = () => (
  <svg {...ICON}>
    <path d="M12 19V5M6 11l6-6 6 6" />
  </svg>
);
export const DownIcon = () => (
  <svg {...ICON}>
    <path d="M12 5v14M6 13l6 6 6-6" />
  </svg>
);
export const DuplicateIcon = () => (
  <svg {...ICON}>
    <rect x="8" y="8" width="12" height="12" rx="2" />
    <path d="M16 4H6a2 2 0 0 0-2 2v10" />
  </svg>
);
export const CloseIcon = () => (
  <svg {...ICON}>
    <path d="M6 6l12 12M18 6L6 18" />
  </svg>
);
