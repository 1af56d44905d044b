// Stylelint plugin `callback/class-in-one-file`: a class is defined in one global CSS file only.
//
// Why a plugin and not a node script beside it: stylelint has no cross-file rule, but a plugin can read the
// other files itself, and then the finding comes out of the same `npm run lint:css` step with a file and a
// line, in an editor's stylelint integration too, and is configured in the one place the other CSS rules
// are (.stylelintrc.json). Why not CSS modules: the pages' TSX names its classes as plain strings, and the
// design-system primitives (renderer/ui) are moving them over; global files with one owner per class keep
// every selector and test as it is while that happens. A `*.module.css` file is not global and not checked.
//
// "Defined" means: the class is the subject of a rule — the first class of the selector's last compound
// (`.tk-composer .hint` and `.hint:hover` define `.hint`; `.nav-tab.active` defines `.nav-tab`, not
// `.active`, a state; `:not(.x)`, `:has(.x)` and attribute selectors define nothing). So every rule that
// styles a `.hint`, in whatever context, is in the one file that owns `.hint`.
import { globSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import postcss from 'postcss';
import stylelint from 'stylelint';

const ruleName = 'callback/class-in-one-file';
const messages = stylelint.utils.ruleMessages(ruleName, {
  defined: (name, others) => `Class ".${name}" is also defined in ${others.join(', ')}: keep a class's rules in one file`,
});

/** Drops what a compound says about other elements or attributes: functional pseudos, pseudos, [attrs]. */
function strip(selector) {
  let out = '';
  let depth = 0;
  let inAttr = false;
  for (let i = 0; i < selector.length; i++) {
    const ch = selector[i];
    if (inAttr) {
      if (ch === ']') inAttr = false;
      continue;
    }
    if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (depth === 0 && ch === '[') inAttr = true;
    else if (depth === 0) out += ch;
  }
  // Pseudo-class and pseudo-element names (their arguments are already gone).
  return out.replace(/::?[\w-]+/g, '');
}

/** The class a selector defines, or null. */
export function subjectClass(selector) {
  const compounds = strip(selector).trim().split(/\s*[\s>+~]\s*/);
  const last = compounds[compounds.length - 1] ?? '';
  const m = /^[\w*-]*\.([\w-]+)/.exec(last);
  return m ? m[1] : null;
}

/** class → the files (relative paths) that define it, over the global CSS files matched by `files` but `self`. */
function definitions(patterns, ignore, cwd, self) {
  const owners = new Map();
  for (const file of globSync(patterns, { cwd, exclude: ignore })) {
    if (file === self || file.endsWith('.module.css')) continue;
    const root = postcss.parse(readFileSync(resolve(cwd, file), 'utf8'), { from: file });
    root.walkRules((rule) => {
      if (rule.parent?.type === 'atrule' && /keyframes$/i.test(rule.parent.name)) return;
      for (const selector of rule.selectors) {
        const name = subjectClass(selector);
        if (!name) continue;
        if (!owners.has(name)) owners.set(name, new Set());
        owners.get(name).add(file);
      }
    });
  }
  return owners;
}

/** @type {import('stylelint').Rule} */
const rule = (enabled, options) => (root, result) => {
  if (!enabled) return;
  const from = root.source?.input.file;
  if (!from || from.endsWith('.module.css')) return;
  const cwd = process.cwd();
  const self = relative(cwd, from);
  // The other files are read afresh for each file linted: a run over ~20 files parses them ~20 times
  // (milliseconds), and an editor that keeps stylelint running never sees a stale map. This file is the
  // text being linted (an editor's unsaved buffer too), not what is on disk.
  const owners = definitions(options?.files ?? ['renderer/**/*.css'], options?.ignore ?? [], cwd, self);
  root.walkRules((node) => {
    if (node.parent?.type === 'atrule' && /keyframes$/i.test(node.parent.name)) return;
    for (const selector of node.selectors) {
      const name = subjectClass(selector);
      const files = name ? owners.get(name) : undefined;
      if (!files) continue;
      stylelint.utils.report({ result, ruleName, node, message: messages.defined(name, [...files].sort()), word: `.${name}` });
    }
  });
};
rule.ruleName = ruleName;
rule.messages = messages;

export default stylelint.createPlugin(ruleName, rule);
