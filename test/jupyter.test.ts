// Without Jupyter, `report` must say exactly how to install it (as root on Debian it installs it itself); without
// Jupyter or Chromium, `npm test` stops at once with the command; notebooks are stored as Jupyter writes them;
// a failing cell is one line.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CHROMIUM_PACKAGES, hasChromium, INSTALL_HINT, installHint, JUPYTER_PACKAGES, jupyterEnv, projectRoot } from "../lib/jupyter.js";
import { describeFailure } from "../lib/report.js";

describe("report without Jupyter", () => {
  it("stops with the one apt-get command to run when it cannot install Jupyter itself", () => {
    // An ordinary user (nobody) whose PATH holds no jupyter: no apt-get attempt, one line with the command.
    const setpriv = spawnSync("sh", ["-c", "command -v setpriv"], { encoding: "utf8" }).stdout.trim() || "setpriv";
    const asNobody = process.getuid?.() === 0 ? [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"] : [];
    const argv = [...asNobody, process.execPath, "bin/talkingpoints.js", "report", "data/articles", "--out", "/tmp/tp-no-jupyter"];
    const r = spawnSync(argv[0], argv.slice(1), { encoding: "utf8", env: { ...process.env, PATH: "/nonexistent" } });
    expect(r.error, "running as nobody needs setpriv (util-linux)").toBeUndefined();
    expect(r.status).toBe(3);
    expect(r.stderr.trim()).toBe(`talkingpoints report: Jupyter is not installed. Run: ${INSTALL_HINT}`);
    expect(INSTALL_HINT).toBe("sudo apt-get update && sudo apt-get install -y --no-install-recommends jupyter-nbconvert python3-nbclient jupyter-notebook");
  });
});

describe("jupyterEnv", () => {
  it("puts the kit's kernel spec on JUPYTER_PATH and passes the data folder", () => {
    const root = projectRoot();
    const env = jupyterEnv(root, "data/articles");
    expect(env.JUPYTER_PATH?.split(path.delimiter)[0]).toBe(path.join(root, "jupyter"));
    expect(env.TALKINGPOINTS_DATA).toBeTruthy();
  });
});

describe("npm test without what it needs", () => {
  it("stops at once with the one apt-get command to run", () => {
    const setpriv = spawnSync("sh", ["-c", "command -v setpriv"], { encoding: "utf8" }).stdout.trim() || "setpriv";
    const asNobody = process.getuid?.() === 0 ? [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"] : [];
    const argv = [...asNobody, process.execPath, "scripts/setup.mjs", "test"];
    const r = spawnSync(argv[0], argv.slice(1), { encoding: "utf8", env: { ...process.env, PATH: "/nonexistent" } });
    expect(r.status).toBe(3);
    // Chromium is looked for at /usr/bin/chromium: on a machine that has it only Jupyter is missing here.
    const packages = [...JUPYTER_PACKAGES, ...(hasChromium() ? [] : CHROMIUM_PACKAGES)];
    expect(r.stderr.trim().split("\n")).toEqual([
      `npm test needs Jupyter${hasChromium() ? "" : " and Chromium"}, which ${hasChromium() ? "is" : "are"} not installed. Run:`,
      `  ${installHint(packages)}`,
    ]);
  });
});

describe("notebooks in git", () => {
  it("are stored as Jupyter saves them, without outputs, so a run and a save change nothing", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "talkingpoints-nbformat-"));
    try {
      for (const name of fs.readdirSync("notebooks").filter((f) => f.endsWith(".ipynb"))) fs.copyFileSync(path.join("notebooks", name), path.join(dir, name));
      const names = fs.readdirSync(dir);
      const r = spawnSync("/usr/bin/python3", ["scripts/normalize_notebooks.py", ...names.map((n) => path.join(dir, n))], { encoding: "utf8" });
      expect(r.status, r.stderr).toBe(0);
      for (const n of names) expect(fs.readFileSync(path.join(dir, n), "utf8"), `${n}: run /usr/bin/python3 scripts/normalize_notebooks.py notebooks/*.ipynb`).toBe(fs.readFileSync(path.join("notebooks", n), "utf8"));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("describeFailure on the kit's kernel errors", () => {
  it("is one line: cell, line, code and the message (a user file's place kept), no stack frames", () => {
    const source = ["const themes = tp.loadThemes(\"my-themes.yml\");", "themes.length"];
    const stderr = "my-themes.yml:3: a pattern must be a string\n    at line 1 of this cell: const themes = tp.loadThemes(\"my-themes.yml\");\n";
    expect(describeFailure({ ok: false, cell: 2, source, stderr })).toBe("cell 2, line 1: `const themes = tp.loadThemes(\"my-themes.yml\");`: my-themes.yml:3: a pattern must be a string");
    const typeError = "TypeError: Cannot read properties of undefined (reading 'x')\n    at line 2 of this cell: themes.length\n";
    expect(describeFailure({ ok: false, cell: 5, source, stderr: typeError })).toBe("cell 5, line 2: `themes.length`: TypeError: Cannot read properties of undefined (reading 'x')");
  });
});

describe("a failing cell in `report`", () => {
  it("stops the report with one line: notebook, cell, the user's line and the error with its file and line", () => {
    // A project of its own (the kit's files linked in) with one notebook that reads a broken theme file.
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "talkingpoints-broken-"));
    try {
      for (const f of ["package.json", "node_modules", "dist", "jupyter", "scripts", "data", "bin"]) fs.symlinkSync(path.resolve(f), path.join(root, f));
      fs.mkdirSync(path.join(root, "notebooks"));
      fs.writeFileSync(path.join(root, "bad-themes.yml"), "ceasefire:\n  label: Ceasefire\n  patterns: [ceasefire\nother: {label: x}\n");
      const cell = (source: string) => ({ cell_type: "code", execution_count: null, id: Math.random().toString(16).slice(2, 10), metadata: {}, outputs: [], source });
      fs.writeFileSync(path.join(root, "notebooks", "99-broken.ipynb"), JSON.stringify({
        cells: [cell("import * as tp from \"./dist/index.js\";\nconst { articles } = tp.loadArticles(tp.dataDir());"), cell("const n = articles.length;\nconst themes = tp.loadThemes(\"bad-themes.yml\");\nthemes.length")],
        metadata: { kernelspec: { name: "talkingpoints", display_name: "TypeScript (talkingpoints)", language: "typescript" }, language_info: { name: "typescript" } },
        nbformat: 4, nbformat_minor: 5,
      }));
      const r = spawnSync(process.execPath, [path.resolve("bin/talkingpoints.js"), "report", "--out", path.join(root, "reports")], { cwd: root, encoding: "utf8", timeout: 300_000 });
      expect(r.status, r.stderr).toBe(1);
      const last = r.stderr.trim().split("\n").pop()!;
      // The cell line, when the error's stack reaches the cell (an error thrown deep in the YAML reader may not).
      expect(last).toMatch(/^talkingpoints report: notebooks\/99-broken\.ipynb failed at cell 2(, line 2: `const themes = tp\.loadThemes\("bad-themes\.yml"\);`)?: bad-themes\.yml:\d+: \S.*$/);
      expect(r.stderr).not.toMatch(/^\s+at (?!line \d+ of this cell)/m);
      expect(r.stderr).not.toMatch(/node_modules|node:internal|Traceback/);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  }, 300_000);
});
