import { takeSealKey } from '@dlcourse/grading';

// The first setup file, so before any of the student's code loads: the key that seals the
// grader's passes leaves the environment for the grading kit's closure (see the kit's seal.ts).
takeSealKey();
