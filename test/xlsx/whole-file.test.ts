import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { nodeWholeFileFs, removeUnfinished, writeBytesWhole, writeFileWhole, WholeFileError, type WholeFileFs } from "../../src/port/whole-file";
import { XlsxWorkbook } from "../../src/xlsx/workbook";

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "duizhang-whole-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const enospc = (): NodeJS.ErrnoException => Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });

/** The real file system, except that writing fails once `allowed` bytes have gone to the file: a disk that fills up. */
function diskFullAfter(allowed: number): WholeFileFs {
  return {
    ...nodeWholeFileFs,
    open: async (file, flags, mode) => {
      const handle = await fs.promises.open(file, flags, mode);
      let written = 0;
      return {
        write: async (data: Uint8Array) => {
          if (written + data.byteLength > allowed) {
            // Like a real disk, part of the chunk lands before the error.
            await handle.write(data.subarray(0, Math.max(0, allowed - written)));
            written = allowed;
            throw enospc();
          }
          written += data.byteLength;
          return handle.write(data);
        },
        sync: () => handle.sync(),
        close: () => handle.close(),
      };
    },
  };
}

const listing = () => fs.readdirSync(dir).sort();

describe("writing a file whole or not at all", () => {
  test("a new file appears complete and nothing else is left in the folder", async () => {
    const target = path.join(dir, "r.txt");
    await writeFileWhole(target, async (sink) => {
      await sink.write("第一段,");
      await sink.write(Buffer.from("second"));
    });
    expect(fs.readFileSync(target, "utf8")).toBe("第一段,second");
    expect(listing()).toEqual(["r.txt"]);
  });

  test("an existing file is refused without replace, and stays as it was", async () => {
    const target = path.join(dir, "r.txt");
    fs.writeFileSync(target, "old");
    await expect(writeBytesWhole(target, "new")).rejects.toMatchObject({ stage: "exists", code: "EEXIST" });
    expect(fs.readFileSync(target, "utf8")).toBe("old");
    expect(listing()).toEqual(["r.txt"]);
  });

  test("with replace the file is swapped in whole and keeps its permissions", async () => {
    const target = path.join(dir, "r.txt");
    fs.writeFileSync(target, "old");
    fs.chmodSync(target, 0o640);
    await writeBytesWhole(target, "new", { replace: true });
    expect(fs.readFileSync(target, "utf8")).toBe("new");
    expect(fs.statSync(target).mode & 0o777).toBe(0o640);
    expect(listing()).toEqual(["r.txt"]);
  });

  test("a disk that fills up half-way leaves the old file intact and no partial file behind", async () => {
    const target = path.join(dir, "r.txt");
    fs.writeFileSync(target, "the user's workbook");
    const attempt = writeFileWhole(
      target,
      async (sink) => {
        for (let i = 0; i < 10; i++) await sink.write("x".repeat(1000));
      },
      { replace: true, fs: diskFullAfter(2500) },
    );
    await expect(attempt).rejects.toBeInstanceOf(WholeFileError);
    await expect(attempt).rejects.toMatchObject({ stage: "write", code: "ENOSPC", file: target });
    expect(fs.readFileSync(target, "utf8")).toBe("the user's workbook");
    expect(listing()).toEqual(["r.txt"]);
  });

  test("a failure while producing the bytes removes the temporary file; no target appears", async () => {
    const target = path.join(dir, "new.txt");
    const attempt = writeFileWhole(target, async (sink) => {
      await sink.write("half");
      throw Object.assign(new Error("boom"), { code: "EIO" });
    });
    await expect(attempt).rejects.toMatchObject({ stage: "write", code: "EIO" });
    expect(listing()).toEqual([]);
  });

  test("a file that appears at the target while writing is not replaced", async () => {
    const target = path.join(dir, "r.txt");
    await expect(
      writeFileWhole(target, async (sink) => {
        await sink.write("ours");
        fs.writeFileSync(target, "someone else's");
      }),
    ).rejects.toMatchObject({ stage: "exists" });
    expect(fs.readFileSync(target, "utf8")).toBe("someone else's");
    expect(listing()).toEqual(["r.txt"]);
  });

  test("a write stopped half-way (Ctrl-C) leaves no hidden partial file once removeUnfinished has run", async () => {
    const target = path.join(dir, "r.txt");
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const halfWay = new Promise<void>((resolve) => (started = resolve));
    const attempt = writeFileWhole(target, async (sink) => {
      await sink.write("half");
      started();
      await gate;
    });
    await halfWay;
    expect(listing()).toEqual([expect.stringMatching(/^\.r\.txt\.\d+-[0-9a-f]{8}\.tmp$/)]);
    removeUnfinished();
    expect(listing()).toEqual([]);
    release();
    await expect(attempt).rejects.toBeInstanceOf(WholeFileError);
    expect(listing()).toEqual([]);
  });

  test("where hard links are not supported, a free name still gets the file", async () => {
    const target = path.join(dir, "r.txt");
    const noLinks: WholeFileFs = { ...nodeWholeFileFs, link: async () => Promise.reject(Object.assign(new Error("EPERM"), { code: "EPERM" })) };
    await writeBytesWhole(target, "ok", { fs: noLinks });
    expect(fs.readFileSync(target, "utf8")).toBe("ok");
    expect(listing()).toEqual(["r.txt"]);
  });
});

describe("XlsxWorkbook.save", () => {
  const book = () => XlsxWorkbook.fromSpecs([{ name: "明细", rows: [["日期", "金额"], [{ date: "2026-10-01" }, 100]] }]);

  test("a disk that fills up while saving leaves the earlier workbook readable and unchanged", async () => {
    const target = path.join(dir, "result.xlsx");
    await book().save(target);
    const before = fs.readFileSync(target);
    const bigger = XlsxWorkbook.fromSpecs([{ name: "大表", rows: Array.from({ length: 300 }, (_, i) => [`行 ${i}`, i * 1.5, `说明 ${i * 7919}`]) }]);
    await expect(bigger.save(target, { replace: true, fs: diskFullAfter(4096) })).rejects.toMatchObject({ code: "ENOSPC" });
    expect(fs.readFileSync(target).equals(before)).toBe(true);
    expect(listing()).toEqual(["result.xlsx"]);
    expect((await (await XlsxWorkbook.open(target)).listSheets()).map((s) => s.name)).toEqual(["明细"]);
  }, 30_000);

  test("replace: false refuses a file already there", async () => {
    const target = path.join(dir, "result.xlsx");
    fs.writeFileSync(target, "not mine");
    await expect(book().save(target, { replace: false })).rejects.toMatchObject({ stage: "exists" });
    expect(fs.readFileSync(target, "utf8")).toBe("not mine");
  }, 30_000);
});
