export type {
  ConnectorDetails,
  ConnectorInfoInput,
  ConnectorType,
  OpenCtiApi,
  PingConnectorResult,
  RabbitMqConnection,
  RegisterConnectorInput,
  RegisteredConnector,
  WorkDetails,
  WorkErrorInput,
} from "./types.js";
