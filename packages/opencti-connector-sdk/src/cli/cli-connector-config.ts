import { z } from "zod";
import { defineConnectorConfig } from "../config/define-connector-config.js";

/**
 * The configuration `send` loads: the standard `OPENCTI_*`, `CONNECTOR_*` and `MQ_*` variables of an external
 * import connector, and no settings of its own.
 */
export const CLI_CONNECTOR_CONFIG = defineConnectorConfig({
  namespace: "cli",
  schema: z.object({}),
  connector: { type: "EXTERNAL_IMPORT", name: "opencti-connector CLI" },
});
