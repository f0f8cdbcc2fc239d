// Lint: TypeScript-aware recommended rules; `npm run lint` also type-checks the whole project.
const js = require("@eslint/js");
const tseslint = require("typescript-eslint");
const reactHooks = require("eslint-plugin-react-hooks");

const EXCEL_RUN = { selector: "MemberExpression[object.name='Excel'][property.name='run']", message: "Only src/excel calls Excel.run." };
// Fen and Yuan are made by src/core/money.ts's crossings (fen, fenAt, yuan, yuanToFen, fenToYuan), never by a cast.
const UNIT_CASTS = ["TSAsExpression", "TSTypeAssertion"].map((node) => ({
  selector: `${node} > TSTypeReference.typeAnnotation[typeName.name=/^(Fen|Yuan)$/]`,
  message: "Make Fen or Yuan with src/core/money.ts (fen, fenAt, yuan, yuanToFen), not with a cast.",
}));

module.exports = tseslint.config(
  { ignores: ["dist/", "lib/", ".bench/", "node_modules/", "coverage/", "test-artifacts/", "out/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: "module" },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-syntax": ["error", EXCEL_RUN, ...UNIT_CASTS],
    },
  },
  {
    // The two classic hook rules; the newer compiler-oriented ones are left off.
    files: ["src/taskpane/**/*.{ts,tsx}", "src/preview/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: { "react-hooks/rules-of-hooks": "error", "react-hooks/exhaustive-deps": "warn" },
  },
  {
    files: ["src/excel/**"],
    rules: { "no-restricted-syntax": ["error", ...UNIT_CASTS] },
  },
  {
    // The one place a number is declared to be fen or yuan.
    files: ["src/core/money.ts"],
    rules: { "no-restricted-syntax": ["error", EXCEL_RUN] },
  },
  {
    files: ["**/*.js"],
    languageOptions: { sourceType: "commonjs", globals: { require: "readonly", module: "writable", __dirname: "readonly", process: "readonly", console: "readonly", Buffer: "readonly" } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
