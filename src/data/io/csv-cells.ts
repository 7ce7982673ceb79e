/**
 * CSV that is safe to open in a spreadsheet. A cell starting with = + - @, a tab or a carriage
 * return runs as a formula in Excel and LibreOffice (OWASP "CSV injection"), so every text cell
 * we write that starts so gets a leading apostrophe, which spreadsheets show as text. The escape
 * is reversible: a cell that already starts with apostrophes before such a character gets one
 * more, and `unescapeFormulaCell` takes exactly one off when a published file is read back.
 */
import Papa from 'papaparse';

const FORMULA_START = /^'*[=+\-@\t\r]/;

/**
 * Writes rows under a header. Numbers stay numbers (a negative z-score is not a formula); text is
 * neutralised, and any cell with a quote, comma, CR or LF is quoted.
 */
export function writeCsv(columns: string[], rows: (string | number)[][]): string {
  return Papa.unparse({ fields: columns, data: rows }, { escapeFormulae: FORMULA_START, newline: '\n' }) + '\n';
}

/** The text a published cell stood for before `writeCsv` neutralised it. */
export function unescapeFormulaCell(value: string): string {
  return FORMULA_START.test(value) && value.startsWith("'") ? value.slice(1) : value;
}
