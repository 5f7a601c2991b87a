/**
 * A small ONNX graph that gathers every cache slot's device-resident K and V
 * (the layers, then MMDiT-X's attn2: kv-slots.ts) into two host arrays in the
 * trajectory's layout: `k = Concat(k_0 … k_{S−1})` on axis 0, so S tensors
 * [rows, heads, N, head_dim] become [S·rows, heads, N, head_dim], which is
 * [S, rows, heads, N, head_dim] in memory. Caches in half
 * precision are cast to float32 on the device first.
 *
 * onnxruntime-node cannot download a 'gpu-buffer' tensor itself (its download
 * hook throws "not implemented"), but a second session on the same WebGPU
 * device takes such tensors as inputs and returns CPU outputs. The graph is
 * built here, a few hundred bytes of protobuf, so no binary file depends on
 * the number of slots.
 */
import protobuf from 'protobufjs/minimal.js';

const { Writer } = protobuf;
const LEN = 2; // protobuf wire type of strings and messages
const VARINT = 0;
const FLOAT = 1; // onnx.TensorProto.DataType.FLOAT
const FLOAT16 = 10;
const INT = 2; // onnx.AttributeProto.AttributeType.INT

/** Input names of the snapshot graph: `k_<l>` then `v_<l>`. */
export function snapshotInputs(slots: number): string[] {
  const names = (p: string) => Array.from({ length: slots }, (_, l) => `${p}_${l}`);
  return [...names('k'), ...names('v')];
}

/** The serialized ModelProto (opset 17) of the snapshot graph for `slots` slots of `dtype` caches. */
export function snapshotGraph(slots: number, dtype: 'float32' | 'float16' = 'float32'): Uint8Array {
  const inputs = snapshotInputs(slots);
  const half = dtype === 'float16';
  const w = Writer.create();
  w.uint32(tag(1, VARINT)).int64(8); // ir_version
  w.uint32(tag(8, LEN)).fork().uint32(tag(1, LEN)).string('').uint32(tag(2, VARINT)).int64(17).ldelim();
  w.uint32(tag(7, LEN)).fork();
  for (const out of ['k', 'v']) {
    const joined = half ? `${out}_joined` : out;
    node(
      w,
      'Concat',
      inputs.filter((n) => n.startsWith(`${out}_`)),
      joined,
      'axis',
      0,
    );
    if (half) node(w, 'Cast', [joined], out, 'to', FLOAT);
  }
  w.uint32(tag(2, LEN)).string('kv_snapshot');
  for (const name of inputs) valueInfo(w, 11, name, half ? FLOAT16 : FLOAT);
  for (const name of ['k', 'v']) valueInfo(w, 12, name, FLOAT);
  w.ldelim();
  return w.finish();
}

/**
 * The serialized ModelProto of an upload graph: `Identity(in_<j>) → out_<j>` for each of `dtypes`
 * (float32 or float16). Run on the device with its outputs kept there, it brings host tensors onto
 * the device once (run-feeds.ts: a run's constant feeds), where onnxruntime-node has no upload call.
 */
export function uploadGraph(dtypes: readonly ('float32' | 'float16')[]): Uint8Array {
  const w = Writer.create();
  w.uint32(tag(1, VARINT)).int64(8);
  w.uint32(tag(8, LEN)).fork().uint32(tag(1, LEN)).string('').uint32(tag(2, VARINT)).int64(17).ldelim();
  w.uint32(tag(7, LEN)).fork();
  dtypes.forEach((_, j) => {
    w.uint32(tag(1, LEN)).fork().uint32(tag(1, LEN)).string(`in_${j}`).uint32(tag(2, LEN)).string(`out_${j}`);
    w.uint32(tag(4, LEN)).string('Identity').ldelim();
  });
  w.uint32(tag(2, LEN)).string('upload');
  const elem = (d: string) => (d === 'float16' ? FLOAT16 : FLOAT);
  dtypes.forEach((d, j) => {
    valueInfo(w, 11, `in_${j}`, elem(d));
  });
  dtypes.forEach((d, j) => {
    valueInfo(w, 12, `out_${j}`, elem(d));
  });
  w.ldelim();
  return w.finish();
}

/** A NodeProto with one integer attribute. */
function node(w: protobuf.Writer, op: string, inputs: string[], output: string, attr: string, value: number): void {
  w.uint32(tag(1, LEN)).fork();
  for (const name of inputs) w.uint32(tag(1, LEN)).string(name);
  w.uint32(tag(2, LEN)).string(output);
  w.uint32(tag(4, LEN)).string(op);
  w.uint32(tag(5, LEN)).fork().uint32(tag(1, LEN)).string(attr);
  w.uint32(tag(3, VARINT)).int64(value).uint32(tag(20, VARINT)).int32(INT).ldelim();
  w.ldelim();
}

function tag(field: number, wire: number): number {
  return (field << 3) | wire;
}

/** A tensor of `elemType` and unknown shape named `name` (graph input 11 or output 12). */
function valueInfo(w: protobuf.Writer, field: number, name: string, elemType: number): void {
  w.uint32(tag(field, LEN)).fork().uint32(tag(1, LEN)).string(name);
  w.uint32(tag(2, LEN)).fork().uint32(tag(1, LEN)).fork().uint32(tag(1, VARINT)).int32(elemType).ldelim().ldelim();
  w.ldelim();
}
