// Lint: typescript-eslint's type-unaware recommended rules, and the design's
// import arrows (DESIGN.md, "Architecture") as one rule per folder.
// The tools live in tools/lint (`npm ci --prefix tools/lint`): typescript-eslint
// parses with TypeScript 6, while the project builds with TypeScript 7.
import { createRequire } from 'node:module';

const require = createRequire(new URL('./tools/lint/package.json', import.meta.url));
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');

/** An import of folder `name` of ours, from anywhere below the root: `../name/…`, `../../name/…`. */
const folder = (name) => `^(\\.\\./)+${name}(/|$)`;
const arrow = (from, to, why) => ({ regex: folder(to), message: `${from}/ may not import ${to}/ (${why}).` });

// What each folder may not import. Everything not listed is allowed; test/ and
// bench/ (and tools/) may import anything, and so may unit tests beside the code
// (*.test.ts): they are not part of what the folder ships.
const FORBIDDEN = {
  'sim-core': [
    ...['scenarios', 'workers', 'calibration', 'cli', 'viewer', 'test', 'bench'].map((to) => arrow('sim-core', to, 'the kernel imports nothing of ours')),
    { regex: '^node:', message: 'sim-core/ uses no Node API: it runs in browsers and workers alike.' },
  ],
  scenarios: ['workers', 'calibration', 'cli', 'viewer', 'test', 'bench'].map((to) => arrow('scenarios', to, 'scenarios -> sim-core only')),
  workers: ['calibration', 'cli', 'viewer', 'test', 'bench'].map((to) => arrow('workers', to, 'workers -> scenarios, sim-core')),
  calibration: ['workers', 'cli', 'viewer', 'test', 'bench'].map((to) => arrow('calibration', to, 'calibration -> scenarios, sim-core')),
  cli: ['viewer', 'test', 'bench'].map((to) => arrow('cli', to, 'cli -> workers, calibration, scenarios, sim-core')),
  viewer: [
    ...['cli', 'test', 'bench'].map((to) => arrow('viewer', to, 'viewer -> workers (client side), scenarios')),
    {
      regex: `${folder('calibration')}(?!maps/[^/]+\\.yaml\\?raw$)`,
      message: 'viewer/ may import only the mapping files (calibration/maps/*.yaml?raw) of calibration/, as text.',
    },
    {
      regex: folder('sim-core'),
      allowTypeImports: true,
      message: 'viewer/ may import sim-core/ for types only (`import type`); it runs models through workers/.',
    },
    { regex: `${folder('workers')}(node|pool)(\\.js$|/)`, message: 'viewer/ may import the client side of workers/, not its Node pool.' },
  ],
};

/** README ("Layout"): workers/browser/ runs the calibrated scenario in the browser, so it may import calibration/. */
const WORKERS_BROWSER = FORBIDDEN.workers.filter((p) => !p.regex.includes('calibration'));

const TESTS = ['**/*.test.ts', '**/*.test.tsx'];
const restrict = (patterns) => ({ '@typescript-eslint/no-restricted-imports': ['error', { patterns }] });

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '**/node_modules/**', 'test-artifacts/**', 'viewer/dist/**'] },
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
  ...Object.entries(FORBIDDEN).map(([name, patterns]) => ({ files: [`${name}/**/*.{ts,tsx}`], ignores: TESTS, rules: restrict(patterns) })),
  { files: ['workers/browser/**/*.{ts,tsx}'], ignores: TESTS, rules: restrict(WORKERS_BROWSER) },
  // Tests feed deliberately ill-typed input (hostile documents) through `any`.
  { files: TESTS, rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  // The viewer's Node build scripts are tools, like bench/.
  { files: ['viewer/node/**/*.ts', 'viewer/vite.config.ts'], rules: { '@typescript-eslint/no-restricted-imports': 'off' } },
);
