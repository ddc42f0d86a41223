import type { StixType } from "../schemas/stix-object-schemas.js";
import type { BuildContext } from "./build-context.js";
import { type BuilderSpec, bindBuilder } from "./build-object.js";
import type { Builder, BuilderInput, DatedBuilderInput } from "./builder-input.js";

/** The identity classes OpenCTI keeps as they are (any other class is stored as `organization`). */
export type OpenCtiIdentityClass = "individual" | "organization" | "class" | "system" | "securityplatform";
const IDENTITY_CLASSES = new Set<string>(["individual", "organization", "class", "system", "securityplatform"]);

const LOCATION_FIELD: Readonly<Record<string, string>> = {
  City: "city",
  Country: "country",
  Region: "region",
  "Administrative-Area": "administrative_area",
};

function domain<T extends StixType>(type: T, extra: Omit<BuilderSpec<T>, "type" | "kind"> = {}): BuilderSpec<T> {
  return { type, kind: "domain", ...extra };
}

/** Builders of the STIX 2.1 domain objects, bound to `ctx`. */
export function sdoBuilders(ctx: BuildContext) {
  const make = <T extends StixType, I extends object>(spec: BuilderSpec<T>): Builder<T, I> => bindBuilder(ctx, spec);
  return {
    /** Attack pattern; give `x_mitre_id` (e.g. `T1566`) when known: it identifies the pattern. */
    attackPattern: make<"attack-pattern", BuilderInput<"attack-pattern">>(domain("attack-pattern")),
    /** Campaign. */
    campaign: make<"campaign", BuilderInput<"campaign">>(domain("campaign")),
    /** Course of action. */
    courseOfAction: make<"course-of-action", BuilderInput<"course-of-action">>(domain("course-of-action")),
    /** Grouping; `name` (OpenCTI) and `created` (part of its id) are required. */
    grouping: make<"grouping", DatedBuilderInput<"grouping", never, "name">>(
      domain("grouping", { requires: ["name"] }),
    ),
    /** Identity; `identity_class` limited to the classes OpenCTI keeps. */
    identity: make<
      "identity",
      BuilderInput<"identity", never, "identity_class"> & { identity_class: OpenCtiIdentityClass }
    >(
      domain("identity", {
        prepare: (object, _ctx, report) => {
          if (!IDENTITY_CLASSES.has(object.identity_class as string)) {
            report("identity_class", `must be one of ${[...IDENTITY_CLASSES].join(", ")} (the classes OpenCTI keeps)`);
          }
        },
      }),
    ),
    /** Incident; `created` is required (part of its id). */
    incident: make<"incident", DatedBuilderInput<"incident">>(domain("incident")),
    /**
     * Indicator; `name` is required (OpenCTI), `pattern_type` defaults to `stix` and `valid_from` to `created`.
     * Use `indicatorFor` to build one from an observable.
     */
    indicator: make<"indicator", BuilderInput<"indicator", "pattern_type" | "valid_from", "name">>(
      domain("indicator", {
        requires: ["name"],
        prepare: (object) => {
          object.pattern_type ??= "stix";
          object.valid_from ??= object.created;
        },
      }),
    ),
    /** Infrastructure. */
    infrastructure: make<"infrastructure", BuilderInput<"infrastructure">>(domain("infrastructure")),
    /** Intrusion set. */
    intrusionSet: make<"intrusion-set", BuilderInput<"intrusion-set">>(domain("intrusion-set")),
    /**
     * Location; `name` and `x_opencti_location_type` are required. For a city, country, region or administrative
     * area without any STIX location property, the name fills `city`/`country`/`region`/`administrative_area`, as
     * the platform does on export.
     */
    location: make<"location", BuilderInput<"location", never, "name" | "x_opencti_location_type">>(
      domain("location", {
        requires: ["name", "x_opencti_location_type"],
        prepare: (object) => {
          const field = LOCATION_FIELD[object.x_opencti_location_type as string];
          const hasPlace = ["region", "country", "city", "administrative_area", "latitude"].some(
            (key) => object[key] !== undefined,
          );
          if (field !== undefined && !hasPlace && typeof object.name === "string") object[field] = object.name;
        },
      }),
    ),
    /** Malware; `name` is required (it identifies it) and `is_family` defaults to `false` (as pycti). */
    malware: make<"malware", BuilderInput<"malware", "is_family", "name">>(
      domain("malware", {
        requires: ["name"],
        prepare: (object) => {
          object.is_family ??= false;
        },
      }),
    ),
    /** Malware analysis (identified by `product`, `result_name` and `submitted`). */
    malwareAnalysis: make<"malware-analysis", BuilderInput<"malware-analysis">>(domain("malware-analysis")),
    /** Note; `created` is required (part of its id). */
    note: make<"note", DatedBuilderInput<"note">>(domain("note")),
    /** Observed data. */
    observedData: make<"observed-data", BuilderInput<"observed-data">>(domain("observed-data")),
    /** Opinion; `created` is required (part of its id). */
    opinion: make<"opinion", DatedBuilderInput<"opinion">>(domain("opinion")),
    /** Report (identified by its name and `published`). */
    report: make<"report", BuilderInput<"report">>(domain("report")),
    /** Threat actor; `x_opencti_type` tells a group (default) from an individual. */
    threatActor: make<"threat-actor", BuilderInput<"threat-actor">>(domain("threat-actor")),
    /** Tool. */
    tool: make<"tool", BuilderInput<"tool">>(domain("tool")),
    /** Vulnerability (e.g. a CVE id as name). */
    vulnerability: make<"vulnerability", BuilderInput<"vulnerability">>(domain("vulnerability")),
  };
}
