import packageJson from "../../package.json" with { type: "json" };

/** This SDK's version, read from its `package.json` when the package is built. */
export const SDK_VERSION: string = packageJson.version;

/** The `User-Agent` of every request to the platform (spec §3.1; used for audit and telemetry). */
export const SDK_USER_AGENT = `opencti-connector-sdk-ts/${SDK_VERSION}`;
