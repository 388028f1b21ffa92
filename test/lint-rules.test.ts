import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The lint's rules (eslint.config.mjs) must catch what they are for: each file
 * in test/lint-fixtures/ is linted as if it sat at the same path from the root
 * (test/lint-fixtures/sim-core/x.ts as sim-core/x.ts), and its first line says
 * which rule must fire (`// lint-expect: <rule> [<messageId>]`), or that none
 * may (`// lint-expect: clean`), so a rule too narrow or too wide fails here.
 */
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FIXTURES = join(ROOT, 'test', 'lint-fixtures');
const LINT_TOOLS = join(ROOT, 'tools', 'lint');

interface LintMessage {
  ruleId: string | null;
  messageId?: string;
  message: string;
}
interface Linter {
  lintText(code: string, options: { filePath: string }): Promise<Array<{ messages: LintMessage[] }>>;
}

function fixtures(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    return entry.isDirectory() ? fixtures(path) : [relative(FIXTURES, path).split(sep).join('/')];
  });
}

/** What the fixture's first line expects: a rule and message, or `clean`. */
function expectation(fixture: string, code: string): string {
  const header = /^\/\/ lint-expect: (.+)$/m.exec(code.split('\n')[0] ?? '');
  if (!header?.[1]) throw new Error(`${fixture}: its first line must be "// lint-expect: <rule> [<messageId>]" or "// lint-expect: clean"`);
  return header[1].trim();
}

/** A message as the fixtures' headers spell it: our own rule with its message id, a core rule by name. */
const spelled = (m: LintMessage): string => (m.ruleId?.startsWith('design/') ? `${m.ruleId} ${m.messageId}` : String(m.ruleId));

let linter: Linter;

beforeAll(() => {
  // .ci/run runs `npm run lint` (which installs the lint tools) before the tests;
  // run alone, after a bare `npm ci`, this installs them the same way.
  if (!existsSync(join(LINT_TOOLS, 'node_modules', 'eslint'))) {
    try {
      execFileSync('npm', ['run', '--silent', 'lint:tools'], { cwd: ROOT, stdio: 'inherit' });
    } catch (e) {
      throw new Error(`The lint tools are missing and could not be installed (run \`npm run lint:tools\`): ${String(e)}`);
    }
  }
  const { ESLint } = createRequire(join(LINT_TOOLS, 'package.json'))('eslint') as { ESLint: new (options: object) => Linter };
  linter = new ESLint({ cwd: ROOT, overrideConfigFile: join(ROOT, 'eslint.config.mjs') });
});

describe('lint rules', () => {
  const all = fixtures(FIXTURES);

  it('has a must-fail fixture for each rule and an allowed case for each folder', () => {
    const expected = new Set(all.map((f) => expectation(f, readFileSync(join(FIXTURES, f), 'utf8'))));
    for (const rule of ['no-restricted-imports', 'no-restricted-globals', 'no-restricted-properties', 'no-restricted-syntax']) expect(expected).toContain(rule);
    for (const message of ['notAnArrow', 'pastEntry', 'typesOnly']) expect(expected).toContain(`design/import-arrows ${message}`);
    const clean = all.filter((f) => expectation(f, readFileSync(join(FIXTURES, f), 'utf8')) === 'clean');
    for (const folder of ['sim-core', 'scenarios', 'io', 'workers', 'workers/browser', 'calibration', 'live', 'cli', 'viewer/src', 'test', 'bench']) {
      expect(clean).toContain(`${folder}/allowed.ts`);
    }
  });

  it.each(all)('%s', async (fixture) => {
    const code = readFileSync(join(FIXTURES, fixture), 'utf8');
    const expected = expectation(fixture, code);
    const [result] = await linter.lintText(code, { filePath: join(ROOT, fixture) });
    const messages = result?.messages ?? [];
    const found = messages.map(spelled);
    // Exactly one message, from the rule the fixture breaks: nothing else in it may trip a rule.
    expect(found, messages.map((m) => m.message).join('\n')).toEqual(expected === 'clean' ? [] : [expected]);
  });
});
