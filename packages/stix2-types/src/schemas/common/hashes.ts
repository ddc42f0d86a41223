import { z } from "zod";

interface HashAlgorithm {
  /** The name STIX's `hashing-algorithm-ov` uses, the only accepted spelling. */
  name: string;
  /** Predicate on the value and a description of the expected form. */
  valid: (value: string) => boolean;
  form: string;
}

const hex = (length: number) => {
  const pattern = new RegExp(`^[0-9a-fA-F]{${length}}$`);
  return (value: string) => pattern.test(value);
};

const ALGORITHMS: readonly HashAlgorithm[] = [
  { name: "MD5", valid: hex(32), form: "32 hexadecimal characters" },
  { name: "SHA-1", valid: hex(40), form: "40 hexadecimal characters" },
  { name: "SHA-256", valid: hex(64), form: "64 hexadecimal characters" },
  { name: "SHA-512", valid: hex(128), form: "128 hexadecimal characters" },
  { name: "SHA3-256", valid: hex(64), form: "64 hexadecimal characters" },
  { name: "SHA3-512", valid: hex(128), form: "128 hexadecimal characters" },
  { name: "SSDEEP", valid: (v) => /^\d+:[^:\s]+:[^:\s]+$/.test(v), form: "blocksize:hash:hash" },
  {
    name: "TLSH",
    valid: (v) => /^(?:T1)?[0-9a-fA-F]{70}$/.test(v),
    form: "70 hexadecimal characters, optionally prefixed T1",
  },
];

// Spellings folded to letters and digits, so `sha256`, `SHA_256` or `sha-256` are recognised (and refused).
const BY_FOLDED = new Map(ALGORITHMS.map((a) => [a.name.replace(/[^A-Za-z0-9]/g, "").toUpperCase(), a]));

/** The STIX hashing algorithm names whose values are checked (`MD5`, `SHA-1`, `SHA-256`, ...). */
export const HASH_ALGORITHMS: readonly string[] = ALGORITHMS.map((a) => a.name);

/**
 * A STIX `hashes` dictionary: algorithm → hash value. Known algorithms must use the STIX spelling (`SHA-256`,
 * not `sha256`) and a value of the right length and alphabet; other (custom) algorithm names are accepted with any
 * non-empty value. The dictionary must not be empty.
 */
export const hashesSchema = z.record(z.string(), z.string()).superRefine((hashes, ctx) => {
  const keys = Object.keys(hashes);
  if (keys.length === 0) ctx.addIssue({ code: "custom", message: "must contain at least one hash" });
  for (const key of keys) {
    const value = hashes[key] as string;
    const algorithm = BY_FOLDED.get(key.replace(/[^A-Za-z0-9]/g, "").toUpperCase());
    if (algorithm === undefined) {
      if (value === "") ctx.addIssue({ code: "custom", message: "must not be empty", path: [key] });
      continue;
    }
    if (key !== algorithm.name) {
      ctx.addIssue({ code: "custom", message: `hash algorithm must be written "${algorithm.name}"`, path: [key] });
    } else if (!algorithm.valid(value)) {
      ctx.addIssue({
        code: "custom",
        message: `${algorithm.name} must be ${algorithm.form} (got ${value.length} characters)`,
        path: [key],
      });
    }
  }
});
