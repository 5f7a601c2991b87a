/** The committed tiny random-weight test model, loaded once per test file. */
import { join } from 'node:path';
import { OnnxDitModel } from '../../gpu-node/src/runtime/onnx-model';
import { MODELS_DIR } from '../../gpu-node/src/runtime/registry';

export const TEST_MODEL_DIR = join(MODELS_DIR, 'test-tiny');

export function loadTestModel(): Promise<OnnxDitModel> {
  return OnnxDitModel.load(join(TEST_MODEL_DIR, 'model.json'), { intraOpThreads: 1 });
}

/** The test model's card path (for loading it with other runtime options). */
export const TEST_CARD = join(TEST_MODEL_DIR, 'model.json');
