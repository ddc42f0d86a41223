import { describe, expect, it } from "vitest";
import { isIpv4OrCidr, isIpv6OrCidr } from "./ip-address.js";

describe("isIpv4OrCidr", () => {
  it.each(["0.0.0.0", "198.51.100.7", "255.255.255.255", "10.0.0.0/8", "1.2.3.4/0", "1.2.3.4/32"])("accepts %s", (v) =>
    expect(isIpv4OrCidr(v)).toBe(true),
  );
  it.each(["256.1.1.1", "01.2.3.4", "1.2.3", "1.2.3.4.5", "1.2.3.4/33", "1.2.3.4/", "1.2.3.4/08", " 1.2.3.4", "::1"])(
    "refuses %j",
    (v) => expect(isIpv4OrCidr(v)).toBe(false),
  );
});

describe("isIpv6OrCidr", () => {
  it.each([
    "::",
    "::1",
    "2001:db8::1",
    "2001:DB8:0:0:8:800:200C:417A",
    "2001:db8::/32",
    "::ffff:192.0.2.128",
    "1:2:3:4:5:6:7::",
    "::2:3:4:5:6:7:8",
    "fe80::/128",
  ])("accepts %s", (v) => expect(isIpv6OrCidr(v)).toBe(true));
  it.each([
    "1:2:3:4:5:6:7:8:9",
    "1::2::3",
    "12345::",
    "fe80::1%eth0",
    "2001:db8::/129",
    "1:2:3:4:5:6:7:8::",
    ":1:2:3:4:5:6:7",
    "::ffff:300.0.2.128",
    "1.2.3.4",
    "g::1",
  ])("refuses %j", (v) => expect(isIpv6OrCidr(v)).toBe(false));
});
