import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import * as ts from 'typescript';

/** Which files each file imports: paths relative to the repository, with `/`, both ends under `src/`. */
export type ImportGraph = Map<string, string[]>;

/** A circle of imports that joins two contexts: its files in import order, the first repeated at the end. */
export interface ContextCircle {
  contexts: string[];
  files: string[];
}

/**
 * The import graph of `src/` as the compiler resolves it. Type-only imports count too: they tie
 * the contexts together in the source as much as any other, even if they are erased at run time.
 */
export function importGraphOf(repository: string): ImportGraph {
  const parsed = ts.getParsedCommandLineOfConfigFile(join(repository, 'tsconfig.json'), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    },
  });
  if (!parsed) throw new Error(`no tsconfig.json in ${repository}`);
  const inSrc = (file: string) => {
    const path = relative(repository, file).split(sep).join('/');
    return path.startsWith('src/') && !path.endsWith('.d.ts') ? path : null;
  };
  const graph: ImportGraph = new Map();
  for (const file of parsed.fileNames) {
    const from = inSrc(file);
    if (!from) continue;
    const imported = ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles;
    const targets = imported
      .map(({ fileName }) => ts.resolveModuleName(fileName, file, parsed.options, ts.sys).resolvedModule)
      .map((resolved) => (resolved && !resolved.isExternalLibraryImport ? inSrc(resolved.resolvedFileName) : null))
      .filter((target): target is string => target !== null);
    graph.set(from, [...new Set(targets)]);
  }
  return graph;
}

/** The context a file belongs to: `src/contexts/<context>/…`; anything else (`src/shared`, the app's entry files) belongs to none. */
export function contextOf(file: string): string | null {
  return /^src\/contexts\/([^/]+)\//.exec(file)?.[1] ?? null;
}

/**
 * Every strongly connected component that holds files of two contexts or more, each shown as one
 * concrete circle through two of them. Files of no context may lie on the circle: a circle through
 * `src/shared` joins the contexts at its ends just the same.
 */
export function circlesBetweenContexts(graph: ImportGraph): ContextCircle[] {
  return stronglyConnectedComponents(graph)
    .map((component) => ({ component, contexts: [...new Set(component.map(contextOf).filter((context) => context !== null))].sort() }))
    .filter(({ contexts }) => contexts.length > 1)
    .map(({ component, contexts }) => ({ contexts, files: circleAcross(graph, new Set(component)) }));
}

/** How a failing check names a circle: one file a line, each importing the next. */
export function describeCircle({ contexts, files }: ContextCircle): string {
  return `${contexts.join(' and ')} import each other in a circle:\n  ${files.join('\n  → ')}`;
}

/** Every file `from` imports, directly or through others (`from` itself included). */
export function reachableFrom(graph: ImportGraph, from: string): Set<string> {
  const seen = new Set([from]);
  for (const file of seen) for (const next of graph.get(file) ?? []) seen.add(next);
  return seen;
}

/** Tarjan's algorithm; components in no particular order, each with its files sorted. */
function stronglyConnectedComponents(graph: ImportGraph): string[][] {
  const index = new Map<string, number>();
  const lowLink = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (file: string) => {
    index.set(file, index.size);
    lowLink.set(file, index.get(file) as number);
    stack.push(file);
    onStack.add(file);
    for (const next of graph.get(file) ?? []) {
      if (!index.has(next)) {
        visit(next);
        lowLink.set(file, Math.min(lowLink.get(file) as number, lowLink.get(next) as number));
      } else if (onStack.has(next)) {
        lowLink.set(file, Math.min(lowLink.get(file) as number, index.get(next) as number));
      }
    }
    if (lowLink.get(file) !== index.get(file)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop() as string;
      onStack.delete(member);
      component.push(member);
    } while (member !== file);
    components.push(component.sort());
  };
  for (const file of [...graph.keys()].sort()) if (!index.has(file)) visit(file);
  return components;
}

/** A shortest circle inside `component` from a file of one context to the nearest file of another and back. */
function circleAcross(graph: ImportGraph, component: Set<string>): string[] {
  const start = [...component].find((file) => contextOf(file) !== null) as string;
  const there = shortestPath(graph, component, start, (file) => contextOf(file) !== null && contextOf(file) !== contextOf(start));
  const back = shortestPath(graph, component, there[there.length - 1], (file) => file === start);
  return [...there, ...back.slice(1)];
}

function shortestPath(graph: ImportGraph, within: Set<string>, from: string, isGoal: (file: string) => boolean): string[] {
  const cameFrom = new Map<string, string | null>([[from, null]]);
  const queue = [from];
  for (let head = 0; head < queue.length; head++) {
    const file = queue[head];
    for (const next of graph.get(file) ?? []) {
      if (!within.has(next) || cameFrom.has(next)) continue;
      cameFrom.set(next, file);
      if (isGoal(next)) return pathTo(cameFrom, next);
      queue.push(next);
    }
  }
  // Unreachable for a strongly connected component: every file reaches every other.
  throw new Error(`no path from ${from} inside its component`);
}

function pathTo(cameFrom: Map<string, string | null>, file: string): string[] {
  const path = [file];
  for (let previous = cameFrom.get(file); previous; previous = cameFrom.get(previous)) path.unshift(previous);
  return path;
}
