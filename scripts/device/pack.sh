#!/usr/bin/env bash
# Builds, here, everything a GPU run needs that the tracked tree does not hold (docs/gpu.md,
# "A GPU run in one call"), into DEST (default .device/, git-ignored):
#   DEST/device.mjs   the bench's device entry (scripts/device/device.ts) bundled by esbuild,
#                     onnxruntime-node and webgpu left to the kit
#   DEST/kit/         Node's binary, onnxruntime-node trimmed to linux-x64 (+ onnxruntime-common)
#                     and Dawn's Node binding (webgpu, for the adapter probe), the big files xz'd;
#                     the Vulkan / GL loader packages the WebGPU provider needs on the GPU machine
#   scripts/device/pack.sh [--dest DIR] [--fast] [--no-debs]
# --fast: xz level 0 (CI's quick run; the GPU run wants the default, the smallest). --no-debs:
# no apt-get download (a quick run uses this machine's own Vulkan loader).
# Prints the carry list and whether tree + carry fit the 64 MiB a GPU run may take (exit 1 if not).
set -euo pipefail
cd "$(git -C "$(dirname "$0")" rev-parse --show-toplevel)"
dest=.device level=6 debs=1
while [ $# -gt 0 ]; do
  case "$1" in
    --dest) dest=$2; shift 2 ;;
    --fast) level=0; shift ;;
    --no-debs) debs=0; shift ;;
    *) echo "pack.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
nm=node_modules
[ -d "$nm/onnxruntime-node" ] && [ -d "$nm/webgpu" ] || { echo "pack.sh: run npm ci first" >&2; exit 1; }
kit=$dest/kit
rm -rf "$kit" "$dest/device.mjs" "$dest/stamp"; mkdir -p "$kit/pkg/onnxruntime-node/bin/napi-v6/linux/x64" "$kit/pkg/webgpu" "$kit/debs"
t0=$SECONDS
# Symbols and debug info are stripped (node ships with them: 12 MB), then xz'd.
pack() {
  if command -v strip >/dev/null; then strip --strip-unneeded -o "$2.bin" "$1"; else cp "$1" "$2.bin"; fi
  xz -T2 "-$level" -c "$2.bin" > "$2" && rm "$2.bin"
}
ort=$nm/onnxruntime-node/bin/napi-v6/linux/x64
jobs=()
pack "$(readlink -f "$(command -v node)")" "$kit/node.xz" & jobs+=($!)
pack "$ort/libonnxruntime.so.1" "$kit/libonnxruntime.so.1.xz" & jobs+=($!)
pack "$nm/webgpu/dist/linux-x64/dawn.node" "$kit/dawn.node.xz" & jobs+=($!)
cp -r "$nm/onnxruntime-node/package.json" "$nm/onnxruntime-node/dist" "$kit/pkg/onnxruntime-node/"
cp "$ort/onnxruntime_binding.node" "$kit/pkg/onnxruntime-node/bin/napi-v6/linux/x64/"
cp -r "$nm/onnxruntime-common" "$kit/pkg/"
cp "$nm/webgpu/package.json" "$nm/webgpu/index.js" "$kit/pkg/webgpu/"
node_modules/.bin/tsx scripts/device/bundle.ts "$dest/device.mjs"
# The bundle is the tree as it is now: run.sh prints this, so a stale one is seen in the log.
echo "packed from $(git rev-parse --short HEAD)$(git diff --quiet HEAD || echo ' with uncommitted changes') at $(date -u +%FT%TZ)" > "$dest/stamp"
if [ "$debs" = 1 ]; then
  # A private package list: this machine's apt state is not touched.
  lists=$(mktemp -d); mkdir -p "$lists/partial"
  o="-oAPT::Architecture=amd64 -oAPT::Architectures=amd64 -oDir::State::Lists=$lists"
  apt-get $o update -qq
  (cd "$kit/debs" && apt-get $o download -qq libvulkan1 libegl1 libglvnd0 libopengl0 libgl1 libglx0 libgles2 2>&1 |
    grep -v unsandboxed || true)
  rm -rf "$lists"
  ls "$kit"/debs/*.deb >/dev/null
fi
for j in "${jobs[@]}"; do wait "$j"; done
echo "packed $dest in $((SECONDS - t0)) s (xz -$level, debs: $debs)"

# What travels: the working tree git would copy (tracked + untracked, not ignored) and the carry.
tree=$(git ls-files -z --cached --others --exclude-standard | du --files0-from=- -cb 2>/dev/null | tail -1 | cut -f1)
carry=$(du -sb "$dest" | cut -f1)
limit=$((64 * 1024 * 1024))
mb() { awk -v b="$1" 'BEGIN { printf "%.1f MB", b / 1e6 }'; }
echo "carry: [\"$dest\"]  ($(mb "$carry"): kit $(mb "$(du -sb "$kit" | cut -f1)"), bundle $(mb "$(du -sb "$dest/device.mjs" | cut -f1)"))"
echo "tree $(mb "$tree") + carry $(mb "$carry") = $(mb $((tree + carry))) of $(mb $limit) (64 MiB)"
if [ $((tree + carry)) -gt $limit ]; then
  echo "pack.sh: tree + carry do NOT fit a GPU run" >&2
  [ "$level" = 0 ] || exit 1
fi
