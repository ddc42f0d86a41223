/**
 * The spec §6.1 example objects shared by the delivery tests: organization `ACME Corp` and malware `Emotet` created
 * by it and marked TLP:AMBER (the marking itself absent from the bundle). Ids are the platform's (spec §9.3, §9.5).
 */
export const TLP_AMBER_ID = "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82";

export const ACME = { type: "identity", id: "identity--542072da-8b33-50bf-810b-d9cfd2a0bc69", name: "ACME Corp" };

export const EMOTET = {
  type: "malware",
  id: "malware--36297121-bf18-56e1-b200-d39c9f9f5cee",
  name: "Emotet",
  created_by_ref: ACME.id,
  object_marking_refs: [TLP_AMBER_ID],
};
