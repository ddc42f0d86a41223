import { describe, expect, it } from "vitest";
import { OASIS_NAMESPACE, uuidV5 } from "./uuid-v5.js";

const DNS_NAMESPACE = "6ba7b810-9dad-11d1-80b4-00c04fd430c8";

describe("uuidV5", () => {
  it("matches the RFC 9562 / Python reference values", () => {
    // Python: uuid.uuid5(uuid.NAMESPACE_DNS, "www.example.com")
    expect(uuidV5("www.example.com", DNS_NAMESPACE)).toBe("2ed6657d-e927-568b-95e1-2665a8aea6a2");
    // Python: uuid.uuid5(uuid.UUID(OASIS_NAMESPACE), '{"value":"1.2.3.4"}')
    expect(uuidV5('{"value":"1.2.3.4"}')).toBe("0198f97b-e65d-5025-87e5-58bc39d4bdb4");
  });

  it("hashes the UTF-8 bytes of non-ASCII names", () => {
    // Python: uuid.uuid5(uuid.UUID(OASIS_NAMESPACE), '{"name":"東京 🐉"}')
    expect(uuidV5('{"name":"東京 🐉"}', OASIS_NAMESPACE)).toBe("a6a0dc06-afe1-5f7d-a636-9642079aee9e");
  });

  it("handles names longer than its scratch buffer and alternating namespaces", () => {
    // Python: uuid.uuid5(uuid.UUID(OASIS_NAMESPACE), "x" * 5000)
    const long = "x".repeat(5000);
    expect(uuidV5(long)).toBe("7c48f740-f229-51db-b419-dafa0f6cb1ed");
    expect(uuidV5("www.example.com", DNS_NAMESPACE)).toBe("2ed6657d-e927-568b-95e1-2665a8aea6a2");
    expect(uuidV5(long)).toBe("7c48f740-f229-51db-b419-dafa0f6cb1ed");
  });

  it("refuses a namespace that is not a UUID", () => {
    expect(() => uuidV5("x", "not-a-uuid")).toThrow(/is not a UUID/);
  });
});
