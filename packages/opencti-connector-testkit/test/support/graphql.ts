/** A raw GraphQL HTTP answer. */
export interface RawAnswer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary GraphQL answers.
  body: any;
}

/** Posts a GraphQL request as a connector would (Bearer token, JSON body), or a raw string body. */
export async function post(
  platform: { url: string; token: string },
  body: string | { query: string; variables?: Record<string, unknown>; operationName?: string },
  token: string | null = platform.token,
): Promise<RawAnswer> {
  const response = await fetch(`${platform.url}/graphql`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(token === null ? {} : { authorization: `Bearer ${token}` }),
    },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: response.headers.get("content-type")?.includes("json") ? JSON.parse(text) : text,
  };
}
