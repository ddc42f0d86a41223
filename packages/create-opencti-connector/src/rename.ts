import type { ConnectorNames } from "./connector-names.js";
import { DEFAULT_SCOPE } from "./connector-names.js";

/** The template's own names, which the renaming replaces. */
export const TEMPLATE_NAMES: ConnectorNames = {
  packageName: "connector-template",
  slug: "template",
  title: "Template Feed",
  sourceName: "Template",
  namespace: "template",
  envPrefix: "TEMPLATE",
  camel: "template",
  pascal: "Template",
  scope: [...DEFAULT_SCOPE],
};

/** Files npm would drop or interpret if shipped under their real name, and the name they are shipped under. */
export const SHIPPED_DOTFILES: Readonly<Record<string, string>> = {
  ".gitignore": "_gitignore",
  ".dockerignore": "_dockerignore",
};

type Rule = [pattern: RegExp, replacement: (names: ConnectorNames) => string];

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const literal = (text: string) => new RegExp(escapeRegExp(text));
const scopeForms = (scope: readonly string[]) => ({
  json: JSON.stringify(scope).replace(/","/g, '", "'),
  compact: JSON.stringify(scope),
  list: scope.join(","),
});
const templateScope = scopeForms(TEMPLATE_NAMES.scope);

/**
 * The renaming, most specific first where two could match at the same place: catalog slug, image, package name,
 * display name, scope, environment prefix, then code identifiers (`templateConfig`, `TemplateConnector`), then
 * the remaining whole words (`Template` as the source's short name, `template` as the namespace).
 */
const RULES: readonly Rule[] = [
  [literal("opencti/connector-template"), (n) => `opencti/connector-${n.slug}`],
  [literal('"slug": "template"'), (n) => `"slug": "${n.slug}"`],
  [literal("template_config.schema.json"), (n) => `${n.slug}_config.schema.json`],
  [literal("external-import/template"), (n) => `external-import/${n.slug}`],
  [literal("connector-template"), (n) => n.packageName],
  [literal("Template Feed"), (n) => n.title],
  [literal(templateScope.json), (n) => scopeForms(n.scope).json],
  [literal(templateScope.compact), (n) => scopeForms(n.scope).compact],
  [literal(templateScope.list), (n) => scopeForms(n.scope).list],
  [/\bTEMPLATE_/, (n) => `${n.envPrefix}_`],
  [/\btemplate(?=[A-Z])/, (n) => n.camel],
  [/Template(?=[A-Z])/, (n) => n.pascal],
  [/\bTemplate\b/, (n) => n.sourceName],
  [/\btemplate\b/, (n) => n.namespace],
];

/** Every rule as one alternation, each in its own group: the earliest (then first listed) match wins. */
const COMBINED = new RegExp(RULES.map(([pattern]) => `(${pattern.source})`).join("|"), "g");

/**
 * A template file's text with every template name replaced by the new connector's, in one pass: a replacement is
 * never renamed again (a title containing "Template" stays as given).
 */
export function renameText(text: string, names: ConnectorNames): string {
  return text.replace(COMBINED, (...match: unknown[]) => {
    const groups = match.slice(1, RULES.length + 1);
    const index = groups.findIndex((group) => group !== undefined);
    return (RULES[index] as Rule)[1](names);
  });
}

/** The path a shipped template file is written to (`_gitignore` back to `.gitignore`). */
export function restorePath(shippedPath: string): string {
  const segments = shippedPath.split("/");
  const last = segments.pop() as string;
  const real = Object.entries(SHIPPED_DOTFILES).find(([, shipped]) => shipped === last)?.[0];
  return [...segments, real ?? last].join("/");
}
