/**
 * The key a login name is unique under and looked up by: full-width letters and digits (a Chinese IME
 * types them), case and stray spaces must not make "Wang Fang" and "ｗａｎｇ  fang" two people.
 */
export function loginKey(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}
