import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseSync } from 'vite';
import { describe, expect, test } from 'vitest';
import {
  APPLICATION_STATUSES,
  CAREER_STAGES,
  type DuplicateReason,
  INTEREST_GROUPS,
  INTEREST_IDS,
  LANGUAGE_LEVELS,
  REFERRAL_SOURCES,
  SECTORS,
} from '../core/applications';
import { EXPORT_COLUMNS, IMPORT_FIELDS } from '../core/applications/csv-columns';
import { UNDOABLE_ACTIONS } from '../core/applications/decision-undo';
import { AUDIT_ACTIONS, AUDIT_CHANNELS, AUDIT_SUBJECT_TYPES } from '../core/audit/audit-entry';
import type { MailStatus } from '../core/mail/mail-message';
import { MATCH_OBJECTIVES, UNMATCHED_CODES } from '../core/matchmaking';
import { ROUND_STATUSES } from '../core/rounds';
import { FIT_PARTS } from '../core/scoring/match-settings';
import { RULE_CODES } from '../core/scoring/partnership-rules';
import { type CallMode, DAYS_OF_WEEK } from '../core/time';
import { TOPIC_SOURCE_LOCALE, TOPIC_TRANSLATION_LOCALES, type TopicSlotRole } from '../core/topics';
import { REVIEW_EMAIL_KINDS } from '../email/templates/application-review';
import type { MatchRunStatus } from '../services/ports/matching';
import { REVIEW_ACTIONS } from '../services/review/review-application';
import { AUDIT_CSV_COLUMNS } from '../web/views/audit/audit-csv';
import type { OutboxNotice } from '../web/views/mail/outbox-views';
import { PAIR_SLOTS } from '../web/views/matching/pair-model';
import { SETTINGS_FIELD_NAMES, SETTINGS_GROUPS } from '../web/views/matching/settings-fields';
import type { LabelKind } from './labels';
import { listSourceCodes } from './source-codes';

/**
 * Every i18n key the source asks for must exist in locales/en. The source is read, not run: each
 * call of `t(…)` (and of the small helpers that wrap it, such as `k('name.label')` for
 * `t(\`applications:form.${key}\`)`, `label(t, 'sector.public')` or `translateList(t, key)`) is
 * reduced to the keys it can ask for. Literal keys are checked as they are; a key built from a
 * value (t(`review:status.${status}`)) is expanded over the list of ids the value comes from,
 * given below in EXPANSIONS. A new kind of built key fails here until it gets its list, so that
 * its keys are checked too. Any string literal shaped like 'namespace:some.key' is checked as
 * well, since keys are sometimes kept in data and passed to t() later.
 *
 * Keys without a namespace are looked up in `common` (defaultNS and fallbackNS); a namespaced key
 * that is missing also falls back to `common`, as i18next does. A key that is an object or an array
 * (returnObjects, translateList) counts as present, and so does a plural key (`x` when `x_one`,
 * `x_other` exist). Unused keys are fine and not reported.
 *
 * The reasons of domain errors and the codes of field problems (`problems:*`, `validation:*`,
 * translated by i18n/problems.ts) are expanded over every reason and code the source names
 * (source-codes.ts), so each must exist too.
 *
 * A second test keeps markup free of written-in text: no JSX text with letters and no labelling
 * attribute (title, alt, placeholder, aria-label, …) given as a plain string in web/ and email/.
 */

const srcDir = join(import.meta.dirname, '..');
const localesDir = join(import.meta.dirname, 'locales', 'en');

const resources: Record<string, unknown> = Object.fromEntries(
  readdirSync(localesDir)
    .filter((file) => file.endsWith('.json'))
    .map((file) => [
      file.slice(0, -'.json'.length),
      JSON.parse(readFileSync(join(localesDir, file), 'utf8')),
    ]),
);
const NAMESPACES = new Set(Object.keys(resources));

/**
 * Where a wildcard in a built key takes its values from, by the key up to the wildcard. Lists that
 * exist only as types are written out here and checked against the type with `satisfies`.
 * (review:csv.columns.* is also asked for with import field names in import-applications.ts; those
 * calls give a defaultValue on purpose, so only the export columns must exist.)
 */
const labelKinds = [
  'sector',
  'careerStage',
  'languageLevel',
  'referralSource',
  'dayOfWeek',
  'interest',
] as const satisfies readonly LabelKind[];
const duplicateReasons = [
  'same-email',
  'same-name',
  'similar-name',
  'name-contained',
] as const satisfies readonly DuplicateReason[];
const mailStatuses = ['pending', 'sending', 'sent', 'failed'] as const satisfies readonly MailStatus[];
const outboxNotices = ['development', 'unconfigured'] as const satisfies readonly OutboxNotice[];
const callModes = ['both-calls', 'one-email-only', 'both-email-only'] as const satisfies readonly CallMode[];
const runStatuses = ['proposed', 'published', 'superseded'] as const satisfies readonly MatchRunStatus[];
const errorsSource = readFileSync(join(srcDir, 'web/middleware/errors.ts'), 'utf8');
const errorTextKeys = [
  ...[...errorsSource.matchAll(/textKey: '(\w+)'/g)].map((match) => match[1]!),
  ...[...errorsSource.matchAll(/\['[A-Z_]+', '(\w+)'\]/g)].map((match) => match[1]!),
];
const sourceCodes = listSourceCodes();
const topicSlotRoles = ['welcome', 'fortnightly', 'closing'] as const satisfies readonly TopicSlotRole[];
const EXPANSIONS: Record<string, readonly string[]> = {
  'review:status.*': APPLICATION_STATUSES,
  'review:roundStatus.*': ROUND_STATUSES,
  'review:transition.*': ROUND_STATUSES,
  'review:actions.*': REVIEW_ACTIONS,
  'review:done.*': REVIEW_ACTIONS,
  'review:list.bulkDoneNames.*': REVIEW_ACTIONS,
  'review:undo.summary.*': UNDOABLE_ACTIONS,
  'review:csv.columns.*': EXPORT_COLUMNS,
  'review:import.fields.*': IMPORT_FIELDS,
  'review:import.problem.*': [...IMPORT_FIELDS, 'row'],
  'review:import.problemEmpty.*': [...IMPORT_FIELDS, 'row'],
  'review:detail.duplicateReason.*': duplicateReasons,
  'review:email.*': REVIEW_EMAIL_KINDS,
  'mail:status.*': mailStatuses,
  'mail:outbox.*': outboxNotices,
  'topics:language.*': [TOPIC_SOURCE_LOCALE, ...TOPIC_TRANSLATION_LOCALES],
  'topics:calendar.slot.*': topicSlotRoles,
  'topics:calendar.move.*': ['earlier', 'later'],
  'common:errors.*': errorTextKeys,
  'applications:private.status.*': APPLICATION_STATUSES,
  'applications:email.links.status.*': APPLICATION_STATUSES,
  'applications:labels.*': labelKinds,
  'applications:labels.sector.*': SECTORS,
  'applications:labels.careerStage.*': CAREER_STAGES,
  'applications:labels.languageLevel.*': LANGUAGE_LEVELS,
  'applications:labels.referralSource.*': REFERRAL_SOURCES,
  'applications:labels.dayOfWeek.*': DAYS_OF_WEEK,
  'applications:labels.interest.*': INTEREST_IDS,
  'applications:labels.interestGroup.*': INTEREST_GROUPS.map((group) => group.id),
  'matching:callMode.*': callModes,
  'matching:fitPart.*': FIT_PARTS,
  'matching:objective.*': MATCH_OBJECTIVES,
  'matching:runStatus.*': runStatuses,
  'matching:rule.*': RULE_CODES,
  'matching:unmatched.*': UNMATCHED_CODES,
  'matching:pair.chooseAs.*': PAIR_SLOTS,
  'matching:pair.countryOf.*': PAIR_SLOTS,
  'matching:pair.slot.*': PAIR_SLOTS,
  'matching:settings.fields.*': SETTINGS_FIELD_NAMES,
  'matching:settings.groups.*': SETTINGS_GROUPS,
  // A new audit action needs its label (core/audit/audit-entry.ts says how to add one).
  'audit:actions.*': AUDIT_ACTIONS,
  'audit:subjectTypes.*': AUDIT_SUBJECT_TYPES,
  'audit:channels.*': [...AUDIT_CHANNELS, 'unknown'],
  'audit:csv.*': AUDIT_CSV_COLUMNS,
  // What core and services say, as reasons and problem codes (source-codes.ts reads them).
  'problems:*': sourceCodes.reasons,
  'validation:*': sourceCodes.codes,
};

// ---------------------------------------------------------------------------------------------
// Reading the source

// biome-ignore lint/suspicious/noExplicitAny: an ESTree node from the oxc parser, walked generically.
type Node = any;

interface FunctionDef {
  name: string;
  node: Node;
  /** The block the function is declared in: calls inside it can see it. */
  scope: [number, number];
  exported: boolean;
}

/** A function that passes (part of) a parameter to t(): its key templates with placeholders. */
interface Wrapper {
  templates: Template[];
}

interface Template {
  patterns: string[];
  options: KeyOptions;
}

interface KeyOptions {
  ns?: string;
  flat?: boolean;
}

interface Use {
  file: string;
  line: number;
  pattern: string;
  options: KeyOptions;
}

const WILDCARD = '*';
const placeholder = (index: number) => `\uE000${index}\uE000`;
const PLACEHOLDER = /\uE000(\d+)\uE000/g;

const listSourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return listSourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')
      ? [path]
      : [];
  });

interface SourceFile {
  path: string;
  text: string;
  program: Node;
  functions: FunctionDef[];
  parents: Map<Node, Node>;
}

const isNode = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && typeof (value as Node).type === 'string';

const children = (node: Node): Node[] => {
  const result: Node[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === 'parent') continue;
    if (Array.isArray(value)) result.push(...value.filter(isNode));
    else if (isNode(value)) result.push(value);
  }
  return result;
};

const walk = (node: Node, visit: (node: Node, parent: Node | undefined) => void, parent?: Node) => {
  visit(node, parent);
  for (const child of children(node)) walk(child, visit, node);
};

const isFunction = (node: Node) =>
  node?.type === 'ArrowFunctionExpression' ||
  node?.type === 'FunctionExpression' ||
  node?.type === 'FunctionDeclaration';

const readSourceFile = (path: string): SourceFile => {
  const text = readFileSync(path, 'utf8');
  const parsed = parseSync(path, text);
  if (parsed.errors.length > 0) throw new Error(`${path}: ${parsed.errors[0]?.message}`);
  const parents = new Map<Node, Node>();
  const functions: FunctionDef[] = [];
  walk(parsed.program, (node, parent) => {
    if (parent) parents.set(node, parent);
  });
  const scopeOf = (node: Node): [number, number] => {
    let current = parents.get(node);
    while (current && !['BlockStatement', 'Program'].includes(current.type)) current = parents.get(current);
    return current ? [current.start, current.end] : [0, text.length];
  };
  const isExported = (node: Node) => {
    const parent = parents.get(node);
    const declaration = parent?.type === 'VariableDeclaration' ? parents.get(parent) : parent;
    return declaration?.type === 'ExportNamedDeclaration';
  };
  walk(parsed.program, (node) => {
    if (node.type === 'FunctionDeclaration' && node.id) {
      functions.push({ name: node.id.name, node, scope: scopeOf(node), exported: isExported(node) });
    }
    if (
      node.type === 'VariableDeclarator' &&
      node.id?.type === 'Identifier' &&
      isFunction(unwrap(node.init))
    ) {
      functions.push({
        name: node.id.name,
        node: unwrap(node.init),
        scope: scopeOf(node),
        exported: isExported(node),
      });
    }
  });
  return { path, text, program: parsed.program, functions, parents };
};

const unwrap = (node: Node): Node => {
  let current = node;
  while (
    current &&
    ['TSAsExpression', 'TSSatisfiesExpression', 'TSNonNullExpression', 'ParenthesizedExpression'].includes(
      current.type,
    )
  ) {
    current = current.expression;
  }
  return current;
};

const lineOf = (file: SourceFile, offset: number) => file.text.slice(0, offset).split('\n').length;

const innermostFunction = (file: SourceFile, node: Node): Node | undefined => {
  let current = file.parents.get(node);
  while (current && !isFunction(current)) current = file.parents.get(current);
  return current;
};

/** The function a name means at `offset`: the innermost declaration in scope, else an exported one. */
const resolveFunction = (
  file: SourceFile,
  name: string,
  offset: number,
  exported: Map<string, FunctionDef>,
): FunctionDef | undefined => {
  const local = file.functions
    .filter((def) => def.name === name && def.scope[0] <= offset && offset <= def.scope[1])
    .sort((a, b) => b.scope[0] - a.scope[0])[0];
  return local ?? exported.get(name);
};

const cartesian = (parts: string[][]): string[] =>
  parts.reduce<string[]>((acc, options) => acc.flatMap((prefix) => options.map((o) => prefix + o)), ['']);

interface EvalContext {
  file: SourceFile;
  /** Parameter names of the function whose body is read, bound to their patterns. */
  bindings: Map<string, string[]>;
  exported: Map<string, FunctionDef>;
  depth: number;
}

/**
 * The strings an expression can be, with WILDCARD for unknown parts; undefined when nothing of it is
 * known (a key that is entirely a variable).
 */
const evaluate = (raw: Node, ctx: EvalContext): string[] | undefined => {
  const node = unwrap(raw);
  if (!node || ctx.depth > 8) return undefined;
  switch (node.type) {
    case 'Literal':
      return typeof node.value === 'string' ? [node.value] : undefined;
    case 'TemplateLiteral': {
      const parts: string[][] = [];
      node.quasis.forEach((quasi: Node, index: number) => {
        parts.push([quasi.value.cooked ?? quasi.value.raw]);
        const expression = node.expressions[index];
        if (expression) parts.push(evaluate(expression, ctx) ?? [WILDCARD]);
      });
      return cartesian(parts);
    }
    case 'ConditionalExpression': {
      const both = [...(evaluate(node.consequent, ctx) ?? []), ...(evaluate(node.alternate, ctx) ?? [])];
      return both.length > 0 ? both : undefined;
    }
    case 'LogicalExpression': {
      const both = [...(evaluate(node.left, ctx) ?? []), ...(evaluate(node.right, ctx) ?? [])];
      return both.length > 0 ? both : undefined;
    }
    case 'BinaryExpression': {
      if (node.operator !== '+') return undefined;
      return cartesian([evaluate(node.left, ctx) ?? [WILDCARD], evaluate(node.right, ctx) ?? [WILDCARD]]);
    }
    case 'Identifier':
      return ctx.bindings.get(node.name);
    case 'CallExpression': {
      // A local helper that builds a key: const key = (part) => `review:email.${kind}.${part}`.
      if (node.callee.type !== 'Identifier') return undefined;
      const def = resolveFunction(ctx.file, node.callee.name, node.start, ctx.exported);
      if (!def || def.exported) return undefined;
      const body = def.node.body;
      const returned =
        body.type === 'BlockStatement'
          ? body.body.length === 1 && body.body[0].type === 'ReturnStatement'
            ? body.body[0].argument
            : undefined
          : body;
      if (!returned) return undefined;
      const bindings = new Map<string, string[]>();
      def.node.params.forEach((param: Node, index: number) => {
        const value = node.arguments[index] ? evaluate(node.arguments[index], ctx) : undefined;
        if (param.type === 'Identifier' || param.left?.type === 'Identifier') {
          bindings.set(param.name ?? param.left.name, value ?? [WILDCARD]);
        }
      });
      return evaluate(returned, { ...ctx, bindings, depth: ctx.depth + 1 });
    }
    default:
      return undefined;
  }
};

const readOptions = (node: Node | undefined): KeyOptions => {
  const options: KeyOptions = {};
  const object = unwrap(node);
  if (object?.type !== 'ObjectExpression') return options;
  for (const property of object.properties) {
    if (property.type !== 'Property' || property.key.type !== 'Identifier') continue;
    const value = unwrap(property.value);
    if (property.key.name === 'ns' && value.type === 'Literal') options.ns = String(value.value);
    if (property.key.name === 'keySeparator' && value.type === 'Literal' && value.value === false) {
      options.flat = true;
    }
  }
  return options;
};

/** t(…), x.t(…), getT(locale)(…) and c.get('t')(…). */
const isTCall = (node: Node) => {
  const callee = unwrap(node.callee);
  if (callee.type === 'Identifier') return callee.name === 't';
  if (callee.type === 'MemberExpression') return !callee.computed && callee.property.name === 't';
  if (callee.type !== 'CallExpression') return false;
  const inner = unwrap(callee.callee);
  if (inner.type === 'Identifier') return inner.name === 'getT';
  return (
    inner.type === 'MemberExpression' && inner.property.name === 'get' && callee.arguments[0]?.value === 't'
  );
};

/**
 * Reads every call of t() and of known wrappers in a file. A call whose key depends on a parameter
 * of the function around it makes that function a wrapper; other calls give uses.
 */
const readCalls = (file: SourceFile, wrappers: Map<Node, Wrapper>, exported: Map<string, FunctionDef>) => {
  const uses: Use[] = [];
  const found = new Map<Node, Wrapper>();
  const exportedFunctions = new Map(
    [...exported].filter(([, def]) => def.exported).map(([name, def]) => [name, def] as const),
  );
  walk(file.program, (node) => {
    if (node.type !== 'CallExpression') return;
    let templates: Template[] = [];
    if (isTCall(node)) {
      if (!node.arguments[0]) return;
      templates = [{ patterns: [placeholder(0)], options: readOptions(node.arguments[1]) }];
    } else if (unwrap(node.callee).type === 'Identifier') {
      const def = resolveFunction(file, unwrap(node.callee).name, node.start, exportedFunctions);
      const wrapper = def && wrappers.get(def.node);
      if (!wrapper) return;
      templates = wrapper.templates;
    } else {
      return;
    }
    // Parameters of the named function around the call stand for themselves (placeholders); those of
    // an unnamed callback (SECTORS.map((id) => …)) are unknown values.
    const enclosing = innermostFunction(file, node);
    const around = file.functions.some((def) => def.node === enclosing) ? enclosing : undefined;
    const bindings = new Map<string, string[]>();
    around?.params.forEach((param: Node, index: number) => {
      const id = param.type === 'AssignmentPattern' ? param.left : param;
      if (id.type === 'Identifier') bindings.set(id.name, [`\uE001${index}\uE001`]);
    });
    const ctx: EvalContext = { file, bindings, exported: exportedFunctions, depth: 0 };
    const args: (string[] | undefined)[] = node.arguments.map((arg: Node) => evaluate(arg, ctx));
    for (const template of templates) {
      for (const pattern of template.patterns) {
        const filled = cartesian(
          pattern
            .split(PLACEHOLDER)
            .map((part, i) => (i % 2 === 0 ? [part] : (args[Number(part)] ?? [WILDCARD]))),
        );
        for (const key of filled) {
          if (key === WILDCARD) continue; // a key that is entirely a variable cannot be checked here
          if (key.includes('\uE001') && around) {
            const outer = found.get(around) ?? { templates: [] };
            outer.templates.push({
              patterns: [key.replaceAll(/\uE001(\d+)\uE001/g, (_, i) => placeholder(Number(i)))],
              options: template.options,
            });
            found.set(around, outer);
          } else if (!key.includes('\uE001')) {
            uses.push({
              file: relative(srcDir, file.path),
              line: lineOf(file, node.start),
              pattern: key,
              options: template.options,
            });
          }
        }
      }
    }
  });
  // Keys kept in data: any string literal shaped like 'namespace:a.key'.
  walk(file.program, (node) => {
    if (node.type !== 'Literal' || typeof node.value !== 'string') return;
    const match = /^([a-z]+):[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)+$/.exec(node.value);
    if (match && NAMESPACES.has(match[1]!)) {
      uses.push({
        file: relative(srcDir, file.path),
        line: lineOf(file, node.start),
        pattern: node.value,
        options: {},
      });
    }
  });
  return { uses, found };
};

const collectUses = (files: SourceFile[]): Use[] => {
  const exported = new Map<string, FunctionDef>();
  for (const file of files) for (const def of file.functions) if (def.exported) exported.set(def.name, def);
  let wrappers = new Map<Node, Wrapper>();
  for (let round = 0; round < 5; round++) {
    const next = new Map<Node, Wrapper>();
    for (const file of files)
      for (const [fn, wrapper] of readCalls(file, wrappers, exported).found) next.set(fn, wrapper);
    const stable = next.size === wrappers.size;
    wrappers = next;
    if (stable) break;
  }
  return files.flatMap((file) => readCalls(file, wrappers, exported).uses);
};

// ---------------------------------------------------------------------------------------------
// Checking keys

const namespaceOf = (pattern: string, options: KeyOptions): { ns: string; key: string } => {
  const colon = pattern.indexOf(':');
  if (!options.flat && colon > 0 && NAMESPACES.has(pattern.slice(0, colon))) {
    return { ns: pattern.slice(0, colon), key: pattern.slice(colon + 1) };
  }
  return { ns: options.ns ?? 'common', key: pattern };
};

/** Expands wildcards left to right over EXPANSIONS; throws on a built key with no list. */
const expand = (qualified: string): string[] => {
  const star = qualified.indexOf(WILDCARD);
  if (star < 0) return [qualified];
  const prefix = qualified.slice(0, star + 1);
  const values = EXPANSIONS[prefix];
  if (!values)
    throw new Error(`no list of ids for the built key "${qualified}": add "${prefix}" to EXPANSIONS`);
  return values.flatMap((value) => expand(qualified.slice(0, star) + value + qualified.slice(star + 1)));
};

const lookup = (ns: string, key: string, flat: boolean): unknown => {
  const root = resources[ns] as Record<string, unknown> | undefined;
  if (!root) return undefined;
  if (flat) return root[key];
  let value: unknown = root;
  for (const part of key.split('.')) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
};

const PLURAL_SUFFIXES = ['', '_zero', '_one', '_two', '_few', '_many', '_other'];
const keyExists = (ns: string, key: string, flat = false): boolean =>
  [ns, 'common'].some((namespace) =>
    PLURAL_SUFFIXES.some((suffix) => lookup(namespace, key + suffix, flat) !== undefined),
  );

/** Problems with the keys a set of source files uses, as "file:line key" lines. */
const findMissingKeys = (paths: string[]): string[] => {
  const files = paths.map(readSourceFile);
  const problems = new Set<string>();
  for (const use of collectUses(files)) {
    const { ns, key } = namespaceOf(use.pattern, use.options);
    let keys: string[];
    try {
      keys = expand(`${ns}:${key}`);
    } catch (error) {
      problems.add(`${use.file}:${use.line} ${(error as Error).message}`);
      continue;
    }
    for (const qualified of keys) {
      const colon = qualified.indexOf(':');
      if (!keyExists(qualified.slice(0, colon), qualified.slice(colon + 1), use.options.flat)) {
        problems.add(`${use.file}:${use.line} missing key ${qualified}`);
      }
    }
  }
  return [...problems].sort();
};

/** Text written straight into markup: JSX text with letters, and labelling attributes given as strings. */
const LABELLING_ATTRIBUTES = new Set([
  'title',
  'alt',
  'placeholder',
  'aria-label',
  'aria-description',
  'label',
]);
const findHardCodedText = (file: SourceFile): string[] => {
  const found: string[] = [];
  walk(file.program, (node) => {
    const where = `${relative(srcDir, file.path)}:${lineOf(file, node.start)}`;
    if (node.type === 'JSXText' && /\p{L}/u.test(node.value))
      found.push(`${where} text ${JSON.stringify(node.value.trim())}`);
    if (
      node.type === 'JSXAttribute' &&
      LABELLING_ATTRIBUTES.has(node.name.name) &&
      node.value?.type === 'Literal' &&
      /\p{L}/u.test(String(node.value.value))
    ) {
      found.push(`${where} ${node.name.name}=${JSON.stringify(node.value.value)}`);
    }
  });
  return found;
};

describe('interface text', () => {
  const files = listSourceFiles(srcDir);

  test('every i18n key used in the source exists in the English locale files', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(findMissingKeys(files)).toEqual([]);
  });

  test('views, routes and email templates write no text into markup themselves', () => {
    const markup = files.filter((path) => /\/(web|email)\/.*\.tsx$/.test(path)).map(readSourceFile);
    expect(markup.length).toBeGreaterThan(10);
    expect(markup.flatMap(findHardCodedText)).toEqual([]);
  });
});
