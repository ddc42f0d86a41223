import { describe, expect, it } from "vitest";
import { buildRequestUrl } from "./request-url.js";

describe("buildRequestUrl", () => {
  const base = new URL("https://api.example/v2/?format=json");

  it("joins the path under the base path and keeps the base query", () => {
    expect(buildRequestUrl(base, "/items").href).toBe("https://api.example/v2/items?format=json");
    expect(buildRequestUrl(base, "items?sort=asc").href).toBe("https://api.example/v2/items?format=json&sort=asc");
    expect(buildRequestUrl(base, "").href).toBe("https://api.example/v2?format=json");
  });

  it("lets query values replace existing ones, repeats arrays, drops null and sets the auth parameter last", () => {
    const url = buildRequestUrl(
      base,
      "/items?limit=5",
      { limit: 10, tag: ["a", "b"], since: undefined, active: true, none: null },
      { name: "apikey", value: "k" },
    );
    expect(url.href).toBe("https://api.example/v2/items?format=json&limit=10&tag=a&tag=b&active=true&apikey=k");
  });

  it("accepts an absolute URL on the same origin and refuses another origin", () => {
    expect(buildRequestUrl(base, "https://api.example/other?page=2").href).toBe("https://api.example/other?page=2");
    expect(() => buildRequestUrl(base, "https://evil.example/x")).toThrow(
      "Refusing to request https://evil.example: this client only sends its credentials to https://api.example",
    );
  });
});
