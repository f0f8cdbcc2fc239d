/**
 * Reading a PDF the way the print test needs it: pages with their size and their text lines with boxes,
 * from poppler's `pdfinfo` and `pdftotext -bbox-layout`; and LibreOffice's headless conversion.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { hasCommands } from "../support/required";

export interface PdfLine {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface PdfPage {
  width: number;
  height: number;
  lines: PdfLine[];
  /** All the page's text, lines joined by newlines in reading order. */
  text: string;
}

export function hasTools(): boolean {
  return hasCommands("soffice", "pdftotext", "pdfinfo");
}

/**
 * Converts a workbook to PDF with LibreOffice headless, under a profile of its own (parallel runs would
 * otherwise share and lock one), and returns the PDF's path.
 */
export function toPdf(xlsx: string, outDir: string): string {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "duizhang-lo-"));
  try {
    execFileSync("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "pdf", "--outdir", outDir, xlsx], {
      stdio: "pipe",
      timeout: 170_000,
    });
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
  const pdf = path.join(outDir, `${path.basename(xlsx, path.extname(xlsx))}.pdf`);
  if (!fs.existsSync(pdf)) throw new Error(`LibreOffice wrote no PDF for ${xlsx}`);
  return pdf;
}

const unescape = (t: string) =>
  t.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");

export function readPdf(pdf: string): PdfPage[] {
  const html = execFileSync("pdftotext", ["-bbox-layout", pdf, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const pages: PdfPage[] = [];
  for (const m of html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)) {
    const lines: PdfLine[] = [];
    for (const l of m[3].matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)) {
      const words = [...l[5].matchAll(/<word [^>]*>([\s\S]*?)<\/word>/g)].map((w) => unescape(w[1]));
      lines.push({ text: words.join(" "), xMin: Number(l[1]), yMin: Number(l[2]), xMax: Number(l[3]), yMax: Number(l[4]) });
    }
    pages.push({ width: Number(m[1]), height: Number(m[2]), lines, text: lines.map((l) => l.text).join("\n") });
  }
  return pages;
}

export function pageCount(pdf: string): number {
  const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? NaN);
}
