export { BufferingGate, type BufferingGateOptions } from "./buffering-gate.js";
export {
  checkQueueThreshold,
  type QueueCheck,
  type QueueThresholdOptions,
  queueCheckInfo,
  queueSizeMb,
} from "./queue-threshold.js";
export { exitCodeFor, type RunOutcome, type SchedulerResult } from "./run-outcome.js";
export {
  type FailureBackoff,
  formatInfoDatetime,
  type InitialDelayInput,
  initialDelayMs,
  nextRunDelayMs,
} from "./schedule-timing.js";
export { type RunContext, Scheduler, type SchedulerOptions } from "./scheduler.js";
