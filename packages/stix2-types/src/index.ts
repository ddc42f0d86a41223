/**
 * Typed STIX 2.1 and OpenCTI model.
 *
 * @packageDocumentation
 */
export const STIX_SPEC_VERSION = "2.1" as const;
