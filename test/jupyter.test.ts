// Without Jupyter, `report` must say exactly how to install it (as root on Debian it installs it itself).
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { INSTALL_HINT, jupyterEnv, projectRoot } from "../lib/jupyter.js";

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
