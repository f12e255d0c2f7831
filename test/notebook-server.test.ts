// `talkingpoints notebook` (issue 15, point 2): the real command, started as a user starts it, with the data folder
// and the theme file given by the environment and the asked port already taken. Jupyter's REST API and the kernel
// websocket (Jupyter messaging protocol 5.3) run cells on the kit's kernel; SIGTERM must then leave no Jupyter and
// no kernel process behind (checked in /proc, by the process ids seen before).
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import WebSocket from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codeCells, corpus, PLOTLY_BANNER, ROOT } from "./reports.js";

const CLI = path.join(ROOT, "bin", "talkingpoints.js");

let child: ChildProcess;
let log = "";
let busy: net.Server;
let busyPort = 0;
let base = "";
let token = "";
let dataDir = "";
let themesFile = "";
const auth = () => ({ Authorization: `token ${token}` });

async function waitFor<T>(what: string, f: () => Promise<T | null> | T | null, ms = 120_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await Promise.resolve().then(f).catch(() => null);
    if (v !== null) return v;
    if (child.exitCode !== null) throw new Error(`the command exited with code ${child.exitCode} while waiting for ${what}:\n${log}`);
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; the command printed:\n${log}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The ids of every live process below `pid` (children, grandchildren…), read from /proc. */
function descendants(pid: number): number[] {
  const parentOf = new Map<number, number>();
  for (const d of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, "utf8");
      parentOf.set(Number(d), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // gone meanwhile
    }
  }
  const out: number[] = [];
  const walk = (p: number) => { for (const [c, pp] of parentOf) if (pp === p) { out.push(c); walk(c); } };
  walk(pid);
  return out;
}

function alive(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2)[0] !== "Z";
  } catch {
    return false;
  }
}

function cmdline(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ");
  } catch {
    return "";
  }
}

beforeAll(async () => {
  if (!fs.existsSync(path.join(ROOT, "dist", "cli.js"))) throw new Error("dist/ is missing: run `npm run build` first (npm test does)");
  dataDir = corpus("nb-env", {
    "a.md": "---\ntitle: One\ndate: 2025-03-01\n---\nThe envoy said the ceasefire talks would resume.\n",
    "b.txt": "date 2025-03-02\nThe envoy said again that the ceasefire talks would resume soon.\n",
  });
  themesFile = path.join(dataDir, "..", `${path.basename(dataDir)}-themes.yml`);
  fs.copyFileSync(path.join(ROOT, "data", "themes.yml"), themesFile);
  // The port the command is asked for is taken: Jupyter must move, and the command must print where it went.
  busy = net.createServer();
  await new Promise<void>((resolve) => busy.listen(0, "127.0.0.1", resolve));
  busyPort = (busy.address() as net.AddressInfo).port;
  const env = { ...process.env, TALKINGPOINTS_DATA: dataDir, TALKINGPOINTS_THEMES: themesFile };
  child = spawn(process.execPath, [CLI, "notebook", "--port", String(busyPort)], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout!.on("data", (d) => (log += d));
  child.stderr!.on("data", (d) => (log += d));
  const link = await waitFor("the link line", () => /^Open (http:\/\/127\.0\.0\.1:(\d+))\/tree\/notebooks\?token=([0-9a-f]+)/m.exec(log));
  base = link[1];
  token = link[3];
  await waitFor("the server", async () => ((await fetch(`${base}/api/status`, { headers: auth() })).ok ? true : null));
}, 180_000);

afterAll(async () => {
  busy?.close();
  if (child && child.exitCode === null) {
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 30_000))]);
    if (child.exitCode === null) child.kill("SIGKILL");
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(themesFile, { force: true });
});

interface Msg { header: { msg_type: string; msg_id: string }; parent_header: { msg_id?: string }; content: Record<string, any>; channel: string }

/** Send one request on the kernel's websocket and collect every reply to it until the kernel is idle again. */
function request(ws: WebSocket, msgType: string, content: Record<string, unknown>): Promise<Msg[]> {
  const msgId = randomUUID();
  const got: Msg[] = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no reply to ${msgType} in 180 s; got ${got.map((m) => m.header.msg_type).join(", ")}`)), 180_000);
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

interface Ran { status: string; stdout: string; stderr: string; html: string[]; msgs: Msg[] }

async function execute(ws: WebSocket, code: string): Promise<Ran> {
  const msgs = await request(ws, "execute_request", { code, silent: false, store_history: true, user_expressions: {}, allow_stdin: false, stop_on_error: true });
  const stream = (name: string) => msgs.filter((m) => m.header.msg_type === "stream" && m.content.name === name).map((m) => m.content.text as string).join("");
  return {
    status: msgs.find((m) => m.header.msg_type === "execute_reply")!.content.status as string,
    stdout: stream("stdout") + msgs.filter((m) => m.header.msg_type === "execute_result").map((m) => String(m.content.data["text/plain"])).join(""),
    stderr: stream("stderr"),
    html: msgs.filter((m) => m.header.msg_type === "display_data").map((m) => String(m.content.data["text/html"] ?? "")),
    msgs,
  };
}

let kernelId = "";
let ws: WebSocket;

describe("talkingpoints notebook", () => {
  it("moves off a taken port and prints the link Jupyter really serves", async () => {
    expect(Number(new URL(base).port)).not.toBe(busyPort);
    expect(log).toContain(`(port ${busyPort} was taken)`);
    expect(token.length).toBeGreaterThanOrEqual(32);
    expect((await fetch(`${base}/api/status`, { headers: auth() })).status).toBe(200);
    expect((await fetch(`${base}/api/kernels`)).status).toBe(403);
    expect((await fetch(`${base}/api/kernels`, { headers: { Authorization: "token wrong" } })).status).toBe(403);
    expect(log).toContain(`data: ${dataDir}`);
  });

  it("offers the kit's kernel", async () => {
    const specs = (await (await fetch(`${base}/api/kernelspecs`, { headers: auth() })).json()) as { kernelspecs: Record<string, { spec: { display_name: string; language: string } }> };
    expect(specs.kernelspecs.talkingpoints.spec).toMatchObject({ display_name: "TypeScript (talkingpoints)", language: "typescript" });
  });

  it("runs the first cell of 01-articles on the folder and theme file given by the environment", async () => {
    const created = await fetch(`${base}/api/kernels`, { method: "POST", headers: { ...auth(), "Content-Type": "application/json" }, body: JSON.stringify({ name: "talkingpoints" }) });
    expect(created.status).toBe(201);
    kernelId = ((await created.json()) as { id: string }).id;
    ws = new WebSocket(`${base.replace("http", "ws")}/api/kernels/${kernelId}/channels`, { headers: auth() });
    await new Promise((resolve, reject) => { ws.once("open", resolve); ws.once("error", reject); });
    const info = await request(ws, "kernel_info_request", {});
    expect(info.find((m) => m.header.msg_type === "kernel_info_reply")!.content.language_info.name).toBe("typescript");

    const code = codeCells("01-articles.ipynb")[0];
    // The first cell opens the one analysis of the folder (computed by the kit in a child process, then read).
    expect(code).toContain("openAnalysis(tp.dataDir())");
    const r = await execute(ws, code);
    expect(r.stderr, "kernel stderr").toBe("");
    expect(r.status).toBe("ok");
    expect(r.stdout).toContain(`loading the analysis of ${dataDir}`);
    expect(r.stdout).toMatch(/2 articles, 0 problems, \d+ events/);
    // The loading line comes first, with a display id, and is replaced when the cell is done.
    const first = r.msgs.find((m) => m.header.msg_type === "display_data")!;
    expect(first.content.data["text/plain"]).toBe("loading the kit…");
    const id = first.content.transient.display_id as string;
    const update = r.msgs.find((m) => m.header.msg_type === "update_display_data" && m.content.transient?.display_id === id);
    expect(update?.content.data).toEqual({ "text/html": "", "text/plain": "" });
    expect(r.html.join("")).toContain(PLOTLY_BANNER);
    const env = await execute(ws, "process.env.TALKINGPOINTS_THEMES");
    expect(env.stdout.trim()).toBe(themesFile);
  }, 240_000);

  it("shows a DataFrame that ends a cell as an HTML table with its shape, and prints one as a compact table", async () => {
    const shown = await execute(ws, "tp.articlesFrame(articles)");
    expect(`${shown.status} ${shown.stderr}`.trim()).toBe("ok");
    const html = shown.html.join("");
    expect(html).toContain("<caption>DataFrame: 2 rows × 11 columns</caption>");
    expect(html).toContain("<td>One</td>");
    const printed = await execute(ws, "console.log(tp.where(tp.articlesFrame(articles), \"title\", (t) => t === \"One\"))");
    expect(`${printed.status} ${printed.stderr}`.trim()).toBe("ok");
    expect(printed.stdout.split("\n")[0]).toBe("DataFrame: 1 rows × 11 columns");
    expect(printed.stdout).not.toMatch(/\$data|tableMaxRow/);
  }, 120_000);

  it("reports an error as its message and the cell line, without stack frames", async () => {
    const r = await execute(ws, "const ok = 1;\nconst broken = JSON.parse(\"{not json\");\nbroken");
    expect(r.status).toBe("error");
    const lines = r.stderr.trim().split("\n");
    expect(lines[0]).toMatch(/^SyntaxError: .*JSON/);
    expect(lines[1]).toBe("    at line 2 of this cell: const broken = JSON.parse(\"{not json\");");
    expect(lines).toHaveLength(2);
    // After an error tslab aborts what arrives for a short while: send again until the cell runs.
    let lib = await execute(ws, "tp.loadThemes(\"no/such/themes.yml\")");
    while (lib.status === "abort") lib = await execute(ws, "tp.loadThemes(\"no/such/themes.yml\")");
    expect(lib.status).toBe("error");
    expect(lib.stderr).toMatch(/no\/such\/themes\.yml/);
    expect(lib.stderr).not.toMatch(/node_modules|node:internal|dist\//);
  }, 120_000);

  it("stops Jupyter and its kernels on SIGTERM", async () => {
    ws.close();
    const before = descendants(child.pid!);
    // The command's own Jupyter and the kernel started above.
    expect(before.some((p) => /jupyter-notebook|jupyter notebook|notebook/.test(cmdline(p)))).toBe(true);
    expect(before.some((p) => cmdline(p).includes("kernel.cjs"))).toBe(true);
    const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    // Wait for the condition (every process seen before has ended), for at most 30 s.
    for (const end = Date.now() + 30_000; before.some(alive) && Date.now() < end;) await new Promise((r) => setTimeout(r, 200));
    expect(before.filter(alive).map((p) => `${p}: ${cmdline(p)}`)).toEqual([]);
    const answers = await fetch(`${base}/api/status`, { headers: auth() }).then(() => true, () => false);
    expect(answers, "the server still answers").toBe(false);
  }, 60_000);
});
