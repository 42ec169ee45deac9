// Lint: typescript-eslint's recommended rules plus the type-aware ones this codebase relies on
// (no floating promises, no misused promises). Runs on typescript 5.9 (TS 7 has no JS API).
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["node_modules/", "dist/", "test-results/", "**/dist/", "bench/results/", "appPackage/build/", "coverage/", "data/", "public/", "server/db/migrations/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-undef": "off",
    },
  },
  {
    // The front end is written the Fluent UI v9 way (README, "Front end"): makeStyles + tokens, so the
    // light, dark and high-contrast themes reach every element; Fluent Table, Select and Link.
    // No exceptions today. A value that truly must be computed inline (say a progress bar's width)
    // takes `// eslint-disable-next-line no-restricted-syntax -- <why>` on the line above it.
    files: ["src/**/*.tsx", "src/**/*.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        { selector: "JSXAttribute[name.name='style']", message: "Use makeStyles with tokens (className), not an inline style." },
        { selector: "Literal[value=/var\\(--/]", message: "Use tokens.<name> from @fluentui/react-components, not a raw var(--…) string." },
        { selector: "TemplateElement[value.raw=/var\\(--/]", message: "Use tokens.<name> from @fluentui/react-components, not a raw var(--…) string." },
        { selector: "JSXOpeningElement[name.name='table']", message: "Use Fluent's Table (TableHeader, TableRow, TableCell…), not a raw <table>." },
        { selector: "JSXOpeningElement[name.name='select']", message: "Use Fluent's Select (or Dropdown/Combobox), not a raw <select>." },
        { selector: "JSXOpeningElement[name.name='a']", message: "Use Fluent's Link: a raw <a> keeps the browser's blue, unreadable on the dark theme." },
        {
          selector: "JSXOpeningElement[name.name='FluentProvider'] > JSXAttribute[name.name='className']",
          message: "Fluent copies a FluentProvider's className onto every portal mount node, a layer over the whole page: keep page layout on a child (src/ui/FluentRoot.tsx).",
        },
      ],
    },
  },
  {
    // One date formatter (src/features/panel/dates/panelDates.ts, through useDates): every date and
    // time in the UI is written by it, in the viewer's locale and zone, so pages do not drift apart
    // ("Fri, Nov 20" here, "Fri 20 Nov 2026" there, "07:00 PM" vs "7:00 PM").
    files: ["src/**/*.tsx", "src/**/*.ts"],
    // Two named exceptions in create series: CreateSeries.tsx reads the browser's zone and the list of
    // zones (detection, not formatting), and seriesSummary.ts writes the weekday in the *series'* zone,
    // which is not the viewer's (tested in test/features/series/seriesSummary.test.ts).
    ignores: ["src/features/panel/dates/**", "src/features/series/CreateSeries.tsx", "src/features/series/seriesSummary.ts"],
    rules: {
      "no-restricted-properties": [
        "error",
        ...["toLocaleDateString", "toLocaleTimeString", "toLocaleString"].map((property) => ({
          property,
          message: "Write dates through the one formatter (useDates / panelDates in src/features/panel/dates/).",
        })),
        { object: "Intl", property: "DateTimeFormat", message: "Write dates through the one formatter (useDates / panelDates in src/features/panel/dates/)." },
      ],
    },
  },
  {
    files: ["**/*.js", "**/*.mjs"],
    languageOptions: { globals: { process: "readonly", console: "readonly" } },
  },
  {
    files: ["**/*.cjs"],
    languageOptions: { sourceType: "commonjs", globals: { module: "writable", require: "readonly" } },
  },
);
