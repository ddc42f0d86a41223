/** Documents of bundle delivery and validation modes (spec §3.3, §6.4), sent verbatim. */

/** Sends a whole bundle through the API (`CONNECTOR_QUEUE_PROTOCOL=api`); the worker splits it. */
export const STIX_BUNDLE_PUSH_DOCUMENT = `mutation StixBundlePush($connectorId: String!, $bundle: String!, $work_id: String) {
  stixBundlePush(connectorId: $connectorId, bundle: $bundle, work_id: $work_id)
}`;

/** Uploads a bundle to the workbench (multipart request). */
export const UPLOAD_PENDING_DOCUMENT = `mutation UploadPending($file: Upload!, $entityId: String, $file_markings: [String!]) {
  uploadPending(file: $file, entityId: $entityId, file_markings: $file_markings) { id name }
}`;

/** Creates a draft (draft validation mode). */
export const DRAFT_WORKSPACE_ADD_DOCUMENT = `mutation draftWorkspaceAdd($input: DraftWorkspaceAddInput!) {
  draftWorkspaceAdd(input: $input) { id }
}`;

/** Hands a bundle to the next playbook step (internal connectors in playbooks). */
export const PLAYBOOK_STEP_EXECUTION_DOCUMENT = `mutation PlaybookStepExecution($execution_id: ID!, $event_id: ID!, $execution_start: DateTime!, $data_instance_id: ID!, $playbook_id: ID!, $previous_step_id: ID!, $step_id: ID!, $previous_bundle: String!, $bundle: String!) {
  playbookStepExecution(execution_id: $execution_id, event_id: $event_id, execution_start: $execution_start, data_instance_id: $data_instance_id, playbook_id: $playbook_id, previous_step_id: $previous_step_id, step_id: $step_id, previous_bundle: $previous_bundle, bundle: $bundle)
}`;
