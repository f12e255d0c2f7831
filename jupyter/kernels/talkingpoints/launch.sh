#!/bin/sh
# The kit's kernel (kernel.cjs beside this file: tslab with the kit's additions), started at the project root:
# tslab sets TypeScript's rootDir to its working directory, and notebooks import "./dist/index.js" from there
# (yunabe/tslab#63). A copy of the kernel spec without kernel.cjs runs plain tslab.
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here/../../.." || exit 1
if [ -f "$here/kernel.cjs" ]; then exec node "$here/kernel.cjs" "$1"; fi
exec node node_modules/tslab/bin/tslab kernel --config-path "$1"
