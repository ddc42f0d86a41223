import { describe, expect, it } from "vitest";
import { excerptMismatches, extractSnippets } from "./markdown-snippets.js";

const page = (...lines: string[]) => lines.join("\n");

describe("extractSnippets", () => {
  it("takes ts and typescript blocks with the line of their first code line, and ignores the others", () => {
    const markdown = page(
      "# Title", // 1
      "```sh", // 2
      "pnpm test",
      "```",
      "```ts", // 5
      "const a = 1;", // 6
      "```",
      "~~~TypeScript title=example.ts", // 8
      "const b = 2;", // 9
      "~~~",
      "```json",
      '{"ts": true}',
      "```",
    );
    expect(extractSnippets("x.md", markdown)).toEqual({
      snippets: [
        { file: "x.md", line: 6, code: "const a = 1;", skipped: false },
        { file: "x.md", line: 9, code: "const b = 2;", skipped: false },
      ],
      strayMarkers: [],
    });
  });

  it("removes the indentation of fences inside list items and keeps inner fences of longer ones", () => {
    const markdown = page(
      "1. Step one:", // 1
      "   ```ts", // 2
      "   if (ok) {", // 3
      "     run();",
      "   }",
      "   ```",
      "````ts", // 7
      "/** ```ts example``` */", // 8
      "```",
      "````",
    );
    expect(extractSnippets("x.md", markdown).snippets.map(({ line, code }) => ({ line, code }))).toEqual([
      { line: 3, code: "if (ok) {\n  run();\n}" },
      { line: 8, code: "/** ```ts example``` */\n```" },
    ]);
  });

  it("applies skip and excerpt markers to the next TypeScript block, blank lines allowed", () => {
    const markdown = page(
      "<!-- snippet:skip partial fragment -->",
      "",
      "```ts",
      "this.partial();",
      "```",
      "<!-- snippet:excerpt packages/x/src/index.ts -->",
      "```typescript",
      "export const x = 1;",
      "```",
    );
    expect(extractSnippets("x.md", markdown)).toEqual({
      snippets: [
        { file: "x.md", line: 4, code: "this.partial();", skipped: true },
        { file: "x.md", line: 8, code: "export const x = 1;", skipped: false, excerptOf: "packages/x/src/index.ts" },
      ],
      strayMarkers: [],
    });
  });

  it("reports markers that no TypeScript block follows, and excerpt markers without a path", () => {
    const markdown = page(
      "<!-- snippet:skip -->", // 1: followed by text
      "Some text.",
      "<!-- snippet:skip -->", // 3: followed by a sh block
      "```sh",
      "ls",
      "```",
      "<!-- snippet:excerpt -->", // 7: no path
      "```ts",
      "const c = 3;",
      "```",
      "<!-- snippet:skip -->", // 11: end of file
    );
    const { snippets, strayMarkers } = extractSnippets("x.md", markdown);
    expect(strayMarkers).toEqual([1, 3, 7, 11]);
    expect(snippets).toEqual([{ file: "x.md", line: 9, code: "const c = 3;", skipped: false }]);
  });
});

describe("excerptMismatches", () => {
  const source = page(
    "export function add(a: number, b: number): number {",
    "  return a + b;",
    "}",
    "",
    "export const ZERO = 0;",
  );

  it("accepts consecutive lines of the file, whatever their indentation", () => {
    expect(excerptMismatches("export function add(a: number, b: number): number {\nreturn a + b;\n}", source)).toEqual(
      [],
    );
  });

  it("lets `// ...` skip lines of the file, but keeps the order", () => {
    expect(
      excerptMismatches("export function add(a: number, b: number): number {\n// ...\nexport const ZERO = 0;", source),
    ).toEqual([]);
    expect(excerptMismatches("export const ZERO = 0;\n// ...\n}", source)).toEqual([2]);
  });

  it("reports an edited line", () => {
    expect(excerptMismatches("export function add(a: number, b: number) {\n  return a + b;", source)).toEqual([0]);
  });
});
