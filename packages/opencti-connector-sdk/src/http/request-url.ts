/** A query parameter value; `null`/`undefined` are left out, arrays repeat the parameter. */
export type QueryValue = string | number | boolean | null | undefined | readonly (string | number | boolean)[];

/** Query parameters of a request. */
export type QueryParams = Readonly<Record<string, QueryValue>>;

/**
 * The URL of a request: `path` relative to `baseUrl` (`/items` under `https://api.example/v2` is
 * `https://api.example/v2/items`), or an absolute URL on the same origin (a pagination link). `query` values
 * replace parameters of the same name already in the URL; `extra` (the auth parameter) is set last.
 *
 * @throws RangeError for an absolute URL on another origin, so credentials are never sent to a third party.
 */
export function buildRequestUrl(
  baseUrl: URL,
  path: string,
  query?: QueryParams,
  extra?: { name: string; value: string },
): URL {
  let url: URL;
  if (/^[a-z][a-z0-9+.-]*:/i.test(path)) {
    url = new URL(path);
    if (url.origin !== baseUrl.origin) {
      throw new RangeError(
        `Refusing to request ${url.origin}: this client only sends its credentials to ${baseUrl.origin}`,
      );
    }
  } else {
    const [pathname = "", search = ""] = path.split("?", 2);
    const basePath = baseUrl.pathname.replace(/\/+$/, "");
    const relative = pathname.replace(/^\/+/, "");
    url = new URL(`${baseUrl.origin}${basePath}${relative === "" ? "" : `/${relative}`}`);
    for (const [name, value] of baseUrl.searchParams) url.searchParams.append(name, value);
    for (const [name, value] of new URLSearchParams(search)) url.searchParams.append(name, value);
  }
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null) continue;
    url.searchParams.delete(name);
    if (Array.isArray(value)) {
      for (const item of value) url.searchParams.append(name, String(item));
    } else {
      url.searchParams.set(name, String(value));
    }
  }
  if (extra) url.searchParams.set(extra.name, extra.value);
  return url;
}
