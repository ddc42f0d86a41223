import { GraphQLError } from "graphql";

/** The platform's error genres (`extensions.data.genre`). */
type Genre = "TECHNICAL" | "BUSINESS";

function platformError(code: string, message: string, httpStatus: number, genre: Genre | undefined, data = {}) {
  return new GraphQLError(message, {
    extensions: { code, data: { http_status: httpStatus, ...(genre ? { genre } : {}), ...data } },
  });
}

/** `AUTH_REQUIRED`: no or wrong Bearer token (the platform's message and data). */
export const authRequired = () => platformError("AUTH_REQUIRED", "You must be logged in to do this.", 401, "TECHNICAL");

/** `FUNCTIONAL_ERROR`: a business rule refused the call (e.g. unknown connector on ping). */
export const functionalError = (message: string, data: Record<string, unknown> = {}) =>
  platformError("FUNCTIONAL_ERROR", message, 400, "BUSINESS", data);

/** `UNSUPPORTED_ERROR` (e.g. `Invalid bundle` from `stixBundlePush`). */
export const unsupportedError = (message: string, data: Record<string, unknown> = {}) =>
  platformError("UNSUPPORTED_ERROR", message, 500, "BUSINESS", data);

/** `VALIDATION_ERROR` (the platform's answer to a broken input constraint, e.g. a one-letter connector name). */
export const validationError = (message: string, field: string, data: Record<string, unknown> = {}) =>
  platformError("VALIDATION_ERROR", message, 500, "BUSINESS", { field, ...data });

/** `ALREADY_DELETED_ERROR` (deleting a connector that does not exist). */
export const alreadyDeletedError = (data: Record<string, unknown> = {}) =>
  platformError("ALREADY_DELETED_ERROR", "Already deleted elements", 400, "BUSINESS", data);
