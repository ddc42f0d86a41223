/**
 * A generated metadata file's content as a staleness test compares it: JSON parsed and re-serialised, Markdown
 * table rows without their alignment padding. A formatter (Biome in the SDK's monorepo) realigns tables and reflows
 * JSON arrays after generation, while a standalone connector keeps the raw output: both count as up to date.
 *
 * @example
 * ```ts
 * it.each(Object.entries(renderConnectorMetadata({ dir, config })))("%s is up to date", (path, content) => {
 *   expect(comparableMetadata(path, readFileSync(join(dir, path), "utf8"))).toBe(comparableMetadata(path, content));
 * });
 * ```
 */
export function comparableMetadata(path: string, content: string): string {
  if (path.endsWith(".json")) return JSON.stringify(JSON.parse(content));
  return content
    .split("\n")
    .map((line) => {
      if (!line.startsWith("|")) return line.trimEnd();
      const cells = line.split(/(?<!\\)\|/).map((part) => part.trim());
      return cells.map((part) => (/^-+$/.test(part) ? "---" : part)).join("|");
    })
    .join("\n");
}
