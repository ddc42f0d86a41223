import { accessSync, constants, readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { BaseVariable } from "./base-variables.js";
import { coerceRaw, expectedFor, parseBoolean } from "./coerce.js";
import { parseDuration } from "./duration.js";

/** Result of reading one base variable. */
export type BaseParse = { ok: true; value: unknown } | { ok: false; expected: string };

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UUID_EXAMPLE = "5ed680de-75e2-4aa0-bec0-4e8e5a0d1695";

/** What a base variable accepts, for configuration errors. */
export function expectedForBase(variable: BaseVariable): string {
  switch (variable.kind) {
    case "url":
      return "an http(s) URL such as https://opencti.example.com";
    case "uuid":
      return `a UUID such as ${UUID_EXAMPLE}`;
    case "secret":
      return variable.env === "OPENCTI_TOKEN" ? "the API token of an OpenCTI user" : "a non-empty secret";
    case "path":
      return "a path";
    case "bool-or-path":
      return "a boolean or the path of a readable CA bundle (PEM)";
    case "pem-or-path":
      return "PEM text (-----BEGIN ...) or the path of a readable PEM file";
    case "integer":
    case "number": {
      const base = expectedFor(variable.kind);
      if (variable.min !== undefined && variable.max !== undefined) {
        return `${base} from ${variable.min} to ${variable.max}`;
      }
      return variable.min === undefined ? base : `${base} >= ${variable.min}`;
    }
    default:
      if (variable.env === "CONNECTOR_NAME") return "a name of at least 2 characters";
      return expectedFor(variable.kind, variable.enumValues);
  }
}

function readable(path: string, cwd: string): string | undefined {
  const full = resolve(cwd, path);
  try {
    accessSync(full, constants.R_OK);
    return full;
  } catch {
    return undefined;
  }
}

function fail(variable: BaseVariable, detail?: string): BaseParse {
  return { ok: false, expected: detail ?? expectedForBase(variable) };
}

/**
 * Reads and checks one base variable's raw value (environment string or YAML value). Paths are resolved
 * against `cwd`; `pem-or-path` files are read, so their content is what the config holds.
 */
export function parseBaseValue(variable: BaseVariable, raw: unknown, cwd: string): BaseParse {
  switch (variable.kind) {
    case "boolean":
    case "list": {
      const coerced = coerceRaw(variable.kind, raw);
      return coerced.ok ? coerced : fail(variable);
    }
    case "integer":
    case "number": {
      const coerced = coerceRaw(variable.kind, raw);
      if (!coerced.ok) return fail(variable);
      const n = coerced.value as number;
      const inRange =
        Number.isFinite(n) &&
        (variable.kind === "number" || Number.isInteger(n)) &&
        (variable.min === undefined || n >= variable.min) &&
        (variable.max === undefined || n <= variable.max);
      return inRange ? coerced : fail(variable);
    }
    case "bool-or-path": {
      const flag = parseBoolean(raw);
      if (flag !== undefined) return { ok: true, value: { verify: flag } };
      const path = typeof raw === "string" ? readable(raw.trim(), cwd) : undefined;
      return path === undefined ? fail(variable) : { ok: true, value: { verify: true, caPath: path } };
    }
    default:
      break;
  }
  const coerced = coerceRaw("string", raw);
  if (!coerced.ok) return fail(variable);
  const text = (coerced.value as string).trim();
  switch (variable.kind) {
    case "url": {
      let url: URL;
      try {
        url = new URL(text);
      } catch {
        return fail(variable);
      }
      if (url.protocol !== "http:" && url.protocol !== "https:") return fail(variable);
      return { ok: true, value: text.replace(/\/+$/, "") };
    }
    case "uuid":
      if (text.includes("_")) {
        return fail(variable, `${expectedForBase(variable)}, without "_" (the platform splits work ids on "_")`);
      }
      return UUID_PATTERN.test(text) ? { ok: true, value: text } : fail(variable);
    case "secret":
      if (variable.env === "OPENCTI_TOKEN" && text.toLowerCase() === "changeme") {
        return fail(variable, `${expectedForBase(variable)}, not the ChangeMe placeholder`);
      }
      return { ok: true, value: text };
    case "enum": {
      const match = variable.enumValues?.find((value) => value.toLowerCase() === text.toLowerCase());
      return match === undefined ? fail(variable) : { ok: true, value: match };
    }
    case "duration":
      try {
        return { ok: true, value: parseDuration(text) };
      } catch {
        return fail(variable);
      }
    case "pem-or-path": {
      if (text.startsWith("-----BEGIN")) return { ok: true, value: text };
      const path = readable(text, cwd);
      return path === undefined ? fail(variable) : { ok: true, value: readFileSync(path, "utf8") };
    }
    default:
      if (variable.env === "CONNECTOR_NAME" && text.length < 2) return fail(variable);
      return { ok: true, value: text };
  }
}
