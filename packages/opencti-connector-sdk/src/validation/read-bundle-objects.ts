import { InvalidBundleError } from "../errors/invalid-bundle-error.js";
import { type BundleEnvelope, BundleScanner, type BundleScannerOptions } from "./bundle-scanner.js";

/** Where a bundle is read from: a Node readable (file, stdin), a web `ReadableStream`, or chunks in memory. */
export type BundleSource = AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;

/** One object of a streamed bundle. */
export interface BundleEntry {
  /** Position in `objects`, from 0. */
  readonly index: number;
  /** The element, parsed (not validated: see `parseStixObject` or `BundleValidator`). */
  readonly value: unknown;
  /** Size of the element's JSON text in UTF-8 bytes. */
  readonly bytes: number;
}

/** Options of {@link readBundleEntries} and {@link readBundleObjects}. */
export type ReadBundleOptions = BundleScannerOptions;

const decodeError = (error: unknown) =>
  new InvalidBundleError("bundle", "the input is not valid UTF-8 text", { cause: error });

/**
 * Streams the objects of a STIX bundle of any size: each element of the top-level `objects` array (or of
 * `bundle.objects` in a directory-mode file) is parsed and yielded as soon as the input holds it whole, so memory
 * stays bounded by one chunk and one object, never the file. Bytes are decoded as UTF-8 across chunk boundaries (a
 * leading BOM is skipped). The generator's return value is the bundle's {@link BundleEnvelope} (`type`, `id`, ...,
 * which a file may write after `objects`).
 *
 * @throws InvalidBundleError naming the place (`objects[3]: ...`, or `bundle: ... at character N`) when the input
 * is not UTF-8, not JSON, not a bundle, or ends early.
 * @example
 * ```ts
 * for await (const entry of readBundleEntries(createReadStream("bundle.json"))) {
 *   console.log(entry.index, (entry.value as { id: string }).id, entry.bytes);
 * }
 * ```
 */
export async function* readBundleEntries(
  source: BundleSource,
  options: ReadBundleOptions = {},
): AsyncGenerator<BundleEntry, BundleEnvelope, undefined> {
  const scanner = new BundleScanner(options);
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const drain = function* (): Generator<BundleEntry> {
    for (const { index, text } of scanner.take()) {
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (error) {
        throw new InvalidBundleError(`objects[${index}]`, `is not valid JSON (${(error as Error).message})`);
      }
      yield { index, value, bytes: Buffer.byteLength(text, "utf8") };
    }
  };
  for await (const chunk of source) {
    let text: string;
    try {
      text = typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
    } catch (error) {
      throw decodeError(error);
    }
    scanner.write(text);
    yield* drain();
  }
  try {
    scanner.write(decoder.decode());
  } catch (error) {
    throw InvalidBundleError.isInstance(error) ? error : decodeError(error);
  }
  const envelope = scanner.end();
  yield* drain();
  return envelope;
}

/**
 * Streams the objects of a STIX bundle one by one, parsed, with bounded memory; see {@link readBundleEntries}
 * (which also gives each object's size and the bundle's envelope).
 *
 * @throws InvalidBundleError when the input is not a well-formed bundle.
 * @example
 * ```ts
 * for await (const object of readBundleObjects(process.stdin)) console.log(parseStixObject(object).id);
 * ```
 */
export async function* readBundleObjects(
  source: BundleSource,
  options: ReadBundleOptions = {},
): AsyncGenerator<unknown> {
  for await (const entry of readBundleEntries(source, options)) yield entry.value;
}
