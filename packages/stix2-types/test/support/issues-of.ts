import { StixValidationError, type StixValidationIssue } from "../../src/errors/stix-validation-error.js";

/** Runs `fn`, expecting a {@link StixValidationError}, and returns its issues (fails the test otherwise). */
export function issuesOf(fn: () => unknown): readonly StixValidationIssue[] {
  try {
    fn();
  } catch (error) {
    if (StixValidationError.isInstance(error)) return error.issues;
    throw error;
  }
  throw new Error("expected a StixValidationError");
}
