import type { StixObject } from "@org/stix2-types";

/** The TLP:CLEAR id the datasets use. */
export const CLEAR = "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9";
/** Filigran, the datasets' author (the files give it the platform's id). */
export const FILIGRAN = "identity--8cb00c79-ab20-5ed4-b37d-337241b96a29";

const common = {
  spec_version: "2.1" as const,
  created: "2023-11-19T00:56:33.38746Z",
  modified: "2023-11-19T00:56:33.38746Z",
  created_by_ref: FILIGRAN,
  object_marking_refs: [CLEAR],
};

/** A sector as the datasets have it: a random id, not the platform's. */
export const TECHNOLOGIES = {
  ...common,
  type: "identity",
  id: "identity--0b5c2a4e-9a4e-4c2b-8d8e-6f4a8a1d7e01",
  name: "Technologies",
  identity_class: "class",
} as StixObject;

/** A company (in another file than its sector). */
export const FIREEYE = {
  ...common,
  type: "identity",
  id: "identity--ecacca66-1a61-4457-b29d-8b2d8f50d504",
  name: "Fireeye",
  identity_class: "organization",
} as StixObject;

/** Fireeye part-of Technologies, with the file's ids. */
export const FIREEYE_PART_OF = {
  ...common,
  type: "relationship",
  id: "relationship--14c2fc4d-bf44-408a-8e9d-8315670dac85",
  relationship_type: "part-of",
  source_ref: FIREEYE.id,
  target_ref: TECHNOLOGIES.id,
} as StixObject;
