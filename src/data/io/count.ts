/**
 * Reading a count from text: the one rule for raw and published files alike. Counts are whole
 * numbers written in decimal digits; JavaScript's `Number()` would also take "0x10", "1e1",
 * "0b11111" and "0o20", which a spreadsheet or a person reads differently, so none of those is a
 * count here. A message never repeats a value that reads as a number: it may be a raw count under
 * the threshold, and a message is an output like any other.
 */
import { SUPPRESSED_TOKEN } from '../schema';

export type CountReading = { ok: true; count: number | null } | { ok: false; message: string };

/**
 * `null` is the suppression token ("[c]"); `expected` names what the caller accepts, for the
 * message ("a whole number ≥ 0", or with the token for published files).
 */
export function readCountText(value: string | undefined, expected = 'a whole number ≥ 0'): CountReading {
  const text = (value ?? '').trim();
  if (text === SUPPRESSED_TOKEN) return { ok: true, count: null };
  if (/^\d+$/.test(text)) {
    const count = Number(text);
    if (Number.isSafeInteger(count)) return { ok: true, count };
    return { ok: false, message: `is too large; counts are whole numbers up to ${Number.MAX_SAFE_INTEGER}` };
  }
  if (text === '') return { ok: false, message: `is empty; expected ${expected}` };
  if (/^-\d+(\.\d+)?$/.test(text)) return { ok: false, message: 'is negative; counts are whole numbers ≥ 0' };
  const number = Number(text);
  if (/^\d*\.\d+$/.test(text) && !Number.isInteger(number))
    return { ok: false, message: 'is fractional; counts are whole numbers' };
  if (Number.isNaN(number)) return { ok: false, message: `expected ${expected}, found text "${text}"` };
  if (!Number.isFinite(number)) return { ok: false, message: `expected ${expected}, found "${text}"` };
  // What Number() still reads as a number (hex, binary, octal, exponent, "12.0") is not a count.
  return {
    ok: false,
    message: `is a number in another notation (hex, binary, exponent, "12.0"…); expected ${expected} in decimal digits`,
  };
}
