/**
 * Core says things as message codes (src/core/messages.ts); the words are in the message tables. This test
 * reads core's source: no `{ zh, en }` texts, and Chinese in string literals only where it is data the
 * domain reads or writes (labels the reader matches, template text and placeholders, 大写 digits, sheet and
 * column names, scorecard defaults written to sheets), each such file named below with what it holds.
 * Comments and regular expressions are not string literals and are not looked at.
 */
import * as fs from "fs";
import * as path from "path";
import ts from "typescript";

const CORE = path.join(__dirname, "../../src/core");
const CJK = /[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]/;

/** Files whose Chinese literals are domain data, with what that data is. */
const DOMAIN_DATA: Record<string, string> = {
  "collect/builtin.ts": "the built-in demand letters and payment commitment: the papers' own text and {{placeholders}}",
  "collect/demand.ts": "the papers' titles (提醒函, 催款函, 最后通知), written to and read back from the 函证登记簿's 类型 column",
  "collect/papers.ts": "level names printed in the letters, and the template fields' names ({{编号}}, {{合计大写}} …)",
  "collect/register.ts": "the 还款计划 sheet's name and column headers, and the register's 类型/结果 values it reads",
  "credit/application.ts": "the application form's labels and their aliases (read and written), and its drop-down choices",
  "credit/register.ts": "the 信用档案 sheet's name, column labels and aliases",
  "credit/scorecard.ts": "the 评分标准 sheet: its default items, units, conditions and labels, written for the user to edit and read back",
  "letters/amountInWords.ts": "大写 digits and units",
  "letters/builtin.ts": "the built-in confirmation letters' text and {{placeholders}}",
  "letters/company.ts": "the 本公司信息 sheet's labels and their aliases",
  "letters/fields.ts": "the template fields' names and aliases",
  "letters/layout.ts": "the letters sheet's name",
  "letters/letter.ts": "the template fields' names, and the balance direction printed in a letter",
  "letters/register.ts": "the 函证登记簿's name, columns, aliases and the values of its 类型/结果 columns",
  "letters/template.ts": "the Chinese date format written to letter cells, and the placeholder syntax",
  "letters/types.ts": "the papers' types as the register writes them",
  "read/balances.ts": "balance-table headers and directions the reader matches",
  "read/roles.ts": "column names the reader matches",
  "read/title.ts": "title words the reader matches (对账单, 应付)",
  "values/amount.ts": "amount words the reader parses (元, 万, 大写 digits, 借/贷)",
  // Aging's own: labels written to its sheets and JSON.
  "aging/buckets.ts": "the aging buckets' labels written to 账龄分析 and the JSON",
  "aging/phase-bucket.ts": "the opening-balance item's label",
  "aging/phase-group.ts": "the label of rows without a dealer",
};

function coreFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? coreFiles(p) : p.endsWith(".ts") ? [p] : [];
  });
}

interface Finding {
  file: string;
  line: number;
  text: string;
}

function scan(file: string): { cjk: Finding[]; zh: Finding[] } {
  const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.ES2020, true);
  const rel = path.relative(CORE, file).split(path.sep).join("/");
  const at = (n: ts.Node, text: string): Finding => ({ file: rel, line: source.getLineAndCharacterOfPosition(n.getStart()).line + 1, text });
  const cjk: Finding[] = [];
  const zh: Finding[] = [];
  const visit = (n: ts.Node): void => {
    if ((ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n) || ts.isTemplateHead(n) || ts.isTemplateMiddle(n) || ts.isTemplateTail(n)) && CJK.test(n.text)) {
      cjk.push(at(n, n.text));
    }
    // `zh:` or `en:` in a value or in a type: text in a language.
    if ((ts.isPropertyAssignment(n) || ts.isShorthandPropertyAssignment(n) || ts.isPropertySignature(n)) && n.name !== undefined && ts.isIdentifier(n.name) && (n.name.text === "zh" || n.name.text === "en")) {
      zh.push(at(n, n.getText(source).slice(0, 80)));
    }
    ts.forEachChild(n, visit);
  };
  visit(source);
  return { cjk, zh };
}

const found = coreFiles(CORE).map(scan);

describe("src/core holds no text", () => {
  it("has no zh: or en: texts, in values or types", () => {
    expect(found.flatMap((f) => f.zh)).toEqual([]);
  });

  it("has Chinese string literals only in the files of domain data", () => {
    const outside = found.flatMap((f) => f.cjk).filter((f) => !(f.file in DOMAIN_DATA));
    expect(outside).toEqual([]);
  });

  it("lists no file of domain data that holds none", () => {
    const holding = new Set(found.flatMap((f) => f.cjk).map((f) => f.file));
    expect(Object.keys(DOMAIN_DATA).filter((f) => !holding.has(f))).toEqual([]);
  });
});
