"""Execute one notebook on the talkingpoints kernel and write it as one self-contained HTML file.

Run by `talkingpoints report` with Debian's python3 (the one Jupyter is installed for).
Executes cell by cell so a failure names its cell: tslab reports errors only on stderr and
nbconvert alone prints a bare "<Error>". Prints one JSON line: {"ok": true} or
{"ok": false, "cell": N, "source": [...], "stderr": "..."}.
usage: run_notebook.py NOTEBOOK OUT_HTML ROOT [TIMEOUT]
"""
import json
import os
import re
import sys

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError
from nbconvert import HTMLExporter

# The classic template loads jQuery, require.js and MathJax with <script src> (a CDN upstream,
# file:///usr/share/javascript on Debian): a report opened on another machine, or with no network,
# would fail to load them. The reports need none of them (plotly is inlined by show.setup()),
# so these blocks are emptied and the file depends on nothing outside itself.
TEMPLATE = """{%- extends 'index.html.j2' -%}
{%- block html_head_js -%}{%- endblock html_head_js -%}
{%- block jupyter_widgets -%}{%- endblock jupyter_widgets -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_css -%}
<style type="text/css">
/* Debian ships the classic template's style.css empty: a few rules so a report reads well on its own. */
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;line-height:1.45;color:#222}
#notebook-container{max-width:72em;margin:0 auto;padding:1em 2em}
.anchor-link{visibility:hidden;text-decoration:none;margin-left:.3em;color:#999}
h1:hover .anchor-link,h2:hover .anchor-link,h3:hover .anchor-link,h4:hover .anchor-link{visibility:visible}
.input_area{border:1px solid #e4e4e4;border-radius:3px;margin:.3em 0}
.input_area pre{margin:0;padding:.4em .6em;overflow-x:auto}
.output_area pre{margin:.3em 0;white-space:pre-wrap}
.text_cell_render{margin-top:1.2em}
</style>
{%- endblock html_head_css -%}
"""


def title_of(nb, notebook):
    """The first markdown heading, else the file name: the page title a reader sees in a tab."""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            m = re.search(r"^#+\s*(.+)$", cell.source, re.M)
            if m:
                return m.group(1).strip()
    return os.path.splitext(os.path.basename(notebook))[0]


def run_cells(client, nb):
    """Run the code cells in order; the first failing one as {"cell", "source", "error", "stderr"}, else None."""
    with client.setup_kernel():
        for index, cell in enumerate(nb.cells):
            if cell.cell_type != "code":
                continue
            failure = None
            try:
                client.execute_cell(cell, index)
            except (CellExecutionError, CellTimeoutError) as e:
                failure = {"cell": index + 1, "source": cell.source.split("\n"), "error": str(e)[-2000:]}
            stderr = "".join(o.get("text", "") for o in cell.outputs if o.get("name") == "stderr")
            # tslab reports compile and runtime errors on stderr; some reach here without an exception.
            if failure is None and stderr.strip():
                failure = {"cell": index + 1, "source": cell.source.split("\n"), "error": ""}
            if failure is not None:
                failure["stderr"] = stderr
                return failure
    return None


def main():
    notebook, out_html, root = sys.argv[1:4]
    timeout = int(sys.argv[4]) if len(sys.argv) > 4 else 600
    nb = nbformat.read(notebook, as_version=4)
    client = NotebookClient(nb, kernel_name="talkingpoints", timeout=timeout,
                            record_timing=False, resources={"metadata": {"path": root}})
    # Whatever goes wrong is one line for the user, never a Python traceback.
    try:
        failure = run_cells(client, nb)
    except DeadKernelError:
        failure = {"error": "the kernel died while running the notebook (out of memory on a large corpus?)"}
    except Exception as e:  # the kernel did not start, or Jupyter failed around it
        lines = str(e).strip().splitlines()
        failure = {"error": f"the talkingpoints kernel failed: {type(e).__name__}{': ' + lines[-1] if lines else ''}"}
    if failure is not None:
        print(json.dumps({"ok": False, **failure}))
        return 1
    # Prompts ("In [ ]:") mean nothing to a reader of a shared report; the code stays for reproducibility.
    exporter = HTMLExporter(template_name="classic", raw_template=TEMPLATE,
                            exclude_input_prompt=True, exclude_output_prompt=True)
    name = title_of(nb, notebook)
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": name}})
    with open(out_html, "w", encoding="utf-8", newline="\n") as f:
        f.write(body)
    print(json.dumps({"ok": True}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
