import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findLocalPackages, pnpmWorkspaceYaml, withLocalPackages } from "./local-packages.js";
import { ScaffoldError } from "./scaffold-error.js";

const manifest = {
  name: "acme-feed",
  dependencies: { "@org/opencti-connector-sdk": "^0.1.0", zod: "4.6.7" },
  devDependencies: { "@org/opencti-connector-testkit": "^0.1.0", vitest: "4.1.12" },
};

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "local-packages-"));
  for (const file of [
    "org-opencti-connector-sdk-0.1.0.tgz",
    "org-opencti-connector-testkit-0.1.0.tgz",
    "org-opencti-connector-sdk-extra-2.0.0.tgz",
    "notes.txt",
  ]) {
    await writeFile(join(dir, file), "");
  }
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("findLocalPackages", () => {
  it("finds the tarball of each @org dependency by its pnpm pack name", () => {
    expect(findLocalPackages(dir, manifest)).toEqual([
      { name: "@org/opencti-connector-sdk", file: "org-opencti-connector-sdk-0.1.0.tgz" },
      { name: "@org/opencti-connector-testkit", file: "org-opencti-connector-testkit-0.1.0.tgz" },
    ]);
  });

  it("names each package without a tarball and how to make them", () => {
    const withTypes = { ...manifest, dependencies: { ...manifest.dependencies, "@org/stix2-types": "^0.1.0" } };
    expect(() => findLocalPackages(dir, withTypes)).toThrow(ScaffoldError);
    expect(() => findLocalPackages(dir, withTypes)).toThrow(
      `--packages-from ${dir}: no org-stix2-types-<version>.tgz for @org/stix2-types (make them with \`pnpm -r --filter "@org/*" pack --pack-destination ${dir}\`)`,
    );
  });
});

describe("withLocalPackages and pnpmWorkspaceYaml", () => {
  const packages = [
    { name: "@org/opencti-connector-sdk", file: "org-opencti-connector-sdk-0.1.0.tgz" },
    { name: "@org/opencti-connector-testkit", file: "org-opencti-connector-testkit-0.1.0.tgz" },
  ];

  it("points the dependencies at vendor/ and overrides them for npm", () => {
    expect(withLocalPackages(manifest, packages)).toEqual({
      name: "acme-feed",
      dependencies: { "@org/opencti-connector-sdk": "file:vendor/org-opencti-connector-sdk-0.1.0.tgz", zod: "4.6.7" },
      devDependencies: {
        "@org/opencti-connector-testkit": "file:vendor/org-opencti-connector-testkit-0.1.0.tgz",
        vitest: "4.1.12",
      },
      overrides: {
        "@org/opencti-connector-sdk": "$@org/opencti-connector-sdk",
        "@org/opencti-connector-testkit": "$@org/opencti-connector-testkit",
      },
    });
  });

  it("writes pnpm's settings: esbuild allowed, and the overrides when packages are local", () => {
    expect(pnpmWorkspaceYaml([])).toBe(
      "# pnpm settings of this connector (npm ignores this file).\n" +
        "# vitest's bundler needs esbuild's install script, which pnpm runs only when allowed.\n" +
        "allowBuilds:\n  esbuild: true\n",
    );
    expect(pnpmWorkspaceYaml(packages).split("\n").slice(4)).toEqual([
      "# The @org/* packages come from the tarballs in vendor/ until they are on the npm registry.",
      "overrides:",
      '  "@org/opencti-connector-sdk": "file:vendor/org-opencti-connector-sdk-0.1.0.tgz"',
      '  "@org/opencti-connector-testkit": "file:vendor/org-opencti-connector-testkit-0.1.0.tgz"',
      "",
    ]);
  });
});
