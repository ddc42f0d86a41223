/**
 * A marker on the line before a TypeScript block: `<!-- snippet:skip [reason] -->` exempts a partial fragment from
 * the check; `<!-- snippet:excerpt <path> -->` declares the block an excerpt of a repository file (checked against
 * that file, which its own package type-checks, instead of being compiled alone).
 */
const MARKER = /^<!--\s*snippet:(skip|excerpt)\b\s*(.*?)\s*-->$/;

/** Info-string languages of the blocks that are type-checked. */
const TS_LANGUAGES = new Set(["ts", "typescript"]);

/** One fenced TypeScript block of a Markdown file. */
export interface MarkdownSnippet {
  /** The Markdown file, as given (e.g. `docs/concepts.md`). */
  file: string;
  /** 1-based line of the block's first code line in the file. */
  line: number;
  /** The code, with the fence's indentation removed. */
  code: string;
  /** True when a `<!-- snippet:skip -->` marker precedes the fence. */
  skipped: boolean;
  /** The repository path given by a `<!-- snippet:excerpt <path> -->` marker before the fence. */
  excerptOf?: string;
}

/** What {@link extractSnippets} found in one file. */
export interface ExtractedSnippets {
  snippets: MarkdownSnippet[];
  /** 1-based lines of markers that are not followed by a TypeScript block, or excerpt markers without a path. */
  strayMarkers: number[];
}

interface Marker {
  kind: "skip" | "excerpt";
  argument: string;
  line: number;
}

interface OpenFence {
  char: string;
  length: number;
  indent: number;
  language: string;
  start: number;
  marker: Marker | undefined;
  lines: string[];
}

const OPENING = /^(`{3,}|~{3,})([^`]*)$/;

/**
 * Finds every fenced block whose info string starts with `ts` or `typescript` (fences of three or more backticks or
 * tildes, at any indentation so blocks inside list items count; the fence's indentation is removed from the code).
 * A marker applies to the fence that follows it, blank lines allowed in between; a marker followed by anything else
 * is reported as stray.
 */
export function extractSnippets(file: string, markdown: string): ExtractedSnippets {
  const snippets: MarkdownSnippet[] = [];
  const strayMarkers: number[] = [];
  let fence: OpenFence | undefined;
  let pending: Marker | undefined;
  for (const [index, raw] of markdown.split(/\r?\n/).entries()) {
    const trimmed = raw.trim();
    if (fence !== undefined) {
      if (trimmed.startsWith(fence.char.repeat(fence.length)) && /^[`~]+$/.test(trimmed)) {
        if (TS_LANGUAGES.has(fence.language)) {
          const { marker } = fence;
          snippets.push({
            file,
            line: fence.start + 1,
            code: fence.lines.join("\n"),
            skipped: marker?.kind === "skip",
            ...(marker?.kind === "excerpt" ? { excerptOf: marker.argument } : {}),
          });
        }
        fence = undefined;
      } else {
        fence.lines.push(stripIndent(raw, fence.indent));
      }
      continue;
    }
    const marker = MARKER.exec(trimmed);
    if (marker !== null) {
      if (pending !== undefined) strayMarkers.push(pending.line);
      pending = { kind: marker[1] as Marker["kind"], argument: marker[2] ?? "", line: index + 1 };
      if (pending.kind === "excerpt" && pending.argument === "") {
        strayMarkers.push(pending.line);
        pending = undefined;
      }
      continue;
    }
    const opening = OPENING.exec(trimmed);
    if (opening !== null) {
      const marks = opening[1] as string;
      const language = (opening[2] ?? "").trim().split(/\s+/)[0]?.toLowerCase() ?? "";
      const applies = pending !== undefined && TS_LANGUAGES.has(language);
      if (pending !== undefined && !applies) strayMarkers.push(pending.line);
      const indent = raw.length - raw.trimStart().length;
      const marker = applies ? pending : undefined;
      pending = undefined;
      fence = { char: marks.charAt(0), length: marks.length, indent, language, start: index + 1, marker, lines: [] };
      continue;
    }
    if (trimmed !== "" && pending !== undefined) {
      strayMarkers.push(pending.line);
      pending = undefined;
    }
  }
  if (pending !== undefined) strayMarkers.push(pending.line);
  return { snippets, strayMarkers };
}

/** Removes up to `indent` leading spaces (the fence's own indentation) from a code line. */
function stripIndent(line: string, indent: number): string {
  let cut = 0;
  while (cut < indent && line.charAt(cut) === " ") cut++;
  return line.slice(cut);
}

/** A line of an excerpt that stands for omitted lines of the file. */
const ELISION = /^(\/\/\s*)?(\.\.\.|…)$/;

/**
 * Checks that `excerpt` is taken from `source` verbatim: its lines, compared without leading and trailing
 * whitespace (indentation may differ), are consecutive lines of the file, in order; a line `// ...` (or `...`) in
 * the excerpt skips any number of lines of the file. Returns the excerpt lines (0-based) that could not be found
 * where expected, empty when the excerpt matches.
 */
export function excerptMismatches(excerpt: string, source: string): number[] {
  const file = source.split(/\r?\n/).map((line) => line.trim());
  const runs: { start: number; lines: string[] }[] = [];
  let run: { start: number; lines: string[] } | undefined;
  for (const [index, raw] of excerpt.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (ELISION.test(line)) {
      run = undefined;
      continue;
    }
    if (line === "" && run === undefined) continue;
    if (run === undefined) {
      run = { start: index, lines: [] };
      runs.push(run);
    }
    run.lines.push(line);
  }
  const missing: number[] = [];
  let from = 0;
  for (const { start, lines } of runs) {
    while (lines.at(-1) === "") lines.pop();
    const at = findRun(file, lines, from);
    if (at === -1) {
      missing.push(start);
      continue;
    }
    from = at + lines.length;
  }
  return missing;
}

/** The first index `>= from` where `lines` appear consecutively in `file`, or -1. */
function findRun(file: readonly string[], lines: readonly string[], from: number): number {
  for (let at = from; at + lines.length <= file.length; at++) {
    if (lines.every((line, offset) => file[at + offset] === line)) return at;
  }
  return -1;
}
