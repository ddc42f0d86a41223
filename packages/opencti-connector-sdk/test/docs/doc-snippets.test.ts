import { existsSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { documentationFiles, REPOSITORY_ROOT } from "./documentation-files.js";
import { excerptMismatches, extractSnippets, type MarkdownSnippet } from "./markdown-snippets.js";
import { type SnippetDiagnostic, typeCheckSnippets } from "./snippet-type-checker.js";
import { workspaceEntries } from "./workspace-entries.js";

const files = documentationFiles().map((file) => ({ ...file, ...extractSnippets(file.path, file.text) }));
const snippets = files.flatMap((file) => file.snippets);
const compiled = (snippet: MarkdownSnippet) => !snippet.skipped && snippet.excerptOf === undefined;
const checked = snippets.filter(compiled);
const excerpts = snippets.filter((snippet) => snippet.excerptOf !== undefined);
const entries = workspaceEntries(REPOSITORY_ROOT);

// A Markdown page of this test's own, compiled with the documentation, proving the check can fail and points at
// the right line.
const SELF_TEST_PATH = join(REPOSITORY_ROOT, "docs", "__self-test__.md");
const SELF_TEST = [
  "# Self test", //                                                     line 1
  "",
  "```ts",
  'import { ConfigError } from "@org/opencti-connector-sdk";', //       line 4
  'const count: number = "three";', //                                   line 5
  "console.log(ConfigError.isInstance(count));",
  "```",
  "",
  "```ts",
  'import { NoSuchExport } from "@org/opencti-connector-sdk";', //      line 10
  "console.log(NoSuchExport);",
  "```",
  "",
  "<!-- snippet:skip partial fragment -->",
  "```ts",
  "this is not TypeScript",
  "```",
  "",
  "<!-- snippet:excerpt packages/opencti-connector-sdk/src/connector/import-state.ts -->",
  "```ts",
  'export const LAST_RUN_KEY = "last_run";',
  "// ...",
  "  export function relativeStart(now: number, duration: number | string): string {",
  "```",
  "",
  "<!-- snippet:excerpt packages/opencti-connector-sdk/src/connector/import-state.ts -->",
  "```ts",
  "export function relativeStart(now: number, duration: number | string): string {",
  "// ...",
  'export const LAST_RUN_KEY = "last_run";',
  "```",
].join("\n");
const selfTest = extractSnippets(SELF_TEST_PATH, SELF_TEST).snippets;

let results: Map<MarkdownSnippet, SnippetDiagnostic[]>;

beforeAll(() => {
  results = typeCheckSnippets(
    [...checked, ...selfTest.filter(compiled)],
    {
      tsconfigPath: join(REPOSITORY_ROOT, "tsconfig.base.json"),
      packageDir: fileURLToPath(new URL("../../", import.meta.url)),
      entries,
    },
    REPOSITORY_ROOT,
  );
}, 180_000);

const render = (diagnostics: readonly SnippetDiagnostic[] | undefined) =>
  (diagnostics ?? []).map((d) => `${d.location} ${d.message}`);

describe("TypeScript blocks of README.md and docs/*.md", () => {
  it.each(checked.map((snippet) => [`${relative(REPOSITORY_ROOT, snippet.file)}:${snippet.line}`, snippet] as const))(
    "%s type-checks against the workspace packages",
    (_name, snippet) => {
      expect(render(results.get(snippet))).toEqual([]);
    },
  );

  it.each(excerpts.map((snippet) => [`${relative(REPOSITORY_ROOT, snippet.file)}:${snippet.line}`, snippet] as const))(
    "%s is a verbatim excerpt of the file it names",
    (_name, snippet) => {
      const path = join(REPOSITORY_ROOT, snippet.excerptOf as string);
      expect(existsSync(path), `${snippet.excerptOf} does not exist`).toBe(true);
      const missing = excerptMismatches(snippet.code, readFileSync(path, "utf8"));
      expect(missing.map((index) => `line ${snippet.line + index} is not in ${snippet.excerptOf}`)).toEqual([]);
    },
  );

  it.each(files.map((file) => [relative(REPOSITORY_ROOT, file.path), file.strayMarkers] as const))(
    "%s has no snippet marker without a TypeScript block after it",
    (_name, strayMarkers) => {
      expect(strayMarkers).toEqual([]);
    },
  );

  it("resolves every public entry of the @org packages to its source", () => {
    expect(entries.map((entry) => entry.specifier)).toContain("@org/opencti-connector-sdk");
    expect(entries.filter((entry) => entry.source === undefined)).toEqual([]);
  });
});

describe("the snippet check itself", () => {
  it("reports type errors and unknown exports at their Markdown line and column", () => {
    const [wrongType, wrongImport, skipped, excerpt] = selfTest;
    expect(skipped?.skipped).toBe(true);
    expect(results.has(skipped as MarkdownSnippet)).toBe(false);
    expect(results.has(excerpt as MarkdownSnippet)).toBe(false);
    expect(render(results.get(wrongType as MarkdownSnippet))).toEqual([
      "docs/__self-test__.md:5:7 TS2322: Type 'string' is not assignable to type 'number'.",
    ]);
    expect(render(results.get(wrongImport as MarkdownSnippet))).toEqual([
      "docs/__self-test__.md:10:10 TS2305: Module '\"@org/opencti-connector-sdk\"' has no exported member 'NoSuchExport'.",
    ]);
  });

  it("checks excerpts against their file, in order, with `// ...` for omitted lines", () => {
    const [, , , inOrder, outOfOrder] = selfTest;
    const source = readFileSync(join(REPOSITORY_ROOT, inOrder?.excerptOf as string), "utf8");
    expect(excerptMismatches(inOrder?.code as string, source)).toEqual([]);
    expect(excerptMismatches(outOfOrder?.code as string, source)).toEqual([2]);
  });
});
