"""The miniature SD3 tokenizers' files (mini_sd3_text.py), as ``save_pretrained``
writes them: CLIP-L slow (``vocab.json`` + ``merges.txt``), CLIP-G fast (a
``tokenizer.json`` in transformers' CLIPConverter form), T5 fast (a Unigram
``tokenizer.json``), each with its ``tokenizer_config.json``.
"""

from __future__ import annotations

import json
from pathlib import Path

import mini_text_tokenizers as tok


def _write(path: Path, value) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(value, indent=2, ensure_ascii=False) + "\n")


def _added(tokens: list[tuple[int, str]], normalized: bool) -> list[dict]:
    return [
        {"id": i, "content": t, "single_word": False, "lstrip": False, "rstrip": False, "normalized": normalized, "special": True}
        for i, t in tokens
    ]


def clip_config(pad: str, length: int) -> dict:
    return {
        "tokenizer_class": "CLIPTokenizer", "model_max_length": length, "bos_token": tok.BOS, "eos_token": tok.EOS,
        "unk_token": tok.EOS, "pad_token": pad, "do_lower_case": True, "clean_up_tokenization_spaces": True,
    }


def clip_fast(vocab: dict) -> dict:
    """CLIPConverter.converted() (transformers' convert_slow_tokenizer.py) as tokenizers serialises it."""
    split = r"""'s|'t|'re|'ve|'m|'ll|'d|[\p{L}]+|[\p{N}]|[^\s\p{L}\p{N}]+"""
    return {
        "version": "1.0", "truncation": None, "padding": None,
        "added_tokens": _added([(vocab[tok.BOS], tok.BOS), (vocab[tok.EOS], tok.EOS)], True),
        "normalizer": {"type": "Sequence", "normalizers": [
            {"type": "NFC"}, {"type": "Replace", "pattern": {"Regex": r"\s+"}, "content": " "}, {"type": "Lowercase"}]},
        "pre_tokenizer": {"type": "Sequence", "pretokenizers": [
            {"type": "Split", "pattern": {"Regex": split}, "behavior": "Removed", "invert": True},
            {"type": "ByteLevel", "add_prefix_space": False, "trim_offsets": True, "use_regex": True}]},
        "post_processor": {"type": "RobertaProcessing", "sep": [tok.EOS, vocab[tok.EOS]], "cls": [tok.BOS, vocab[tok.BOS]],
                           "trim_offsets": False, "add_prefix_space": False},
        "decoder": {"type": "ByteLevel", "add_prefix_space": True, "trim_offsets": True, "use_regex": True},
        "model": {"type": "BPE", "dropout": None, "unk_token": tok.EOS, "continuing_subword_prefix": "",
                  "end_of_word_suffix": "</w>", "fuse_unk": False, "byte_fallback": False, "ignore_merges": False,
                  "vocab": vocab, "merges": [f"{a} {b}" for a, b in tok.clip_merges()]},
    }


def t5_fast() -> dict:
    specials = list(enumerate(tok.T5_SPECIALS))
    eos = tok.T5_SPECIALS.index("</s>")
    return {
        "version": "1.0", "truncation": None, "padding": None, "added_tokens": _added(specials, False),
        "normalizer": {"type": "Replace", "pattern": {"Regex": " {2,}"}, "content": " "},
        "pre_tokenizer": {"type": "Metaspace", "replacement": tok.SPACE, "prepend_scheme": "always", "split": True},
        "post_processor": {
            "type": "TemplateProcessing",
            "single": [{"Sequence": {"id": "A", "type_id": 0}}, {"SpecialToken": {"id": "</s>", "type_id": 0}}],
            "pair": [{"Sequence": {"id": "A", "type_id": 0}}, {"SpecialToken": {"id": "</s>", "type_id": 0}},
                     {"Sequence": {"id": "B", "type_id": 0}}, {"SpecialToken": {"id": "</s>", "type_id": 0}}],
            "special_tokens": {"</s>": {"id": "</s>", "ids": [eos], "tokens": ["</s>"]}},
        },
        "decoder": {"type": "Metaspace", "replacement": tok.SPACE, "prepend_scheme": "always", "split": True},
        "model": {"type": "Unigram", "unk_id": tok.T5_SPECIALS.index("<unk>"), "vocab": [list(p) for p in tok.t5_vocab()],
                  "byte_fallback": False},
    }


def write_tokenizers(out: Path, clip_len: int, t5_len: int) -> None:
    vocab = tok.clip_vocab()
    merges = "#version: 0.2\n" + "".join(f"{a} {b}\n" for a, b in tok.clip_merges())
    _write(out / "tokenizer" / "vocab.json", vocab)
    (out / "tokenizer" / "merges.txt").write_text(merges)
    _write(out / "tokenizer" / "tokenizer_config.json", clip_config(tok.EOS, clip_len))
    specials = {"bos_token": tok.BOS, "eos_token": tok.EOS, "unk_token": tok.EOS, "pad_token": tok.EOS}
    _write(out / "tokenizer" / "special_tokens_map.json", specials)
    _write(out / "tokenizer_2" / "tokenizer.json", clip_fast(vocab))
    _write(out / "tokenizer_2" / "tokenizer_config.json", clip_config("!", clip_len))
    _write(out / "tokenizer_3" / "tokenizer.json", t5_fast())
    t5_config = {"tokenizer_class": "T5Tokenizer", "model_max_length": t5_len, "eos_token": "</s>",
                 "unk_token": "<unk>", "pad_token": "<pad>", "extra_ids": 0}
    _write(out / "tokenizer_3" / "tokenizer_config.json", t5_config)
