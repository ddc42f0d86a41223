import { relative } from "node:path";
import { describe, expect, it } from "vitest";
import { BASE_VARIABLES } from "../../src/config/base-variables.js";
import { IGNORED_VARIABLES, QUEUE_PROTOCOL_ALIAS, UNSUPPORTED_VARIABLES } from "../../src/config/legacy-variables.js";
import * as sdk from "../../src/index.js";
import { documentationFiles, REPOSITORY_ROOT } from "./documentation-files.js";

/** Every variable name the SDK reads, warns about or rejects, and its exported constants (`OPENCTI_EXTENSION_ID`). */
const KNOWN = new Set([
  ...Object.keys(sdk),
  ...BASE_VARIABLES.map((variable) => variable.env),
  ...IGNORED_VARIABLES.map((variable) => variable.env),
  ...UNSUPPORTED_VARIABLES.map((variable) => variable.env),
  QUEUE_PROTOCOL_ALIAS.env,
]);

/** `OPENCTI_*`, `CONNECTOR_*`, `MQ_*` and `LISTEN_PROTOCOL_*` names; patterns such as `MQ_USE_SSL_*` and file names are not. */
const VARIABLE = /\b(?:OPENCTI|CONNECTOR|MQ|LISTEN_PROTOCOL)_[A-Z0-9_]*[A-Z0-9]\b(?![*.]|_\*)/g;

describe("configuration variables named in README.md and docs/*.md", () => {
  it.each(documentationFiles().map((file) => [relative(REPOSITORY_ROOT, file.path), file.text] as const))(
    "%s names only variables (and constants) the SDK knows",
    (_name, text) => {
      const unknown = [...new Set(text.match(VARIABLE) ?? [])].filter((name) => !KNOWN.has(name));
      expect(unknown).toEqual([]);
    },
  );

  it("catches a misspelt variable and leaves patterns and file names alone", () => {
    const text =
      "Set `CONNECTOR_DURATION_PERIODS`, `MQ_USE_SSL_*`, `CONNECTOR_*_INTERVAL` and `CONNECTOR_CONFIG_DOC.md`.";
    expect(text.match(VARIABLE)).toEqual(["CONNECTOR_DURATION_PERIODS"]);
  });
});
