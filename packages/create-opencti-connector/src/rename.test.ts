import { describe, expect, it } from "vitest";
import { resolveConnectorNames } from "./connector-names.js";
import { renameText, restorePath, TEMPLATE_NAMES } from "./rename.js";

const acme = resolveConnectorNames({
  directory: "acme-feed",
  name: "Acme Threat Intel",
  namespace: "acme",
  scope: "indicator,vulnerability",
});

describe("renameText", () => {
  it.each([
    ["image: opencti/connector-template:latest", "image: opencti/connector-acme-feed:latest"],
    ['"slug": "template",', '"slug": "acme-feed",'],
    [
      '"$id": "https://www.filigran.io/connectors/template_config.schema.json"',
      '"$id": "https://www.filigran.io/connectors/acme-feed_config.schema.json"',
    ],
    ["tree/master/external-import/template", "tree/master/external-import/acme-feed"],
    ["  connector-template:", "  acme-feed:"],
    ['"name": "connector-template",', '"name": "acme-feed",'],
    ["CONNECTOR_NAME=Template Feed", "CONNECTOR_NAME=Acme Threat Intel"],
    ["TEMPLATE_API_KEY=ChangeMe", "ACME_API_KEY=ChangeMe"],
    ["export const TEMPLATE_AUTHOR = identity", "export const ACME_AUTHOR = identity"],
    ['namespace: "template",', 'namespace: "acme",'],
    ["template:\n  api_key: 'ChangeMe'", "acme:\n  api_key: 'ChangeMe'"],
    ["context.config.template.api_key", "context.config.acme.api_key"],
    ["`template.api_base_url`", "`acme.api_base_url`"],
    ["export const templateConfig = defineConnectorConfig(", "export const acmeFeedConfig = defineConnectorConfig("],
    ["class TemplateConnector extends", "class AcmeFeedConnector extends"],
    ["await runTemplateDemo({", "await runAcmeFeedDemo({"],
    ["API key of the Template API", "API key of the Acme Threat Intel API"],
    ['scope: ["indicator", "malware"],', 'scope: ["indicator", "vulnerability"],'],
    ['"default": ["indicator", "malware"]', '"default": ["indicator", "vulnerability"]'],
    ['`["indicator","malware"]`', '`["indicator","vulnerability"]`'],
    ["| `indicator,malware` |", "| `indicator,vulnerability` |"],
    ['const prefix = "connector-template-demo-";', 'const prefix = "acme-feed-demo-";'],
  ])("%j", (input, output) => {
    expect(renameText(input, acme)).toBe(output);
  });

  it("uses the title without a final Feed as the source's name in prose", () => {
    const names = resolveConnectorNames({ directory: "acme-feed" });
    expect(renameText("Base URL of the Template API; the Template Feed connector", names)).toBe(
      "Base URL of the Acme API; the Acme Feed connector",
    );
  });

  it("leaves what is not a template name alone", () => {
    const text = "Templates, a templated string, TPL-0001, @org/opencti-connector-testkit, feed.example.com";
    expect(renameText(text, acme)).toBe(text);
  });

  it("never renames a replacement again", () => {
    const names = resolveConnectorNames({ directory: "tpl", name: "Template Intelligence", namespace: "tpl" });
    expect(renameText("CONNECTOR_NAME=Template Feed; the Template API; TEMPLATE_API_KEY", names)).toBe(
      "CONNECTOR_NAME=Template Intelligence; the Template Intelligence API; TPL_API_KEY",
    );
  });

  it("is the identity with the template's own names", () => {
    const text =
      'templateConfig TemplateConnector TEMPLATE_API_KEY "slug": "template" connector-template Template Feed';
    expect(renameText(text, TEMPLATE_NAMES)).toBe(text);
  });
});

describe("restorePath", () => {
  it("gives shipped dotfiles their real name and keeps other paths", () => {
    expect(restorePath("_gitignore")).toBe(".gitignore");
    expect(restorePath("_dockerignore")).toBe(".dockerignore");
    expect(restorePath("__metadata__/connector_manifest.json")).toBe("__metadata__/connector_manifest.json");
    expect(restorePath("src/_gitignore")).toBe("src/.gitignore");
  });
});
