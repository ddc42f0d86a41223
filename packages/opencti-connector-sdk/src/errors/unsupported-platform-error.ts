import { ConnectorSdkError, hasErrorMarker } from "./connector-sdk-error.js";

const MARKER = Symbol.for("org.opencti-connector-sdk.error.UnsupportedPlatformError");

/**
 * The platform's version (`about.version`) is outside the range this SDK or connector supports, and the connector
 * asked for such a mismatch to stop start-up (otherwise it is only a warning, spec §4.5).
 */
export class UnsupportedPlatformError extends ConnectorSdkError {
  readonly [MARKER] = true;
  /** The platform's version, e.g. `6.7.3`. */
  readonly platformVersion: string;
  /** The range that was not satisfied, e.g. `>=6.8.0`. */
  readonly requiredRange: string;

  constructor(args: { platformVersion: string; requiredRange: string; requiredBy: "sdk" | "connector" }) {
    super(
      "UnsupportedPlatformError",
      `OpenCTI platform ${args.platformVersion} does not satisfy ${args.requiredRange} required by the ${args.requiredBy === "sdk" ? "SDK" : "connector"}; upgrade the platform or use a connector release made for it`,
    );
    this.platformVersion = args.platformVersion;
    this.requiredRange = args.requiredRange;
  }

  static override isInstance(value: unknown): value is UnsupportedPlatformError {
    return hasErrorMarker(value, MARKER);
  }
}
