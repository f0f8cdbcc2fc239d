/**
 * Errors the command line reports as one line on stderr with exit status 2.
 * Anything else is a defect and keeps its stack trace.
 */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

export const EXIT_OK = 0;
export const EXIT_BAD_INPUT = 2;
