import type { z } from 'zod';
import { scriptContentSchema } from './model';
import type { ScriptContent } from './model';
import { structureProblems } from './structure';

/*
 * Reading a script a supervisor pasted or imported as JSON. Zod's own messages for a bad condition are a
 * union of six failed alternatives; here the alternative the author evidently meant (by `all`/`any`/`op`)
 * is picked and only its errors are shown, each as "path: message".
 *
 * Beyond the schema, a document whose conditions name unknown or later questions, or that repeats a key,
 * is refused too: the engine could run it, but not the way its author meant. Drafts stored by the app
 * are read with scriptContentSchema directly and get those as publishProblems instead.
 */

export interface ParseError {
  /** 'questions[2].showIf.op'; '(root)' for the document itself. */
  path: string;
  message: string;
}
export type ParsedScript = { ok: true; content: ScriptContent } | { ok: false; errors: ParseError[] };

type Issue = z.core.$ZodIssue;
type Path = readonly PropertyKey[];

export function parseScriptJson(text: string): ParsedScript {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [{ path: '(root)', message: `Not valid JSON: ${e instanceof Error ? e.message : String(e)}` }] };
  }
  const parsed = scriptContentSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: dedupe(parsed.error.issues.flatMap((i) => explain(i, raw, []))) };
  const errors = structureProblems(parsed.data).map((p) => ({ path: String(p.detail.path), message: p.message }));
  return errors.length > 0 ? { ok: false, errors } : { ok: true, content: parsed.data };
}

export function formatPath(path: Path): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out === '' ? String(p) : `.${String(p)}`;
  return out === '' ? '(root)' : out;
}

function at(root: unknown, path: Path): unknown {
  let v = root;
  for (const p of path) v = typeof v === 'object' && v !== null ? (v as Record<PropertyKey, unknown>)[p] : undefined;
  return v;
}

function kind(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return 'text';
  return `a ${typeof v}`;
}

const TYPE_WORDS: Record<string, string> = { string: 'text', number: 'a number', boolean: 'true or false', array: 'a list', object: 'an object' };
const CONDITION_BRANCH: Record<string, number> = { eq: 2, neq: 2, in: 3, between: 4, answered: 5, unanswered: 5 };
const CONDITION_SHAPE = 'a condition is {"all": [...]}, {"any": [...]} or {"q": key, "op": ...}';

function explain(issue: Issue, root: unknown, base: Path): ParseError[] {
  const path = [...base, ...issue.path];
  const value = at(root, path);
  const err = (message: string, p: Path = path) => [{ path: formatPath(p), message }];
  switch (issue.code) {
    case 'invalid_union': {
      // The six alternatives of conditionSchema, in the order model.ts lists them.
      if (issue.errors.length === 6) {
        if (typeof value !== 'object' || value === null || Array.isArray(value)) return err(`expected a condition object (${CONDITION_SHAPE}), got ${kind(value)}`);
        const v = value as Record<string, unknown>;
        const branch = 'all' in v ? 0 : 'any' in v ? 1 : typeof v.op === 'string' ? CONDITION_BRANCH[v.op] : undefined;
        if (branch === undefined) {
          if ('q' in v) return err('must be one of: eq, neq, in, between, answered, unanswered', [...path, 'op']);
          return err(CONDITION_SHAPE);
        }
        return issue.errors[branch]!.flatMap((i) => explain(i, root, path));
      }
      const expected = issue.errors.map((alt) => (alt.length === 1 && alt[0]!.code === 'invalid_type' ? alt[0]!.expected : null));
      if (expected.every((e) => e !== null)) {
        const wanted = expected.map((e) => TYPE_WORDS[e] ?? e).join(' or ');
        return err(value === undefined ? `missing (expected ${wanted})` : `expected ${wanted}, got ${kind(value)}`);
      }
      const fewest = [...issue.errors].sort((a, b) => a.length - b.length)[0] ?? [];
      return fewest.flatMap((i) => explain(i, root, path));
    }
    case 'invalid_type': {
      const wanted = TYPE_WORDS[issue.expected] ?? issue.expected;
      return err(value === undefined ? `missing (expected ${wanted})` : `expected ${wanted}, got ${kind(value)}`);
    }
    case 'unrecognized_keys':
      return issue.keys.flatMap((k) => err('unknown field', [...path, k]));
    case 'invalid_value':
      return err(`must be one of: ${issue.values.map((x) => JSON.stringify(x)).join(', ')}`);
    case 'too_small':
      if (issue.origin === 'string') return err(Number(issue.minimum) <= 1 ? 'must not be empty' : `at least ${issue.minimum} characters`);
      if (issue.origin === 'array') return err(`needs at least ${issue.minimum} item${Number(issue.minimum) === 1 ? '' : 's'}`);
      return err(issue.message);
    case 'too_big':
      if (issue.origin === 'string') return err(`at most ${issue.maximum} characters`);
      if (issue.origin === 'array') return err(`at most ${issue.maximum} items`);
      return err(issue.message);
    default:
      return err(issue.message);
  }
}

function dedupe(errors: ParseError[]): ParseError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const k = `${e.path}\u0000${e.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
