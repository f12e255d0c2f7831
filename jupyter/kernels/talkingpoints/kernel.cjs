// The kit's Jupyter kernel: tslab, started as `tslab kernel` starts it (node_modules/tslab/dist/main.js,
// startKernel), with what the kit's notebooks need on top. Plain CommonJS, so it runs before and without the kit.
//
// - Notebooks import the built kit ("./dist/index.js", ESM, with declaration files beside it): tslab type-checks
//   a cell against the .d.ts files and Node loads the compiled JavaScript, instead of tslab compiling all of lib/
//   in every kernel (5.2-5.7 s). tslab emits CommonJS, so the cell's require() loads the ESM build through
//   require(esm) (Node >= 20.19). Node releases that flag it print an ExperimentalWarning on stderr, and stderr in
//   a cell fails a report: that one warning (and only that one) is dropped here.
// - The first cell that imports the kit says "loading the kit…" at once (before tslab's type-check and the
//   import), and the line goes away when the cell is done; if lib/ changed after dist/ was built, it says so.
// - A cell's last value that knows how to show itself as HTML (the kit's DataFrames and Series) is shown as HTML.
// - Errors are one message and the cell line they came from, with no stack frames of the kit, tslab or Node.
// - The kernel exits when Jupyter does (its parent changes), so a killed server leaves no kernel behind.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const util = require("node:util");
const vm = require("node:vm");

// launch.sh starts the kernel in the project root (the folder Jupyter found the kernel spec under).
const ROOT = process.cwd();
const TSLAB = path.join(ROOT, "node_modules", "tslab", "dist");
const HTML = Symbol.for("talkingpoints.html");
const KIT_IMPORT = /from\s+["']\.\/dist\/index(?:\.js)?["']/;

const emitWarning = process.emitWarning;
process.emitWarning = function (warning, ...rest) {
  const type = typeof rest[0] === "string" ? rest[0] : (rest[0] && rest[0].type) || (warning && warning.name);
  const text = typeof warning === "string" ? warning : warning && warning.message;
  if (type === "ExperimentalWarning" && /ES Module|require\(\)/.test(String(text))) return;
  return emitWarning.call(process, warning, ...rest);
};

const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) process.exit(0);
}, 1000).unref();

// The compiled JavaScript of the cell being run, to map an error's line back to the cell's own source.
let cellSource = "";
let cellJs = "";
const runInThisContext = vm.runInThisContext;
vm.runInThisContext = function (code, ...rest) {
  if (typeof code === "string" && /^\(async function\(exports, require\) \{ |^\(function\(exports, require\) \{ /.test(code)) cellJs = code;
  return runInThisContext.call(vm, code, ...rest);
};

const norm = (s) => s.replace(/\s+/g, "");
/** The 1-based line of the cell that holds the compiled line `js` (types are gone from it), or 0. */
function cellLine(js) {
  const src = cellSource.split("\n");
  const c = norm(js.replace(/^\(async function\(exports, require\) \{ |^\(function\(exports, require\) \{ /, "").replace(/\b\w+_\d+\.(?=\w)/g, ""));
  if (!c) return 0;
  const strip = (s) => norm(s).replace(/:[\w$<>\[\]|. ]+(?==)/g, "").replace(/\bas[\w$<>\[\]|. ]+(?=[,;)\]])/g, "");
  for (const f of [(s) => norm(s) === c, (s) => strip(s) === c, (s) => c.length >= 6 && strip(s).includes(c), (s) => strip(s).length >= 6 && c.includes(strip(s))]) {
    const i = src.findIndex(f);
    if (i >= 0) return i + 1;
  }
  return 0;
}

/** An error as the notebook shows it: its message, and where in the cell it came from. */
function describeError(e) {
  if (!(e instanceof Error)) return util.inspect(e);
  // A message that already says where the mistake is ("data/themes.yml:12: …") needs no class name before it.
  const placed = /^[^\s:]+\.\w+(?::\d+)?: /.test(String(e.message));
  const name = e.name || "Error";
  let text = placed || String(e.message).startsWith(`${name}:`) ? String(e.message) : `${name}: ${e.message}`;
  if (e.code === "MODULE_NOT_FOUND" || e.code === "ERR_MODULE_NOT_FOUND") {
    if (/dist[\\/]index/.test(e.message)) text = "the kit is not built: run `npm run build` in the project folder, then restart the kernel";
  }
  const frame = /evalmachine\.<anonymous>:(\d+):\d+/.exec(String(e.stack));
  const js = frame ? cellJs.split("\n")[Number(frame[1]) - 1] : undefined;
  const line = js !== undefined ? cellLine(js) : 0;
  return line ? `${text}\n    at line ${line} of this cell: ${cellSource.split("\n")[line - 1].trim()}` : text;
}

const kernelConsole = {
  log(value, ...rest) {
    if (rest.length === 0 && value && typeof value[HTML] === "function") {
      require(path.join(TSLAB, "public.js")).display.html(value[HTML]());
      return;
    }
    console.log(value, ...rest);
  },
  error(first, ...rest) {
    if (rest.length === 0) console.error(describeError(first));
    else console.error(first, ...rest);
  },
};

/** True when a lib/ source file is newer than the build the kernel imports. */
function staleBuild() {
  let built;
  try {
    built = fs.statSync(path.join(ROOT, "dist", "index.js")).mtimeMs;
  } catch {
    return false;
  }
  const walk = (dir) => fs.readdirSync(dir, { withFileTypes: true }).some((d) =>
    d.isDirectory() ? walk(path.join(dir, d.name)) : d.name.endsWith(".ts") && fs.statSync(path.join(dir, d.name)).mtimeMs > built);
  try {
    return walk(path.join(ROOT, "lib"));
  } catch {
    return false;
  }
}

const { createConverter } = require(path.join(TSLAB, "converter.js"));
const { createExecutor } = require(path.join(TSLAB, "executor.js"));
const { JupyterHandlerImpl, ZmqServer } = require(path.join(TSLAB, "jupyter.js"));

function main(configPath) {
  const convs = {
    get node() { return (this._node = this._node || createConverter({ isJS: false, isBrowser: false })); },
    get browser() { return (this._browser = this._browser || createConverter({ isJS: false, isBrowser: true })); },
    close() { if (this._node) this._node.close(); if (this._browser) this._browser.close(); },
  };
  convs.node; // warm the converter, as tslab does
  const executor = createExecutor(ROOT, convs, kernelConsole);
  const handler = new JupyterHandlerImpl(executor, false);
  const impl = handler.handleExecuteImpl.bind(handler);
  let kitLoaded = false;
  handler.handleExecuteImpl = async (req, writeStream, writeDisplayData) => {
    cellSource = String(req.code);
    const loading = !kitLoaded && KIT_IMPORT.test(cellSource);
    const transient = { display_id: `talkingpoints-loading-${Date.now()}` };
    if (loading) {
      writeDisplayData({ data: { "text/html": "<div class=\"tp-loading\">loading the kit…</div>", "text/plain": "loading the kit…" }, metadata: {}, transient }, false);
    }
    try {
      return await impl(req, writeStream, writeDisplayData);
    } finally {
      if (loading) {
        kitLoaded = true;
        const note = staleBuild() ? "lib/ has changed since the kit was built: run `npm run build`, then restart the kernel to use the changes." : "";
        const data = note ? { "text/html": `<div class="tp-note">${note.replace(/`([^`]+)`/g, "<code>$1</code>")}</div>`, "text/plain": note } : { "text/html": "", "text/plain": "" };
        writeDisplayData({ data, metadata: {}, transient }, true);
      }
    }
  };
  const server = new ZmqServer(handler, configPath);
  process.on("SIGINT", () => executor.interrupt());
  process.on("uncaughtException", (err) => console.error(describeError(err)));
  process.on("unhandledRejection", (reason) => console.error(describeError(reason)));
  server.init();
}

main(process.argv[2]);
