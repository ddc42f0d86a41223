import type { z } from "zod";
import { formatJsonPath } from "../errors/json-path.js";
import type { StixValidationIssue } from "../errors/stix-validation-error.js";

/** Error map used for every parse: a missing property reads "is required" rather than a type mismatch. */
export const zodErrorMap: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === "invalid_type" && issue.input === undefined) return "is required";
  return undefined;
};

/** Converts zod issues to {@link StixValidationIssue}s, their paths prefixed with `prefix`. */
export function toStixIssues(error: z.ZodError, prefix: readonly PropertyKey[]): StixValidationIssue[] {
  return error.issues.map((issue) => ({ path: formatJsonPath([...prefix, ...issue.path]), message: issue.message }));
}
