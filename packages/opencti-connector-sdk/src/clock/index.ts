export { type Clock, systemClock } from "./clock.js";
export { FakeClock } from "./fake-clock.js";
