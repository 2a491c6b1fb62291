// Drives Debian's Chromium with playwright-core, kept off the network: every page is served from memory or from the
// repository under http://cx.test/ by a route handler, and any request elsewhere is refused and recorded.
import { mkdirSync, readFileSync } from "node:fs";
import { extname, join, resolve } from "node:path";
import { type Browser, type BrowserContext, chromium } from "playwright-core";

export const ORIGIN = "http://cx.test";
export const ROOT = resolve(import.meta.dirname, "../..");
/** Screenshots for a person to look at: a test artifact, ignored by git. */
export const ARTIFACTS = join(ROOT, "reports", "browser");

const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const TYPES: Record<string, string> = {
  ".js": "text/javascript",
  ".mjs": "text/javascript",
  ".html": "text/html",
  ".json": "application/json",
  ".svg": "image/svg+xml",
};

export function launch(): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", headless: true, args: FLAGS });
}

export interface Site {
  readonly context: BrowserContext;
  /** Requests the pages made to anything but the in-memory site. */
  readonly outside: string[];
  /** Console errors, page errors and failed requests. */
  readonly errors: string[];
}

/**
 * A browser context whose only site is `pages` (path to body) plus files under the repository's `serve` folders
 * (`dist-esm/` → a folder on disk). `rewrite` may change served JavaScript (module workers ignore import maps).
 */
export async function site(
  browser: Browser,
  pages: Record<string, string>,
  folders: Record<string, string> = {},
  rewrite: (path: string, text: string) => string = (_p, t) => t,
): Promise<Site> {
  const context = await browser.newContext({ offline: false });
  const outside: string[] = [];
  const errors: string[] = [];
  await context.route("**/*", async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== ORIGIN) {
      outside.push(url.href);
      return route.abort("blockedbyclient");
    }
    const page = pages[url.pathname];
    if (page !== undefined) return route.fulfill({ status: 200, contentType: TYPES[extname(url.pathname) || ".html"] ?? "text/html", body: page });
    for (const [prefix, dir] of Object.entries(folders)) {
      if (!url.pathname.startsWith(prefix)) continue;
      const file = join(dir, url.pathname.slice(prefix.length));
      let body: string;
      try {
        body = readFileSync(file, "utf8");
      } catch {
        break;
      }
      return route.fulfill({ status: 200, contentType: TYPES[extname(file)] ?? "text/plain", body: rewrite(url.pathname, body) });
    }
    errors.push(`404 ${url.pathname}`);
    return route.fulfill({ status: 404, body: "" });
  });
  context.on("page", (page) => {
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(`console: ${message.text()}`);
    });
    page.on("pageerror", (error) => errors.push(`page: ${error.message}`));
    page.on("requestfailed", (request) => errors.push(`failed: ${request.url()}`));
  });
  return { context, outside, errors };
}
