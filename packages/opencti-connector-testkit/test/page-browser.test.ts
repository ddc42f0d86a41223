import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sampleConnector } from "../src/demo/sample-connector.js";
import { type Platform, startPlatform } from "../src/index.js";

const CHROMIUM = "/usr/bin/chromium";
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const available = existsSync(CHROMIUM);
if (!available && process.env.CI) throw new Error(`${CHROMIUM} is missing: .ci/run installs Debian's chromium package`);
if (!available) console.warn(`${CHROMIUM} is missing (apt-get install -y chromium): browser test skipped`);

const CONNECTOR_ID = "6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2d";

describe.runIf(available)("the emulator's page in headless Chromium", () => {
  let platform: Platform;
  let browser: Browser;

  beforeAll(async () => {
    platform = await startPlatform();
    // A real connector run: the SDK-based sample connector, configured from the environment only.
    await sampleConnector.run({
      ...platform.env(),
      CONNECTOR_ID,
      CONNECTOR_RUN_AND_TERMINATE: "true",
      CONNECTOR_QUEUE_PROTOCOL: "api",
      CONNECTOR_LOG_LEVEL: "error",
    });
    await platform.waitForWork((w) => w.connectorId === CONNECTOR_ID && w.status === "complete");
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  });
  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  it("lists the connector with its last ping and state, the completed work and the objects by type", async () => {
    const page = await browser.newPage();
    await page.goto(`${platform.url}/`);
    expect(await page.title()).toBe("OpenCTI testkit emulator");
    const connector = page.locator(`[data-testid=connectors] tr[data-connector-id="${CONNECTOR_ID}"]`);
    expect(await connector.locator("td").nth(0).textContent()).toBe("OpenCTI sectors sample");
    expect(await connector.locator("td").nth(3).textContent()).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    const state = JSON.parse((await connector.locator("[data-testid=state]").textContent()) ?? "null");
    expect(state).toEqual({ last_run: platform.state(CONNECTOR_ID)?.last_run, objects_sent: 12 });
    const work = page.locator("[data-testid=works] tr[data-work-id]");
    expect(await work.count()).toBe(1);
    expect(await work.locator("[data-testid=status]").textContent()).toBe("complete");
    expect(await work.locator("[data-testid=tracking]").textContent()).toBe("12 / 12");
    expect(await page.locator("[data-testid=counts] tbody tr").allTextContents()).toEqual([
      "identity7",
      "relationship5",
    ]);
    expect(await page.locator("[data-testid=objects] tbody tr").count()).toBe(12);
    await page.close();
  });

  it("filters objects by name as you type, and by id with ?q=", async () => {
    const page = await browser.newPage();
    await page.goto(`${platform.url}/`);
    await page.fill("#search", "nuclear");
    const visible = page.locator("[data-testid=objects] tbody tr:visible");
    expect(await visible.count()).toBe(1);
    expect(await visible.locator("td").nth(2).textContent()).toBe("Nuclear power (civilian use)");
    await page.goto(`${platform.url}/?q=identity--8cb00c79`);
    expect(await page.locator("[data-testid=objects] tbody tr td:nth-child(3)").allTextContents()).toEqual([
      "Filigran",
    ]);
    expect(await page.inputValue("#search")).toBe("identity--8cb00c79");
    await page.close();
  });
});
