#!/bin/sh
# The kit's kernel (kernel.cjs: tslab with the kit's additions), started at the project root: tslab sets
# TypeScript's rootDir to its working directory, and notebooks import "./dist/index.js" from there (yunabe/tslab#63).
cd "$(dirname "$0")/../../.." || exit 1
exec node jupyter/kernels/talkingpoints/kernel.cjs "$1"
