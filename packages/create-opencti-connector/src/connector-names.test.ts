import { describe, expect, it } from "vitest";
import { defaultNamespace, defaultTitle, resolveConnectorNames, slugOf } from "./connector-names.js";
import { ScaffoldError } from "./scaffold-error.js";

function issuesOf(run: () => unknown): readonly string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ScaffoldError) return error.issues;
    throw error;
  }
  return [];
}

describe("resolveConnectorNames", () => {
  it("derives every name from the folder alone", () => {
    expect(resolveConnectorNames({ directory: "/work/acme-feed" })).toEqual({
      packageName: "acme-feed",
      slug: "acme-feed",
      title: "Acme Feed",
      sourceName: "Acme",
      namespace: "acmefeed",
      envPrefix: "ACMEFEED",
      camel: "acmeFeed",
      pascal: "AcmeFeed",
      scope: ["indicator", "malware"],
    });
  });

  it("takes the given name, namespace and scope, and drops connector- from the slug", () => {
    expect(
      resolveConnectorNames({
        directory: "connectors/connector-acme/",
        name: " ACME Threat Intel ",
        namespace: "acme",
        scope: "indicator, vulnerability,,",
      }),
    ).toMatchObject({
      packageName: "connector-acme",
      slug: "acme",
      title: "ACME Threat Intel",
      sourceName: "ACME Threat Intel",
      namespace: "acme",
      envPrefix: "ACME",
      camel: "acme",
      pascal: "Acme",
      scope: ["indicator", "vulnerability"],
    });
  });

  it("reports every invalid value at once, naming the option and the fix", () => {
    const issues = issuesOf(() =>
      resolveConnectorNames({ directory: "Acme_Feed", name: 'Say "hi"', namespace: "acme_feed", scope: " , " }),
    );
    expect(issues).toHaveLength(4);
    expect(issues[0]).toMatch(/^The folder name "Acme_Feed" is also the package name: use lower-case letters/);
    expect(issues[1]).toMatch(/^--name "Say "hi"" must be 2 to 64 characters/);
    expect(issues[2]).toMatch(/^--namespace "acme_feed" must be lower-case letters and digits/);
    expect(issues[3]).toMatch(/^--scope must list at least one value/);
  });

  it("refuses a namespace the SDK reads itself", () => {
    expect(issuesOf(() => resolveConnectorNames({ directory: "acme", namespace: "connector" }))).toEqual([
      '--namespace "connector" is read by the SDK itself: choose another (not opencti, connector, mq, queue, listen, s3)',
    ]);
  });
});

describe("defaults", () => {
  it("derive a title, a namespace and a slug", () => {
    expect(defaultTitle("acme-threat-feed")).toBe("Acme Threat Feed");
    expect(defaultNamespace("acme-threat-feed")).toBe("acmethreatfeed");
    expect(slugOf("connector-template")).toBe("template");
    expect(slugOf("connector-")).toBe("connector-");
    expect(slugOf("acme")).toBe("acme");
  });
});
