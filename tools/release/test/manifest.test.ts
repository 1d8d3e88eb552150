import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { trackedFiles } from '../src/git-files.js';
import { graderDirs, graderPublicPart, importSpecifiers } from '../src/graders.js';
import { forbiddenReason } from '../src/manifest.js';
import { studentGraderPackageJson, studentRootPackageJson } from '../src/package-json.js';
import { planRelease } from '../src/release.js';
import { checkShippedFiles } from '../src/scan.js';
import { studentTsconfig } from '../src/tsconfig.js';

const REPO_ROOT = resolve(import.meta.dirname, '../../..');
const scratch = mkdtempSync(join(tmpdir(), 'release-unit-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('what ships', () => {
  const plan = planRelease(REPO_ROOT);

  it('ships no solution, mutant, alternative, hidden test, proof, calibration or instructor tool', () => {
    // (the grading kit's own test fixtures have a demo grader with a hidden suite: no course secret)
    const bad = plan.copied.filter((f) => /^solutions\/|\/mutants\/|\/alternatives\/|^graders\/[^/]+\/hidden\/|proof\.test\.ts$|calibration\.test\.ts$|^tools\/(golden|release|scoreboard|grade|bench)\/|^\.ci\/|^\.github\/|^deploy\//.test(f));
    expect(bad).toEqual([]);
  });

  it('ships every exercise stub and every public grader, with the files the grader imports', () => {
    const tracked = trackedFiles(REPO_ROOT);
    const stubs = tracked.filter((f) => f.startsWith('exercises/'));
    expect(stubs.length).toBeGreaterThan(0);
    expect(plan.copied).toEqual(expect.arrayContaining(stubs));
    expect(plan.exercises).toEqual(['exercise-1', 'exercise-2', 'exercise-3', 'exercise-4', 'exercise-5', 'exercise-6']);
    for (const exercise of plan.exercises) {
      expect(plan.graders).toContain(`graders/${exercise}`);
      expect(plan.copied).toContain(`graders/${exercise}/rubric.ts`);
      const publicFiles = tracked.filter((f) => f.startsWith(`graders/${exercise}/public/`));
      expect(publicFiles.length).toBeGreaterThan(0);
      expect(plan.copied).toEqual(expect.arrayContaining(publicFiles));
    }
    expect(plan.copied).toContain('graders/exercise-5/thresholds.ts');
    expect(plan.copied).not.toContain('graders/exercise-1/vitest.config.ts');
  });

  it('ships the engine, the grading kit and tools/datasets, and nothing untracked', () => {
    expect(plan.copied).toEqual(expect.arrayContaining(['packages/engine/src/index.ts', 'packages/grading/src/index.ts', 'tools/datasets/src/prepare-notmnist.ts', 'nx.json', '.env']));
    const tracked = new Set(trackedFiles(REPO_ROOT));
    expect(plan.copied.filter((f) => !tracked.has(f))).toEqual([]);
  });

  it('knows why each forbidden path must not ship', () => {
    expect(forbiddenReason('solutions/exercise-1/src/index.ts')).toBe('reference solutions');
    expect(forbiddenReason('graders/exercise-1/mutants/catalogue.ts')).toMatch(/mutants/);
    expect(forbiddenReason('graders/exercise-2/hidden/x.test.ts')).toBe('hidden tests');
    expect(forbiddenReason('graders/exercise-6/calibration.test.ts')).toMatch(/calibration/);
    expect(forbiddenReason('tools/scoreboard/src/cli.ts')).toBe('an instructor tool');
    expect(forbiddenReason('graders/exercise-1/public/activations.test.ts')).toBeUndefined();
  });
});

describe('grader imports', () => {
  it('reads static, side-effect and dynamic imports', () => {
    expect(importSpecifiers(`import a from './a.js';\nimport './b.js';\nexport { c } from "../c.js";\nawait import('./d.js');`)).toEqual(['./a.js', './b.js', '../c.js', './d.js']);
  });

  function fakeGrader(name: string, files: Record<string, string>): string[] {
    const root = join(scratch, name);
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(join(root, file, '..'), { recursive: true });
      writeFileSync(join(root, file), text);
    }
    return Object.keys(files);
  }

  it('follows relative imports inside the grader folder', () => {
    const tracked = fakeGrader('follows', {
      'graders/ex/rubric.ts': `import { T } from './limits.js';`,
      'graders/ex/limits.ts': 'export const T = 1;',
      'graders/ex/public/a.test.ts': `import { rubric } from '../rubric.js';\nimport * as s from '@submission/ex';`,
      'graders/ex/mutants/m.ts': '',
    });
    expect(graderDirs(tracked)).toEqual(['graders/ex']);
    expect(graderPublicPart(join(scratch, 'follows'), 'graders/ex', tracked).files).toEqual(['graders/ex/limits.ts', 'graders/ex/public/a.test.ts', 'graders/ex/rubric.ts']);
  });

  it('refuses an import that leaves the grader folder or names a solution', () => {
    const outside = fakeGrader('outside', { 'graders/ex/rubric.ts': `import x from '../../solutions/ex/src/index.js';`, 'solutions/ex/src/index.ts': '' });
    expect(() => graderPublicPart(join(scratch, 'outside'), 'graders/ex', outside)).toThrow(/imports '..\/..\/solutions\/ex\/src\/index.js'/);
    const bare = fakeGrader('bare', { 'graders/ex/rubric.ts': '', 'graders/ex/public/a.test.ts': `import * as s from 'solution-1';` });
    expect(() => graderPublicPart(join(scratch, 'bare'), 'graders/ex', bare)).toThrow(/a reference solution/);
    const mutant = fakeGrader('mutant', { 'graders/ex/rubric.ts': `import x from './mutants/m.js';`, 'graders/ex/mutants/m.ts': '' });
    expect(graderPublicPart(join(scratch, 'mutant'), 'graders/ex', mutant).files).toContain('graders/ex/mutants/m.ts');
    // …and the final scan refuses it (next test).
  });

  it('the final scan refuses forbidden files and any shipped .ts that mentions solutions/', () => {
    const files = fakeGrader('scan', { 'packages/x/a.ts': `// see ../../solutions/exercise-1\n`, 'graders/ex/mutants/m.ts': '', 'packages/x/ok.ts': `import { join } from 'node:path';\n` });
    const scan = () => checkShippedFiles(join(scratch, 'scan'), files);
    expect(scan).toThrow(/packages\/x\/a\.ts:1: mentions 'solutions\/'/);
    expect(scan).toThrow(/graders\/ex\/mutants\/m\.ts: a grader's mutants/);
    expect(scan).not.toThrow(/ok\.ts/);
    expect(() => checkShippedFiles(join(scratch, 'scan'), ['packages/x/ok.ts'])).not.toThrow();
  });
});

describe('rewritten files', () => {
  it('tsconfig: @submission/* maps to the exercises; no solutions, hidden, mutants or alternatives', () => {
    const ts = studentTsconfig({
      compilerOptions: { strict: true, paths: { '@submission/*': ['./solutions/*/src/index.ts'] } },
      include: ['packages/*/src', 'exercises/*/src', 'solutions/*/src', 'graders/*/public', 'graders/*/hidden', 'graders/*/mutants', 'graders/*/alternatives'],
    });
    expect(ts).toEqual({
      compilerOptions: { strict: true, paths: { '@submission/*': ['./exercises/*/src/index.ts'] } },
      include: ['packages/*/src', 'exercises/*/src', 'graders/*/public'],
    });
  });

  it('root package.json: student workspaces and scripts only', () => {
    const pkg = studentRootPackageJson({
      name: 'dlcourse',
      workspaces: ['packages/*', 'exercises/*', 'solutions/*', 'graders/*', 'tools/*'],
      scripts: { typecheck: 'tsc', test: 'proof', 'data:notmnist': 'd', 'example:notmnist': 'e', 'example:notmnist-notebook': 'n', 'example:diabetes': 'f', 'release:student': 'r', scoreboard: 's' },
      devDependencies: { nx: '24.0.5' },
    });
    expect(pkg.workspaces).toEqual(['packages/*', 'exercises/*', 'graders/*', 'tools/datasets']);
    expect(Object.keys(pkg.scripts as object).sort()).toEqual(['data:notmnist', 'example:diabetes', 'example:notmnist', 'example:notmnist-notebook', 'test', 'typecheck']);
    expect((pkg.scripts as Record<string, string>).test).toContain("--projects='exercise-*'");
    expect(pkg.devDependencies).toEqual({ nx: '24.0.5' });
  });

  it('grader package.json: no proof script, no devDependencies on the solution', () => {
    const pkg = studentGraderPackageJson({ name: 'grader-1', scripts: { test: 'vitest run' }, dependencies: { '@dlcourse/grading': '*' }, devDependencies: { 'solution-1': '*' } }, 'exercise-1');
    expect(pkg).toEqual({ name: 'grader-1', dependencies: { '@dlcourse/grading': '*' } });
    expect(() => studentGraderPackageJson({ dependencies: { 'solution-1': '*' } }, 'exercise-1')).toThrow(/solution-1/);
  });
});
