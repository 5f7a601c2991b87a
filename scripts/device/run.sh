#!/usr/bin/env bash
# A GPU run in one command, from the repository root (docs/gpu.md, "A GPU run in one call"):
#   scripts/device/run.sh [--quick] [--budget SECONDS] [--sections gpu,...] [--models A,B] [--out DIR] [--kit DIR] [--from DIR]
# Stages, each timed and each allowed to fail without stopping the next: unpack the kit that
# scripts/device/pack.sh built (--from, default .device), note the machine, export the bench
# models with this machine's Python, run the bench sections (scripts/device/sections.ts) within
# what is left of the budget, check the results. Writes OUT (default $OUT, else device-out):
# bench.json, bench.md (tables + the stages' times), run.log. Exit 1 if any stage failed.
# --quick: this machine's software Vulkan (lavapipe), the tiny model, a kit in a temp folder,
# a fresh export (what CI runs). --models: only the named models of the sections (export, bench
# and check), e.g. --models lumina-next-sft for a call spent on those rows.
set -uo pipefail
cd "$(dirname "$0")/../.."
root=$PWD quick=0 budget=480 from=.device out=${OUT:-device-out} kit= picks=()
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1; shift ;;
    --budget) budget=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --kit) kit=$2; shift 2 ;;
    --from) from=$2; shift 2 ;;
    --sections) picks+=(--sections "$2"); shift 2 ;;
    --models) picks+=(--models "$2"); shift 2 ;;
    *) echo "run.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
mkdir -p "$out"; out=$(readlink -f "$out")
tmp=$(mktemp -d /tmp/ras-device.XXXXXX)
[ -n "$kit" ] || kit=$tmp/kit
: > "$out/run.log"
exec > >(tee -a "$out/run.log") 2>&1
start=$SECONDS
left() { echo $((budget - (SECONDS - start))); }
failed=()
printf 'stage\texit\tseconds\n' > "$tmp/stages.tsv"
# stage NAME SECONDS CMD...: runs CMD with a time limit; its exit status and time are recorded.
stage() {
  local name=$1 limit=$2 t=$SECONDS rc; shift 2
  if [ "$limit" -le 0 ]; then
    echo "== $name: skipped, no time left"; printf '%s\tskipped\t0\n' "$name" >> "$tmp/stages.tsv"
    failed+=("$name"); return
  fi
  echo "== $name (limit ${limit} s) $(date -u +%H:%M:%S)"
  timeout -k 10 "$limit" "$@"; rc=$?
  [ $rc = 124 ] && echo "== $name: stopped at its limit"
  echo "== $name: exit $rc in $((SECONDS - t)) s"
  printf '%s\t%s\t%s\n' "$name" "$rc" "$((SECONDS - t))" >> "$tmp/stages.tsv"
  [ $rc = 0 ] || failed+=("$name")
}
min() { [ "$1" -lt "$2" ] && echo "$1" || echo "$2"; }

export RAS_ROOT=$root RAS_TORCH_THREADS=$(nproc)
if [ $quick = 1 ]; then
  flags=(--quick "${picks[@]}")
  export RAS_BENCH_CACHE=$tmp/bench-models RAS_BENCH_PYTHON=${RAS_BENCH_PYTHON:-/usr/bin/python3}
  stage kit 120 scripts/device/unpack.sh "$from" "$kit" --no-debs
else
  flags=("${picks[@]}")
  export RAS_BENCH_PYTHON=${RAS_BENCH_PYTHON:-python3}
  stage kit 90 scripts/device/unpack.sh "$from" "$kit"
fi
[ -f "$kit/env.sh" ] && . "$kit/env.sh"
echo "bundle $(cat "$from/stamp" 2>/dev/null || echo 'without a stamp')"
node=$kit/bin/node app=$kit/app/device.mjs

machine() {
  echo "kernel $(uname -r), $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB"
  command -v nvidia-smi >/dev/null && timeout 20 nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv
  timeout 60 "$RAS_BENCH_PYTHON" -c 'import torch, onnx, numpy; print("python: torch", torch.__version__, "cuda", torch.version.cuda, "gpu", torch.cuda.is_available(), "onnx", onnx.__version__, "numpy", numpy.__version__)'
  echo "VK_DRIVER_FILES=${VK_DRIVER_FILES:-}"
}
stage machine 90 bash -c "$(declare -f machine); machine"
driver=$(command -v nvidia-smi >/dev/null && timeout 20 nvidia-smi --query-gpu=driver_version --format=csv,noheader | head -1)

# The export may take what the bench cannot use: at most half of what is left.
stage export "$(min 300 $(($(left) / 2)))" "$node" "$app" export "${flags[@]}"
# The bench gets the rest but 30 s: its deadline is 20 s before the limit, so it ends itself.
limit=$(($(left) - 30))
stage bench "$limit" "$node" "$app" bench "${flags[@]}" --out "$out" \
  --deadline $(($(date +%s%3N) + (limit - 20) * 1000)) --driver "$driver"
stage check 30 "$node" "$app" check "${flags[@]}" --out "$out"

{
  echo; echo "## stages"; echo
  echo "| stage | exit | seconds |"; echo "| --- | --- | --- |"
  tail -n +2 "$tmp/stages.tsv" | awk -F'\t' '{ printf "| %s | %s | %s |\n", $1, $2, $3 }'
  echo; echo "total $((SECONDS - start)) s of a ${budget} s budget"
} >> "$out/bench.md"
cat "$tmp/stages.tsv"
rm -rf "$tmp"
if [ ${#failed[@]} -gt 0 ]; then echo "run.sh: failed stages: ${failed[*]}"; exit 1; fi
echo "run.sh: all stages ok in $((SECONDS - start)) s"
