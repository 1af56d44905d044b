// Import circles: fails (exit 1) when a module of ours imports itself through other modules, and prints
// each circle as a chain of files. Imports are resolved by TypeScript itself, with the compiler options of
// the per-runtime tsconfig that includes the file (tsconfig.node.json, tsconfig.web.json), so what counts
// is exactly what `tsc` and the bundlers see (no second resolver such as madge's to keep in step).
//
// Two strictnesses per folder. 'types': type-only imports count too (as in `madge --circular`); a circle of
// types is still a circle of meaning, and today's type import is tomorrow's value import. 'values': only
// imports that survive compilation count (type-only ones are erased and cannot break load order).
//
//   node scripts/check-cycles.mjs                   the policy below (what `npm test` runs)
//   node scripts/check-cycles.mjs renderer          these folders, type imports counted
//   node scripts/check-cycles.mjs --values renderer these folders, value imports only
//   node scripts/check-cycles.mjs --graph           also print the import count per folder
import { readFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import ts from 'typescript';

const root = resolve(import.meta.dirname, '..');
const CONFIGS = ['tsconfig.node.json', 'tsconfig.web.json'];
/**
 * renderer/ is checked for value circles only while its store's slice types (store/types.ts) name the
 * combined store type from store/index.ts, which imports the slices: a circle of types, being reworked in
 * the renderer's own issue. Set it to 'types' once `node scripts/check-cycles.mjs renderer` passes.
 */
const POLICY = { core: 'types', db: 'types', electron: 'types', server: 'types', renderer: 'values' };
const args = process.argv.slice(2);
const showGraph = args.includes('--graph');
const folders = args.filter((a) => !a.startsWith('--'));
const policy = folders.length
  ? Object.fromEntries(folders.map((f) => [f.replace(/\/+$/, ''), args.includes('--values') ? 'values' : 'types']))
  : POLICY;
const SCOPE = Object.keys(POLICY);

const rel = (file) => relative(root, file).split(sep).join('/');
const folderOf = (file) => rel(file).split('/')[0];

/** file → { options } of the first config that includes it (core/ is in both; its imports resolve alike). */
const owners = new Map();
for (const name of CONFIGS) {
  const path = resolve(root, name);
  const read = ts.readConfigFile(path, ts.sys.readFile);
  if (read.error) throw new Error(ts.flattenDiagnosticMessageText(read.error.messageText, '\n'));
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, root, undefined, path);
  if (parsed.errors.length) throw new Error(parsed.errors.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')).join('\n'));
  for (const file of parsed.fileNames) {
    const abs = resolve(file);
    if (!owners.has(abs) && SCOPE.some((folder) => rel(abs).startsWith(`${folder}/`))) owners.set(abs, parsed.options);
  }
}

/** Module specifiers of one file, with whether the import is for types only. */
function importsOf(file) {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
  const found = [];
  const visit = (node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const typeOnly =
        !!clause &&
        (clause.isTypeOnly ||
          (!clause.name && !!clause.namedBindings && ts.isNamedImports(clause.namedBindings) &&
            clause.namedBindings.elements.length > 0 && clause.namedBindings.elements.every((e) => e.isTypeOnly)));
      found.push({ spec: node.moduleSpecifier.text, typeOnly });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const typeOnly =
        node.isTypeOnly ||
        (!!node.exportClause && ts.isNamedExports(node.exportClause) && node.exportClause.elements.length > 0 &&
          node.exportClause.elements.every((e) => e.isTypeOnly));
      found.push({ spec: node.moduleSpecifier.text, typeOnly });
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference) &&
      ts.isStringLiteral(node.moduleReference.expression)) {
      found.push({ spec: node.moduleReference.expression.text, typeOnly: node.isTypeOnly });
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
      found.push({ spec: node.arguments[0].text, typeOnly: false });
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      found.push({ spec: node.argument.literal.text, typeOnly: true });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** file → Map(target → typeOnly) */
const graph = new Map();
let edges = 0;
for (const [file, options] of owners) {
  const targets = new Map();
  for (const { spec, typeOnly } of importsOf(file)) {
    const resolved = ts.resolveModuleName(spec, file, options, ts.sys).resolvedModule;
    if (!resolved || resolved.isExternalLibraryImport) continue;
    const target = resolve(resolved.resolvedFileName);
    if (!owners.has(target)) continue;
    // A file imported for values anywhere is a value edge.
    targets.set(target, (targets.get(target) ?? true) && typeOnly);
  }
  graph.set(file, targets);
  edges += targets.size;
}

/** The graph with type-only imports left out. */
const valueGraph = new Map([...graph].map(([file, targets]) => [file, new Map([...targets].filter(([, typeOnly]) => !typeOnly))]));

/** Strongly connected components (Tarjan, iterative): every module circle lies inside one component. */
function circlesOf(graph) {
  const index = new Map();
  const low = new Map();
  const onStack = new Set();
  const stack = [];
  const components = [];
  let counter = 0;
  for (const start of graph.keys()) {
    if (index.has(start)) continue;
    const work = [[start, [...graph.get(start).keys()], 0]];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length) {
      const frame = work[work.length - 1];
      const [node, next] = frame;
      if (frame[2] < next.length) {
        const target = next[frame[2]++];
        if (!index.has(target)) {
          index.set(target, counter);
          low.set(target, counter++);
          stack.push(target);
          onStack.add(target);
          work.push([target, [...graph.get(target).keys()], 0]);
        } else if (onStack.has(target)) low.set(node, Math.min(low.get(node), index.get(target)));
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1][0];
        low.set(parent, Math.min(low.get(parent), low.get(node)));
      }
      if (low.get(node) === index.get(node)) {
        const component = [];
        let member;
        do {
          member = stack.pop();
          onStack.delete(member);
          component.push(member);
        } while (member !== node);
        if (component.length > 1 || graph.get(node).has(node)) components.push(component);
      }
    }
  }
  return components;
}

/** The shortest circle through `from` inside its component (breadth first), as a list of files. */
function shortestCircle(graph, from, members) {
  const previous = new Map([[from, null]]);
  const queue = [from];
  while (queue.length) {
    const node = queue.shift();
    for (const target of graph.get(node).keys()) {
      if (!members.has(target)) continue;
      if (target === from) {
        const path = [];
        for (let at = node; at !== null; at = previous.get(at)) path.unshift(at);
        return path;
      }
      if (!previous.has(target)) {
        previous.set(target, node);
        queue.push(target);
      }
    }
  }
  return [from];
}

const modes = (mode) => Object.entries(policy).filter(([, m]) => m === mode).map(([folder]) => folder);
const reported = [
  ...circlesOf(graph).filter((c) => c.some((f) => policy[folderOf(f)] === 'types')).map((c) => ({ c, g: graph })),
  ...circlesOf(valueGraph).filter((c) => c.some((f) => policy[folderOf(f)] === 'values')).map((c) => ({ c, g: valueGraph })),
];
const scopeText = [modes('types').length && `${modes('types').join(', ')} (type imports counted)`, modes('values').length && `${modes('values').join(', ')} (value imports only)`]
  .filter(Boolean)
  .join('; ');
const inPolicy = [...graph.keys()].filter((f) => policy[folderOf(f)]).length;
console.log(`import circles in ${scopeText}: ${inPolicy} modules, ${edges} imports among all ${owners.size} modules resolved`);
if (showGraph) {
  const perFolder = new Map();
  for (const [file, targets] of graph) {
    const folder = folderOf(file);
    perFolder.set(folder, (perFolder.get(folder) ?? 0) + targets.size);
  }
  for (const [folder, n] of perFolder) console.log(`  ${folder}: ${n} imports`);
}
if (reported.length === 0) {
  console.log('no import circles');
  process.exit(0);
}
for (const { c: component, g: graph } of reported) {
  const members = new Set(component);
  console.log(`\n✘ ${component.length} modules import each other: ${component.map(rel).sort().join(', ')}`);
  // The shortest circle through each member, each circle once (whatever member it starts from).
  const seen = new Set();
  for (const file of [...component].sort((a, b) => rel(a).localeCompare(rel(b)))) {
    const circle = shortestCircle(graph, file, members);
    const first = circle.reduce((min, f, i) => (rel(f) < rel(circle[min]) ? i : min), 0);
    const rotated = [...circle.slice(first), ...circle.slice(0, first)];
    const key = rotated.map(rel).join(' ');
    if (seen.has(key)) continue;
    seen.add(key);
    const chain = [...rotated, rotated[0]].map((f, i, all) =>
      i === 0 ? rel(f) : `${graph.get(all[i - 1]).get(f) ? '⇢ (types) ' : '→ '}${rel(f)}`,
    );
    console.log(`  ${chain.join(' ')}`);
  }
}
console.log(`\n${reported.length} import circle${reported.length > 1 ? 's' : ''}: break each by moving the shared type or helper to a module both sides import.`);
process.exit(1);
