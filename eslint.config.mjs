// Lint: typescript-eslint's type-unaware recommended rules, DESIGN.md's import
// arrows as an allow-list per folder, and the kernel's purity (no Node, no DOM,
// no clock, no unseeded randomness, no dynamic import in sim-core/).
// The tools live in tools/lint (`npm ci --prefix tools/lint`): typescript-eslint
// parses with TypeScript 6, while the project builds with TypeScript 7.
// test/lint-rules.test.ts lints a must-fail fixture for each rule below.
import { builtinModules, createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { importArrows } from './tools/lint/import-arrows.mjs';

const require = createRequire(new URL('./tools/lint/package.json', import.meta.url));
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');

const ROOT = fileURLToPath(new URL('.', import.meta.url));

// DESIGN.md, "Architecture": each folder of ours may import only the folders
// listed for it (and packages). A folder not listed here (test/, bench/, tools/)
// may import anything, and so may unit tests beside the code (*.test.ts): they
// are not part of what the folder ships. An arrow may narrow the entries it may
// use (`entries`) or allow types only (`typesOnly`).
const ARROWS = {
  'sim-core': {},
  scenarios: { 'sim-core': {} },
  io: {},
  workers: { scenarios: {}, 'sim-core': {}, io: {} },
  // docs/architecture.md: calibration runs the calibrated scenario to validate it,
  // and in the browser every simulation runs in a worker; so workers/browser/
  // imports calibration's Node-free part. The page has no files: no io/.
  'workers/browser': {
    calibration: { entries: ['calibration/text.ts'], why: 'its Node-free part, for the browser' },
    scenarios: {},
    'sim-core': {},
  },
  calibration: { scenarios: {}, 'sim-core': {}, io: {} },
  live: { workers: {}, io: {}, scenarios: {}, 'sim-core': {} },
  cli: { live: {}, workers: {}, calibration: {}, scenarios: {}, 'sim-core': {}, io: {} },
  viewer: {
    workers: { entries: ['workers/index.ts', 'workers/browser/index.ts'], why: 'the client side, not the Node pool' },
    scenarios: {},
    'sim-core': { typesOnly: true, why: 'it runs models through workers/' },
    calibration: { entries: ['calibration/maps/*.yaml?raw'], why: 'only the mapping files, as text' },
  },
};

// Each folder is entered through its index.ts, except where a second entry
// exists on purpose:
const ENTRIES = {
  workers: [
    'workers/index.ts',
    // The Node side (worker threads, the Redis queue): apart so that index.ts
    // and the browser never load a Node API.
    'workers/node.ts',
    // The page side (Web Workers), for the viewer.
    'workers/browser/index.ts',
  ],
  calibration: [
    'calibration/index.ts',
    // Calibration from texts, without file access, for workers/browser/.
    'calibration/text.ts',
  ],
};

// sim-core/ runs alike in Node, browsers and workers, and a run is a function of
// (scenario, seed): nothing from the machine, the page or the wall clock.
const NODE_API = 'sim-core/ uses no Node API: it runs in browsers and workers alike.';
const SIM_CORE_GLOBALS = [
  ...['process', 'Buffer', 'require', '__dirname', '__filename', 'global', 'setImmediate'].map((name) => ({ name, message: NODE_API })),
  ...['window', 'document', 'navigator', 'location', 'history', 'localStorage', 'sessionStorage', 'indexedDB', 'requestAnimationFrame']
    .concat(['cancelAnimationFrame', 'requestIdleCallback', 'alert', 'fetch', 'XMLHttpRequest', 'WebSocket', 'Worker', 'self', 'postMessage'])
    .map((name) => ({ name, message: 'sim-core/ uses no DOM or page API: it knows nothing of screens, and runs in Node too.' })),
  { name: 'performance', message: 'sim-core/ reads no wall clock: a run depends on (scenario, seed) only; time it from outside.' },
  ...['setTimeout', 'setInterval'].map((name) => ({ name, message: 'sim-core/ uses no timers: its time is the simulation clock.' })),
  { name: 'crypto', message: 'sim-core/ draws randomness only from its seeded streams (createStream), so runs repeat.' },
];
const SIM_CORE_RULES = {
  'no-restricted-imports': [
    'error',
    { patterns: [{ regex: `^(node:.*|${builtinModules.map((m) => m.replace(/[/.]/g, '\\$&')).join('|')})$`, message: NODE_API }] },
  ],
  'no-restricted-globals': ['error', ...SIM_CORE_GLOBALS],
  'no-restricted-properties': [
    'error',
    { object: 'Math', property: 'random', message: 'sim-core/ draws randomness only from its seeded streams (createStream), so runs repeat.' },
    { object: 'Date', property: 'now', message: 'sim-core/ reads no wall clock: a run depends on (scenario, seed) only.' },
    // The same globals reached as globalThis.name.
    ...SIM_CORE_GLOBALS.map(({ name, message }) => ({ object: 'globalThis', property: name, message })),
  ],
  'no-restricted-syntax': [
    'error',
    { selector: 'ImportExpression', message: 'sim-core/ has no dynamic import(): what a run loads is fixed by its static imports.' },
    {
      selector: "NewExpression[callee.name='Date'][arguments.length=0]",
      message: 'sim-core/ reads no wall clock (`new Date()`): a run depends on (scenario, seed) only.',
    },
    { selector: "CallExpression[callee.name='Date']", message: 'sim-core/ reads no wall clock (`Date()`): a run depends on (scenario, seed) only.' },
  ],
};

const TESTS = ['**/*.test.ts', '**/*.test.tsx'];

export default tseslint.config(
  // test/lint-fixtures/ breaks the rules on purpose; test/lint-rules.test.ts lints each as if it sat in its folder.
  { ignores: ['dist/**', 'node_modules/**', '**/node_modules/**', 'test-artifacts/**', 'viewer/dist/**', 'test/lint-fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      // The tree's own conventions (names starting with _ for deliberately unused arguments).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Comma expressions as statements (`if (a) (x.push(1), y.push(2))`) are the tree's style in places.
      '@typescript-eslint/no-unused-expressions': 'off',
      // Rethrowing as a message for people, without the cause, is deliberate where it is done.
      'preserve-caught-error': 'off',
      // Flags `let x = 0; try { x = … }`, a pattern kept for clarity.
      'no-useless-assignment': 'off',
    },
  },
  // Node globals for scripts and config files written in JavaScript.
  { files: ['**/*.{js,mjs,cjs}'], languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } } },
  {
    files: ['**/*.{ts,tsx}'],
    ignores: [...TESTS, 'viewer/node/**', 'viewer/vite.config.ts'],
    plugins: { design: { rules: { 'import-arrows': importArrows } } },
    rules: { 'design/import-arrows': ['error', { root: ROOT, arrows: ARROWS, entries: ENTRIES }] },
  },
  { files: ['sim-core/**/*.{ts,tsx}'], ignores: TESTS, rules: SIM_CORE_RULES },
  // Tests feed deliberately ill-typed input (hostile documents) through `any`.
  { files: TESTS, rules: { '@typescript-eslint/no-explicit-any': 'off' } },
);
