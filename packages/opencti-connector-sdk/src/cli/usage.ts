/** The CLI's commands. */
export type CliCommandName = "send" | "validate" | "lint" | "id" | "config-schema";

/** `opencti-connector --help`. */
export const MAIN_USAGE = `Usage: opencti-connector <command> [options]

Commands:
  send <file.json | ->      push a STIX 2.1 bundle into OpenCTI the way a connector does
  validate <file.json | ->  list every problem of a bundle (schema, dangling references, ids)
  lint <file.json | dir>    check a connector's bundles carry an author, markings and deterministic ids
  id '<json>' | id -        print the platform's deterministic id of STIX objects
  config-schema             write connector_config_schema.json and the variable table of a connector

Run "opencti-connector <command> --help" for a command's options.
Exit codes: 0 success, 1 failure or problems found, 2 bad command line.`;

/** `opencti-connector <command> --help`. */
export const COMMAND_USAGE: Readonly<Record<CliCommandName, string>> = {
  send: `Usage: opencti-connector send <file.json | -> [options]

Registers as an EXTERNAL_IMPORT connector, opens a work, validates the bundle (nothing is sent when an object is
invalid), splits it and delivers it in batches through the configured transport, closes the work and prints a
summary: objects by type, messages sent, expectations, warnings (references the splitter removed), elapsed time
and objects/s. The file is streamed (any size; "-" reads stdin). Progress goes to stderr during long sends.

Configuration: the standard variables, from the environment or --config (environment wins):
  OPENCTI_URL, OPENCTI_TOKEN, CONNECTOR_ID (a UUID) are required; CONNECTOR_NAME (default
  "opencti-connector CLI"), CONNECTOR_QUEUE_PROTOCOL (amqp, the default, or api for stixBundlePush),
  CONNECTOR_SEND_TO_DIRECTORY(_PATH), CONNECTOR_LOG_LEVEL, OPENCTI_JSON_LOGGING, MQ_HOST, MQ_PORT, MQ_USER,
  MQ_PASS, MQ_VHOST, MQ_USE_SSL... override the broker settings the platform returns at registration.

Options:
  --config <config.yml>       YAML configuration (default ./config.yml when present)
  --directory <dir>           write the bundles into <dir> instead of sending them to the platform
                              (CONNECTOR_SEND_TO_DIRECTORY; no work is opened)
  --batch-size <n>            objects per batch (default 5000)
  --batch-bytes <n>           JSON bytes per batch at most (default 16000000)
  --startup-timeout <s>       how long to retry reaching the platform (default 30)
  -h, --help                  this help

Exit 0 when every message is confirmed; otherwise 1 with one line naming the cause.`,
  validate: `Usage: opencti-connector validate <file.json | -> [--json]

Streams the bundle and lists every problem with its JSON path: objects that do not match their STIX 2.1 /
OpenCTI schema (e.g. a bad timestamp), references to objects that are neither in the bundle nor seeded by the
platform (TLP and PAP markings are), and objects whose id differs from the platform's deterministic id (with
the expected id). Exit 1 when anything is wrong.

Options:
  --json      print {"valid", "objectCount", "problems": [{"kind", "path", "message", ...}]}
  -h, --help  this help`,
  lint: `Usage: opencti-connector lint <file.json | dir> [--json] [--allow-foreign-ids]

The lint of a connector's output: fails bundles whose SDOs and SROs lack an author (created_by_ref naming an
identity of the bundle), whose objects lack markings (object_marking_refs naming marking definitions of the
bundle), or that carry non-deterministic ids. With a directory, every *.json file in it is linted: plain
bundles, or the files a connector writes with CONNECTOR_SEND_TO_DIRECTORY=true, e.g.
  CONNECTOR_SEND_TO_QUEUE=false CONNECTOR_SEND_TO_DIRECTORY=true CONNECTOR_SEND_TO_DIRECTORY_PATH=out \\
  CONNECTOR_RUN_AND_TERMINATE=true pnpm start && opencti-connector lint out
Exit 1 listing each finding.

Options:
  --json               print [{"file", "passed", "objectCount", "findings": [...]}]
  --allow-foreign-ids  accept ids that are not the platform's deterministic ones, for a passthrough connector
                       forwarding another producer's STIX as given (the platform computes its own standard_id
                       and keeps the sent id in x_opencti_stix_ids); author and markings are still required
  -h, --help           this help`,
  id: `Usage: opencti-connector id '<json object>'
       opencti-connector id -      (one JSON object per line on stdin, one id per line on stdout)

Prints the id the OpenCTI platform gives a STIX object (its standard_id), e.g.
  opencti-connector id '{"type": "malware", "name": "Emotet"}'
  malware--36297121-bf18-56e1-b200-d39c9f9f5cee
References (source_ref, ...) are hashed as given: pass the standard ids of the referenced objects. A line that
cannot be read gets an error on stderr naming its line number; the exit code is then 1.

Options:
  -h, --help  this help`,
  "config-schema": `Usage: opencti-connector config-schema --namespace <name> --module <path> [options]

Imports the module at <path>, takes its exported connector configuration definition with that namespace (the
value returned by defineConnectorConfig, exported under any name: by convention
"export const config = defineConnectorConfig({ namespace: ... })", or as the default export), and writes
the catalog's connector_config_schema.json and CONNECTOR_CONFIG_DOC.md (the markdown variable table).
The module is imported by Node: give a JavaScript module (e.g. the build output), or run the CLI with a
TypeScript loader (node --import tsx ...) for a .ts file.

Options:
  --namespace <name>  namespace of the definition (e.g. template)
  --module <path>     module exporting the definition
  --out <dir>         where to write both files (default __metadata__)
  --slug <name>       connector directory name used in the schema's $id (default the namespace)
  -h, --help          this help`,
};
