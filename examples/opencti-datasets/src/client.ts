import { createHash } from "node:crypto";
import type { HttpClient } from "@org/opencti-connector-sdk";
import {
  bundleEnvelopeSchema,
  parseBundle,
  parseStixObject,
  type StixObject,
  StixValidationError,
  type StixValidationIssue,
} from "@org/stix2-types";
import { z } from "zod";

/** A dataset file's envelope: a STIX bundle with its `objects` (each object is checked by `parseBundle`). */
export const datasetBundleSchema = bundleEnvelopeSchema.extend({ objects: z.array(z.unknown()) });

/** One object of a dataset file: valid STIX, or invalid with every problem found. */
export type DatasetObject =
  | { readonly index: number; readonly object: StixObject }
  | { readonly index: number; readonly id: string | undefined; readonly issues: readonly StixValidationIssue[] };

/** A downloaded dataset file. */
export interface DatasetFile {
  /** The file's name without `.json`, e.g. `sectors`. */
  readonly name: string;
  /** Where it was read from (redacted). */
  readonly url: string;
  /** SHA-256 of its content (the parsed JSON, re-serialised: layout changes do not count), in hex. */
  readonly sha256: string;
  /** Its objects in file order. */
  readonly objects: readonly DatasetObject[];
}

/**
 * The objects of a bundle whose envelope is valid: all of them when `parseBundle` accepts the bundle; otherwise
 * each object is checked alone, so the valid ones are kept and each invalid one carries its own problems (paths
 * relative to the object).
 */
export function datasetObjects(bundle: z.output<typeof datasetBundleSchema>): DatasetObject[] {
  try {
    return parseBundle(bundle).objects.map((object, index) => ({ index, object }));
  } catch (error) {
    if (!StixValidationError.isInstance(error)) throw error;
  }
  return bundle.objects.map((value, index) => {
    try {
      return { index, object: parseStixObject(value) };
    } catch (error) {
      if (!StixValidationError.isInstance(error)) throw error;
      const id = (value as { id?: unknown } | null)?.id;
      return { index, id: typeof id === "string" ? id : undefined, issues: error.issues };
    }
  });
}

/**
 * Reads dataset files (`<name>.json` under the HTTP client's base URL). A file that is not JSON, or not a STIX
 * bundle, fails with a `ResponseValidationError` naming the field; invalid objects inside a valid bundle are
 * returned with their problems (the connector reports and skips them). Network failures, timeouts, 429 and 5xx are
 * retried by the client.
 */
export class DatasetsClient {
  readonly #http: HttpClient;

  constructor(http: HttpClient) {
    this.#http = http;
  }

  /** Downloads, hashes and validates one file. */
  async fetchFile(name: string, signal?: AbortSignal): Promise<DatasetFile> {
    const response = await this.#http.send("GET", `${name}.json`, {
      schema: datasetBundleSchema,
      ...(signal ? { signal } : {}),
    });
    const sha256 = createHash("sha256").update(JSON.stringify(response.data)).digest("hex");
    return { name, url: response.url, sha256, objects: datasetObjects(response.data) };
  }
}
