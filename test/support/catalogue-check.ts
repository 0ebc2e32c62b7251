import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import ts from 'typescript';

/**
 * The check that keeps the web app's two languages complete: every key in both catalogues, each
 * message valid ICU with the same arguments in both, every key the code asks for present, and no
 * text shown to people written into a component instead of a catalogue. `test/catalogues.spec.ts`
 * runs it on the web app and on small examples that must fail.
 */

export type Catalogue = Record<string, unknown>;
export type Catalogues = Record<string, Catalogue>;

/** `<dir>/<language>/<namespace>.json`, each file one namespace, as the web app loads them. */
export function loadCatalogues(messagesDir: string): Catalogues {
  const catalogues: Catalogues = {};
  for (const language of readdirSync(messagesDir).sort()) {
    if (!statSync(join(messagesDir, language)).isDirectory()) continue;
    const catalogue: Catalogue = {};
    for (const file of readdirSync(join(messagesDir, language)).sort()) {
      if (!file.endsWith('.json')) continue;
      catalogue[file.slice(0, -'.json'.length)] = JSON.parse(readFileSync(join(messagesDir, language, file), 'utf8'));
    }
    catalogues[language] = catalogue;
  }
  return catalogues;
}

/** Every message of a catalogue by its dotted key. */
export function flatten(node: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (node !== null && typeof node === 'object' && !Array.isArray(node)) {
    for (const [key, value] of Object.entries(node)) for (const [k, v] of flatten(value, prefix ? `${prefix}.${key}` : key)) out.set(k, v);
  } else {
    out.set(prefix, node);
  }
  return out;
}

function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
    if (element.type === TYPE.tag) {
      into.add(`<${element.value}>`);
      argumentsOf(element.children, into);
      continue;
    }
    into.add(element.value);
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      for (const option of Object.values(element.options)) argumentsOf(option.value, into);
    }
  }
  return into;
}

/** Missing keys either way, messages that are not text or not valid ICU, and arguments that differ between languages. */
export function catalogueProblems(catalogues: Catalogues, languages: readonly string[] = ['en', 'de']): string[] {
  const problems: string[] = [];
  const flat = new Map(languages.map((language) => [language, flatten(catalogues[language] ?? {})]));
  const args = new Map<string, Map<string, Set<string>>>();
  for (const language of languages) {
    const messages = flat.get(language)!;
    if (messages.size === 0) problems.push(`${language}: no messages at all`);
    const parsed = new Map<string, Set<string>>();
    for (const [key, message] of messages) {
      if (typeof message !== 'string' || message.trim() === '') {
        problems.push(`${language}: ${key} is not a non-empty string`);
        continue;
      }
      try {
        parsed.set(key, argumentsOf(parse(message)));
      } catch (error) {
        problems.push(`${language}: ${key} is not a valid ICU message (${(error as Error).message})`);
      }
    }
    args.set(language, parsed);
    for (const other of languages) {
      if (other === language) continue;
      for (const key of flat.get(other)!.keys()) if (!messages.has(key)) problems.push(`${language}: missing ${key} (it is in ${other})`);
    }
  }
  const [first, ...rest] = languages;
  for (const [key, expected] of args.get(first) ?? []) {
    for (const language of rest) {
      const actual = args.get(language)?.get(key);
      if (!actual) continue;
      const a = [...expected].sort().join(', ');
      const b = [...actual].sort().join(', ');
      if (a !== b) problems.push(`${language}: ${key} takes {${b}} where ${first} takes {${a}}`);
    }
  }
  return problems;
}

/** The attributes whose literal value people read or hear. */
const WORDED_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'aria-placeholder', 'aria-roledescription', 'placeholder', 'title', 'alt', 'label']);
/** Elements whose text is what is typed or shown verbatim (a key to press, a variable's name). */
const VERBATIM_ELEMENTS = new Set(['kbd', 'code', 'samp']);
/** A sentence or a phrase of at least two words, with letters: what people read. */
const WORDED = /\p{L}{2,}.*\s+.*\p{L}{2,}|^\s*\p{Lu}\p{Ll}+\s*[.!?:…]?\s*$/u;
/** Functions whose string arguments are for developers or machines, not for people. */
const NOT_FOR_PEOPLE = /^(console\.\w+|Error|TypeError|RangeError|require|import|fetch|redirect|notFound|forbidden|URL|URLSearchParams|RegExp|Headers|Intl\.\w+|JSON\.parse|encodeURIComponent|cookies|headers|send|read|readIfFound|client\.\w+|api\.\w+|\w+\.(GET|POST|PUT|PATCH|DELETE|get|set|has|startsWith|endsWith|includes|split|replace|join|querySelector|addEventListener|removeEventListener|getAttribute|setAttribute|matchMedia|test|exec))$/;

/**
 * Marks what is deliberately not for a catalogue: on a line, or the line above, `// not words for people`
 * (a key name, a header value); at the top of a file, `// This file holds no words for people.`
 */
export const NOT_WORDS_MARK = 'not words for people';
const NOT_WORDS_FILE_MARK = 'This file holds no words for people.';

export interface SourceFile {
  path: string;
  text: string;
}

/** The namespaces a file's translation functions were made for: `const t = useTranslations('inbox')` → t ↦ inbox. */
function translators(source: ts.SourceFile): Map<string, string | null> {
  const found = new Map<string, string | null>();
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
      let call: ts.Expression = node.initializer;
      if (ts.isAwaitExpression(call)) call = call.expression;
      if (ts.isCallExpression(call) && ts.isIdentifier(call.expression) && ['useTranslations', 'getTranslations'].includes(call.expression.text)) {
        const [first] = call.arguments;
        let namespace: string | null = null;
        if (first && ts.isStringLiteralLike(first)) namespace = first.text;
        if (first && ts.isObjectLiteralExpression(first)) {
          for (const property of first.properties) {
            if (ts.isPropertyAssignment(property) && property.name.getText(source) === 'namespace' && ts.isStringLiteralLike(property.initializer)) {
              namespace = property.initializer.text;
            }
          }
        }
        found.set(node.name.text, first ? namespace : '');
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function calleeName(expression: ts.Expression, source: ts.SourceFile): string {
  if (ts.isIdentifier(expression)) return expression.text;
  if (ts.isPropertyAccessExpression(expression)) return `${calleeName(expression.expression, source)}.${expression.name.text}`;
  if (ts.isNewExpression(expression)) return calleeName(expression.expression, source);
  return expression.getText(source).slice(0, 60);
}

/** Tailwind classes (every token has a `-`, `:` or `/`), markup, a path or an address: not words for people. */
function looksLikeCode(text: string): boolean {
  const trimmed = text.trim();
  if (/^[</#@{]|^https?:|^mailto:/.test(trimmed)) return true;
  const tokens = trimmed.split(/\s+/);
  return tokens.every((token) => /[-:/[\]]/.test(token) || /^'?[a-z0-9-]+'?;?$/.test(token)) && tokens.some((token) => /[-:/]/.test(token));
}

/** Is this string an argument of a call that is not for people, or part of a type, an import, a key, a directive? */
function isForMachines(node: ts.Node, source: ts.SourceFile): boolean {
  if (ts.isExpressionStatement(node.parent) && ts.isSourceFile(node.parent.parent)) return true;
  for (let at: ts.Node = node, parent = node.parent; parent; at = parent, parent = parent.parent) {
    if (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent) || ts.isTypeNode(parent) || ts.isLiteralTypeNode(parent)) return true;
    if (ts.isPropertyAssignment(parent) && parent.name === at) return true;
    if (ts.isElementAccessExpression(parent) && parent.argumentExpression === at) return true;
    if (ts.isBinaryExpression(parent) && [ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken].includes(parent.operatorToken.kind)) return true;
    if (ts.isCaseClause(parent) && parent.expression === at) return true;
    if ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && at !== parent.expression) {
      return NOT_FOR_PEOPLE.test(calleeName(parent.expression, source));
    }
    if (ts.isJsxAttribute(parent)) return !WORDED_ATTRIBUTES.has(parent.name.getText(source));
    if (ts.isFunctionLike(parent) || ts.isSourceFile(parent) || ts.isBlock(parent)) return false;
  }
  return false;
}

function templateWords(node: ts.TemplateExpression): string {
  return node.head.text + node.templateSpans.map((span) => ` x ${span.literal.text}`).join('');
}

function insideVerbatimElement(node: ts.Node): boolean {
  for (let parent = node.parent; parent; parent = parent.parent) {
    if (ts.isJsxElement(parent) && VERBATIM_ELEMENTS.has(parent.openingElement.tagName.getText())) return true;
  }
  return false;
}

/**
 * What a component shows that is not from a catalogue, and keys asked for that no catalogue has.
 * `messages` is one language's catalogue (the other's keys are checked against it by catalogueProblems).
 */
export function sourceProblems(files: SourceFile[], messages: Catalogue): string[] {
  const keys = flatten(messages);
  const namespaces = new Set<string>();
  for (const key of keys.keys()) {
    const parts = key.split('.');
    for (let i = 1; i < parts.length; i++) namespaces.add(parts.slice(0, i).join('.'));
  }
  const problems: string[] = [];
  for (const file of files) {
    const source = ts.createSourceFile(file.path, file.text, ts.ScriptTarget.Latest, true, file.path.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    const where = (node: ts.Node) => `${file.path}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`;
    if (file.text.slice(0, 400).includes(NOT_WORDS_FILE_MARK)) continue;
    const lines = file.text.split('\n');
    const marked = (node: ts.Node): boolean => {
      const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      return [lines[line], lines[line - 1]].some((text) => text?.includes(`// ${NOT_WORDS_MARK}`) || text?.includes(`{/* ${NOT_WORDS_MARK} */}`));
    };
    const named = translators(source);
    const visit = (node: ts.Node): void => {
      if (marked(node) && !ts.isCallExpression(node)) return;
      if (ts.isJsxText(node)) {
        const text = node.text.replace(/\s+/g, ' ').trim();
        if (/\p{L}/u.test(text) && !insideVerbatimElement(node)) problems.push(`${where(node)}: text "${text.slice(0, 60)}" is not from a catalogue`);
      } else if (ts.isJsxAttribute(node) && WORDED_ATTRIBUTES.has(node.name.getText(source)) && node.initializer) {
        const value = ts.isStringLiteral(node.initializer)
          ? node.initializer.text
          : ts.isJsxExpression(node.initializer) && node.initializer.expression && ts.isStringLiteralLike(node.initializer.expression)
            ? node.initializer.expression.text
            : null;
        if (value !== null && /\p{L}/u.test(value)) problems.push(`${where(node)}: ${node.name.getText(source)}="${value.slice(0, 60)}" is not from a catalogue`);
      } else if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && !ts.isJsxAttribute(node.parent) && WORDED.test(node.text) && !looksLikeCode(node.text)) {
        if (!isForMachines(node, source)) problems.push(`${where(node)}: "${node.text.slice(0, 60)}" reads like text for people, not from a catalogue`);
      } else if (ts.isTemplateExpression(node) && WORDED.test(templateWords(node)) && !looksLikeCode(templateWords(node))) {
        if (!isForMachines(node, source)) problems.push(`${where(node)}: a sentence built in code (\`${node.getText(source).slice(1, 60)}\`), not from a catalogue`);
      } else if (ts.isCallExpression(node)) {
        let callee = node.expression;
        if (ts.isPropertyAccessExpression(callee) && ['rich', 'markup', 'raw', 'has'].includes(callee.name.text)) callee = callee.expression;
        const namespace = ts.isIdentifier(callee) ? named.get(callee.text) : undefined;
        const [first] = node.arguments;
        if (namespace !== undefined && namespace !== null && first && ts.isStringLiteralLike(first)) {
          const key = namespace ? `${namespace}.${first.text}` : first.text;
          if (!keys.has(key) && !namespaces.has(key)) problems.push(`${where(node)}: no message ${key} in the catalogue`);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return problems;
}

/** The web app's own source files: components, pages, actions and helpers (not the generated API types). */
export function webSources(webDir: string): SourceFile[] {
  const files: SourceFile[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (['node_modules', '.next', 'public', 'messages'].includes(entry.name)) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) files.push({ path: relative(join(webDir, '..'), path), text: readFileSync(path, 'utf8') });
    }
  };
  walk(webDir);
  return files;
}
