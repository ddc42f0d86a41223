import { join, relative } from "node:path";
import ts from "typescript";
import type { MarkdownSnippet } from "./markdown-snippets.js";
import type { WorkspaceEntry } from "./workspace-entries.js";

/** One compiler error in a snippet, located in its Markdown file. */
export interface SnippetDiagnostic {
  /** `docs/concepts.md:42:7` (1-based line and column in the Markdown file). */
  location: string;
  /** `TS2304: Cannot find name 'x'.` */
  message: string;
}

/** Where and how snippets are compiled. */
export interface SnippetTypeCheckOptions {
  /** The `tsconfig.json` whose compiler options apply (the repository's `tsconfig.base.json`). */
  tsconfigPath: string;
  /**
   * The folder the snippets are compiled as if they were in: bare imports (`zod`, `vitest`, `node:*` types)
   * resolve from its `node_modules` and its `package.json` makes them ES modules.
   */
  packageDir: string;
  /** `@org/*` import specifiers and the sources they resolve to. */
  entries: readonly WorkspaceEntry[];
}

/** The compiler options of `tsconfigPath`, with the workspace entries as `paths` and no output. */
function compilerOptions(options: SnippetTypeCheckOptions): ts.CompilerOptions {
  const read = ts.readConfigFile(options.tsconfigPath, ts.sys.readFile);
  if (read.error) throw new Error(ts.flattenDiagnosticMessageText(read.error.messageText, "\n"));
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, options.packageDir);
  const paths: Record<string, string[]> = {};
  for (const entry of options.entries) if (entry.source !== undefined) paths[entry.specifier] = [entry.source];
  return { ...parsed.options, noEmit: true, paths };
}

/**
 * Type-checks every snippet as an ES module of its own (`export {}` is appended, so two snippets never share
 * declarations) in one TypeScript program, and returns each snippet's errors mapped back to its Markdown file.
 * `repositoryRoot` makes the locations relative (`docs/concepts.md:42:7`).
 */
export function typeCheckSnippets(
  snippets: readonly MarkdownSnippet[],
  options: SnippetTypeCheckOptions,
  repositoryRoot: string,
): Map<MarkdownSnippet, SnippetDiagnostic[]> {
  const virtualDir = join(options.packageDir, "test", "docs", "__snippets__");
  const files = new Map<string, MarkdownSnippet>();
  for (const [index, snippet] of snippets.entries()) {
    const slug = relative(repositoryRoot, snippet.file).replace(/[^A-Za-z0-9]+/g, "-");
    files.set(join(virtualDir, `${slug}-${index + 1}-line-${snippet.line}.ts`), snippet);
  }
  const compilerOpts = compilerOptions(options);
  const host = ts.createCompilerHost(compilerOpts, true);
  const sourceOf = (fileName: string) => {
    const snippet = files.get(fileName);
    return snippet === undefined ? undefined : `${snippet.code}\nexport {};\n`;
  };
  const { fileExists, readFile, getSourceFile } = host;
  host.fileExists = (fileName) => files.has(fileName) || fileExists.call(host, fileName);
  host.readFile = (fileName) => sourceOf(fileName) ?? readFile.call(host, fileName);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    const text = sourceOf(fileName);
    if (text === undefined) return getSourceFile.call(host, fileName, languageVersion, onError, shouldCreate);
    return ts.createSourceFile(fileName, text, languageVersion, true, ts.ScriptKind.TS);
  };
  const program = ts.createProgram({ rootNames: [...files.keys()], options: compilerOpts, host });
  const results = new Map<MarkdownSnippet, SnippetDiagnostic[]>();
  for (const [fileName, snippet] of files) {
    const sourceFile = program.getSourceFile(fileName);
    if (sourceFile === undefined) throw new Error(`The compiler did not load ${fileName}`);
    const diagnostics = [...program.getSyntacticDiagnostics(sourceFile), ...program.getSemanticDiagnostics(sourceFile)];
    results.set(
      snippet,
      diagnostics.map((diagnostic) => {
        const { line, character } = sourceFile.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
        const file = relative(repositoryRoot, snippet.file);
        const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n");
        return {
          location: `${file}:${snippet.line + line}:${character + 1}`,
          message: `TS${diagnostic.code}: ${text}`,
        };
      }),
    );
  }
  return results;
}
