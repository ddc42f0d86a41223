import type { RabbitMqConnection } from "../broker/amqp-settings.js";
import { connectorQueueNames } from "../broker/queue-names.js";
import type { PlatformEngine, PlatformUser } from "../platform/platform-engine.js";
import type { ConnectorInfo, ConnectorRegistration, ConnectorSnapshot } from "../store/connector-store.js";
import type { WorkSnapshot } from "../store/work-store.js";
import type { RootResolvers } from "./executable-schema.js";

/** Settings the resolvers answer with. */
export interface ResolverSettings {
  /** `about.version`. */
  version: string;
  /** The token's user. */
  user: PlatformUser;
  connection: RabbitMqConnection;
  queuePrefix: string | undefined;
  /** A connector is `active` while its last registration or ping is younger than this. */
  activeWindowMs: number;
  now: () => number;
}

/**
 * The root fields a connector uses (spec §3.3), mapped onto the engine. Results are plain objects whose nested
 * fields graphql-js resolves by name; lazy fields (queue details, a work's connector) are functions.
 */
export function createResolvers(engine: PlatformEngine, settings: ResolverSettings): RootResolvers {
  const connectorResult = (c: ConnectorSnapshot) => toConnector(c, engine, settings);
  const workResult = (w: WorkSnapshot) => toWork(w, engine, settings);
  return {
    Query: {
      about: () => ({ version: settings.version, dependencies: [] }),
      connector: ({ id }) => {
        const connector = engine.connectors.get(String(id));
        return connector ? connectorResult(connector) : null;
      },
      work: ({ id }) => {
        const work = engine.works.get(String(id));
        return work ? workResult(work) : null;
      },
      isWorkAlive: ({ id }) => engine.works.isAlive(String(id)),
    },
    Mutation: {
      registerConnector: async ({ input }, context) => {
        if (!input) throw new TypeError("registerConnector needs an input");
        return connectorResult(await engine.registerConnector(input as ConnectorRegistration, context.user));
      },
      pingConnector: async ({ id, state, connectorInfo }) =>
        connectorResult(
          await engine.pingConnector(
            String(id),
            (state as string | null | undefined) ?? null,
            (connectorInfo as ConnectorInfo | null | undefined) ?? null,
          ),
        ),
      resetStateConnector: async ({ id }) => {
        const connector = await engine.resetState(String(id));
        return connector ? connectorResult(connector) : null;
      },
      deleteConnector: ({ id }) => engine.deleteConnector(String(id)),
      workAdd: ({ connectorId, friendlyName }, context) =>
        workResult(
          engine.workAdd(String(connectorId), (friendlyName as string | null | undefined) ?? null, context.user),
        ),
      workEdit: ({ id }) => workEditMutations(engine, String(id)),
      stixBundlePush: ({ connectorId, bundle, work_id }, context) =>
        engine.pushBundle(
          String(connectorId),
          String(bundle),
          (work_id as string | null | undefined) ?? null,
          context.user,
        ),
    },
  };
}

/** `WorkEditMutations`: each edit returns the work id, even for a work that no longer exists (as the platform). */
function workEditMutations(engine: PlatformEngine, id: string) {
  const { works } = engine;
  return {
    delete: () => {
      works.delete(id);
      return id;
    },
    ping: () => {
      works.ping(id);
      return id;
    },
    reportExpectation: ({ error }: { error?: { error?: string | null; source?: string | null } | null }) => {
      works.reportExpectation(id, error ?? null);
      return id;
    },
    addExpectations: ({ expectations }: { expectations?: number | null }) => {
      works.addExpectations(id, expectations ?? 0);
      return id;
    },
    addDraftContext: ({ draftContext }: { draftContext?: string | null }) => {
      works.addDraftContext(id, draftContext ?? null);
      return id;
    },
    toReceived: ({ message }: { message?: string | null }) => {
      works.toReceived(id, message ?? null);
      return id;
    },
    toProcessed: ({ message, inError }: { message?: string | null; inError?: boolean | null }) => {
      works.toProcessed(id, message ?? null, inError ?? false);
      return id;
    },
  };
}

function toConnector(c: ConnectorSnapshot, engine: PlatformEngine, settings: ResolverSettings) {
  const names = connectorQueueNames(c.id, settings.queuePrefix);
  return {
    id: c.id,
    standard_id: `connector--${c.id}`,
    entity_type: "Connector",
    parent_types: ["Basic-Object", "Internal-Object"],
    name: c.name,
    title: c.name,
    active: settings.now() - Date.parse(c.updatedAt) < settings.activeWindowMs,
    auto: c.auto,
    auto_update: c.autoUpdate,
    enrichment_resolution: c.enrichmentResolution,
    only_contextual: c.onlyContextual,
    playbook_compatible: c.playbookCompatible,
    connector_type: c.type,
    connector_scope: c.scope,
    connector_state: c.state,
    connector_state_reset: c.stateReset,
    connector_user_id: c.userId,
    connector_queue_details: () => engine.queueDetails(c.id),
    connector_info: c.info,
    connector_priority_group: "DEFAULT",
    updated_at: c.updatedAt,
    created_at: c.createdAt,
    config: {
      connection: settings.connection,
      s3: {
        endpoint: "127.0.0.1",
        port: 9000,
        use_ssl: false,
        bucket_name: "opencti-bucket",
        bucket_region: "us-east-1",
        access_key: "",
        secret_key: "",
      },
      listen_callback_uri: c.listenCallbackUri,
      ...names,
    },
    is_managed: false,
    built_in: false,
  };
}

function toWork(w: WorkSnapshot, engine: PlatformEngine, settings: ResolverSettings) {
  const name = w.userId === settings.user.id ? settings.user.name : w.userId;
  return {
    id: w.id,
    name: w.name,
    user: { id: w.userId, name, entity_type: "User", representative: { main: name, secondary: null } },
    connector: () => {
      const connector = engine.connectors.get(w.connectorId);
      return connector ? toConnector(connector, engine, settings) : null;
    },
    timestamp: w.timestamp,
    status: w.status,
    event_source_id: w.eventSourceId,
    received_time: w.receivedTime,
    processed_time: w.processedTime,
    completed_time: w.completedTime,
    completed_number: w.completedNumber,
    messages: w.messages,
    errors: w.errors,
    tracking: {
      import_expected_number: w.expected,
      import_processed_number: w.status === "complete" ? w.completedNumber : w.processed,
      import_last_processed: w.lastProcessed,
    },
    draft_context: w.draftContext,
  };
}
