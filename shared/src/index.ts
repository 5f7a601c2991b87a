/**
 * Code shared by the GPU node and the edge worker: the generated protobuf
 * messages (static code: the Workers runtime forbids eval), gRPC status
 * codes and timeouts, and gRPC-Web framing. Runtime-neutral throughout.
 */

export { RETRY_AFTER_KEY, Status, type StatusCode, type StatusName, statusName } from './grpc/status';
export { formatGrpcTimeout, parseGrpcTimeout } from './grpc/timeout';
export {
  decodeGrpcMessage,
  decodeTrailers,
  encodeFrame,
  encodeGrpcMessage,
  encodeTrailers,
  type Frame,
  FrameError,
  FrameFlag,
  FrameReader,
} from './grpc-web/frame';
export { ras } from './proto/ras.js';
