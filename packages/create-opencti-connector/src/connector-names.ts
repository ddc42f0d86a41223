import { basename } from "node:path";
import { ScaffoldError } from "./scaffold-error.js";

/** Every name a new connector gets, derived from the folder, the display name, the namespace and the scope. */
export interface ConnectorNames {
  /** npm package name and Docker Compose service: the folder's name, e.g. `connector-acme` or `acme-feed`. */
  packageName: string;
  /** Catalog slug (manifest, `$id`, image `opencti/connector-<slug>`): the package name without `connector-`. */
  slug: string;
  /** Display name: `CONNECTOR_NAME`, manifest title, author identity, e.g. `Acme Feed`. */
  title: string;
  /** The source's short name in prose ("the Acme API"): the title without a final "Feed" or "Connector". */
  sourceName: string;
  /** Configuration namespace: YAML section and, upper-cased, the environment prefix, e.g. `acme`. */
  namespace: string;
  /** Environment prefix of the connector's settings, e.g. `ACME` (`ACME_API_KEY`). */
  envPrefix: string;
  /** Prefix of code identifiers, e.g. `acmeFeed` (`acmeFeedConfig`). */
  camel: string;
  /** Prefix of type and class names, e.g. `AcmeFeed` (`AcmeFeedConnector`). */
  pascal: string;
  /** `CONNECTOR_SCOPE` default. */
  scope: string[];
}

/** What the user gives; everything but the folder has a default. */
export interface ConnectorNamesInput {
  /** Target folder (its last segment names the package). */
  directory: string;
  /** Display name; default: the slug's words capitalised. */
  name?: string | undefined;
  /** Namespace; default: the slug without hyphens. */
  namespace?: string | undefined;
  /** Scope, as a list or comma-separated; default {@link DEFAULT_SCOPE}. */
  scope?: string | readonly string[] | undefined;
}

/** The template's scope, kept when none is given. */
export const DEFAULT_SCOPE: readonly string[] = ["indicator", "malware"];

const PACKAGE_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const NAMESPACE_PATTERN = /^[a-z][a-z0-9]*$/;
const TITLE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9 .()&+-]*$/;
const SCOPE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._/+-]*$/;
/** Sections the SDK reads itself (and legacy ones): a connector's namespace may not take them. */
const RESERVED_NAMESPACES = ["opencti", "connector", "mq", "queue", "listen", "s3"];

function words(slug: string): string[] {
  return slug.split(/[^A-Za-z0-9]+/).filter((word) => word !== "");
}

const capitalise = (word: string) => `${word.charAt(0).toUpperCase()}${word.slice(1)}`;

/** The slug of a package name: without a leading `connector-` (as `connector-template` gives `template`). */
export function slugOf(packageName: string): string {
  return packageName.startsWith("connector-") && packageName.length > 10 ? packageName.slice(10) : packageName;
}

/** The default display name of a slug: `acme-feed` gives `Acme Feed`. */
export function defaultTitle(slug: string): string {
  return words(slug).map(capitalise).join(" ");
}

/** The default namespace of a slug: `acme-feed` gives `acmefeed`. */
export function defaultNamespace(slug: string): string {
  return words(slug).join("");
}

function parseScope(scope: ConnectorNamesInput["scope"]): string[] {
  if (scope === undefined) return [...DEFAULT_SCOPE];
  const items = typeof scope === "string" ? scope.split(",") : [...scope];
  return items.map((item) => item.trim()).filter((item) => item !== "");
}

/**
 * Checks the user's input and derives every name of the new connector.
 *
 * @throws ScaffoldError listing every invalid value and what is expected.
 */
export function resolveConnectorNames(input: ConnectorNamesInput): ConnectorNames {
  const issues: string[] = [];
  const packageName = basename(input.directory.replace(/[\\/]+$/, ""));
  if (!PACKAGE_PATTERN.test(packageName) || packageName.length > 100) {
    issues.push(
      `The folder name "${packageName}" is also the package name: use lower-case letters, digits and single hyphens, starting with a letter (e.g. acme-feed)`,
    );
  }
  const slug = slugOf(packageName);
  const title = (input.name ?? defaultTitle(slug)).trim();
  if (title.length < 2 || title.length > 64 || !TITLE_PATTERN.test(title)) {
    issues.push(
      `--name "${title}" must be 2 to 64 characters: letters, digits, spaces and . ( ) & + - (no quotes), e.g. "Acme Feed"`,
    );
  }
  const namespace = (input.namespace ?? defaultNamespace(slug)).trim();
  if (!NAMESPACE_PATTERN.test(namespace)) {
    issues.push(
      `--namespace "${namespace}" must be lower-case letters and digits starting with a letter, without "_" or "-" (it becomes the ${namespace.toUpperCase()}_ prefix), e.g. acme`,
    );
  } else if (RESERVED_NAMESPACES.includes(namespace)) {
    issues.push(
      `--namespace "${namespace}" is read by the SDK itself: choose another (not ${RESERVED_NAMESPACES.join(", ")})`,
    );
  }
  const scope = parseScope(input.scope);
  const badScope = scope.filter((item) => !SCOPE_PATTERN.test(item));
  if (scope.length === 0 || badScope.length > 0) {
    issues.push(
      `--scope must list at least one value (comma-separated letters, digits, . _ / + -), e.g. indicator,malware${badScope.length > 0 ? `; invalid: ${badScope.join(", ")}` : ""}`,
    );
  }
  if (issues.length > 0) throw new ScaffoldError(issues);
  const parts = words(slug);
  const pascal = parts.map(capitalise).join("");
  return {
    packageName,
    slug,
    title,
    sourceName: title.replace(/\s+(feed|connector)$/i, ""),
    namespace,
    envPrefix: namespace.toUpperCase(),
    camel: `${parts[0] ?? ""}${parts.slice(1).map(capitalise).join("")}`,
    pascal,
    scope,
  };
}
