"""The vendor's task prompts, by model version.

HunyuanOCR 1.5 (the root of ``tencent/HunyuanOCR`` since July 2026) fixes 12 task prompts and warns that edited
prompts degrade quality; 1.0 (archived under ``v1.0/``) had its own wording for some tasks. Document parse and
text spotting read the same in both; the translation prompt differs. A checkpoint whose version cannot be told
gets 1.5's prompts (what a download gets today). Prompts are verbatim: never edit them.
"""

from __future__ import annotations

from dataclasses import dataclass

# Document parse to markdown in reading order (1.0 and 1.5: ``doc_parse``).
DOC_PARSE_PROMPT = (
    "提取文档图片中正文的所有信息用markdown格式表示，其中页眉、页脚部分忽略，表格用html格式表达，"
    "文档中公式用latex格式表示，按照阅读顺序组织进行解析。"
)
# Text spotting, ``text(x1,y1),(x2,y2)`` in 0-1000 (1.0 and 1.5: ``spotting_hunyuan``).
SPOTTING_PROMPT = "检测并识别图片中的文字，将文本坐标格式化输出。"
# Translation to English: 1.0's prompt, and 1.5's ``trans_other2en``.
TRANSLATE_PROMPT_V1_0 = (
    "先提取文字，再将文字内容翻译为英文。若是文档，则其中页眉、页脚忽略。"
    "公式用latex格式表示，表格用html格式表示。"
)
TRANSLATE_PROMPT_V1_5 = (
    "按照阅读顺序，提取图中文字，公式用latex格式表示，表格用markdown格式表示，再将文字内容翻译为英文。"
)


@dataclass(frozen=True)
class TaskPrompts:
    family: str  # "1.0" | "1.5": whose wording these are
    doc_parse: str
    spotting: str
    translate: str


PROMPTS_V1_0 = TaskPrompts("1.0", DOC_PARSE_PROMPT, SPOTTING_PROMPT, TRANSLATE_PROMPT_V1_0)
PROMPTS_V1_5 = TaskPrompts("1.5", DOC_PARSE_PROMPT, SPOTTING_PROMPT, TRANSLATE_PROMPT_V1_5)


def prompts_for(version: str | None) -> TaskPrompts:
    """The prompts for a checkpoint version ("1.0", "1.5", "unknown", ...): 1.0's for 1.0.x, else 1.5's."""
    v = (version or "").strip().lower().lstrip("v")
    if v == "1" or v == "1.0" or v.startswith("1.0."):
        return PROMPTS_V1_0
    return PROMPTS_V1_5
