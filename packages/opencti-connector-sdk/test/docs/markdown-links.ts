/** A relative link of a Markdown file: `[text](target#anchor)`. */
export interface MarkdownLink {
  /** 1-based line. */
  line: number;
  /** The path part, `""` for a link to an anchor of the same page. */
  path: string;
  /** The part after `#`, if any. */
  anchor: string | undefined;
}

const LINK = /\[[^\]]*\]\(([^)\s]+)\)/g;

/** The lines of a Markdown text outside fenced code blocks, with their 1-based numbers. */
function proseLines(markdown: string): { line: number; text: string }[] {
  const lines: { line: number; text: string }[] = [];
  let fence: string | undefined;
  for (const [index, text] of markdown.split(/\r?\n/).entries()) {
    const trimmed = text.trim();
    const marks = /^(`{3,}|~{3,})/.exec(trimmed)?.[1];
    if (fence !== undefined) {
      if (marks?.startsWith(fence) && /^[`~]+$/.test(trimmed)) fence = undefined;
    } else if (marks !== undefined) {
      fence = marks;
    } else {
      lines.push({ line: index + 1, text });
    }
  }
  return lines;
}

/** The relative links of a Markdown text, outside code blocks and code spans (URLs with a scheme are left out). */
export function relativeLinks(markdown: string): MarkdownLink[] {
  const links: MarkdownLink[] = [];
  for (const { line, text } of proseLines(markdown)) {
    for (const [, target] of text.replace(/`[^`]*`/g, "").matchAll(LINK)) {
      if (target === undefined || /^[a-z][a-z0-9+.-]*:/i.test(target)) continue;
      const [path = "", anchor] = target.split("#", 2);
      links.push({ line, path, anchor });
    }
  }
  return links;
}

/** GitHub's anchor of a heading: lower case, punctuation removed, spaces turned into hyphens. */
export function headingAnchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

/** The anchors of every ATX heading (`## Title`) of a Markdown text, outside code blocks. */
export function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  for (const { text } of proseLines(markdown)) {
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(text);
    if (heading?.[1] !== undefined) anchors.add(headingAnchor(heading[1]));
  }
  return anchors;
}
