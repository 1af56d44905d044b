import { DateTime } from 'luxon';
import { DISPLAY_ZONE } from './format';

/*
 * CSV files the console writes (report charts, import errors and format, the SLA board, the audit log):
 * safe cells, one line ending, a BOM for Excel, and a fixed timestamp form. Not visual, so components
 * and pages both use it.
 */

/** Fixed, sortable form for CSV files: 2026-11-23 10:05:09, Beijing time. */
export function csvTimestamp(ms: number): string {
  return DateTime.fromMillis(ms, { zone: DISPLAY_ZONE }).toFormat('yyyy-MM-dd HH:mm:ss');
}

/**
 * One CSV cell. Quotes when needed; text that Excel would run as a formula (=, +, -, @ followed by
 * something that is not a plain number or phone) gets a leading apostrophe, so a customer named
 * "=HYPERLINK(…)" cannot execute anything on the supervisor's machine.
 */
export function csvCell(value: unknown): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s) && !/^[+-]?[\d\s().-]+$/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(rows: readonly (readonly unknown[])[]): string {
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** Saves text as a UTF-8 CSV with a BOM, so Excel on a Chinese Windows opens it without mojibake. */
export function downloadCsv(fileName: string, text: string): void {
  saveBlob(fileName, new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' }));
}

/** Hands a file to the browser's (or Electron's) download through a hidden link. */
export function saveBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in some engines.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
