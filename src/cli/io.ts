/** Where the command line writes; injected so tests capture it without spawning a process. */
export interface CliIO {
  /** A block of text; a line break is added when it has none at its end. */
  out(text: string): void;
  err(text: string): void;
  /**
   * Text exactly as given, waiting while the output is behind: for output too large to build as one
   * string (the JSON of a full-sheet ledger). Optional: without it, such output goes through `out` whole.
   */
  write?(chunk: string): void | Promise<void>;
  /** Working directory for relative paths. */
  cwd: string;
}

export function processIO(): CliIO {
  const stdout = process.stdout;
  // Output piped into `head` and the like: once the reader has gone, further output is dropped quietly
  // (the command still finishes, so a result file being written is completed, not left half-way).
  let gone = false;
  stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") gone = true;
    else throw e;
  });
  const put = (text: string): boolean => (gone ? true : stdout.write(text));
  return {
    out: (text) => void put(text.endsWith("\n") ? text : `${text}\n`),
    err: (text) => process.stderr.write(text.endsWith("\n") ? text : `${text}\n`),
    write: (chunk) => {
      if (put(chunk) || gone) return;
      return new Promise<void>((resolve) => {
        const done = (): void => {
          stdout.off("drain", done);
          stdout.off("error", done);
          stdout.off("close", done);
          resolve();
        };
        stdout.on("drain", done);
        stdout.on("error", done);
        stdout.on("close", done);
      });
    },
    cwd: process.cwd(),
  };
}
