import { InvalidBundleError } from "../errors/invalid-bundle-error.js";

/** One element of a bundle's `objects` array, as the raw JSON text found in the input. */
export interface ScannedObject {
  /** Position in `objects`, from 0. */
  readonly index: number;
  /** The element's JSON text, exactly as written. */
  readonly text: string;
}

/** What surrounds the objects of a scanned bundle, known once the input has ended. */
export interface BundleEnvelope {
  /** The bundle's own properties other than `objects` (`type`, `id`, `spec_version`...), parsed. */
  readonly properties: Readonly<Record<string, unknown>>;
  /**
   * The properties of the file around the bundle when it is wrapped under `bundle`, as directory mode writes
   * (`{"bundle_type": "DIRECTORY_BUNDLE", ..., "bundle": {...}}`); `undefined` for a plain bundle.
   */
  readonly wrapper: Readonly<Record<string, unknown>> | undefined;
  /** Number of elements in `objects` (0 when the bundle has none). */
  readonly objectCount: number;
}

/** Options of {@link BundleScanner}. */
export interface BundleScannerOptions {
  /** Largest element accepted, in characters; default 128 MiB (RabbitMQ 3.x's largest message). */
  readonly maxObjectChars?: number;
}

type ObjectFrame = {
  kind: "root" | "bundle";
  expect: "key-or-end" | "key" | "colon" | "value" | "comma-or-end";
  key: string;
  properties: Record<string, unknown>;
};
type ArrayFrame = { kind: "objects"; expect: "value-or-end" | "value" | "comma-or-end" };
type Frame = ObjectFrame | ArrayFrame;

interface Capture {
  purpose: "key" | "value" | "element";
  mode: "string" | "container" | "literal";
  depth: number;
  inString: boolean;
  escape: boolean;
  parts: string[];
  length: number;
}

const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const COLON = 58;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const BOM = 0xfeff;
const DEFAULT_MAX_OBJECT_CHARS = 128 * 1024 * 1024;

function isWhitespace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

/** First characters of a JSON value other than a string, object or array: numbers, `true`, `false`, `null`. */
function startsLiteral(c: number): boolean {
  return c === 45 || (c >= 48 && c <= 57) || c === 116 || c === 102 || c === 110;
}

function describe(c: number): string {
  return JSON.stringify(String.fromCharCode(c));
}

/**
 * An incremental scanner of a STIX bundle's JSON text that hands out each element of the top-level `objects`
 * array as soon as it is complete, without ever holding more than one element and one chunk of input: feed it
 * text with {@link BundleScanner.write} (chunks may split anything, strings and escapes included), collect the
 * complete elements with {@link BundleScanner.take}, and call {@link BundleScanner.end} once the input ends.
 *
 * It checks the structure around the elements (a JSON object holding an `objects` array, directly or under
 * `bundle` as in directory-mode files) and finds where each element ends by tracking strings, escapes and
 * nesting; the element's own syntax is left to `JSON.parse`. Errors are {@link InvalidBundleError}s naming the
 * character offset.
 */
export class BundleScanner {
  readonly #maxObjectChars: number;
  readonly #stack: Frame[] = [];
  readonly #ready: ScannedObject[] = [];
  #root: ObjectFrame | undefined;
  #bundle: ObjectFrame | undefined;
  #capture: Capture | undefined;
  #started = false;
  #done = false;
  #objectsSeen = false;
  #count = 0;
  /** Characters consumed before the current chunk, for error offsets. */
  #offset = 0;

  constructor(options: BundleScannerOptions = {}) {
    this.#maxObjectChars = options.maxObjectChars ?? DEFAULT_MAX_OBJECT_CHARS;
  }

  /** Scans the next piece of the input. */
  write(chunk: string): void {
    const n = chunk.length;
    let i = 0;
    while (i < n) {
      if (this.#capture !== undefined) {
        i = this.#continueCapture(chunk, i, i);
        continue;
      }
      const c = chunk.charCodeAt(i);
      if (isWhitespace(c) || (c === BOM && this.#offset + i === 0)) {
        i++;
        continue;
      }
      i = this.#structural(chunk, i, c);
    }
    this.#offset += n;
  }

  /** The elements completed since the last call, in order. */
  take(): ScannedObject[] {
    return this.#ready.splice(0);
  }

  /** Checks that the input ended with the bundle complete, and returns what surrounded its objects. */
  end(): BundleEnvelope {
    if (!this.#started) throw this.#error("the input is empty: expected a STIX bundle");
    if (!this.#done) {
      const where = this.#stack.at(-1)?.kind === "objects" ? ` inside objects[${this.#count}]` : "";
      throw this.#error(`the input ends before the bundle does${where} (truncated file?)`);
    }
    const root = this.#root as ObjectFrame;
    if (this.#bundle === undefined)
      return { properties: root.properties, wrapper: undefined, objectCount: this.#count };
    return { properties: this.#bundle.properties, wrapper: root.properties, objectCount: this.#count };
  }

  #error(message: string, at?: number): InvalidBundleError {
    return new InvalidBundleError("bundle", at === undefined ? message : `${message} at character ${at}`);
  }

  /** Handles one significant character outside any captured value; returns the next index. */
  #structural(chunk: string, i: number, c: number): number {
    const at = this.#offset + i;
    const frame = this.#stack.at(-1);
    if (frame === undefined) {
      if (this.#done) throw this.#error(`unexpected ${describe(c)} after the end of the bundle`, at);
      if (c !== OPEN_BRACE) {
        const what = c === OPEN_BRACKET ? "a JSON array" : `${describe(c)}`;
        throw this.#error(
          `expected a STIX bundle (a JSON object with "type": "bundle" and "objects"), found ${what}`,
          at,
        );
      }
      this.#started = true;
      this.#root = { kind: "root", expect: "key-or-end", key: "", properties: {} };
      this.#stack.push(this.#root);
      return i + 1;
    }
    if (frame.kind === "objects") {
      if (frame.expect === "comma-or-end") {
        if (c === COMMA) frame.expect = "value";
        else if (c === CLOSE_BRACKET) this.#close();
        else throw this.#error(`expected "," or "]" after objects[${this.#count - 1}], found ${describe(c)}`, at);
        return i + 1;
      }
      if (c === CLOSE_BRACKET && frame.expect === "value-or-end") {
        this.#close();
        return i + 1;
      }
      return this.#startCapture("element", chunk, i, c, at);
    }
    switch (frame.expect) {
      case "key-or-end":
      case "key":
        if (c === QUOTE) return this.#startCapture("key", chunk, i, c, at);
        if (c === CLOSE_BRACE && frame.expect === "key-or-end") {
          this.#close();
          return i + 1;
        }
        throw this.#error(`expected a property name, found ${describe(c)}`, at);
      case "colon":
        if (c !== COLON) throw this.#error(`expected ":" after "${frame.key}", found ${describe(c)}`, at);
        frame.expect = "value";
        return i + 1;
      case "comma-or-end":
        if (c === COMMA) frame.expect = "key";
        else if (c === CLOSE_BRACE) this.#close();
        else throw this.#error(`expected "," or "}", found ${describe(c)}`, at);
        return i + 1;
      case "value":
        return this.#value(frame, chunk, i, c, at);
    }
  }

  /** The value of a property of the root or of the wrapped bundle. */
  #value(frame: ObjectFrame, chunk: string, i: number, c: number, at: number): number {
    if (frame.key === "objects") {
      if (c !== OPEN_BRACKET) throw this.#error(`"objects" must be an array, found ${describe(c)}`, at);
      if (this.#objectsSeen) throw this.#error(`a second "objects" array`, at);
      this.#objectsSeen = true;
      frame.expect = "comma-or-end";
      this.#stack.push({ kind: "objects", expect: "value-or-end" });
      return i + 1;
    }
    if (frame.kind === "root" && frame.key === "bundle" && c === OPEN_BRACE && this.#bundle === undefined) {
      frame.expect = "comma-or-end";
      this.#bundle = { kind: "bundle", expect: "key-or-end", key: "", properties: {} };
      this.#stack.push(this.#bundle);
      return i + 1;
    }
    return this.#startCapture("value", chunk, i, c, at);
  }

  #close(): void {
    this.#stack.pop();
    if (this.#stack.length === 0) this.#done = true;
  }

  #startCapture(purpose: Capture["purpose"], chunk: string, i: number, c: number, at: number): number {
    let mode: Capture["mode"];
    if (c === QUOTE) mode = "string";
    else if (c === OPEN_BRACE || c === OPEN_BRACKET) mode = "container";
    else if (startsLiteral(c)) mode = "literal";
    else {
      const where = purpose === "element" ? `objects[${this.#count}]` : "a value";
      throw this.#error(`expected ${where}, found ${describe(c)}`, at);
    }
    this.#capture = {
      purpose,
      mode,
      depth: mode === "container" ? 1 : 0,
      inString: mode === "string",
      escape: false,
      parts: [],
      length: 0,
    };
    return this.#continueCapture(chunk, i + 1, i);
  }

  /** Scans a captured value from `from`; `start` is where its text begins in this chunk. Returns the next index. */
  #continueCapture(chunk: string, from: number, start: number): number {
    const capture = this.#capture as Capture;
    const n = chunk.length;
    let { depth, inString, escape: escaped } = capture;
    let end = -1;
    let j = from;
    if (capture.mode === "literal") {
      for (; j < n; j++) {
        const c = chunk.charCodeAt(j);
        if (isWhitespace(c) || c === COMMA || c === CLOSE_BRACE || c === CLOSE_BRACKET) {
          end = j;
          break;
        }
      }
    } else {
      for (; j < n; j++) {
        const c = chunk.charCodeAt(j);
        if (inString) {
          if (escaped) escaped = false;
          else if (c === BACKSLASH) escaped = true;
          else if (c === QUOTE) {
            inString = false;
            if (depth === 0) {
              end = j + 1;
              break;
            }
          }
        } else if (c === QUOTE) inString = true;
        else if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
        else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
          depth--;
          if (depth === 0) {
            end = j + 1;
            break;
          }
        }
      }
    }
    if (end < 0) {
      capture.depth = depth;
      capture.inString = inString;
      capture.escape = escaped;
      capture.parts.push(start === 0 ? chunk : chunk.slice(start));
      capture.length += n - start;
      this.#checkSize(capture);
      return n;
    }
    capture.length += end - start;
    this.#checkSize(capture);
    this.#finishCapture(chunk.slice(start, end));
    return end;
  }

  #checkSize(capture: Capture): void {
    if (capture.purpose === "element" && capture.length > this.#maxObjectChars) {
      throw this.#error(`objects[${this.#count}] is larger than ${this.#maxObjectChars} characters`);
    }
  }

  #finishCapture(last: string): void {
    const capture = this.#capture as Capture;
    this.#capture = undefined;
    const text = capture.parts.length === 0 ? last : capture.parts.join("") + last;
    const frame = this.#stack.at(-1) as Frame;
    if (capture.purpose === "element") {
      this.#ready.push({ index: this.#count, text });
      this.#count++;
      frame.expect = "comma-or-end";
      return;
    }
    const object = frame as ObjectFrame;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      const what = capture.purpose === "key" ? "a property name" : `the value of "${object.key}"`;
      throw this.#error(`${what} is not valid JSON (${(error as Error).message})`);
    }
    if (capture.purpose === "key") {
      object.key = value as string;
      object.expect = "colon";
    } else {
      object.properties[object.key] = value;
      object.expect = "comma-or-end";
    }
  }
}
