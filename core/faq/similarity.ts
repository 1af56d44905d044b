/**
 * Near-duplicate detection for FAQ questions, in Chinese (no spaces between words) and English.
 *
 * Method: both questions are normalised (NFKC, lower case, punctuation and spaces removed, question
 * fillers such as 请问/如何/怎么/吗 and English stop words such as how/do/I/the dropped), then each
 * becomes a multiset of character bigrams of the normalised text — a single character counts as one
 * unigram — plus, for every Latin-script word, the word itself. The score is the Dice coefficient of
 * the two multisets, 2·|A∩B| / (|A|+|B|): 1 for the same question asked with different fillers
 * ("如何修改支付密码？" / "怎么修改支付密码"), near 0 for unrelated ones. Bigrams need no word
 * segmenter and survive small rewordings; whole words keep English from matching on shared letter
 * pairs alone. It measures wording, not meaning: synonyms (提现/取现) and negation are not understood,
 * so it flags candidates for a person to look at, never merges anything by itself.
 */

// Longest first, so 怎么办 goes whole instead of leaving a stray 办 behind.
const ZH_FILLERS = ['为什么', '怎么办', '怎么样', '请问', '如何', '怎么', '怎样', '能否', '可以', '吗', '呢', '了', '的', '我'];
const ZH_FILLER = new RegExp(ZH_FILLERS.join('|'), 'g');

const EN_STOP_WORDS = new Set([
  'how', 'do', 'does', 'did', 'i', 'the', 'a', 'an', 'to', 'can', 'could', 'what', 'why', 'is', 'are', 'my', 'me',
  'please', 'it',
]);

const HAN_RUN = /\p{Script=Han}+|[^\p{Script=Han}]+/gu;
const NON_TEXT = /[^\p{L}\p{N}]+/gu;

interface Parts {
  /** The normalised question, as normalizeQuestion returns it. */
  text: string;
  /** Latin-script (and other non-Han) words left after stop words. */
  words: string[];
}

function parts(question: string): Parts {
  const words: string[] = [];
  let text = '';
  // Punctuation becomes a break rather than vanishing, so "reset-password" keeps two words.
  for (const chunk of question.normalize('NFKC').toLowerCase().split(NON_TEXT)) {
    for (const run of chunk.match(HAN_RUN) ?? []) {
      if (/\p{Script=Han}/u.test(run)) {
        text += run.replace(ZH_FILLER, '');
      } else if (!EN_STOP_WORDS.has(run)) {
        words.push(run);
        text += run;
      }
    }
  }
  return { text, words };
}

/** NFKC, lower case, no punctuation or spaces, question fillers and English stop words removed. */
export function normalizeQuestion(text: string): string {
  return parts(text).text;
}

type Bag = Map<string, number>;

function grams(text: string): Bag {
  const chars = Array.from(text);
  const bag: Bag = new Map();
  const add = (g: string) => bag.set(g, (bag.get(g) ?? 0) + 1);
  if (chars.length === 1) add(chars[0]!);
  for (let i = 0; i + 1 < chars.length; i++) add(chars[i]! + chars[i + 1]!);
  return bag;
}

function features(question: string): Bag {
  const p = parts(question);
  const bag = grams(p.text);
  // A prefix no bigram can have keeps "pay" the word apart from a two-letter gram.
  for (const w of p.words) bag.set(`\u0000${w}`, (bag.get(`\u0000${w}`) ?? 0) + 1);
  return bag;
}

function size(bag: Bag): number {
  let n = 0;
  for (const c of bag.values()) n += c;
  return n;
}

function dice(a: Bag, b: Bag): number {
  const total = size(a) + size(b);
  if (total === 0) return 0;
  let shared = 0;
  for (const [g, c] of a) shared += Math.min(c, b.get(g) ?? 0);
  return (2 * shared) / total;
}

/** Light normalisation for questions made only of fillers ("怎么了？"), which must still equal themselves. */
const plain = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, '');

function score(fa: Bag, a: string, fb: Bag, b: string): number {
  if (fa.size > 0 && fb.size > 0) return dice(fa, fb);
  const pa = plain(a);
  const pb = plain(b);
  if (pa === pb) return 1;
  return dice(grams(pa), grams(pb));
}

/** Dice similarity in [0, 1]; symmetric; 1 for a question compared with itself. */
export function similarity(a: string, b: string): number {
  return score(features(a), a, features(b), b);
}

export interface SimilarEntry {
  id: string;
  question: string;
}

export interface SimilarMatch {
  id: string;
  score: number;
}

export interface FindSimilarOptions {
  /** The entry being edited, so it is not reported as its own duplicate. */
  excludeId?: string;
}

/** Entries scoring at least `threshold`, best first (ties by id, so the order is stable). */
export function findSimilar(
  question: string,
  entries: readonly SimilarEntry[],
  threshold = 0.5,
  options: FindSimilarOptions = {},
): SimilarMatch[] {
  if (plain(question) === '') return [];
  const fq = features(question);
  const out: SimilarMatch[] = [];
  for (const e of entries) {
    if (options.excludeId !== undefined && e.id === options.excludeId) continue;
    const s = score(fq, question, features(e.question), e.question);
    if (s >= threshold) out.push({ id: e.id, score: s });
  }
  return out.sort((x, y) => y.score - x.score || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
}
