/**
 * A small ONNX graph that gathers every layer's device-resident K and V into
 * two host arrays in the trajectory's layout: `k = Concat(k_0 … k_{L−1})` on
 * axis 0, so L tensors [rows, heads, N, head_dim] become [L·rows, heads, N,
 * head_dim], which is [L, rows, heads, N, head_dim] in memory.
 *
 * onnxruntime-node cannot download a 'gpu-buffer' tensor itself (its download
 * hook throws "not implemented"), but a second session on the same WebGPU
 * device takes such tensors as inputs and returns CPU outputs. The graph is
 * built here, a few hundred bytes of protobuf, so no binary file depends on
 * the number of layers.
 */
import protobuf from 'protobufjs/minimal.js';

const { Writer } = protobuf;
const LEN = 2; // protobuf wire type of strings and messages
const VARINT = 0;
const FLOAT = 1; // onnx.TensorProto.DataType.FLOAT
const INT = 2; // onnx.AttributeProto.AttributeType.INT

/** Input names of the snapshot graph: `k_<l>` then `v_<l>`. */
export function snapshotInputs(layers: number): string[] {
  const names = (p: string) => Array.from({ length: layers }, (_, l) => `${p}_${l}`);
  return [...names('k'), ...names('v')];
}

/** The serialized ModelProto (opset 17) of the snapshot graph for `layers` layers. */
export function snapshotGraph(layers: number): Uint8Array {
  const inputs = snapshotInputs(layers);
  const w = Writer.create();
  w.uint32(tag(1, VARINT)).int64(8); // ir_version
  w.uint32(tag(8, LEN)).fork().uint32(tag(1, LEN)).string('').uint32(tag(2, VARINT)).int64(17).ldelim();
  w.uint32(tag(7, LEN)).fork();
  for (const out of ['k', 'v']) {
    w.uint32(tag(1, LEN)).fork(); // NodeProto
    for (const name of inputs.filter((n) => n.startsWith(`${out}_`))) w.uint32(tag(1, LEN)).string(name);
    w.uint32(tag(2, LEN)).string(out);
    w.uint32(tag(4, LEN)).string('Concat');
    w.uint32(tag(5, LEN)).fork().uint32(tag(1, LEN)).string('axis');
    w.uint32(tag(3, VARINT)).int64(0).uint32(tag(20, VARINT)).int32(INT).ldelim();
    w.ldelim();
  }
  w.uint32(tag(2, LEN)).string('kv_snapshot');
  for (const name of inputs) valueInfo(w, 11, name);
  for (const name of ['k', 'v']) valueInfo(w, 12, name);
  w.ldelim();
  return w.finish();
}

function tag(field: number, wire: number): number {
  return (field << 3) | wire;
}

/** A float tensor of unknown shape named `name` (graph input 11 or output 12). */
function valueInfo(w: protobuf.Writer, field: number, name: string): void {
  w.uint32(tag(field, LEN)).fork().uint32(tag(1, LEN)).string(name);
  w.uint32(tag(2, LEN)).fork().uint32(tag(1, LEN)).fork().uint32(tag(1, VARINT)).int32(FLOAT).ldelim().ldelim();
  w.ldelim();
}
