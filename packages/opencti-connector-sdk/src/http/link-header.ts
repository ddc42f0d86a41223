/** One link of an RFC 8288 `Link` header. */
export interface WebLink {
  /** The target as written (possibly relative to the request URL). */
  target: string;
  /** Relation types, lower-cased (`rel="next last"` gives `["next", "last"]`). */
  rel: string[];
  /** Every parameter, names lower-cased, values unquoted. */
  params: Record<string, string>;
}

/**
 * Parses an RFC 8288 `Link` header (`<https://api/x?page=2>; rel="next", <...>; rel="last"`). Commas and
 * semicolons inside `<...>` or quoted values are kept; malformed links are skipped.
 */
export function parseLinkHeader(header: string | null | undefined): WebLink[] {
  if (!header) return [];
  const links: WebLink[] = [];
  let i = 0;
  while (i < header.length) {
    const open = header.indexOf("<", i);
    if (open === -1) break;
    const close = header.indexOf(">", open + 1);
    if (close === -1) break;
    const target = header.slice(open + 1, close).trim();
    const params: Record<string, string> = {};
    i = close + 1;
    // Parameters run until a comma outside quotes.
    while (i < header.length && header[i] !== ",") {
      if (header[i] !== ";") {
        i++;
        continue;
      }
      const param = readParam(header, i + 1);
      if (param.name !== "" && !(param.name in params)) params[param.name] = param.value;
      i = param.end;
    }
    i++;
    links.push({
      target,
      rel: (params.rel ?? "")
        .toLowerCase()
        .split(/\s+/)
        .filter((rel) => rel !== ""),
      params,
    });
  }
  return links;
}

/** The target of the first link whose relation types include `rel` (default `next`), or `undefined`. */
export function findLink(header: string | null | undefined, rel = "next"): string | undefined {
  return parseLinkHeader(header).find((link) => link.rel.includes(rel.toLowerCase()))?.target;
}

function readParam(header: string, start: number): { name: string; value: string; end: number } {
  let i = start;
  let name = "";
  while (i < header.length && !";,=".includes(header[i] ?? "")) name += header[i++];
  let value = "";
  if (header[i] === "=") {
    i++;
    while (header[i] === " ") i++;
    if (header[i] === '"') {
      i++;
      while (i < header.length && header[i] !== '"') {
        if (header[i] === "\\") i++;
        value += header[i++] ?? "";
      }
      i++;
      while (i < header.length && !";,".includes(header[i] ?? "")) i++;
    } else {
      while (i < header.length && !";,".includes(header[i] ?? "")) value += header[i++];
    }
  }
  return { name: name.trim().toLowerCase(), value: value.trim(), end: i };
}
