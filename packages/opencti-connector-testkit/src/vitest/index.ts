/**
 * Vitest helpers for connector tests (needs `vitest` installed): assertions on what the platform ingested, golden
 * snapshots, the test bed of a connector's integration tests (platform, sample source, working directory), and the
 * RabbitMQ check that skips broker tests unless `REQUIRE_RABBITMQ=1`.
 *
 * @packageDocumentation
 */
export type { GoldenOptions } from "../golden/golden-json.js";
export type { ObjectSource } from "../golden/object-source.js";
export { type BrokerAvailableOptions, brokerAvailable, LOCAL_AMQP_URL } from "./broker-available.js";
export { describeConnectorPackage } from "./describe-connector-package.js";
export { describeWithBroker } from "./describe-with-broker.js";
export { expectBundleToContain } from "./expect-bundle-to-contain.js";
export { expectToMatchGolden } from "./expect-to-match-golden.js";
export { type Testbed, type TestbedOptions, useTestbed } from "./use-testbed.js";
