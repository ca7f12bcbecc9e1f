"""RapidOCR's models as the embedded engine uses them: built on OpenVINO or onnxruntime with our detector
post-processing, and the recogniser called on a batch of crops (text, score, per-character confidences)."""

from __future__ import annotations

from typing import Any

import numpy as np

from desktop_app.core.engines.rapid_lines import LineSeparatingPost

MODEL_FILES = {
    "Det": "PP-OCRv6_det_small.onnx",
    "Rec": "PP-OCRv6_rec_small.onnx",
    "Cls": "ch_ppocr_mobile_v2.0_cls_mobile.onnx",
}


def build(factory: Any, params: dict[str, Any], backend: str) -> Any:
    """A RapidOCR with its detector and recogniser loaded on ``backend``."""
    from rapidocr import EngineType

    kind = EngineType.OPENVINO if backend == "openvino" else EngineType.ONNXRUNTIME
    ocr = factory(params={**params, **{f"{part}.engine_type": kind for part in MODEL_FILES}})
    det: Any = ocr._load_det_model()
    det.postprocess_op = LineSeparatingPost(det.postprocess_op)
    # list mean and std make every detector pixel float64: the same values in float32, half the work
    det.mean, det.std = (
        np.asarray(v if v is not None else [0.5] * 3, np.float32) for v in (det.mean, det.std)
    )
    ocr._load_rec_model()
    return ocr


def recognize(ocr: Any, crops: list[np.ndarray]) -> list[tuple[str, float, tuple[float, ...]]]:
    from rapidocr.ch_ppocr_rec import TextRecInput

    res = ocr.text_rec(TextRecInput(img=crops, return_word_box=True))
    out = []
    for j, (text, score) in enumerate(zip(res.txts, res.scores, strict=True)):
        confs = tuple(float(c) for c in getattr(res.word_results[j], "confs", ()) or ())
        if len(confs) != len(text):
            confs = (float(score),) * len(text)
        out.append((text, float(score), confs))
    return out
