"""Execute one notebook on the talkingpoints kernel and write it as HTML.

Run by `talkingpoints report` with Debian's python3 (the one Jupyter is installed for).
Executes cell by cell so a failure names its cell: tslab reports errors only on stderr and
nbconvert alone prints a bare "<Error>". Prints one JSON line: {"ok": true} or
{"ok": false, "cell": N, "source": [...], "stderr": "..."}.
usage: run_notebook.py NOTEBOOK OUT_HTML ROOT [TIMEOUT]
"""
import json
import sys

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError
from nbconvert import HTMLExporter


def main():
    notebook, out_html, root = sys.argv[1:4]
    timeout = int(sys.argv[4]) if len(sys.argv) > 4 else 600
    nb = nbformat.read(notebook, as_version=4)
    client = NotebookClient(nb, kernel_name="talkingpoints", timeout=timeout,
                            record_timing=False, resources={"metadata": {"path": root}})
    failure = None
    with client.setup_kernel():
        for index, cell in enumerate(nb.cells):
            if cell.cell_type != "code":
                continue
            try:
                client.execute_cell(cell, index)
            except (CellExecutionError, CellTimeoutError) as e:
                failure = {"cell": index + 1, "source": cell.source.split("\n"), "error": str(e)[-2000:]}
            if failure is None:
                # tslab reports compile and runtime errors on stderr; some reach here without an exception.
                err = "".join(o.get("text", "") for o in cell.outputs if o.get("name") == "stderr")
                if err.strip():
                    failure = {"cell": index + 1, "source": cell.source.split("\n"), "error": ""}
            if failure is not None:
                failure["stderr"] = "".join(o.get("text", "") for o in cell.outputs if o.get("name") == "stderr")
                break
    if failure is not None:
        print(json.dumps({"ok": False, **failure}))
        return 1
    exporter = HTMLExporter(template_name="classic")
    body, _ = exporter.from_notebook_node(nb)
    with open(out_html, "w", encoding="utf-8") as f:
        f.write(body)
    print(json.dumps({"ok": True}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
