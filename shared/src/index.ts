/**
 * Code shared by the GPU node and the edge worker: the generated protobuf
 * messages (static code: the Workers runtime forbids eval) and the service
 * descriptor both sides call and serve through, gRPC status
 * codes and timeouts, gRPC-Web framing and a gRPC-Web client over fetch.
 * Runtime-neutral throughout. The edge API's HTTP shapes: `@ras/shared/http`.
 */

export { ras } from './generated/ras.js';
export { type RasSamplerMethod, RasSamplerService } from './generated/ras-service';
export { type Codec, type MethodDescriptor, methodAt, type ServiceDescriptor } from './grpc/service';
export { RETRY_AFTER_KEY, Status, type StatusCode, type StatusName, statusName } from './grpc/status';
export { formatGrpcTimeout, parseGrpcTimeout } from './grpc/timeout';
export { type GrpcWebCallOptions, grpcWebCall } from './grpc-web/call';
export { GrpcWebError } from './grpc-web/error';
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
export { RasWebClient } from './grpc-web/ras-client';
