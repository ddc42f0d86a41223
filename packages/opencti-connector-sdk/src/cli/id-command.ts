import { createInterface } from "node:readline";
import { Readable } from "node:stream";
import { generateId, StixValidationError } from "@org/stix2-types";
import type { ResolvedCliIo } from "./cli-io.js";
import { parseCommandArgs } from "./parse-command-args.js";
import { COMMAND_USAGE } from "./usage.js";

/** The deterministic id of one JSON text, or the reason there is none. */
function idOf(text: string): { id: string } | { error: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { error: `not valid JSON (${(error as Error).message})` };
  }
  if (
    typeof value !== "object" ||
    value === null ||
    Array.isArray(value) ||
    typeof (value as { type?: unknown }).type !== "string"
  ) {
    return { error: 'expected a JSON object with a "type", e.g. {"type": "malware", "name": "Emotet"}' };
  }
  try {
    return { id: generateId(value as { type: string }) };
  } catch (error) {
    if (!StixValidationError.isInstance(error)) throw error;
    const issues = error.issues.map((issue) => (issue.path === "" ? issue.message : `${issue.path}: ${issue.message}`));
    return { error: `no deterministic id: ${issues.join("; ")}` };
  }
}

/**
 * `opencti-connector id '<json>'` or `id -`: prints the platform's deterministic id of each object (`generateId`),
 * one per line; each line that cannot be read gets one error line on stderr (`line <n>: ...`) and exit code 1.
 */
export async function idCommand(args: readonly string[], io: ResolvedCliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    "id",
    args,
    {},
    {
      min: 1,
      max: 1,
      names: "a JSON object, or - to read one object per line from stdin",
    },
  );
  if (values.help) {
    io.out(COMMAND_USAGE.id);
    return 0;
  }
  const argument = positionals[0] as string;
  if (argument !== "-") {
    const result = idOf(argument);
    if ("error" in result) {
      io.err(`error: ${result.error}`);
      return 1;
    }
    io.out(result.id);
    return 0;
  }
  let failures = 0;
  let line = 0;
  for await (const text of createInterface({ input: Readable.from(io.stdin), crlfDelay: Number.POSITIVE_INFINITY })) {
    line++;
    if (text.trim() === "") continue;
    const result = idOf(text);
    if ("error" in result) {
      failures++;
      io.err(`line ${line}: ${result.error}`);
    } else {
      io.out(result.id);
    }
  }
  return failures === 0 ? 0 : 1;
}
