import { describe, expect, it } from "vitest";
import { findLink, parseLinkHeader } from "./link-header.js";

describe("parseLinkHeader", () => {
  it("parses several links with quoted and unquoted parameters", () => {
    expect(
      parseLinkHeader(
        '<https://api.example/items?page=2&per_page=50>; rel="next", <https://api.example/items?page=9>; rel=last; title="a, b; c"',
      ),
    ).toEqual([
      { target: "https://api.example/items?page=2&per_page=50", rel: ["next"], params: { rel: "next" } },
      { target: "https://api.example/items?page=9", rel: ["last"], params: { rel: "last", title: "a, b; c" } },
    ]);
  });

  it("splits multiple relation types and keeps commas inside the target", () => {
    expect(parseLinkHeader('</a?x=1,2>; REL="Next Last"')).toEqual([
      { target: "/a?x=1,2", rel: ["next", "last"], params: { rel: "Next Last" } },
    ]);
  });

  it("returns nothing for an absent or empty header", () => {
    expect(parseLinkHeader(null)).toEqual([]);
    expect(parseLinkHeader("")).toEqual([]);
  });
});

describe("findLink", () => {
  it("finds the next link and ignores the others", () => {
    const header = '<https://x/p1>; rel="prev", <https://x/p3>; rel="next"';
    expect(findLink(header)).toBe("https://x/p3");
    expect(findLink(header, "prev")).toBe("https://x/p1");
    expect(findLink('<https://x/p1>; rel="prev"')).toBeUndefined();
  });
});
