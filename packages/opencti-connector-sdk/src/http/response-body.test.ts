import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ResponseValidationError } from "../errors/response-validation-error.js";
import { formatFieldPath, parseJsonBody, validateBody } from "./response-body.js";

const origin = { method: "GET", url: "https://feed.example/items?key=[REDACTED]" };

describe("formatFieldPath", () => {
  it("renders identifiers, indexes and quoted keys", () => {
    expect(formatFieldPath(["data", "items", 3, "id"])).toBe("data.items[3].id");
    expect(formatFieldPath([0, "x-next", "ok"])).toBe('[0]["x-next"].ok');
    expect(formatFieldPath([])).toBe("(body)");
  });
});

describe("validateBody", () => {
  it("returns the schema's output", () => {
    expect(validateBody(z.object({ n: z.coerce.number() }), { n: "4" }, origin)).toEqual({ n: 4 });
  });

  it("names the first failing field, the URL, and counts the other issues", () => {
    const schema = z.object({ items: z.array(z.object({ id: z.string(), score: z.number() })) });
    let caught: unknown;
    try {
      validateBody(
        schema,
        {
          items: [
            { id: "a", score: 1 },
            { id: 7, score: "x" },
          ],
        },
        origin,
      );
    } catch (error) {
      caught = error;
    }
    expect(ResponseValidationError.isInstance(caught)).toBe(true);
    const error = caught as ResponseValidationError;
    expect(error.message).toBe(
      "Invalid response from GET https://feed.example/items?key=[REDACTED]: field `items[1].id`: " +
        "Invalid input: expected string, received number (and 1 more issue(s))",
    );
    expect(error.field).toBe("items[1].id");
    expect(error.issues.map((i) => i.field)).toEqual(["items[1].id", "items[1].score"]);
    expect(error.isRetryable).toBe(false);
  });
});

describe("parseJsonBody", () => {
  it("parses JSON, maps an empty body to undefined and rejects invalid JSON as a body issue", () => {
    const redact = (text: string) => text;
    expect(parseJsonBody('{"a":1}', origin, redact)).toEqual({ a: 1 });
    expect(parseJsonBody("", origin, redact)).toBeUndefined();
    expect(() => parseJsonBody("<html>", origin, redact)).toThrow(
      /^Invalid response from GET https:\/\/feed\.example\/items\?key=\[REDACTED\]: field `\(body\)`: not valid JSON \(/,
    );
  });
});
