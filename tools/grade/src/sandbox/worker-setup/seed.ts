import fc from 'fast-check';

// Every property in a grading run uses the seed the parent chose, so a failure replays exactly.
const seed = Number(process.env.DLCOURSE_SEED);
if (Number.isInteger(seed)) fc.configureGlobal({ seed });
