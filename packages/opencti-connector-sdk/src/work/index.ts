export { RunWork, type RunWorkOptions, type WorkApi, type WorkClosing } from "./run-work.js";
export { type RunFigures, workErrorMessage, workFriendlyName, workSummaryMessage } from "./work-messages.js";
