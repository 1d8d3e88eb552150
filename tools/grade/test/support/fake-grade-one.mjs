// A stand-in for grade-one that speaks its protocol (src/sandbox/protocol.ts) and does what each
// job's submissionDir says, so that grade-one-host.test.ts can drive the host through every way a
// run ends in milliseconds: ok, stale (an event of another job first), taint (done, not intact),
// hang, exit (mid-job), memory (holds 300 MB), dlopen (copies the addon at entries.addon into its
// working folder, as a submission could write one, and reports whether it loads).
import { copyFileSync } from 'node:fs';
import { Socket } from 'node:net';

const channel = new Socket({ fd: 3, readable: true, writable: true });
const send = (job, event) => channel.write(`${JSON.stringify({ job, event })}\n`);
let buffered = '';
const held = [];
channel.on('data', (chunk) => {
  buffered += chunk.toString('utf8');
  let newline;
  while ((newline = buffered.indexOf('\n')) >= 0) {
    const { job, task } = JSON.parse(buffered.slice(0, newline));
    buffered = buffered.slice(newline + 1);
    const what = task.submissionDir;
    const report = { type: 'test', exercise: 'exercise-1', key: `pid-${process.pid}`, state: 'passed' };
    if (what === 'hang') continue;
    if (what === 'exit') {
      send(job, report);
      channel.end(() => process.exit(3));
      continue;
    }
    if (what === 'memory') {
      held.push(Buffer.alloc(300 * 1024 * 1024, 1));
      continue;
    }
    if (what === 'dlopen') {
      const copy = `${process.cwd()}/written-by-a-submission.node`;
      copyFileSync(task.entries.addon, copy);
      let outcome = 'loaded';
      try {
        process.dlopen({ exports: {} }, copy);
      } catch (error) {
        outcome = `refused: ${error.message}`;
      }
      send(job, { type: 'test', exercise: 'exercise-1', key: outcome, state: 'passed' });
    }
    if (what === 'stale') send(job - 1, { type: 'test', exercise: 'exercise-1', key: 'stale', state: 'passed' });
    send(job, report);
    send(job, { type: 'done', intact: what !== 'taint' });
  }
});
channel.on('end', () => process.exit(0));
