import { describe, expect, it } from "vitest";
import { isTemplateFile, resolveSpecifiers, shippedPath, stripMonorepoSections } from "./template-files.js";

describe("isTemplateFile", () => {
  it.each([
    ["src/index.ts", true],
    ["__metadata__/connector_manifest.json", true],
    [".gitignore", true],
    ["config.yml.sample", true],
    ["config.yml", false],
    ["node_modules/zod/package.json", false],
    ["dist/index.js", false],
    [".turbo/turbo-build.log", false],
    [".test-report.json", false],
    [".env", false],
  ])("%s: %s", (path, expected) => {
    expect(isTemplateFile(path)).toBe(expected);
  });
});

describe("shippedPath", () => {
  it("ships .gitignore and .dockerignore under names npm keeps", () => {
    expect(shippedPath(".gitignore")).toBe("_gitignore");
    expect(shippedPath("sub/.dockerignore")).toBe("sub/_dockerignore");
    expect(shippedPath("src/index.ts")).toBe("src/index.ts");
  });

  it("refuses another dotfile rather than losing it", () => {
    expect(() => shippedPath(".npmrc")).toThrow(".npmrc: dotfile without a shipped name in SHIPPED_DOTFILES");
  });
});

describe("stripMonorepoSections", () => {
  it("removes each marked part, markers included", () => {
    const readme = [
      "## Docker",
      "",
      "docker build .",
      "<!-- monorepo-only:start -->",
      "From the monorepo: pnpm deploy",
      "<!-- monorepo-only:end -->",
      "",
      "## Manual",
    ].join("\n");
    expect(stripMonorepoSections(readme)).toBe("## Docker\n\ndocker build .\n\n## Manual");
  });
});

describe("resolveSpecifiers", () => {
  const versions = {
    catalog: { zod: "4.6.7", vitest: "4.1.12" },
    workspace: { "@org/opencti-connector-sdk": "0.1.0" },
  };

  it("replaces workspace:* with ^version and catalog: with the catalog's version", () => {
    const manifest = {
      name: "connector-template",
      dependencies: { "@org/opencti-connector-sdk": "workspace:*", zod: "catalog:" },
      devDependencies: { vitest: "catalog:", other: "^1.2.3" },
    };
    expect(resolveSpecifiers(manifest, versions)).toEqual({
      name: "connector-template",
      dependencies: { "@org/opencti-connector-sdk": "^0.1.0", zod: "4.6.7" },
      devDependencies: { vitest: "4.1.12", other: "^1.2.3" },
    });
  });

  it("names a dependency whose version is unknown", () => {
    expect(() => resolveSpecifiers({ dependencies: { yaml: "catalog:" } }, versions)).toThrow(
      "dependencies.yaml: not in the catalog of pnpm-workspace.yaml",
    );
    expect(() => resolveSpecifiers({ devDependencies: { "@org/x": "workspace:*" } }, versions)).toThrow(
      "devDependencies.@org/x: no workspace package named @org/x",
    );
  });
});
