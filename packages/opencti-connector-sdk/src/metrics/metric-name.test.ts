import { describe, expect, it } from "vitest";
import { metricName } from "./metric-name.js";

describe("metricName", () => {
  it("joins the non-empty prefixes and the family with underscores", () => {
    expect(metricName("runs_total")).toBe("runs_total");
    expect(metricName("runs_total", { namespace: "opencti", subsystem: "" })).toBe("opencti_runs_total");
    expect(metricName("runs_total", { subsystem: "cisa" })).toBe("cisa_runs_total");
    expect(metricName("state", { namespace: "opencti", subsystem: "cisa" })).toBe("opencti_cisa_state");
  });

  it("rejects prefixes that make an invalid name", () => {
    expect(() => metricName("runs_total", { namespace: "my-ns" })).toThrow(
      'Invalid metric name "my-ns_runs_total": CONNECTOR_METRICS_NAMESPACE and CONNECTOR_METRICS_SUBSYSTEM may only',
    );
    expect(() => metricName("runs_total", { namespace: "1x" })).toThrow(RangeError);
  });
});
