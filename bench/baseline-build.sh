#!/usr/bin/env bash
# Builds another commit of the project beside this checkout, for BENCH_BASELINE:
#   BENCH_BASELINE=$(bench/baseline-build.sh 9388636) node bench/throughput.js
# 9388636 is the build issue 13's "today's throughput" refers to. Prints the dist folder.
set -euo pipefail
commit=${1:?usage: bench/baseline-build.sh COMMIT}
here=$(cd "$(dirname "$0")/.." && pwd)
dir=${TMPDIR:-/tmp}/glance-mock-baseline-$(git -C "$here" rev-parse --short "$commit")
if [ ! -f "$dir/dist/index.js" ]; then
  rm -rf "$dir"
  git -C "$here" worktree add -q --detach "$dir" "$commit" >&2
  cp -a "$here/node_modules" "$dir/" # the same dependencies: only the project's code differs
  (cd "$dir" && npm run -s build) >&2
fi
echo "$dir/dist"
