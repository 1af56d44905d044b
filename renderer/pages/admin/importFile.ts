import type { TFunction } from 'i18next';
import type { ApiError } from '../../../core/contract/result';

export const MAX_MB = 50;
const MAX_BYTES = MAX_MB * 1024 * 1024;
/** Spreadsheet files people drop by mistake; refused before uploading anything. */
const SPREADSHEET = /\.(xlsx|xlsm|xls|et|ods|numbers)$/i;

/** What is wrong with a file that is not worth uploading (wrong type, too large); null when it may go. */
export function localFileProblem(t: TFunction<'admin'>, file: File): string | null {
  if (SPREADSHEET.test(file.name)) return t('import.fileErrors.excel');
  if (!/\.(csv|txt)$/i.test(file.name) && file.type !== 'text/csv' && file.type !== 'text/plain') {
    return t('import.notCsv', { name: file.name });
  }
  if (file.size > MAX_BYTES) return t('import.tooLarge', { size: (file.size / 1024 / 1024).toFixed(1), mb: MAX_MB });
  return null;
}

/** ArrayBuffer → base64 in chunks: no giant argument lists, and the UI gets a breath every few MB. */
export async function toBase64(bytes: Uint8Array): Promise<string> {
  const OUTER = 3 * 0x8000 * 16; // a multiple of 3, so chunk encodings concatenate cleanly
  const INNER = 0x2000;
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += OUTER) {
    const outer = bytes.subarray(i, Math.min(i + OUTER, bytes.length));
    let binary = '';
    for (let j = 0; j < outer.length; j += INNER) {
      binary += String.fromCharCode.apply(null, outer.subarray(j, j + INNER) as unknown as number[]);
    }
    parts.push(btoa(binary));
    if (parts.length % 4 === 0) await new Promise((r) => setTimeout(r, 0));
  }
  return parts.join('');
}

/**
 * A failed job carries the CSV layer's code (details.csvCode) and the missing columns; the kinds of
 * undecodable file are told apart by the message. Anything else gets generic advice plus the message.
 */
export function fileErrorAdvice(t: TFunction<'admin'>, error: ApiError, locale: string): string {
  const m = error.message;
  const csvCode = error.details?.csvCode;
  if (error.code === 'NOT_FOUND') return t('import.fileErrors.expired');
  if (csvCode === 'missing_columns') {
    const keys = Array.isArray(error.details?.missing) ? (error.details.missing as string[]) : [];
    const columns = keys
      .map((k) => {
        const zh = t(`import.columns.${k}`, { lng: 'zh-CN' });
        return locale === 'en' ? `${k} (${zh})` : `${zh}（${k}）`;
      })
      .join(locale === 'en' ? ', ' : '、');
    return t('import.fileErrors.missingColumns', { columns: columns || m });
  }
  if (csvCode === 'empty_file') return t('import.fileErrors.empty');
  if (/Excel workbook/i.test(m)) return t('import.fileErrors.excel');
  if (/UTF-16/i.test(m)) return t('import.fileErrors.utf16');
  if (/neither UTF-8 nor GBK/i.test(m)) return t('import.fileErrors.encoding');
  if (/binary data/i.test(m)) return t('import.fileErrors.binary');
  return t('import.fileErrors.other');
}
