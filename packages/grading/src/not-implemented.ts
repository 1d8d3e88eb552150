/**
 * What a stub throws. The reporter recognises it and tells the student which function to
 * write first instead of showing a stack trace.
 */
export class NotImplementedError extends Error {
  override name = 'NotImplementedError';
  constructor(readonly fn: string) {
    super(`${fn} is not implemented yet — write it in the exercise's src folder (see the exercise README).`);
  }
}

export function notImplemented(fn: string): never {
  throw new NotImplementedError(fn);
}
