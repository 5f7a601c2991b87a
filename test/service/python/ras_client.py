"""A third-party native gRPC client for the GPU node: Debian's grpcio with
stubs that protoc + grpc_python_plugin generate at test time (PYTHONPATH).

usage: ras_client.py TARGET TOKEN   (TOKEN may be "-" for none)
Prints one JSON object: the health status and a summary of a Generate stream.
"""
import json
import sys

import grpc
from health.v1 import health_pb2, health_pb2_grpc
from ras.v1 import ras_pb2, ras_pb2_grpc


def main() -> None:
    target, token = sys.argv[1], sys.argv[2]
    metadata = [] if token == "-" else [("authorization", f"Bearer {token}")]
    out = {}
    with grpc.insecure_channel(target) as channel:
        health = health_pb2_grpc.HealthStub(channel)
        reply = health.Check(health_pb2.HealthCheckRequest(service="ras.v1.RasSampler"), timeout=10)
        out["health"] = health_pb2.HealthCheckResponse.ServingStatus.Name(reply.status)

        stub = ras_pb2_grpc.RasSamplerStub(channel)
        request = ras_pb2.GenerateRequest(
            model="test-tiny",
            condition=ras_pb2.Condition(class_id=1),
            seed=7,
            steps=6,
            ras=ras_pb2.RasSettings(policy="std", ratio=0.5),
            preview=ras_pb2.PreviewOptions(every=2, format=ras_pb2.PREVIEW_FORMAT_JPEG),
        )
        kinds, result = [], None
        for event in stub.Generate(request, metadata=metadata, timeout=30):
            kind = event.WhichOneof("kind")
            kinds.append(kind)
            if kind == "preview":
                out.setdefault("preview_mime", event.preview.mime)
            if kind == "result":
                result = event.result
        out["kinds"] = kinds
        out["result"] = {
            "session_id": result.session_id,
            "version": result.version,
            "png_magic": result.png[:8].hex(),
            "width": result.width,
            "height": result.height,
            "step_ms": len(result.timings.step_ms),
            "tokens_run": result.tokens_run,
            "tokens_total": result.tokens_total,
        }
        try:
            stub.GetSession(ras_pb2.GetSessionRequest(session_id="00000000-0000-4000-8000-000000000000"), metadata=metadata, timeout=10)
        except grpc.RpcError as e:
            out["unknown_session"] = e.code().name
        try:
            next(iter(stub.Generate(request, timeout=10)))
        except grpc.RpcError as e:
            out["without_token"] = e.code().name
    print(json.dumps(out))


if __name__ == "__main__":
    main()
