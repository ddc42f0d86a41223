import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { renderConfigurationDocs } from "../../scripts/config-docs.js";
import { BASE_VARIABLES } from "../../src/config/base-variables.js";

const docsPath = fileURLToPath(new URL("../../../../docs/configuration.md", import.meta.url));

describe("docs/configuration.md", () => {
  it("is up to date with the variable table (run pnpm docs:config)", () => {
    expect(readFileSync(docsPath, "utf8")).toBe(renderConfigurationDocs());
  });

  it("lists every base variable with its YAML path", () => {
    const docs = renderConfigurationDocs();
    for (const variable of BASE_VARIABLES) {
      expect(docs).toMatch(new RegExp(`\\| \`${variable.env}\` +\\| \`${variable.yaml.join("\\.")}\` +\\|`));
    }
  });
});
