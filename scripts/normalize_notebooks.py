"""Write notebooks as Jupyter Notebook saves them (nbformat's key order and indentation), without outputs.

Notebooks committed in another layout change on their first save from Jupyter even when nothing in them changed,
which leaves `git status` dirty after a run: keep them in Jupyter's own layout. Run with Debian's python3:
  /usr/bin/python3 scripts/normalize_notebooks.py notebooks/*.ipynb
"""
import sys

import nbformat

for path in sys.argv[1:]:
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    nbformat.write(nb, path)
