import { REDACTED, SecretRedactor } from "../logging/secret-redactor.js";

/**
 * Query parameter names treated as secrets even when they are not the configured auth parameter: any name
 * containing one of these fragments (case-insensitive), the exact names `key` and `sig`, and `auth` as a whole
 * word (`x-auth`, not `author`).
 */
const SECRET_PARAM_FRAGMENTS = [
  "token",
  "secret",
  "password",
  "passwd",
  "apikey",
  "api_key",
  "api-key",
  "signature",
  "credential",
  "authorization",
  "session",
];
const SECRET_PARAM_NAMES = new Set(["key", "sig"]);
const AUTH_WORD = /(^|[^a-z])auth($|[^a-z])/;

/** Removes secrets from URLs and text before they reach a log line or an error. */
export interface Redactor {
  /** The URL without fragment, with its password and every secret query value replaced by `[REDACTED]`. */
  url(url: URL | string): string;
  /** `text` with every known secret value (raw or URL-encoded) replaced by `[REDACTED]`. */
  text(text: string): string;
}

/** Options of {@link createRedactor}. */
export interface RedactorOptions {
  /** Literal secret values (tokens, API keys) to scrub from any text. */
  secretValues?: readonly string[];
  /** Extra query parameter names whose values are secret (matched case-insensitively). */
  secretQueryParams?: readonly string[];
}

/** True when a query parameter of this name carries a secret by its name alone. */
export function isSecretQueryParam(name: string): boolean {
  const lower = name.toLowerCase();
  return (
    SECRET_PARAM_NAMES.has(lower) ||
    AUTH_WORD.test(lower) ||
    SECRET_PARAM_FRAGMENTS.some((fragment) => lower.includes(fragment))
  );
}

/** Creates a {@link Redactor} for the given secrets. */
export function createRedactor(options: RedactorOptions = {}): Redactor {
  const extraParams = new Set((options.secretQueryParams ?? []).map((name) => name.toLowerCase()));
  // Secrets also travel URL-encoded (in query strings), so both forms are scrubbed.
  const secrets = new SecretRedactor(
    (options.secretValues ?? []).flatMap((value) => [value, encodeURIComponent(value)]),
  );
  const text = (input: string): string => secrets.redact(input);

  const url = (input: URL | string): string => {
    let parsed: URL;
    try {
      parsed = new URL(String(input));
    } catch {
      return text(String(input));
    }
    const userinfo = parsed.username ? `${parsed.username}${parsed.password ? `:${REDACTED}` : ""}@` : "";
    const query = [...parsed.searchParams]
      .map(([name, value]) => {
        const secret = isSecretQueryParam(name) || extraParams.has(name.toLowerCase());
        return `${encodeURIComponent(name)}=${secret ? REDACTED : encodeURIComponent(value)}`;
      })
      .join("&");
    return text(`${parsed.protocol}//${userinfo}${parsed.host}${parsed.pathname}${query ? `?${query}` : ""}`);
  };

  return { url, text };
}
