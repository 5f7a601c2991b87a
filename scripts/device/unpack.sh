#!/usr/bin/env bash
# Unpacks a kit that scripts/device/pack.sh built into KIT_DIR and writes KIT_DIR/env.sh (node
# on PATH, the packages on NODE_PATH, Vulkan pointed at the NVIDIA driver where there is one):
#   scripts/device/unpack.sh PACKED_DIR KIT_DIR [--no-debs]
# The loader packages are extracted into / (the GPU machine lacks them; run there as root);
# --no-debs leaves this machine's own loader alone (a quick run).
set -euo pipefail
src=$(readlink -f "$1")/kit dir=$2 debs=${3:-}
[ -f "$src/node.xz" ] || { echo "unpack.sh: no kit in $src (run scripts/device/pack.sh)" >&2; exit 1; }
if [ "$debs" != --no-debs ]; then
  for f in "$src"/debs/*.deb; do dpkg -x "$f" /; done
  ldconfig
fi
mkdir -p "$dir/bin" "$dir/node_modules" "$dir/app"
dir=$(readlink -f "$dir")
xz -T0 -dc "$src/node.xz" > "$dir/bin/node" & a=$!
cp -r "$src"/pkg/* "$dir/node_modules/"
xz -T0 -dc "$src/libonnxruntime.so.1.xz" > "$dir/node_modules/onnxruntime-node/bin/napi-v6/linux/x64/libonnxruntime.so.1" & b=$!
mkdir -p "$dir/node_modules/webgpu/dist/linux-x64"
xz -T0 -dc "$src/dawn.node.xz" > "$dir/node_modules/webgpu/dist/linux-x64/dawn.node" & c=$!
wait $a; wait $b; wait $c
chmod +x "$dir/bin/node"
# The bundle sits beside the kit's node_modules, so its imports resolve there and nowhere else.
cp "$(dirname "$src")/device.mjs" "$dir/app/"
nv=/usr/local/nvidia/share
{
  echo "export PATH=$dir/bin:\$PATH NODE_PATH=$dir/node_modules XDG_RUNTIME_DIR=\${XDG_RUNTIME_DIR:-/tmp}"
  [ -f $nv/vulkan/icd.d/nvidia_icd.json ] && echo "export VK_DRIVER_FILES=$nv/vulkan/icd.d/nvidia_icd.json"
  [ -f $nv/glvnd/egl_vendor.d/10_nvidia.json ] && echo "export __EGL_VENDOR_LIBRARY_FILENAMES=$nv/glvnd/egl_vendor.d/10_nvidia.json"
  true
} > "$dir/env.sh"
# From the kit's own folder, so nothing resolves from a node_modules outside it.
(cd "$dir/app" && "$dir/bin/node" -e '
  const ort = require("onnxruntime-node"), path = require.resolve("webgpu");
  console.log(`kit ready: node ${process.version}, onnxruntime-node ${require("onnxruntime-node/package.json").version}, webgpu at ${path}`);')
