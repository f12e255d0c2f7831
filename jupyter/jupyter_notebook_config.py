# The kit's Jupyter Notebook settings, loaded by `talkingpoints notebook` with --config (in place of the user's
# jupyter_notebook_config.py: the kit's notebooks behave the same on every machine).
#
# Notebooks are saved without outputs: a run holds the inlined plotly bundle and the text of the user's own
# articles, which must never reach git (one autosave grew 04-shift.ipynb from 8 KB to 1.6 MB). The hook also
# drops what a run writes into the metadata (the kernel's language_info, execution timings, scroll state), so
# running and saving a notebook leaves the file as committed. Outputs stay in the browser until the page is closed;
# `talkingpoints report` is the way to keep them (as HTML, outside git).


def _strip_outputs(model, **kwargs):
    if model.get("type") != "notebook" or model.get("content") is None:
        return
    nb = model["content"]
    meta = nb.setdefault("metadata", {})
    if "language_info" in meta:
        meta["language_info"] = {"name": meta["language_info"].get("name", "typescript")}
    for key in ("widgets", "toc"):
        meta.pop(key, None)
    for cell in nb.get("cells", []):
        cell_meta = cell.setdefault("metadata", {})
        for key in ("execution", "scrolled", "collapsed", "trusted", "jupyter"):
            cell_meta.pop(key, None)
        if cell.get("cell_type") == "code":
            cell["outputs"] = []
            cell["execution_count"] = None


c = get_config()  # noqa: F821 (defined by Jupyter when it loads this file)
c.FileContentsManager.pre_save_hook = _strip_outputs
# A closed tab keeps its kernel (270-420 MB each): kernels idle for an hour are shut down, checked every 5 minutes.
# Kernels with a tab still open are kept (their variables are the user's work in progress).
c.MappingKernelManager.cull_idle_timeout = 3600
c.MappingKernelManager.cull_interval = 300
c.MappingKernelManager.cull_connected = False
# When the port is taken Jupyter tries the next ones; the command prints the one it really serves.
c.NotebookApp.port_retries = 50
c.NotebookApp.open_browser = False
