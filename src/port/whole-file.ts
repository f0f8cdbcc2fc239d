/**
 * Writing a file whole or not at all. The bytes go to a temporary file in the target's own folder (so the
 * final rename stays on one disk and is atomic); only when every byte is written and flushed does it take
 * the target's name. A failure part-way (a full disk, a pulled USB stick) leaves whatever file was there
 * before exactly as it was and removes the temporary file. Node only: the command line and the .xlsx port.
 */
import * as fs from "fs";
import * as path from "path";
import { randomBytes } from "crypto";

/** Receives the file's bytes in order. */
export interface ByteSink {
  write(chunk: Uint8Array | string): Promise<void>;
}

/** The open file the writer fills; a subset of `fs.promises.FileHandle`. */
export interface WritableHandle {
  write(data: Uint8Array): Promise<unknown>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

/** The few file operations the writer needs, so tests can make any of them fail. */
export interface WholeFileFs {
  open(file: string, flags: string, mode?: number): Promise<WritableHandle>;
  rename(from: string, to: string): Promise<void>;
  link(existing: string, created: string): Promise<void>;
  unlink(file: string): Promise<void>;
  chmod(file: string, mode: number): Promise<void>;
  lstat(file: string): Promise<{ mode: number; isFile(): boolean }>;
}

/** Node's own file system, looked up at call time so a test can replace a single function. */
export const nodeWholeFileFs: WholeFileFs = {
  open: (file, flags, mode) => fs.promises.open(file, flags, mode),
  rename: (from, to) => fs.promises.rename(from, to),
  link: (existing, created) => fs.promises.link(existing, created),
  unlink: (file) => fs.promises.unlink(file),
  chmod: (file, mode) => fs.promises.chmod(file, mode),
  lstat: (file) => fs.promises.lstat(file),
};

export interface WholeFileOptions {
  /** Whether an existing file of that name may be replaced; without it an existing file is an error. */
  replace?: boolean;
  fs?: WholeFileFs;
}

export type WholeFileStage = "exists" | "write" | "rename";

/** Why the file was not written; the target is untouched and no temporary file is left. */
export class WholeFileError extends Error {
  constructor(
    /** The file that was to be written. */
    readonly file: string,
    readonly stage: WholeFileStage,
    /** The system's error code (ENOSPC, EACCES, …), or EEXIST for an existing target. */
    readonly code: string,
    /** The underlying error, if any. */
    readonly original?: unknown,
  ) {
    super(`${file}: ${stage} failed (${code})${original instanceof Error ? `: ${original.message}` : ""}`);
    this.name = "WholeFileError";
  }
}

function errnoCode(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === "string" ? code : "EIO";
}

async function exists(fsx: WholeFileFs, file: string): Promise<{ mode: number } | null> {
  try {
    return await fsx.lstat(file);
  } catch (e) {
    if (errnoCode(e) === "ENOENT") return null;
    throw e;
  }
}

/** Temporary files being written now, removed by `removeUnfinished` if the process is stopped. */
const unfinished = new Set<string>();

/**
 * Removes the temporary files of writes still under way: for a process stopped by Ctrl-C or a signal,
 * which would otherwise leave a hidden partial file beside the target.
 */
export function removeUnfinished(): void {
  for (const temp of unfinished) {
    try {
      fs.unlinkSync(temp);
    } catch {
      // Already gone.
    }
  }
  unfinished.clear();
}

/** A name beside `target` that no other writer picks: hidden, and recognisable as ours if ever left behind. */
export function temporaryNameFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`);
}

/**
 * Writes `target` with the bytes `produce` hands to the sink. Resolves once the file is in place; rejects
 * with a `WholeFileError` otherwise.
 */
export async function writeFileWhole(target: string, produce: (sink: ByteSink) => Promise<void>, options: WholeFileOptions = {}): Promise<void> {
  const fsx = options.fs ?? nodeWholeFileFs;
  const replace = options.replace === true;
  let before: { mode: number } | null;
  try {
    before = await exists(fsx, target);
  } catch (e) {
    throw new WholeFileError(target, "write", errnoCode(e), e);
  }
  if (before && !replace) throw new WholeFileError(target, "exists", "EEXIST");

  const temp = temporaryNameFor(target);
  let handle: WritableHandle | undefined;
  let stage: WholeFileStage = "write";
  try {
    unfinished.add(temp);
    handle = await fsx.open(temp, "wx", 0o666);
    const h = handle;
    await produce({
      write: async (chunk) => {
        await h.write(typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk);
      },
    });
    // On disk before it gets the name: a crash after the rename must not leave an empty file there.
    await h.sync();
    handle = undefined;
    await h.close();
    // A replaced file keeps its permissions (someone may have made it read-only for others on purpose).
    if (before) await fsx.chmod(temp, before.mode & 0o7777);
    stage = "rename";
    if (replace) await fsx.rename(temp, target);
    else await placeWithoutReplacing(fsx, temp, target);
  } catch (e) {
    if (handle) await handle.close().catch(() => undefined);
    await fsx.unlink(temp).catch(() => undefined);
    if (e instanceof WholeFileError) throw e;
    throw new WholeFileError(target, stage, errnoCode(e), e);
  } finally {
    unfinished.delete(temp);
  }
}

/**
 * Gives the temporary file the target's name only if that name is still free: a hard link fails if a file
 * appeared meanwhile. Disks without hard links (FAT, some network shares) get a check and a rename.
 */
async function placeWithoutReplacing(fsx: WholeFileFs, temp: string, target: string): Promise<void> {
  try {
    await fsx.link(temp, target);
  } catch (e) {
    const code = errnoCode(e);
    if (code === "EEXIST") throw new WholeFileError(target, "exists", "EEXIST");
    if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EOPNOTSUPP" && code !== "ENOSYS" && code !== "EXDEV") throw e;
    if (await exists(fsx, target)) throw new WholeFileError(target, "exists", "EEXIST");
    await fsx.rename(temp, target);
    return;
  }
  await fsx.unlink(temp).catch(() => undefined);
}

/** A string or bytes written whole. */
export async function writeBytesWhole(target: string, data: Uint8Array | string, options: WholeFileOptions = {}): Promise<void> {
  await writeFileWhole(target, (sink) => sink.write(data), options);
}
