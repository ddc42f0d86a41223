import type { WorkErrorInput } from "../../../src/api/types.js";
import { type GraphQLServer, startGraphQLServer } from "../../support/graphql-server.js";
import { CONNECTOR_ID, registeredConnector, TEST_TOKEN } from "../../support/platform-fixtures.js";

/** One work as the fake platform tracks it (spec §5.1 counters). */
export interface FakeWork {
  id: string;
  name: string;
  expected: number;
  processed: number;
  errors: WorkErrorInput[];
  closed: { message: string; inError: boolean } | undefined;
}

/** The platform's side of a connector: state with the reset flag (spec §4.3), works, the push queue size. */
export interface FakePlatformState {
  state: string | null;
  /** The next ping ignores the sent state and returns `""`, as after a reset from the UI. */
  resetRequested: boolean;
  /** `connector_queue_details.messages_size`, bytes. */
  queueBytes: number;
  works: FakeWork[];
  /** What registration returns; tests point its push exchange and routing at a real broker's topology. */
  registration: ReturnType<typeof registeredConnector>;
  /** Called with each ping's state before it is stored (e.g. to look at the broker at checkpoint time). */
  onPing?: (state: string) => Promise<void>;
  /** Files received by `uploadPending` (validation mode), in order. */
  uploads: { name: string; type: string; content: string }[];
}

/** The work and connector operations of spec §3.3, as recorded by the test server. */
export const WORK_OPERATIONS = [
  "workAdd",
  "addExpectations",
  "reportExpectation",
  "workToProcessed",
  "pingWork",
  "ConnectorWorksMutation",
];

/**
 * Starts the test GraphQL server (the real pruned schema) with resolvers that behave like OpenCTI for a connector:
 * registration keeps the stored state, pings store it (or return `""` once after a requested reset), works get
 * platform-shaped ids. `at` gives the work id's timestamp.
 */
export async function startFakePlatform(
  options: { state?: string | null; at?: () => number; version?: string } = {},
): Promise<{ server: GraphQLServer; platform: FakePlatformState }> {
  const platform: FakePlatformState = {
    state: options.state ?? null,
    resetRequested: false,
    queueBytes: 0,
    works: [],
    registration: registeredConnector(options.state ?? null),
    uploads: [],
  };
  const work = (id: unknown): FakeWork => {
    const found = platform.works.find((w) => w.id === id);
    if (!found) throw new Error(`unknown work ${String(id)}`);
    return found;
  };
  const server = await startGraphQLServer({
    token: TEST_TOKEN,
    resolvers: {
      Query: {
        about: () => ({ version: options.version ?? "6.9.17" }),
        connector: () => ({
          id: CONNECTOR_ID,
          name: "Test Feed",
          active: true,
          auto: false,
          only_contextual: false,
          connector_type: "EXTERNAL_IMPORT",
          connector_scope: ["indicator"],
          connector_state: platform.state,
          connector_queue_details: { messages_number: 0, messages_size: platform.queueBytes },
          updated_at: "2026-02-12T22:00:00.000Z",
          created_at: "2026-02-12T22:00:00.000Z",
          config: null,
          built_in: false,
        }),
      },
      Mutation: {
        registerConnector: () => ({ ...platform.registration, connector_state: platform.state }),
        pingConnector: async (args) => {
          await platform.onPing?.(args.state as string);
          if (platform.resetRequested) {
            platform.resetRequested = false;
            platform.state = "";
          } else {
            platform.state = args.state as string;
          }
          return { id: args.id, connector_state: platform.state, connector_info: args.connectorInfo };
        },
        workAdd: (args) => {
          const at = new Date(options.at?.() ?? Date.now()).toISOString();
          const id = `work_${String(args.connectorId)}_${at}`;
          platform.works.push({
            id,
            name: String(args.friendlyName),
            expected: 0,
            processed: 0,
            errors: [],
            closed: undefined,
          });
          return { id };
        },
        uploadPending: async (args) => {
          const file = args.file as File;
          platform.uploads.push({ name: file.name, type: file.type, content: await file.text() });
          return { id: `import/pending/${file.name}`, name: file.name };
        },
        workEdit: (args) => ({
          addExpectations: (edit: { expectations: number }) => {
            work(args.id).expected += edit.expectations;
            return args.id;
          },
          reportExpectation: (edit: { error?: WorkErrorInput | null }) => {
            const w = work(args.id);
            w.processed += 1;
            if (edit.error) w.errors.push(edit.error);
            return args.id;
          },
          toProcessed: (edit: { message: string; inError: boolean }) => {
            work(args.id).closed = { message: edit.message, inError: edit.inError };
            return args.id;
          },
          ping: () => args.id,
          delete: () => args.id,
        }),
      },
    },
  });
  return { server, platform };
}

/** The work calls received, as `[operation, variables]`, in order. */
export function workCalls(server: GraphQLServer): [string, Record<string, unknown>][] {
  return server.calls
    .filter((c) => c.operationName !== undefined && WORK_OPERATIONS.includes(c.operationName))
    .map((c) => [c.operationName as string, c.variables]);
}

/** The states sent by pings, parsed, in order (`null` for none). */
export function pingedStates(server: GraphQLServer): unknown[] {
  return server.callsOf("PingConnector").map((c) => JSON.parse(String(c.variables.state)));
}

/** The `toProcessed` call closing a work. */
export function toProcessedCall(id: string, message: string, inError: boolean): [string, Record<string, unknown>] {
  return ["workToProcessed", { id, message, inError }];
}

/**
 * The work calls of one run of the test connector, in order: `workAdd` (named after the run's start), one
 * `addExpectations` per delivery, then `toProcessed`.
 */
export function runWorkCalls(run: {
  connectorId: string;
  workId: string;
  startedAt: string;
  expectations: readonly number[];
  message: string;
  inError: boolean;
}): [string, Record<string, unknown>][] {
  return [
    ["workAdd", { connectorId: run.connectorId, friendlyName: `Test Feed run @ ${run.startedAt}` }],
    ...run.expectations.map((n): [string, Record<string, unknown>] => [
      "addExpectations",
      { id: run.workId, expectations: n },
    ]),
    toProcessedCall(run.workId, run.message, run.inError),
  ];
}
