import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parse as parseYaml } from "yaml";
import type { ConfigIssue } from "../errors/config-error.js";

/** A value found for a setting, and where. */
export interface RawSetting {
  value: unknown;
  source: "env" | "yaml";
}

/** The parsed `config.yml`: sections of key/value pairs. */
export type YamlSections = Record<string, Record<string, unknown>>;

/** Where the loader reads settings from. */
export interface ConfigSources {
  env: NodeJS.ProcessEnv;
  yaml: YamlSections;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Reads a setting (spec §2.1): the environment beats YAML; a variable that is set but empty (or blank) shadows
 * YAML and yields `undefined` (the default); a YAML `null` or empty string is also `undefined`.
 */
export function readSetting(
  sources: ConfigSources,
  env: string,
  yamlPath: readonly [string, string],
): RawSetting | undefined {
  const fromEnv = sources.env[env];
  if (fromEnv !== undefined) return fromEnv.trim() === "" ? undefined : { value: fromEnv, source: "env" };
  const fromYaml = sources.yaml[yamlPath[0]]?.[yamlPath[1]];
  if (fromYaml === undefined || fromYaml === null || fromYaml === "") return undefined;
  return { value: fromYaml, source: "yaml" };
}

/**
 * Loads `config.yml`. With no `configPath`, `./config.yml` (relative to `cwd`) is read when it exists; an explicit
 * path must exist. Problems (unreadable file, invalid YAML, a section that is not a mapping) are returned as
 * issues so they are reported with every other problem.
 */
export function loadYamlSections(
  configPath: string | undefined,
  cwd: string,
): { yaml: YamlSections; path: string | undefined; issues: ConfigIssue[] } {
  const path = resolve(cwd, configPath ?? "config.yml");
  if (configPath === undefined && !existsSync(path)) return { yaml: {}, path: undefined, issues: [] };
  const fileIssue = (expected: string, yamlPath?: string): ConfigIssue => ({
    env: undefined,
    yamlPath,
    expected,
    given: JSON.stringify(path),
    source: "file",
  });
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    return { yaml: {}, path, issues: [fileIssue(`a readable YAML configuration file (${code})`)] };
  }
  let document: unknown;
  try {
    document = parseYaml(text);
  } catch (error) {
    const reason = (error as Error).message.split("\n")[0] ?? "parse error";
    return { yaml: {}, path, issues: [fileIssue(`valid YAML (${reason})`)] };
  }
  if (document === null || document === undefined) return { yaml: {}, path, issues: [] };
  if (!isMapping(document)) {
    return { yaml: {}, path, issues: [fileIssue("a YAML mapping of sections (opencti:, connector:, ...)")] };
  }
  const yaml: YamlSections = {};
  const issues: ConfigIssue[] = [];
  for (const [section, content] of Object.entries(document)) {
    if (content === null || content === undefined) continue;
    if (isMapping(content)) yaml[section] = content;
    else issues.push(fileIssue(`section "${section}" to be a mapping of settings`, section));
  }
  return { yaml, path, issues };
}
