import { existsSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { documentationFiles, REPOSITORY_ROOT } from "./documentation-files.js";
import { headingAnchor, headingAnchors, relativeLinks } from "./markdown-links.js";

const files = documentationFiles();

/** What is wrong with each relative link of `file`: a missing target, or an anchor that is not a heading there. */
function brokenLinks(path: string, text: string): string[] {
  const broken: string[] = [];
  for (const link of relativeLinks(text)) {
    const target = link.path === "" ? path : resolve(dirname(path), link.path);
    const where = `line ${link.line}: ${link.path}${link.anchor === undefined ? "" : `#${link.anchor}`}`;
    if (!existsSync(target)) {
      broken.push(`${where} (no such file)`);
      continue;
    }
    if (link.anchor === undefined || !statSync(target).isFile() || !target.endsWith(".md")) continue;
    if (!headingAnchors(readFileSync(target, "utf8")).has(link.anchor)) broken.push(`${where} (no such heading)`);
  }
  return broken;
}

describe("links of README.md and docs/*.md", () => {
  it.each(files.map((file) => [relative(REPOSITORY_ROOT, file.path), file] as const))(
    "%s links only to existing files and headings",
    (_name, file) => {
      expect(brokenLinks(file.path, file.text)).toEqual([]);
    },
  );

  it("docs/README.md indexes every page of docs/", () => {
    const index = files.find((file) => relative(REPOSITORY_ROOT, file.path) === join("docs", "README.md"));
    const linked = new Set(relativeLinks(index?.text ?? "").map((link) => link.path));
    const pages = files
      .filter((file) => dirname(file.path) === join(REPOSITORY_ROOT, "docs"))
      .map((file) => basename(file.path))
      .filter((name) => name !== "README.md");
    expect(pages.filter((page) => !linked.has(page))).toEqual([]);
  });
});

describe("the link check itself", () => {
  it("finds relative links outside code, with their anchors", () => {
    const text = [
      "See [Concepts](concepts.md#state), [here](#top) and [the site](https://example.com).",
      "`[not a link](nowhere.md)`",
      "```md",
      "[inside a block](nowhere.md)",
      "```",
    ].join("\n");
    expect(relativeLinks(text)).toEqual([
      { line: 1, path: "concepts.md", anchor: "state" },
      { line: 1, path: "", anchor: "top" },
    ]);
  });

  it("computes GitHub's heading anchors", () => {
    expect(headingAnchor("Scaling: the platform's RabbitMQ and workers")).toBe(
      "scaling-the-platforms-rabbitmq-and-workers",
    );
    expect(headingAnchor("`stixBundlePush` (`api`)")).toBe("stixbundlepush-api");
    expect([...headingAnchors("# Title\n```\n# not a heading\n```\n## Metrics and health")]).toEqual([
      "title",
      "metrics-and-health",
    ]);
  });

  it("reports a missing file and a missing heading", () => {
    const page = join(REPOSITORY_ROOT, "docs", "concepts.md");
    expect(brokenLinks(page, "[a](no-such-page.md) [b](deployment.md#no-such-heading) [c](deployment.md#tls)")).toEqual(
      ["line 1: no-such-page.md (no such file)", "line 1: deployment.md#no-such-heading (no such heading)"],
    );
  });
});
