"""A Gemma (1) config from transformers' ``config.json`` (``configuration_gemma.py``'s keys).

Only ``model_type: "gemma"`` is taken: Gemma 2 (``gemma2``, Lumina 2's encoder) adds
soft-capping, sliding windows and post-norms this module does not have. The activation is
``hidden_activation`` when the file names one, else tanh-approximated GELU whatever
``hidden_act`` says: transformers' Gemma did so from its PR 29402 (Gemma was trained with
the approximation; google/gemma-2b's file says ``"hidden_act": "gelu"``).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

#: GELU names transformers' ACT2FN maps to what this module computes.
ACTIVATIONS = ("gelu_pytorch_tanh", "gelu_new", "gelu")
REQUIRED = ("vocab_size", "hidden_size", "intermediate_size", "num_hidden_layers", "num_attention_heads")


@dataclass(frozen=True)
class GemmaConfig:
    vocab_size: int
    hidden_size: int
    intermediate_size: int
    num_hidden_layers: int
    num_attention_heads: int
    num_key_value_heads: int
    head_dim: int
    rms_norm_eps: float = 1e-6
    rope_theta: float = 10000.0
    hidden_activation: str = "gelu_pytorch_tanh"

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, config: dict, source: str) -> GemmaConfig:
        """The config of a transformers ``config.json`` (as a dict); errors name ``source`` and the field."""
        if config.get("model_type") != "gemma":
            raise ValueError(
                f"{source}: model_type is {config.get('model_type')!r}, not 'gemma' "
                "(Gemma 1, transformers' GemmaModel; gemma2 and later differ)"
            )
        for key in REQUIRED:
            if not isinstance(config.get(key), int) or config[key] <= 0:
                raise ValueError(f"{source}: {key} is {config.get(key)!r}, want a positive integer")
        heads = config["num_attention_heads"]
        kv_heads = config.get("num_key_value_heads") or heads
        if heads % kv_heads:
            raise ValueError(f"{source}: num_key_value_heads {kv_heads} does not divide num_attention_heads {heads}")
        refuse_unsupported(config, source)
        return cls(
            **{key: config[key] for key in REQUIRED},
            num_key_value_heads=kv_heads,
            head_dim=config.get("head_dim") or config["hidden_size"] // heads,
            rms_norm_eps=float(config.get("rms_norm_eps", 1e-6)),
            rope_theta=rope_theta(config, source),
            hidden_activation=activation(config, source),
        )


def rope_theta(config: dict, source: str) -> float:
    """``rope_theta``, or newer transformers' ``rope_parameters.rope_theta``; only the default RoPE."""
    params = config.get("rope_parameters") or {}
    kind = params.get("rope_type", "default")
    if config.get("rope_scaling") or kind != "default":
        raise ValueError(f"{source}: rope_scaling / rope_parameters {config.get('rope_scaling') or params} (only the default RoPE is built)")
    return float(params.get("rope_theta", config.get("rope_theta", 10000.0)))


def activation(config: dict, source: str) -> str:
    name = config.get("hidden_activation") or "gelu_pytorch_tanh"
    if name not in ACTIVATIONS:
        raise ValueError(f"{source}: hidden_activation {name!r} is not one of {list(ACTIVATIONS)}")
    return name


def refuse_unsupported(config: dict, source: str) -> None:
    if config.get("attention_bias"):
        raise ValueError(f"{source}: attention_bias is true (Gemma's projections have no bias)")
    if config.get("use_bidirectional_attention"):
        raise ValueError(f"{source}: use_bidirectional_attention is true (Lumina's Gemma is causal)")
