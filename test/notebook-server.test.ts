// `talkingpoints notebook` (issue 6, point 7): Jupyter Notebook on 127.0.0.1 with a token and the kit's kernel.
// The test starts the real command, then uses Jupyter's REST API and the kernel websocket (Jupyter messaging
// protocol 5.3) to run the first cell of 01-articles on the tslab kernel, and shuts everything down.
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import WebSocket from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codeCells, PLOTLY_BANNER, ROOT, SEEDS } from "./reports.js";

const CLI = path.join(ROOT, "dist", "cli.js");

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

let child: ChildProcess;
let port: number;
let token = "";
let stderr = "";
let base = "";
const auth = () => ({ Authorization: `token ${token}` });

async function waitFor<T>(what: string, f: () => Promise<T | null>, ms = 90_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await f().catch(() => null);
    if (v !== null) return v;
    if (child.exitCode !== null) throw new Error(`the command exited with code ${child.exitCode} while waiting for ${what}:\n${stderr}`);
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; the command printed:\n${stderr}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

beforeAll(async () => {
  if (!fs.existsSync(CLI)) throw new Error("dist/ is missing: run `npm run build` first (npm test does)");
  port = await freePort();
  base = `http://127.0.0.1:${port}`;
  child = spawn(process.execPath, ["bin/talkingpoints.js", "notebook", "data/articles", "--port", String(port)], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout!.on("data", (d) => (stderr += d));
  child.stderr!.on("data", (d) => (stderr += d));
  token = await waitFor("the token line", async () => /token=([0-9a-f]+)/.exec(stderr)?.[1] ?? null);
  await waitFor("the server", async () => ((await fetch(`${base}/api/status`, { headers: auth() })).ok ? true : null));
}, 120_000);

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
    if (child.exitCode === null) child.kill("SIGKILL");
  }
});

interface Msg { header: { msg_type: string; msg_id: string }; parent_header: { msg_id?: string }; content: Record<string, any>; channel: string }

/** Send one request on the kernel's websocket and collect every reply to it until the kernel is idle again. */
function request(ws: WebSocket, msgType: string, content: Record<string, unknown>): Promise<Msg[]> {
  const msgId = randomUUID();
  const got: Msg[] = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no reply to ${msgType} in 120 s; got ${got.map((m) => m.header.msg_type).join(", ")}`)), 120_000);
    const onMessage = (data: WebSocket.RawData) => {
      const m = JSON.parse(data.toString()) as Msg;
      if (m.parent_header?.msg_id !== msgId) return;
      got.push(m);
      const replied = got.some((g) => g.channel === "shell" && g.header.msg_type === msgType.replace("_request", "_reply"));
      const idle = got.some((g) => g.header.msg_type === "status" && g.content.execution_state === "idle");
      if (replied && idle) {
        clearTimeout(timer);
        ws.off("message", onMessage);
        resolve(got);
      }
    };
    ws.on("message", onMessage);
    ws.send(JSON.stringify({
      header: { msg_id: msgId, username: "test", session: randomUUID(), msg_type: msgType, version: "5.3", date: new Date().toISOString() },
      parent_header: {}, metadata: {}, content, channel: "shell", buffers: [],
    }));
  });
}

describe("talkingpoints notebook", () => {
  it("listens on 127.0.0.1 and asks for the token", async () => {
    expect(stderr).toContain(`Open http://127.0.0.1:${port}/tree/notebooks?token=${token}`);
    expect(token.length).toBeGreaterThanOrEqual(32);
    expect((await fetch(`${base}/api/kernels`)).status).toBe(403);
    expect((await fetch(`${base}/api/kernels`, { headers: { Authorization: "token wrong" } })).status).toBe(403);
  });

  it("offers the kit's kernel", async () => {
    const specs = (await (await fetch(`${base}/api/kernelspecs`, { headers: auth() })).json()) as { kernelspecs: Record<string, { spec: { display_name: string; language: string } }> };
    expect(specs.kernelspecs.talkingpoints.spec).toMatchObject({ display_name: "TypeScript (talkingpoints)", language: "typescript" });
  });

  it("runs the first cell of 01-articles on the tslab kernel and shuts the kernel down", async () => {
    const created = await fetch(`${base}/api/kernels`, { method: "POST", headers: { ...auth(), "Content-Type": "application/json" }, body: JSON.stringify({ name: "talkingpoints" }) });
    expect(created.status).toBe(201);
    const { id, name } = (await created.json()) as { id: string; name: string };
    expect(name).toBe("talkingpoints");
    const ws = new WebSocket(`ws://127.0.0.1:${port}/api/kernels/${id}/channels`, { headers: auth() });
    await new Promise((resolve, reject) => { ws.once("open", resolve); ws.once("error", reject); });
    try {
      const info = await request(ws, "kernel_info_request", {});
      expect(info.find((m) => m.header.msg_type === "kernel_info_reply")!.content.language_info.name).toBe("typescript");

      const code = codeCells("01-articles.ipynb")[0];
      expect(code).toContain("loadArticles(tp.dataDir())");
      const msgs = await request(ws, "execute_request", { code, silent: false, store_history: true, user_expressions: {}, allow_stdin: false, stop_on_error: true });
      const reply = msgs.find((m) => m.header.msg_type === "execute_reply")!;
      const stdout = msgs.filter((m) => m.header.msg_type === "stream" && m.content.name === "stdout").map((m) => m.content.text as string).join("");
      const stderrOut = msgs.filter((m) => m.header.msg_type === "stream" && m.content.name === "stderr").map((m) => m.content.text as string).join("");
      const results = msgs.filter((m) => m.header.msg_type === "execute_result").map((m) => String(m.content.data["text/plain"])).join("");
      expect(stderrOut, "kernel stderr").toBe("");
      expect(reply.content.status).toBe("ok");
      // data/articles holds the five seed files, all readable articles.
      const files = fs.readdirSync(SEEDS).filter((f) => /\.(txt|md)$/.test(f));
      expect(files).toHaveLength(5);
      expect(stdout + results).toContain("5 articles, 0 problems, from data/articles");
      // show.setup() sent the plotly bundle as HTML.
      const html = msgs.filter((m) => m.header.msg_type === "display_data").map((m) => String(m.content.data["text/html"] ?? "")).join("");
      expect(html).toContain(PLOTLY_BANNER);
    } finally {
      ws.close();
    }
    expect((await fetch(`${base}/api/kernels/${id}`, { method: "DELETE", headers: auth() })).status).toBe(204);
    const left = (await (await fetch(`${base}/api/kernels`, { headers: auth() })).json()) as Array<{ id: string }>;
    expect(left.map((k) => k.id)).not.toContain(id);
  }, 180_000);

  it("stops the server when the command is stopped", async () => {
    const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
    child.kill("SIGTERM");
    await exited;
    // Jupyter stops listening once it has shut down.
    let open = true;
    for (let i = 0; i < 60 && open; i++) {
      open = await fetch(`${base}/api/status`, { headers: auth() }).then(() => true, () => false);
      if (open) await new Promise((r) => setTimeout(r, 250));
    }
    expect(open, "the server still answers").toBe(false);
  }, 60_000);
});
