import { describe, expect, it } from "vitest";
import { createRedactor, isSecretQueryParam } from "./redactor.js";

describe("createRedactor", () => {
  it("redacts secret query values, the configured parameter and the URL password, and drops the fragment", () => {
    const redact = createRedactor({ secretQueryParams: ["x"] });
    expect(redact.url("https://user:pw@feed.example/v1/items?api_key=abc&limit=10&x=1&Access_Token=t#frag")).toBe(
      "https://user:[REDACTED]@feed.example/v1/items?api_key=[REDACTED]&limit=10&x=[REDACTED]&Access_Token=[REDACTED]",
    );
  });

  it("scrubs known secret values, raw and URL-encoded, from any text", () => {
    const redact = createRedactor({ secretValues: ["s3cr3t/+=", ""] });
    expect(redact.text("token s3cr3t/+= and s3cr3t%2F%2B%3D, kept")).toBe("token [REDACTED] and [REDACTED], kept");
    expect(redact.url("https://feed.example/p?q=s3cr3t%2F%2B%3D")).toBe("https://feed.example/p?q=[REDACTED]");
  });

  it("recognises secret parameter names", () => {
    expect(["key", "apiKey", "client_secret", "X-Auth", "sig", "password"].map(isSecretQueryParam)).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(["limit", "keyword", "page", "cursor", "author"].map(isSecretQueryParam)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});
