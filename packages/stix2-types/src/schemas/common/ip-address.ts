const IPV4 = /^(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const HEXTET = /^[0-9a-fA-F]{1,4}$/;
const PREFIX = /^(?:0|[1-9]\d{0,2})$/;

function splitCidr(value: string, maxPrefix: number): string | undefined {
  const slash = value.indexOf("/");
  if (slash === -1) return value;
  const prefix = value.slice(slash + 1);
  if (!PREFIX.test(prefix) || Number(prefix) > maxPrefix) return undefined;
  return value.slice(0, slash);
}

/** True for a dotted-quad IPv4 address (no leading zeros), optionally with a CIDR suffix `/0`–`/32`. */
export function isIpv4OrCidr(value: string): boolean {
  const address = splitCidr(value, 32);
  return address !== undefined && IPV4.test(address);
}

function isIpv6Address(address: string): boolean {
  let groups = address;
  let tailGroups = 0;
  // An embedded IPv4 address takes the place of the last two groups.
  const lastColon = groups.lastIndexOf(":");
  if (lastColon !== -1 && groups.includes(".", lastColon)) {
    if (!IPV4.test(groups.slice(lastColon + 1))) return false;
    groups = `${groups.slice(0, lastColon + 1)}0`;
    tailGroups = 1;
  }
  const halves = groups.split("::");
  if (halves.length > 2) return false;
  const parts = halves.map((half) => (half === "" ? [] : half.split(":")));
  if (parts.some((list) => list.some((group) => !HEXTET.test(group)))) return false;
  const count = parts.reduce((sum, list) => sum + list.length, 0) + tailGroups;
  return halves.length === 2 ? count <= 7 : count === 8;
}

/** True for an RFC 4291 IPv6 address (compressed or not, with optional embedded IPv4), optionally `/0`–`/128`. */
export function isIpv6OrCidr(value: string): boolean {
  const address = splitCidr(value, 128);
  return address !== undefined && isIpv6Address(address);
}
