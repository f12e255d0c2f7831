#!/bin/sh
# tslab sets TypeScript's rootDir to its working directory; starting it at the project root
# lets notebooks import "./lib/..." (yunabe/tslab#63).
cd "$(dirname "$0")/../../.." || exit 1
exec node node_modules/tslab/bin/tslab kernel --config-path "$1"
