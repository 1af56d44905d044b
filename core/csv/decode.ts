import { CsvFileError } from './types';

// core/ compiles without DOM or Node typings; TextDecoder is a global in both runtimes we ship to.
declare const TextDecoder: new (
  label: string,
  options?: { fatal?: boolean; ignoreBOM?: boolean },
) => { decode(input: Uint8Array): string };

export type CsvEncoding = 'utf-8' | 'gbk';

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/**
 * UTF-8 first because valid UTF-8 is almost never also plausible GBK text, while the reverse is
 * common; Excel on Chinese Windows writes GBK, so that is the fallback. Both decoders are fatal so
 * a file that is neither fails loudly instead of importing mojibake.
 */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  // Picking the workbook instead of "Save as CSV" is the most common import mistake.
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    throw new CsvFileError('undecodable', 'This is an Excel workbook, not a CSV file; save it as CSV first.');
  }
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    throw new CsvFileError('undecodable', 'UTF-16 files are not supported; save as "CSV UTF-8" instead.');
  }
  let text: string;
  let encoding: CsvEncoding;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    encoding = 'utf-8';
  } catch {
    try {
      text = new TextDecoder('gbk', { fatal: true }).decode(bytes);
      encoding = 'gbk';
    } catch {
      throw new CsvFileError('undecodable', 'The file is neither UTF-8 nor GBK text.');
    }
  }
  if (text.includes('\u0000')) {
    throw new CsvFileError('undecodable', 'The file contains binary data, not CSV text.');
  }
  // The decoder already drops a UTF-8 BOM; a second one appears when a BOM'd file was re-saved.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text, encoding };
}
