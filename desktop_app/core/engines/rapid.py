"""The embedded offline engine: RapidOCR 3.x with the PP-OCRv6 models its wheel carries.

RapidOCR's own pipeline shrinks a whole image to 2000 px on its long side before detection *and* recognition,
which wipes out the text of a long phone screenshot. Here detection runs on overlapping strips at a moderate
scale, recognition runs on crops cut from the full-resolution image, and the page layout (skew, columns,
reading order) is worked out from the boxes by :mod:`desktop_app.core.layout`.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image

from desktop_app.core.cancel import CancelToken
from desktop_app.core.engines.base import EngineUnavailable
from desktop_app.core.engines.rapid_labels import LabelReader
from desktop_app.core.engines.rapid_lines import (
    curved_crop,
    pad_box,
    reads_a_neighbour,
    typical_line_height,
)
from desktop_app.core.engines.rapid_models import MODEL_FILES, build, recognize
from desktop_app.core.engines.rapid_strips import dedupe_overlap, strip_bounds
from desktop_app.core.layout import RawBox, arrange_lines
from desktop_app.core.layout.curl import find_curl
from desktop_app.core.layout.page import find_page
from desktop_app.core.messages import CoreMessage, joined
from desktop_app.core.ocr_types import OcrResult


@dataclass(frozen=True)
class RapidSettings:
    #: height of a detection strip, in detector pixels
    det_tile: int = 2048
    #: pixels of the quick probe that measures the text size
    probe_pixels: int = 600_000
    #: detector pixels a text line's box should be tall (the detector misses lines below ~14)
    det_line_px: float = 21.0
    #: small print is enlarged for the detector up to this factor (12-px type: lines must come out separate)
    max_det_scale: float = 1.25
    #: ... and only while the enlarged picture (a long screenshot: a strip of it) stays under this many pixels
    max_upscaled_pixels: int = 3_200_000
    #: lines whose mean confidence is below this are dropped as noise (they are never dose text: see layout)
    min_line_score: float = 0.3
    rec_batch: int = 8
    #: find the paper in a photo and straighten it before reading (tilt, keystone)
    find_page: bool = True
    #: lay the lines of a curled page flat (layout/curl.py)
    flatten_curl: bool = True
    threads: int = 0  # 0: onnxruntime decides
    #: read unsure short lines again against the known header labels (engines/rapid_labels.py)
    read_labels: bool = True
    #: "openvino", "onnxruntime", or "auto": OpenVINO where it loads (the same ONNX models, about twice as
    #: fast here), else onnxruntime
    backend: str = "auto"


class RapidEngine:
    name = "rapidocr"

    def __init__(self, settings: RapidSettings | None = None, models_dir: Path | None = None) -> None:
        self.settings = settings or RapidSettings()
        self._models_override = models_dir
        self._lock = threading.Lock()
        self._ocr: Any = None
        self._version = ""
        #: the inference library the models run on, once loaded
        self.backend = ""
        #: what the last read did (detection scale, strips, boxes, rotation): for benchmarks and tests
        self.last_stats: dict[str, float] = {}
        self._strip_count = 0
        self._label_reader: LabelReader | None = None
        self._relabelled: list[str] = []

    # -- setup ---------------------------------------------------------------------------------------------

    def _models_dir(self) -> Path:
        if self._models_override is not None:
            return self._models_override
        try:
            import rapidocr
        except ImportError as exc:  # pragma: no cover - a broken install
            raise EngineUnavailable(CoreMessage("engine.rapid_missing")) from exc
        return Path(rapidocr.__file__).parent / "models"

    def _load(self) -> Any:
        with self._lock:
            if self._ocr is not None:
                return self._ocr
            import rapidocr
            from rapidocr import RapidOCR

            models = self._models_dir()
            missing = [f for f in MODEL_FILES.values() if not (models / f).is_file()]
            if missing:
                # RapidOCR would try to download them: we never fetch anything at run time.
                raise EngineUnavailable(CoreMessage("engine.rapid_models_missing", files="、".join(missing)))
            params: dict[str, Any] = {"Global.log_level": "warning", "Global.use_cls": False}
            for part, fname in MODEL_FILES.items():
                params[f"{part}.model_path"] = str(models / fname)
            params["Det.limit_type"] = "max"
            params["Det.use_dilation"] = False
            params["Det.limit_side_len"] = 100_000  # we scale the tiles ourselves
            params["Rec.rec_batch_num"] = self.settings.rec_batch
            if self.settings.threads:
                params["EngineConfig.onnxruntime.intra_op_num_threads"] = self.settings.threads
            backends = (
                ["openvino", "onnxruntime"] if self.settings.backend == "auto" else [self.settings.backend]
            )
            for i, backend in enumerate(backends):
                try:
                    ocr = build(RapidOCR, params, backend)
                except Exception:
                    if i == len(backends) - 1:
                        raise
                    continue  # OpenVINO missing or refusing this CPU: the same models on onnxruntime
                self.backend = backend
                break
            self._ocr = ocr
            self._version = getattr(rapidocr, "__version__", "") or _dist_version("rapidocr")
            return ocr

    def load(self, progress: Callable[[float, str], None] | None = None) -> None:
        """Load the models now (the first read would otherwise do it)."""
        if progress:
            progress(0.0, CoreMessage("engine.loading_builtin"))
        self._load()
        if progress:
            progress(1.0, CoreMessage("engine.builtin_ready"))

    def describe(self) -> dict[str, str]:
        return {
            "engine": "RapidOCR（内置 CPU 引擎）",
            "version": self._version or _dist_version("rapidocr"),
            "model": "PP-OCRv6 small (det + rec)",
            "device": "CPU" + (f"（{self.backend}）" if self.backend else ""),
        }

    # -- reading -------------------------------------------------------------------------------------------

    def read(self, image: Image.Image, cancel: CancelToken | None = None) -> OcrResult:
        start = time.perf_counter()
        ocr = self._load()
        rgb = image.convert("RGB") if image.mode != "RGB" else image
        bgr = np.ascontiguousarray(np.asarray(rgb)[:, :, ::-1])
        bgr, rotation, probe = self._orient(ocr, bgr, cancel)
        h, w = bgr.shape[:2]
        page = find_page(bgr, probe[1]) if self.settings.find_page else None
        if page is not None:
            # read the straightened page; positions are mapped back to the photo below
            photo, bgr = bgr, page.warp(bgr)
            probe = self._probe(ocr, bgr, cancel)  # text sizes measured on the tilted page are off
            curl = (
                find_curl(bgr, probe[1], typical_line_height(probe[1]))
                if self.settings.flatten_curl
                else None
            )
            if curl is not None:
                # the text sizes hold on the flattened page, the boxes do not: detection runs afresh
                page = replace(page, curl=curl)
                bgr = page.warp(photo)
        self._relabelled = []
        boxes = self._detect(ocr, bgr, probe, cancel, reuse_probe=page is None or page.curl is None)
        if cancel:
            cancel.raise_if_cancelled()
        raw = self._recognize(ocr, bgr, boxes, cancel)
        raw = [b for b in raw if (b.score >= self.settings.min_line_score or b.lexicon) and b.text.strip()]
        lines, warnings = arrange_lines(raw)
        if page is not None:
            lines = [page.line_to_photo(line) for line in lines]
        self.last_stats["rotation"] = rotation
        self.last_stats["page_warped"] = float(page is not None)
        self.last_stats["curl_flattened"] = float(page is not None and page.curl is not None)
        if rotation:
            warnings.insert(0, CoreMessage("engine.rotated", rotation=rotation))
        if self._relabelled:
            warnings.append(
                CoreMessage("review.header_relabelled", headers=joined(self._relabelled, sep="、"))
            )
        return OcrResult(
            engine=self.name,
            engine_version=self._version,
            model="PP-OCRv6_det_small+PP-OCRv6_rec_small",
            width=w,
            height=h,
            lines=lines,
            seconds=time.perf_counter() - start,
            warnings=warnings,
            rotation=rotation,
        )

    def _labels(self, ocr: Any) -> LabelReader:
        if self._label_reader is None:
            from desktop_app.core.sections import header_labels

            self._label_reader = LabelReader(ocr.text_rec, header_labels())
        return self._label_reader

    def _probe(self, ocr: Any, bgr: np.ndarray, cancel: CancelToken | None) -> tuple[float, list[np.ndarray]]:
        h, w = bgr.shape[:2]
        scale = min(1.0, (self.settings.probe_pixels / (w * h)) ** 0.5)
        return scale, self._detect_at(ocr, bgr, scale, cancel)

    def _orient(
        self, ocr: Any, bgr: np.ndarray, cancel: CancelToken | None
    ) -> tuple[np.ndarray, int, tuple[float, list[np.ndarray]]]:
        """Turn a sideways or upside-down page upright: (image, degrees turned clockwise, probe boxes).

        Sideways: most text boxes are taller than wide. Upside down: the direction classifier says most lines
        are turned 180 degrees.
        """
        probe = self._probe(ocr, bgr, cancel)
        rotation = 0
        boxes = probe[1]
        tall = sum(1 for b in boxes if np.linalg.norm(b[3] - b[0]) > 1.5 * np.linalg.norm(b[1] - b[0]))
        if len(boxes) >= 3 and tall >= 0.6 * len(boxes):
            bgr = np.ascontiguousarray(np.rot90(bgr, k=-1))  # 90 degrees clockwise
            rotation = 90
            probe = self._probe(ocr, bgr, cancel)
        if self._upside_down(ocr, bgr, probe[1]):
            bgr = np.ascontiguousarray(np.rot90(bgr, k=2))
            rotation = (rotation + 180) % 360
            probe = self._probe(ocr, bgr, cancel)
        return bgr, rotation, probe

    def _upside_down(self, ocr: Any, bgr: np.ndarray, boxes: list[np.ndarray]) -> bool:
        from rapidocr.utils.process_img import get_rotate_crop_image

        wide = [b for b in boxes if np.linalg.norm(b[1] - b[0]) > 2 * np.linalg.norm(b[3] - b[0])]
        if len(wide) < 3:
            return False
        sample = wide[:: max(1, len(wide) // 16)][:16]
        crops = [get_rotate_crop_image(bgr, pad_box(b, bgr.shape)) for b in sample]
        res = ocr._load_cls_model()(crops)
        flipped = sum(1 for label, score in res.cls_res if label == "180" and score > 0.8)
        return flipped > 0.6 * len(crops)

    def _detect(
        self,
        ocr: Any,
        bgr: np.ndarray,
        probe: tuple[float, list[np.ndarray]],
        cancel: CancelToken | None,
        reuse_probe: bool = True,
    ) -> list[np.ndarray]:
        """Boxes (4x2 float arrays, full-resolution pixels).

        A quick probe at low resolution measures how tall the text is; detection then runs at the scale that
        makes a line about ``det_line_px`` detector pixels tall (the detector needs no more, and its cost grows
        faster than the pixel count), in overlapping strips so a long screenshot is never shrunk as a whole.
        """
        s = self.settings
        probe_scale, probe_boxes = probe
        if len(probe_boxes) >= 3:
            typical = typical_line_height(probe_boxes)
            line_px = typical or float(np.median([np.linalg.norm(b[3] - b[0]) for b in probe_boxes]))
            scale = min(s.max_det_scale, max(probe_scale, s.det_line_px / max(line_px, 1.0)))
            if scale > 1.0:
                # enlarging costs the square of the scale: only small pictures are enlarged all the way
                h, w = bgr.shape[:2]
                scale = max(1.0, min(scale, (s.max_upscaled_pixels / (w * min(h, 2 * w))) ** 0.5))
        else:
            scale = min(1.0, max(probe_scale * 2, s.det_line_px / 40))  # little or no text found: look closer
        if reuse_probe and scale <= probe_scale * 1.15 and len(probe_boxes) >= 3:
            scale = probe_scale
            boxes = probe_boxes
        else:
            boxes = self._detect_at(ocr, bgr, scale, cancel)
        self.last_stats = {
            "det_scale": round(scale, 3),
            "strips": self._strip_count,
            "boxes": len(boxes),
        }
        return boxes

    def _strip_height(self, width: int, scale: float) -> int:
        return max(int(self.settings.det_tile / scale), width // 2, 64)

    def _detect_at(
        self, ocr: Any, bgr: np.ndarray, scale: float, cancel: CancelToken | None
    ) -> list[np.ndarray]:
        import cv2

        h, w = bgr.shape[:2]
        strips = strip_bounds(h, self._strip_height(w, scale), overlap=max(96, int(0.06 * w)))
        self._strip_count = len(strips)
        det = ocr.text_det
        found: list[tuple[int, float, np.ndarray]] = []  # (strip, distance from a cut edge of it, box)
        for i, (y0, y1) in enumerate(strips):
            if cancel:
                cancel.raise_if_cancelled()
            tile = bgr[y0:y1]
            th, tw = tile.shape[:2]
            sw, sh = max(32, round(tw * scale / 32) * 32), max(32, round(th * scale / 32) * 32)
            small = cv2.resize(tile, (sw, sh), interpolation=cv2.INTER_AREA) if (sw, sh) != (tw, th) else tile
            res = det(small)
            if res.boxes is None:
                continue
            fx, fy = tw / sw, th / sh
            top_cut, bottom_cut = i > 0, i < len(strips) - 1
            for box in res.boxes:
                pts = np.array(box, dtype=np.float32) * np.array([fx, fy], dtype=np.float32)
                room = min(
                    float(pts[:, 1].min()) if top_cut else np.inf,
                    float(th - pts[:, 1].max()) if bottom_cut else np.inf,
                )
                pts[:, 1] += y0
                found.append((i, room, pts))
        return dedupe_overlap(found)

    def _recognize(
        self, ocr: Any, bgr: np.ndarray, boxes: list[np.ndarray], cancel: CancelToken | None
    ) -> list[RawBox]:
        import cv2
        from rapidocr.utils.process_img import get_rotate_crop_image

        crops = [get_rotate_crop_image(bgr, pad_box(b, bgr.shape)) for b in boxes]
        # long lines on curled paper are also cut out along their curve; whichever reading the recogniser is
        # surer of is kept (following the curve can slip onto a neighbouring line, and then reads worse)
        line_h = typical_line_height(boxes)
        curved: dict[int, np.ndarray] = {}
        if line_h:
            gray = cv2.cvtColor(bgr, cv2.COLOR_BGR2GRAY)
            for i, b in enumerate(boxes):
                crop = curved_crop(gray, bgr, b, line_h)
                if crop is not None:
                    curved[i] = crop
        along = dict(zip(curved, recognize(ocr, list(curved.values())), strict=True)) if curved else {}
        reads: list[tuple[str, float, tuple[float, ...]]] = []
        chunk = 48  # recognise in chunks so a cancel request is honoured within a second or two
        for start in range(0, len(crops), chunk):
            if cancel:
                cancel.raise_if_cancelled()
            reads.extend(recognize(ocr, crops[start : start + chunk]))
        out: list[RawBox] = []
        for i, read in enumerate(reads):
            alt = along.get(i)
            if (
                alt is not None
                and alt[1] > read[1]
                and not reads_a_neighbour(alt[0], i, boxes, reads, line_h)
            ):
                read = alt
            text, score, confs = read
            out.append(RawBox(text=text, score=score, box=boxes[i], char_conf=confs))
        if not self.settings.read_labels:
            return out
        out, changes = self._labels(ocr).relabel(out, crops)
        self._relabelled = changes
        return out


def _dist_version(name: str) -> str:
    try:
        from importlib.metadata import version

        return version(name)
    except Exception:
        return ""
