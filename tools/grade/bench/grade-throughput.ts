/**
 * How fast a class is graded: N synthetic submissions (half the reference solutions, half the
 * untouched stubs, each made unique so that resume skips nothing), graded by `grade` (sandboxed,
 * a fresh test worker per submission) and, side by side in the same run, by the grading kit's own CLI
 * without a sandbox (one `dlgrade` process per submission and exercise, the same parallelism).
 *
 *   npm run bench:grade -- [--submissions 8] [--exercises 1,2,3,4,6] [--jobs 2] [--rounds 1] [--no-peer]
 *
 * Prints submissions per minute while grading, the projection for 200 submissions (the run's setup —
 * rubrics, exercise 5's data split, bundles, scoreboard — once, plus 200 at that rate), the ratio to the peer, and
 * where the time goes (a stub fails at once, so its time is the fixed cost of a submission).
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pLimit from 'p-limit';
import { DEFAULT_SEED, REPO_ROOT } from '@dlcourse/grading/runner';
import { gradeClass } from '../src/grade-class.js';
import { selectExercises } from '../src/exercises.js';
import { DEFAULT_LIMITS, defaultJobs } from '../src/limits.js';

const { values } = parseArgs({
  options: {
    submissions: { type: 'string', default: '8' },
    exercises: { type: 'string' },
    jobs: { type: 'string' },
    rounds: { type: 'string', default: '1' },
    'no-peer': { type: 'boolean', default: false },
  },
});
const count = Number(values.submissions);
const rounds = Number(values.rounds);
const jobs = values.jobs ? Number(values.jobs) : defaultJobs();
const exercises = selectExercises(values.exercises?.split(','));
if (!(count >= 2) || !(rounds >= 1) || !(jobs >= 1)) throw new Error('--submissions must be ≥ 2, --rounds and --jobs ≥ 1.');

const classDir = mkdtempSync(join(tmpdir(), 'dlgrade-bench-'));
const kinds: Record<string, 'reference' | 'stub'> = {};
for (let i = 0; i < count; i++) {
  const kind = i % 2 === 0 ? 'reference' : 'stub';
  const id = `student-${String(i).padStart(3, '0')}`;
  kinds[id] = kind;
  for (const exercise of exercises) {
    const src = join(classDir, id, 'exercises', exercise, 'src');
    cpSync(join(REPO_ROOT, kind === 'reference' ? 'solutions' : 'exercises', exercise, 'src'), src, { recursive: true });
    appendFileSync(join(src, 'index.ts'), `\n// ${id}\n`);
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** Grades the class sandboxed; a wrong score stops the benchmark and keeps <out> to look at. */
async function sandboxed(): Promise<{ seconds: number; gradingSeconds: number; perKind: Record<string, number[]> }> {
  const out = mkdtempSync(join(tmpdir(), 'dlgrade-bench-out-'));
  const summary = await gradeClass({ submissions: classDir, out, exercises, jobs, timeoutMs: DEFAULT_LIMITS.submissionTimeoutMs, testTimeoutMs: DEFAULT_LIMITS.testTimeoutMs, memoryMb: DEFAULT_LIMITS.memoryMb, seed: DEFAULT_SEED, language: 'en', force: true, quiet: true });
  const perKind: Record<string, number[]> = { reference: [], stub: [] };
  for (const o of summary.outcomes) {
    if (o.status !== 'graded') throw new Error(`the benchmark's grading failed: ${JSON.stringify(o)}`);
    // A fast wrong grade would be no benchmark: the reference must score full, the stub 0.
    const expected = kinds[o.id] === 'reference' ? o.maxScore : 0;
    if (o.score !== expected) throw new Error(`${o.id} (${kinds[o.id]}) scored ${o.score}/${o.maxScore}, expected ${expected}: see ${join(out, o.id, 'results.json')}`);
    perKind[kinds[o.id]].push(o.durationMs / 1000);
  }
  rmSync(out, { recursive: true, force: true });
  return { seconds: summary.seconds, gradingSeconds: summary.gradingSeconds, perKind };
}

function dlgrade(exercise: string, submission: string, json: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(REPO_ROOT, 'packages/grading/bin/dlgrade.js'), exercise, '--submission', submission, '--json', json, '--quiet'], { cwd: REPO_ROOT, stdio: 'ignore' });
    child.on('error', reject);
    child.on('exit', () => resolve()); // a stub exits 1: that is a grade, not a failure
  });
}

async function unsandboxedPeer(): Promise<number> {
  const out = mkdtempSync(join(tmpdir(), 'dlgrade-bench-peer-'));
  const started = performance.now();
  const limit = pLimit(jobs);
  await Promise.all(Object.keys(kinds).flatMap((id) => exercises.map((exercise) => limit(() => dlgrade(exercise, join(classDir, id), join(out, `${id}-${exercise}.json`))))));
  rmSync(out, { recursive: true, force: true });
  return (performance.now() - started) / 1000;
}

const perMinute = (seconds: number) => (count / seconds) * 60;
const ours: number[] = [];
/** Per round: the once-per-run part (rubrics, exercise 5's data split, bundles, scoreboard) and the grading itself. */
const setups: number[] = [];
const gradings: number[] = [];
const peers: number[] = [];
const perKind: Record<string, number[]> = { reference: [], stub: [] };
process.stderr.write(`${count} submissions × ${exercises.join(', ')}, ${jobs} at a time, ${rounds} round(s)\n`);
for (let round = 0; round < rounds; round++) {
  const run = await sandboxed();
  ours.push(run.seconds);
  setups.push(run.seconds - run.gradingSeconds);
  gradings.push(run.gradingSeconds);
  for (const k of Object.keys(perKind)) perKind[k].push(...run.perKind[k]);
  process.stderr.write(`round ${round + 1}: grade ${run.seconds.toFixed(1)} s`);
  if (!values['no-peer']) {
    const peer = await unsandboxedPeer();
    peers.push(peer);
    process.stderr.write(`, unsandboxed dlgrade ${peer.toFixed(1)} s`);
  }
  process.stderr.write('\n');
}
rmSync(classDir, { recursive: true, force: true });

// A class pays the run's setup once: 200 submissions take the setup plus 200 at the grading rate.
const classOf200Min = (median(setups) + (200 / count) * median(gradings)) / 60;
const lines = [
  `grade (sandboxed): median ${median(ours).toFixed(1)} s (setup once per run ${median(setups).toFixed(1)} s, grading ${median(gradings).toFixed(1)} s → ${perMinute(median(gradings)).toFixed(1)} submissions/min) → 200 submissions in ${classOf200Min.toFixed(1)} min`,
];
if (peers.length) {
  lines.push(`peer, dlgrade per exercise without a sandbox: median ${median(peers).toFixed(1)} s → ${perMinute(median(peers)).toFixed(1)} submissions/min`);
  lines.push(`ratio grade/peer (time): ${(median(ours) / median(peers)).toFixed(2)}`);
}
lines.push(`one submission, all ${exercises.length} exercise(s) in one sandbox: reference median ${median(perKind.reference).toFixed(1)} s, stub (fixed cost: processes, vitest, transforms) median ${median(perKind.stub).toFixed(1)} s`);
const report = lines.join('\n');
console.log(report);
writeFileSync(join(tmpdir(), 'dlgrade-bench-last.txt'), `${new Date().toISOString()}\n${report}\n`);
