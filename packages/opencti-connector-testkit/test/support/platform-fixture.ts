/**
 * The set-up the integration tests share: a platform started before the tests of a file or `describe` and stopped
 * after them, GraphQL posted to it, the registration input of a test connector, and the STIX objects they send.
 */
import { createOpenCtiClient, type OpenCtiClient, type RegisterConnectorInput } from "@org/opencti-connector-sdk";
import type { Platform, StartPlatformOptions } from "../../src/index.js";
import { useTestbed } from "../../src/vitest/index.js";
import { post, type RawAnswer } from "./graphql.js";

/** An author. */
export const ACME = {
  type: "identity",
  spec_version: "2.1",
  id: "identity--542072da-8b33-50bf-810b-d9cfd2a0bc69",
  created: "2026-01-01T00:00:00.000Z",
  modified: "2026-01-01T00:00:00.000Z",
  name: "ACME Corp",
  identity_class: "organization",
};

/** A malware created by {@link ACME}. */
export const EMOTET = {
  type: "malware",
  spec_version: "2.1",
  id: "malware--36297121-bf18-56e1-b200-d39c9f9f5cee",
  created: "2026-01-01T00:00:00.000Z",
  modified: "2026-01-01T00:00:00.000Z",
  name: "Emotet",
  is_family: true,
  created_by_ref: ACME.id,
};

/** `registerConnector`'s input as the SDK sends it for an external-import connector. */
export function registerInput(id: string, name: string, scope: string[] = ["identity"]): RegisterConnectorInput {
  return {
    id,
    name,
    type: "EXTERNAL_IMPORT",
    scope,
    auto: false,
    auto_update: false,
    enrichment_resolution: "none",
    only_contextual: false,
    playbook_compatible: false,
    listen_callback_uri: null,
  };
}

/** The platform of {@link usePlatform}. */
export interface PlatformFixture {
  /** The running platform; read it in hooks and tests, not while the file is collected. */
  readonly platform: Platform;
  /** Posts a GraphQL request to the platform with its token. */
  gql(query: string, variables?: Record<string, unknown>): Promise<RawAnswer>;
}

/** Starts a platform with `options` before the tests of the calling file or `describe`, and stops it after. */
export function usePlatform(options: StartPlatformOptions = {}): PlatformFixture {
  const bed = useTestbed({ platform: options });
  return {
    get platform() {
      return bed.platform;
    },
    gql: (query, variables = {}) => post(bed.platform, { query, variables }),
  };
}

/** The SDK's OpenCTI client for the platform (no start-up retries: the platform is up). */
export function sdkClient(platform: Platform, token: string = platform.token): OpenCtiClient {
  return createOpenCtiClient({ url: platform.url, token, startupDeadlineMs: 0 });
}
