// ESLint rule `design/import-arrows`: DESIGN.md's import arrows as an allow-list.
// Each relative import is resolved against the importing file, so the rule knows
// which folder it enters and through which file; a pattern on the import's text
// could not tell `../io/x.js` in sim-core/ from the same text one folder deeper.
// The table (which folder may import which, and each folder's public entries)
// lives in eslint.config.mjs; this file only applies it.
import path from 'node:path';

/**
 * Options:
 * - root: the repository's root folder (absolute).
 * - arrows: importing folder ('workers', or a subfolder such as 'workers/browser',
 *   the longest match wins) -> { [imported folder]: { entries?, typesOnly?, why? } }.
 *   A folder not listed is not checked (test/, bench/, tools/).
 * - entries: imported folder -> its public entries (default `<folder>/index.ts`).
 *
 * Entries are paths from the root; `*` stands for any name within one folder,
 * and `.ts`/`.tsx`/`.js` are the same file (imports name the built `.js`).
 */
export const importArrows = {
  meta: {
    type: 'problem',
    docs: { description: "Imports between the project's folders follow DESIGN.md's arrows and enter a folder through its public entry." },
    schema: [
      {
        type: 'object',
        properties: { root: { type: 'string' }, arrows: { type: 'object' }, entries: { type: 'object' } },
        required: ['root', 'arrows'],
        additionalProperties: false,
      },
    ],
    messages: {
      notAnArrow: '{{from}}/ may not import {{to}}: DESIGN.md allows {{from}}/ to import {{allowed}}.',
      pastEntry: "{{from}}/ imports {{target}} past {{to}}/'s public entry: import it from {{entries}}{{why}}.",
      typesOnly: '{{from}}/ may import {{to}}/ for types only (`import type`){{why}}.',
    },
  },
  create(context) {
    const { root, arrows, entries = {} } = context.options[0];
    const importer = path.relative(root, context.filename).split(path.sep).join('/');
    const from = longestPrefix(Object.keys(arrows), importer);
    if (from === undefined) return {};
    const allowed = arrows[from];
    const ownFolder = from.split('/')[0];

    /** Checks one import of `specifier`; `typeOnly` when it brings in types and no code. */
    function check(node, specifier, typeOnly) {
      if (typeof specifier !== 'string' || !(specifier.startsWith('./') || specifier.startsWith('../'))) return;
      const [file, query] = specifier.split('?');
      const target = path
        .relative(root, path.resolve(path.dirname(context.filename), file))
        .split(path.sep)
        .join('/');
      const to = target.split('/')[0];
      if (to === ownFolder) return;
      // A file at the root (or outside it) is no folder of ours and no arrow leads there.
      const inAFolder = target.includes('/') && !target.startsWith('../');
      const arrow = inAFolder && Object.hasOwn(allowed, to) ? allowed[to] : undefined;
      if (!arrow) {
        const names = Object.keys(allowed);
        const data = { from, to: inAFolder ? `${to}/` : target, allowed: names.length ? names.map((n) => `${n}/`).join(', ') : 'nothing of ours' };
        context.report({ node, messageId: 'notAnArrow', data });
        return;
      }
      const why = arrow.why ? ` (${arrow.why})` : '';
      const doors = arrow.entries ?? entries[to] ?? [`${to}/index.ts`];
      const spelled = query === undefined ? target : `${target}?${query}`;
      if (!doors.some((door) => matches(door, spelled))) {
        context.report({ node, messageId: 'pastEntry', data: { from, to, target: spelled, entries: doors.join(' or '), why } });
        return;
      }
      if (arrow.typesOnly && !typeOnly) context.report({ node, messageId: 'typesOnly', data: { from, to, why } });
    }

    return {
      ImportDeclaration: (node) => check(node, node.source.value, node.importKind === 'type'),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value, node.exportKind === 'type'),
      ExportAllDeclaration: (node) => check(node, node.source.value, node.exportKind === 'type'),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value, false),
      TSImportEqualsDeclaration: (node) =>
        node.moduleReference.type === 'TSExternalModuleReference' && check(node, node.moduleReference.expression.value, node.importKind === 'type'),
      // `typeof import('../x/index.js')` in a type: types only.
      TSImportType: (node) => check(node, node.argument?.literal?.value, true),
    };
  },
};

/** The longest of `folders` that `file` lies in, or undefined. */
function longestPrefix(folders, file) {
  let best;
  for (const folder of folders) if (file.startsWith(`${folder}/`) && (best === undefined || folder.length > best.length)) best = folder;
  return best;
}

const SOURCE_EXTENSION = /\.(ts|tsx|js|jsx|mts|mjs)$/;

/** Whether `target` (a path from the root, with its `?query` if any) is the entry `door`. */
function matches(door, target) {
  const pattern = door
    .replace(SOURCE_EXTENSION, '')
    .split('*')
    .map((part) => part.replace(/[.?+^$()[\]{}|\\]/g, '\\$&'))
    .join('[^/]*');
  return new RegExp(`^${pattern}$`).test(target.replace(SOURCE_EXTENSION, ''));
}
