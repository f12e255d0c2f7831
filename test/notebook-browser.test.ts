// The notebooks as a user works with them (issue 15, acceptance): `npm run notebook` started as the README says,
// Debian's Chromium (playwright-core) opens each notebook in Jupyter Notebook, runs all cells, and checks that every
// chart is drawn and no cell shows an error or anything on stderr; then the notebook is saved and git must see no
// change (the kit's pre-save hook drops outputs and run metadata). Every non-local request is blocked.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, type Chromium } from "./chromium.js";
import { NOTEBOOKS, notebookNames, plotCalls, ROOT } from "./reports.js";

// Page code runs in the browser (no DOM types in this project's tsconfig).
/* eslint-disable @typescript-eslint/no-explicit-any */
declare const document: any;
declare const window: any;

let server: ChildProcess;
let log = "";
let base = "";
let token = "";
let browser: Chromium;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function waitFor<T>(what: string, f: () => Promise<T | null> | T | null, ms = 180_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await Promise.resolve().then(f).catch(() => null);
    if (v !== null) return v;
    if (server.exitCode !== null) throw new Error(`npm run notebook exited with code ${server.exitCode} while waiting for ${what}:\n${log}`);
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; the command printed:\n${log}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

function gitStatus(file: string): string {
  return execFileSync("git", ["status", "--porcelain", "--", file], { cwd: ROOT, encoding: "utf8" }).trim();
}

beforeAll(async () => {
  const port = await freePort();
  const env = { ...process.env };
  delete env.TALKINGPOINTS_DATA;
  // Its own process group, so that stopping it reaches npm and the command as a Ctrl-C in a terminal would.
  server = spawn("npm", ["run", "notebook", "--", "--port", String(port)], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  server.stdout!.on("data", (d) => (log += d));
  server.stderr!.on("data", (d) => (log += d));
  const link = await waitFor("the link line", () => /^Open (http:\/\/127\.0\.0\.1:\d+)\/tree\/notebooks\?token=([0-9a-f]+)/m.exec(log));
  base = link[1];
  token = link[2];
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  if (server && server.exitCode === null) {
    const exited = new Promise((r) => server.once("exit", r));
    const signal = (s: NodeJS.Signals) => { try { process.kill(-server.pid!, s); } catch { /* the group is gone */ } };
    signal("SIGINT");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 30_000))]);
    if (server.exitCode === null) signal("SIGKILL");
  }
});

describe("the notebooks in Jupyter Notebook, in Chromium", () => {
  for (const name of notebookNames()) {
    it(`${name}: runs every cell with charts drawn and no error, and saves without changing the file`, async () => {
      const file = path.join(NOTEBOOKS, name);
      expect(gitStatus(file), `${name} has uncommitted changes: commit or stash them before this test`).toBe("");
      const original = fs.readFileSync(file);
      const savedBefore = fs.statSync(file).mtimeMs;
      const page = await browser.context.newPage();
      const pageErrors: string[] = [];
      page.on("pageerror", (e) => pageErrors.push(e.message));
      await page.route("**/*", (route) => (new URL(route.request().url()).hostname === "127.0.0.1" ? route.continue() : route.abort("blockedbyclient")));
      try {
        await page.goto(`${base}/notebooks/notebooks/${name}?token=${token}`, { waitUntil: "load" });
        await page.waitForFunction(() => window.Jupyter?.notebook?.kernel?.is_connected?.() && window.Jupyter.notebook.kernel.info_reply?.language_info, undefined, { timeout: 180_000 });
        await page.evaluate(() => window.Jupyter.notebook.execute_all_cells());
        // Done: no cell queued or running ("*"), and either every code cell has its number or one failed.
        await page.waitForFunction(() => {
          const cells = window.Jupyter.notebook.get_cells().filter((c: any) => c.cell_type === "code");
          const running = cells.some((c: any) => c.input_prompt_number === "*");
          const failed = document.querySelector(".output_error, .output_stderr");
          return !running && (failed || cells.every((c: any) => typeof c.input_prompt_number === "number"));
        }, undefined, { timeout: 600_000, polling: 500 });
        const errors = await page.evaluate(() => Array.from(document.querySelectorAll(".output_error, .output_stderr")).map((e: any) => e.textContent.trim().slice(0, 500)));
        expect(errors, "error output in a cell").toEqual([]);
        // Every chart draws (plotly puts its SVG in the div); notes stand in for charts with nothing to draw.
        await page.waitForFunction(() => Array.from(document.querySelectorAll(".tp-plot")).every((d: any) => d.querySelector(".main-svg")), undefined, { timeout: 60_000 }).catch(() => {});
        const plots = await page.evaluate(() => Array.from(document.querySelectorAll(".tp-plot")).map((d: any) => Boolean(d.querySelector(".main-svg"))));
        if (plotCalls(name) > 0) expect(plots.length, "charts on the page").toBeGreaterThan(0);
        expect(plots.filter((drawn) => !drawn), "charts not drawn").toEqual([]);
        expect(pageErrors).toEqual([]);

        await page.evaluate(() => window.Jupyter.notebook.save_notebook());
        await waitFor("the notebook to be written", () => (fs.statSync(file).mtimeMs > savedBefore ? true : null), 60_000);
        const saved = JSON.parse(fs.readFileSync(file, "utf8")) as { cells: Array<{ outputs?: unknown[] }> };
        expect(saved.cells.flatMap((c) => c.outputs ?? [])).toEqual([]);
        expect(gitStatus(file), "git sees a change after run and save").toBe("");
      } finally {
        await page.close();
        // Free the kernel (270-420 MB) before the next notebook.
        const sessions = (await (await fetch(`${base}/api/sessions`, { headers: { Authorization: `token ${token}` } })).json()) as Array<{ id: string }>;
        for (const s of sessions) await fetch(`${base}/api/sessions/${s.id}`, { method: "DELETE", headers: { Authorization: `token ${token}` } });
        // Never leave a run's outputs in the working copy, whatever failed above (what was saved is kept aside).
        if (!fs.readFileSync(file).equals(original) && gitStatus(file) !== "") {
          fs.copyFileSync(file, path.join(os.tmpdir(), `talkingpoints-saved-${name}`));
          fs.writeFileSync(file, original);
        }
      }
    }, 900_000);
  }
});
