import { localeFromDisplayLanguage, LOCALES, otherLocale, STRINGS, type Strings } from "../../src/taskpane/i18n";
import { RECONCILE_STRINGS, reconcileStringsFor } from "../../src/taskpane/reconcile/strings";

describe("the pane's language", () => {
  test("Chinese display languages and anything unknown give Chinese, the product's primary language", () => {
    expect(localeFromDisplayLanguage("zh-CN")).toBe("zh-CN");
    expect(localeFromDisplayLanguage("zh-TW")).toBe("zh-CN");
    expect(localeFromDisplayLanguage("de-DE")).toBe("zh-CN");
    expect(localeFromDisplayLanguage("")).toBe("zh-CN");
    expect(localeFromDisplayLanguage(undefined)).toBe("zh-CN");
  });

  test("every English display language gives English", () => {
    expect(localeFromDisplayLanguage("en-US")).toBe("en-US");
    expect(localeFromDisplayLanguage("en-GB")).toBe("en-US");
    expect(localeFromDisplayLanguage("EN-au")).toBe("en-US");
    expect(localeFromDisplayLanguage("en")).toBe("en-US");
  });

  test("switching goes back and forth between the two languages", () => {
    expect(otherLocale("zh-CN")).toBe("en-US");
    expect(otherLocale("en-US")).toBe("zh-CN");
  });

  test("the language button names the other language in that language", () => {
    expect(STRINGS["zh-CN"].switchLanguage).toBe("English");
    expect(STRINGS["en-US"].switchLanguage).toBe("中文");
  });
});

describe("the string tables", () => {
  test("a table missing a key does not compile", () => {
    // @ts-expect-error every language must carry every string
    const incomplete: Strings = { appTitle: "对账助手" };
    expect(incomplete.appTitle).toBe("对账助手");
  });

  test("both languages have the same keys and the same role names", () => {
    expect(Object.keys(STRINGS["en-US"]).sort()).toEqual(Object.keys(STRINGS["zh-CN"]).sort());
    expect(Object.keys(STRINGS["en-US"].roleNames).sort()).toEqual(Object.keys(STRINGS["zh-CN"].roleNames).sort());
  });

  test("messages put the sheet name where each language wants it", () => {
    expect(STRINGS["zh-CN"].emptySheet("Sheet3")).toBe("工作表「Sheet3」是空的，请选择有数据的工作表。");
    expect(STRINGS["en-US"].emptySheet("Sheet3")).toBe('Sheet "Sheet3" is empty. Choose a sheet that holds data.');
    expect(STRINGS["zh-CN"].sheetOption("应收明细账", 31, 8)).toBe("应收明细账（31 行 × 8 列）");
    expect(STRINGS["en-US"].sheetOption("应收明细账", 31, 8)).toBe("应收明细账 (31 rows × 8 columns)");
  });

  test("a missing sheet tells the user what to do in both languages", () => {
    expect(STRINGS["zh-CN"].portError("no_sheet", "美达对账单")).toBe(
      "找不到工作表「美达对账单」，它可能已被重命名或删除。请点“刷新列表”后重新选择。",
    );
    expect(STRINGS["en-US"].portError("no_sheet", "美达对账单")).toBe(
      'Sheet "美达对账单" was not found; it may have been renamed or deleted. Click "Refresh list" and choose again.',
    );
  });

  test("what an older Excel cannot do is said without requirement-set names, with the Excel that can, in both languages", () => {
    for (const locale of LOCALES) {
      const lines = [
        RECONCILE_STRINGS[locale].degradedPrint,
        RECONCILE_STRINGS[locale].degradedMarks,
        STRINGS[locale].portError("unsupported", "x"),
      ];
      for (const line of lines) {
        expect(line).not.toMatch(/ExcelApi|API|\b1\.\d+\b|requirement/i);
        expect(line).toContain("Microsoft 365");
        expect(line).toContain("Office 2021");
      }
    }
    expect(STRINGS["zh-CN"].portError("unsupported", "数据验证")).toBe(
      "这个版本的 Excel 做不到这一步：数据验证。请在 Microsoft 365、Office 2021 及更新版本的 Excel 或 Excel 网页版中使用对账助手。",
    );
    expect(RECONCILE_STRINGS["zh-CN"].degradedPrint).toBe(
      "这个版本的 Excel 不能由对账助手设置打印页面：余额调节表没有设为 A4 打印，打印前请在“页面布局”中设置纸张和页边距。Microsoft 365、Office 2021 及更新版本的 Excel 和 Excel 网页版会自动设好。",
    );
  });
});

describe("the language of a strings table", () => {
  test("is what the table says, so a copy of a table is in the same language", () => {
    for (const locale of LOCALES) {
      expect(STRINGS[locale].locale).toBe(locale);
      const copy: Strings = { ...STRINGS[locale] };
      expect(copy.locale).toBe(locale);
      expect(reconcileStringsFor(copy)).toBe(RECONCILE_STRINGS[locale]);
    }
  });
});
