import { describe, expect, it } from "vitest";
import { startGraphQLServer } from "./graphql-server.js";

const post = (url: string, body: unknown, token = "test-token") =>
  fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });

describe("startGraphQLServer", () => {
  it("executes valid documents on the pruned schema and records the calls", async () => {
    const server = await startGraphQLServer({ resolvers: { Query: { isWorkAlive: (args) => args.id === "w1" } } });
    const response = await post(server.url, {
      query: "query WorkAliveQuery($id: ID!) { isWorkAlive(id: $id) }",
      variables: { id: "w1" },
    });
    expect([response.status, await response.json()]).toEqual([200, { data: { isWorkAlive: true } }]);
    expect(server.callsOf("WorkAliveQuery").map((c) => c.variables)).toEqual([{ id: "w1" }]);
    await server.close();
  });

  it("rejects invalid documents like the platform and fails close()", async () => {
    const server = await startGraphQLServer();
    const response = await post(server.url, { query: "query Bad { about { nope } }" });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      errors: [
        { message: 'Cannot query field "nope" on type "AppInfo".', extensions: { code: "GRAPHQL_VALIDATION_FAILED" } },
      ],
    });
    await expect(server.close()).rejects.toThrow('Bad: Cannot query field "nope" on type "AppInfo".');
  });

  it("answers a wrong token with AUTH_REQUIRED and reports fields without a resolver", async () => {
    const server = await startGraphQLServer();
    const denied = await post(server.url, { query: "query healthCheck { about { version } }" }, "wrong");
    expect(await denied.json()).toEqual({
      errors: [{ message: "You must be logged in to do this.", extensions: { code: "AUTH_REQUIRED" } }],
      data: null,
    });
    await post(server.url, { query: "query healthCheck { about { version } }" });
    await expect(server.close()).rejects.toThrow("No resolver for Query.about");
  });

  it("injects failures for the next matching requests only", async () => {
    const server = await startGraphQLServer({ resolvers: { Query: { about: () => ({ version: "6.9.17" }) } } });
    server.failNext({ status: 429, headers: { "retry-after": "2" } }, { operation: "healthCheck", times: 2 });
    const statuses: (number | string)[] = [];
    for (let i = 0; i < 3; i++) {
      const response = await post(server.url, { query: "query healthCheck { about { version } }" });
      statuses.push(response.status, response.headers.get("retry-after") ?? "-");
    }
    expect(statuses).toEqual([429, "2", 429, "2", 200, "-"]);
    server.failNext({ drop: true });
    await expect(post(server.url, { query: "query healthCheck { about { version } }" })).rejects.toThrow(
      "fetch failed",
    );
    await server.close();
  });
});
