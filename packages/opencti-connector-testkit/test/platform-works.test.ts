import { STIX_BUNDLE_PUSH_DOCUMENT, WORK_ADD_DOCUMENT, WORK_QUERY_DOCUMENT } from "@org/opencti-connector-sdk";
import { beforeAll, describe, expect, it } from "vitest";
import { ACME, EMOTET as MALWARE, usePlatform } from "./support/platform-fixture.js";

const CONNECTOR_ID = "7f3c1e2a-4b5d-4c6e-8f90-a1b2c3d4e5f6";
const edit = (field: string, args = "") =>
  `mutation edit($id: ID!${args ? `, ${args}` : ""}) { workEdit(id: $id) { ${field} } }`;
const EMOTET = { ...MALWARE, object_marking_refs: ["marking-definition--f88d31f6-486f-44da-b317-01333bde0b82"] };
const bundle = (objects: unknown[]) =>
  JSON.stringify({ type: "bundle", id: "bundle--4f2a3c1e-0000-4000-8000-000000000001", objects });

const fixture = usePlatform({ version: "6.9.17" });
const { gql } = fixture;

beforeAll(async () => {
  await gql(`mutation RegisterConnector($input: RegisterConnectorInput) { registerConnector(input: $input) { id } }`, {
    input: { id: CONNECTOR_ID, name: "Works test", type: "EXTERNAL_IMPORT", scope: [] },
  });
});

describe("works", () => {
  it("workAdd opens a progress work with the platform's id; WorkQuery reads it", async () => {
    const added = await gql(WORK_ADD_DOCUMENT, { connectorId: CONNECTOR_ID, friendlyName: "Works test run @ now" });
    const id: string = added.body.data.workAdd.id;
    expect(id).toMatch(new RegExp(`^work_${CONNECTOR_ID}_\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$`));
    const work = (await gql(WORK_QUERY_DOCUMENT, { id })).body.data.work;
    expect(work).toMatchObject({
      id,
      name: "Works test run @ now",
      user: { name: "admin" },
      status: "progress",
      event_source_id: CONNECTOR_ID,
      processed_time: null,
      completed_time: null,
      tracking: { import_expected_number: 0, import_processed_number: 0 },
      messages: [],
      errors: [],
    });
    expect(work.received_time).toBe(work.timestamp);
  });

  it("completes on the last expected report, then toProcessed adds its message", async () => {
    const id: string = (await gql(WORK_ADD_DOCUMENT, { connectorId: CONNECTOR_ID, friendlyName: "run" })).body.data
      .workAdd.id;
    expect((await gql(edit("addExpectations(expectations: $n)", "$n: Int"), { id, n: 2 })).body).toEqual({
      data: { workEdit: { addExpectations: id } },
    });
    await gql(edit("reportExpectation(error: $error)", "$error: WorkErrorInput"), { id, error: null });
    await gql(edit("toProcessed(message: $m, inError: false)", "$m: String"), { id, m: "Connector run done" });
    expect(fixture.platform.work(id)?.status).toBe("progress");
    await gql(edit("reportExpectation(error: $error)", "$error: WorkErrorInput"), {
      id,
      error: { error: "Cannot import", source: "CONNECTOR" },
    });
    const work = (await gql(WORK_QUERY_DOCUMENT, { id })).body.data.work;
    expect(work).toMatchObject({
      status: "complete",
      tracking: { import_expected_number: 2, import_processed_number: 2 },
      messages: [{ message: "Connector run done", sequence: null, source: null }],
      errors: [{ message: "Cannot import", source: "CONNECTOR", sequence: null }],
    });
  });

  it("answers workEdit on a missing work with its id, isWorkAlive false and work null", async () => {
    const id = `work_${CONNECTOR_ID}_2020-01-01T00:00:00.000Z`;
    expect((await gql(edit("ping"), { id })).body).toEqual({ data: { workEdit: { ping: id } } });
    expect((await gql(`query WorkAliveQuery($id: ID!) { isWorkAlive(id: $id) }`, { id })).body).toEqual({
      data: { isWorkAlive: false },
    });
    expect((await gql(WORK_QUERY_DOCUMENT, { id })).body).toEqual({ data: { work: null } });
  });

  it("deletes a work: no longer alive", async () => {
    const id: string = (await gql(WORK_ADD_DOCUMENT, { connectorId: CONNECTOR_ID })).body.data.workAdd.id;
    expect((await gql(`query WorkAliveQuery($id: ID!) { isWorkAlive(id: $id) }`, { id })).body.data.isWorkAlive).toBe(
      true,
    );
    await gql(`mutation ConnectorWorksMutation($workId: ID!) { workEdit(id: $workId) { delete } }`, { workId: id });
    expect(fixture.platform.work(id)).toBeUndefined();
  });

  it("answers workAdd for an unknown connector with FUNCTIONAL_ERROR", async () => {
    const answer = await gql(WORK_ADD_DOCUMENT, { connectorId: "unknown" });
    expect(answer.body.errors[0]).toMatchObject({
      message: "No connector found with the specified ID",
      extensions: { code: "FUNCTIONAL_ERROR" },
    });
  });
});

describe("stixBundlePush without a broker", () => {
  it("opens a work, splits through the worker path and ingests every object", async () => {
    const answer = await gql(STIX_BUNDLE_PUSH_DOCUMENT, {
      connectorId: CONNECTOR_ID,
      bundle: bundle([EMOTET, ACME]),
      work_id: null,
    });
    expect(answer.body).toEqual({ data: { stixBundlePush: true } });
    const work = fixture.platform.works(CONNECTOR_ID).at(-1);
    expect(work?.name).toMatch(/^Works test run @ \d{4}-/);
    const done = await fixture.platform.waitForWork(work?.id ?? "");
    expect(done).toMatchObject({ status: "complete", expected: 2, completedNumber: 2, errors: [] });
    expect(fixture.platform.objects({ workId: done.id }).map((o) => o.id)).toEqual([ACME.id, EMOTET.id]);
    expect(fixture.platform.object(EMOTET.id)?.object).toEqual(EMOTET);
    expect(fixture.platform.danglingReferences()).toEqual([]);
  });

  it("adds one expectation itself for a one-object bundle without work", async () => {
    await gql(STIX_BUNDLE_PUSH_DOCUMENT, { connectorId: CONNECTOR_ID, bundle: bundle([ACME]) });
    const work = fixture.platform.works(CONNECTOR_ID).at(-1);
    expect(await fixture.platform.waitForWork(work?.id ?? "")).toMatchObject({ expected: 1, completedNumber: 1 });
  });

  it("reports an invalid object on the work with its error and source", async () => {
    const broken = { ...EMOTET, id: "malware--9d5b6c4f-1e2d-4c3b-8a9f-0e1d2c3b4a59", name: undefined };
    await gql(STIX_BUNDLE_PUSH_DOCUMENT, { connectorId: CONNECTOR_ID, bundle: bundle([ACME, broken]) });
    const work = await fixture.platform.waitForWork(fixture.platform.works(CONNECTOR_ID).at(-1)?.id ?? "");
    expect(work.errors).toHaveLength(1);
    expect(work.errors[0]?.message).toMatch(/^Invalid STIX/);
    expect(JSON.parse(work.errors[0]?.source ?? "{}")).toMatchObject({ id: broken.id, type: "malware" });
    expect(fixture.platform.object(broken.id)).toBeUndefined();
  });

  it("answers UNSUPPORTED_ERROR 'Invalid bundle' for bad JSON, a non-bundle, no objects or an unknown connector", async () => {
    const cases: [string, string, string][] = [
      [CONNECTOR_ID, "{not json", "bundle is not JSON"],
      [CONNECTOR_ID, JSON.stringify({ type: "report", objects: [ACME] }), "Invalid stix bundle"],
      [CONNECTOR_ID, JSON.stringify({ type: "bundle", objects: [] }), "Invalid stix bundle"],
      ["unknown", bundle([ACME]), "Invalid connector"],
    ];
    for (const [connectorId, payload, reason] of cases) {
      const answer = await gql(STIX_BUNDLE_PUSH_DOCUMENT, { connectorId, bundle: payload });
      expect(answer.status).toBe(200);
      expect(answer.body.data).toEqual({ stixBundlePush: null });
      expect(answer.body.errors[0]).toMatchObject({
        message: "Invalid bundle",
        extensions: { code: "UNSUPPORTED_ERROR", data: { http_status: 500, genre: "BUSINESS" } },
      });
      expect(answer.body.errors[0].extensions.data.reason).toContain(reason);
    }
    expect((await gql("query healthCheck { about { version } }", {})).status).toBe(200);
  });
});

describe("deleteConnector", () => {
  it("deletes the connector and its works; a second deletion answers ALREADY_DELETED_ERROR", async () => {
    const query = `mutation ConnectorDeletionMutation($id: ID!) { deleteConnector(id: $id) }`;
    expect((await gql(query, { id: CONNECTOR_ID })).body).toEqual({ data: { deleteConnector: CONNECTOR_ID } });
    expect(fixture.platform.connector(CONNECTOR_ID)).toBeUndefined();
    expect(fixture.platform.works(CONNECTOR_ID)).toEqual([]);
    const again = await gql(query, { id: CONNECTOR_ID });
    expect(again.body.errors[0]).toMatchObject({
      message: "Already deleted elements",
      extensions: { code: "ALREADY_DELETED_ERROR" },
    });
  });
});
