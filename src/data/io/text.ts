/**
 * From bytes to text to JSON, with the messages a user needs: size limit, encoding, and the line
 * and column of a JSON syntax error. Shared by the app's worker and the CLI.
 */
import { parse as parseTolerant, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { DataError, type DataProblem } from '../problems';

/** Largest file accepted: the app parses in the browser's memory. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

const formatBytes = (n: number) =>
  n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${(n / 1024).toFixed(1)} KB`;

export function decodeText(bytes: Uint8Array, file: string, limit = MAX_FILE_BYTES): string {
  const fail = (message: string): never => {
    throw new DataError([{ severity: 'error', file, message }]);
  };
  if (bytes.length > limit) fail(`is ${formatBytes(bytes.length)}; the limit is ${formatBytes(limit)}`);
  if (bytes.length === 0) fail('is empty');
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    fail('is UTF-16 text; save it as UTF-8');
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    if (text.trim() === '') fail('is empty');
    return text;
  } catch (error) {
    if (error instanceof DataError) throw error;
    const bad = firstInvalidUtf8(bytes);
    return fail(
      `is not UTF-8 text (byte 0x${bytes[bad].toString(16).toUpperCase().padStart(2, '0')} at offset ${bad} is not valid UTF-8; it may be Windows-1252 or Latin-1); save it as UTF-8`,
    );
  }
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    const extra = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (extra < 0) return i;
    for (let k = 1; k <= extra; k++) if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) return i;
    i += extra;
  }
  return 0;
}

/** Object keys that could reach a prototype if copied naively; dropped from all input. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** `lineColumn` of a character offset, 1-based as editors show it. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** Deeper than any GeoJSON, manifest or briefing needs (a MultiPolygon is 4 levels of arrays). */
export const MAX_JSON_DEPTH = 256;

/** Where the JSON first nests deeper than `max` (a character offset), or -1: one pass, no recursion. */
function tooDeepAt(text: string, max: number): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > max) return i;
    } else if (c === 125 || c === 93) depth--;
  }
  return -1;
}

/**
 * A web server answers a missing file with a page of its own (a 404 page, or the app itself, as a
 * single-page host does): say that, not "invalid symbol at line 1" or "columns <!doctype html>".
 */
export function refuseWebPage(text: string, file: string): void {
  if (/^\s*<(!doctype html|html)[\s>]/i.test(text))
    throw new DataError([
      {
        severity: 'error',
        file,
        message: 'is not there: the site answered with a web page instead of this file (check its path and name)',
      },
    ]);
}

/**
 * Parses JSON, naming line and column on a syntax error, and drops `__proto__` / `constructor` /
 * `prototype` keys (with a warning) so no input can reach an object's prototype.
 */
export function parseJsonText(text: string, file: string, warnings: DataProblem[] = []): unknown {
  const clean = text.replace(/^\uFEFF/, '');
  refuseWebPage(clean, file);
  // Parsing (and the key filter below) would recurse once per level and overflow the stack.
  const deep = tooDeepAt(clean, MAX_JSON_DEPTH);
  if (deep >= 0) {
    const { line, column } = lineColumn(clean, deep);
    throw new DataError([
      {
        severity: 'error',
        file,
        message: `line ${line}, column ${column}: is nested too deeply (more than ${MAX_JSON_DEPTH} levels of lists and objects)`,
      },
    ]);
  }
  let dropped = 0;
  try {
    const value = JSON.parse(clean, (key, v) => {
      if (FORBIDDEN_KEYS.has(key)) {
        dropped++;
        return undefined;
      }
      return v;
    });
    if (dropped)
      warnings.push({
        severity: 'warning',
        file,
        message: `dropped ${dropped} property key(s) named __proto__, constructor or prototype`,
      });
    return value;
  } catch {
    const errors: ParseError[] = [];
    parseTolerant(clean, errors, { allowTrailingComma: false, disallowComments: true });
    const first = errors[0];
    const where = first ? lineColumn(clean, first.offset) : undefined;
    const reason = first
      ? printParseErrorCode(first.error)
          .replace(/([a-z])([A-Z])/g, '$1 $2')
          .toLowerCase()
      : 'syntax error';
    throw new DataError([
      {
        severity: 'error',
        file,
        where: where && `line ${where.line}, column ${where.column}`,
        message: `is not valid JSON: ${reason}`,
      },
    ]);
  }
}
