/**
 * Parses `OPENCTI_CUSTOM_HEADERS` (`name1:value1;name2:value2`, spec §2.2): split on `;`, then on the first `:`,
 * both sides trimmed. Pairs without a name or a `:` are returned in `invalid` (by position, never by value, since
 * a header may carry a credential) so the caller can warn and go on.
 */
export function parseCustomHeaders(text: string): { headers: Record<string, string>; invalid: number[] } {
  const headers: Record<string, string> = {};
  const invalid: number[] = [];
  text.split(";").forEach((pair, index) => {
    if (pair.trim() === "") return;
    const colon = pair.indexOf(":");
    const name = colon < 0 ? "" : pair.slice(0, colon).trim();
    if (colon < 0 || name === "" || /\s/.test(name)) {
      invalid.push(index + 1);
      return;
    }
    headers[name] = pair.slice(colon + 1).trim();
  });
  return { headers, invalid };
}
