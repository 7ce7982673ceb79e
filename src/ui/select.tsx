/**
 * Labelled drop-downs. Area lists switch to a search box past a few hundred entries: a `<select>`
 * of 40,000 options cannot be scrolled by anyone, and React inserting that many options into a
 * live list took seconds on the main thread.
 */
import { useId, useMemo, useState } from 'react';
import { formatNumber, shortName } from '../data/format';

export function Select<T extends string>({
  label,
  value,
  options,
  onChange,
  testId,
}: {
  label: string;
  value: T;
  options: readonly (readonly [T, string])[];
  onChange: (v: T) => void;
  testId?: string;
}) {
  return (
    <label className="control">
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value as T)} data-testid={testId}>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Beyond this many areas, a search box with suggestions replaces the drop-down. */
export const AREA_LIST_LIMIT = 500;
/** Suggestions shown while typing. */
const SUGGESTIONS = 30;

interface AreaOption {
  id: string;
  name: string;
}

interface AreaSelectProps {
  label: string;
  value: string;
  /** The label of "no area", e.g. "All origins". */
  none: string;
  /** Sorted by name. */
  areas: readonly AreaOption[];
  onChange: (id: string) => void;
  testId?: string;
}

/** Picks one area (or none) by name: a drop-down, or a search box when the list is long. */
export function AreaSelect(props: AreaSelectProps) {
  const { label, value, none, areas, onChange, testId } = props;
  if (areas.length <= AREA_LIST_LIMIT)
    return (
      <Select
        label={label}
        value={value}
        options={[['', none], ...areas.map((a) => [a.id, shortName(a.name, 60)] as [string, string])]}
        onChange={onChange}
        testId={testId}
      />
    );
  return <AreaSearch {...props} />;
}

function AreaSearch({ label, value, none, areas, onChange, testId }: AreaSelectProps) {
  const listId = useId();
  const chosen = useMemo(() => areas.find((a) => a.id === value), [areas, value]);
  // What is typed; undefined while the box shows the chosen area.
  const [typed, setTyped] = useState<string | undefined>(undefined);
  const text = typed ?? chosen?.name ?? '';
  const suggestions = useMemo(() => {
    const needle = text.trim().toLowerCase();
    if (!needle) return [];
    const out: AreaOption[] = [];
    for (const area of areas) {
      if (area.name.toLowerCase().includes(needle) || area.id.toLowerCase() === needle) out.push(area);
      if (out.length === SUGGESTIONS) break;
    }
    return out;
  }, [areas, text]);
  const commit = (input: string) => {
    const needle = input.trim().toLowerCase();
    if (needle === '') {
      setTyped(undefined);
      onChange('');
      return;
    }
    const match =
      areas.find((a) => a.name.toLowerCase() === needle) ?? areas.find((a) => a.id.toLowerCase() === needle);
    if (match) {
      setTyped(undefined);
      onChange(match.id);
    }
  };
  return (
    <label className="control">
      <span>
        {label} <span className="muted">({formatNumber(areas.length)} areas: type a name or code)</span>
      </span>
      <input
        type="search"
        list={listId}
        value={text}
        placeholder={none}
        data-testid={testId}
        onChange={(e) => {
          setTyped(e.target.value);
          // Choosing a suggestion (or clearing the box) arrives without a typing inputType: take
          // it at once. Typed letters wait for Enter, so "Area 1" is not chosen on the way to "Area 10".
          const inputType = (e.nativeEvent as InputEvent).inputType;
          if (!inputType || inputType === 'insertReplacementText') commit(e.target.value);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit(suggestions.length === 1 ? suggestions[0].name : text);
          if (e.key === 'Escape') setTyped(undefined);
        }}
        onBlur={() => setTyped(undefined)}
      />
      <datalist id={listId}>
        {suggestions.map((a) => (
          <option key={a.id} value={a.name}>
            {a.id}
          </option>
        ))}
      </datalist>
    </label>
  );
}
