/** Documents of the work API (spec §3.3, §5), sent verbatim. */

/** Opens a work. */
export const WORK_ADD_DOCUMENT = `mutation workAdd($connectorId: String!, $friendlyName: String) {
  workAdd(connectorId: $connectorId, friendlyName: $friendlyName) { id }
}`;

export const WORK_TO_RECEIVED_DOCUMENT = `mutation workToReceived($id: ID!, $message: String) {
  workEdit(id: $id) { toReceived(message: $message) }
}`;

export const WORK_TO_PROCESSED_DOCUMENT = `mutation workToProcessed($id: ID!, $message: String, $inError: Boolean) {
  workEdit(id: $id) { toProcessed(message: $message, inError: $inError) }
}`;

export const ADD_EXPECTATIONS_DOCUMENT = `mutation addExpectations($id: ID!, $expectations: Int) {
  workEdit(id: $id) { addExpectations(expectations: $expectations) }
}`;

export const REPORT_EXPECTATION_DOCUMENT = `mutation reportExpectation($id: ID!, $error: WorkErrorInput) {
  workEdit(id: $id) { reportExpectation(error: $error) }
}`;

/** Refreshes the work's `updated_at` during long runs. */
export const PING_WORK_DOCUMENT = `mutation pingWork($id: ID!) {
  workEdit(id: $id) { ping }
}`;

/** Records the draft a work writes to (draft validation mode). */
export const ADD_DRAFT_CONTEXT_DOCUMENT = `mutation addDraftContext($id: ID!, $draftContext: String) {
  workEdit(id: $id) { addDraftContext(draftContext: $draftContext) }
}`;

/** Deletes (cancels) a work. */
export const DELETE_WORK_DOCUMENT = `mutation ConnectorWorksMutation($workId: ID!) {
  workEdit(id: $workId) { delete }
}`;

/** A work's status and counters (diagnostics, tests). */
export const WORK_QUERY_DOCUMENT = `query WorkQuery($id: ID!) {
  work(id: $id) {
    id name user { name } timestamp status event_source_id received_time processed_time completed_time
    tracking { import_expected_number import_processed_number }
    messages { timestamp message sequence source }
    errors { timestamp message sequence source }
  }
}`;

export const WORK_ALIVE_DOCUMENT = `query WorkAliveQuery($id: ID!) {
  isWorkAlive(id: $id)
}`;
