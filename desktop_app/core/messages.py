"""Messages from the core that the UI shows in its own language: a message code and its arguments.

A ``CoreMessage`` is a ``str`` - the Chinese text, so the CLI, logs and exports use it as they always did -
that also carries ``code`` and ``args``; the desktop app renders ``TEMPLATES[code]`` in the UI language
(ui/core_text.py). Stored with a record (its warnings, its reading error) as ``{"code", "args", "text"}``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

#: code -> Chinese template (``str.format`` with the message's arguments)
TEMPLATES: dict[str, str] = {
    "review.dose_unsure": "剂量中的“{text}”识别把握不大（{confidence}），请对照原图核对：…{context}…",
    "review.run_in": "“{marker}”前面可能漏了换行，请对照原图核对：…{context}…",
    "review.missing": "未找到以下部分：{sections}",
    "review.header_guessed": "小标题“{read}”未能认清，按说明书各部分的顺序当作【{header}】，请对照原图核对",
    "review.header_relabelled": "字迹模糊的小标题按已知的小标题读出：{headers}，请对照原图核对",
    "engine.fallback": "HunyuanOCR 未使用：{reason}；已使用内置 CPU 引擎",
    "engine.fallback_no_model": "HunyuanOCR 未使用：未找到 HunyuanOCR 模型文件；已使用内置 CPU 引擎",
    "engine.fallback_no_gpu": (
        "HunyuanOCR 未使用：这台电脑没有可用的 GPU（CUDA / Apple MPS），HunyuanOCR 在 CPU 上太慢；已使用内置 CPU 引擎"
    ),
    "reading.cancelled": "已取消识别",
    # why an insert's item names a medicine (core/medication/finder.py)
    "med.name": "{name}（药名）",
    "med.typed_is": "“{typed}”即 {name}（词表）",
    "med.generic_of": "{name} 是 {label} 的通用名（词表）",
    "med.alias_of": "{alias} 是 {name} 的别名（词表）",
    "med.part_of": "{part} 是 {name} 的成份（词表）",
    "med.alias_part_of": "{alias}（{part}）是 {name} 的成份（词表）",
    "med.ingredient_of": "{part} 是 {name} 的成份（成份）",
    "med.alias_ingredient_of": "{alias}（{part}）是 {name} 的成份（成份）",
    "med.belongs_to": "{name} 属于 {group}（词表）",
    "med.part_belongs_to": "{part}（{name} 的成份）属于 {group}（词表）",
    "med.one_off": "“{found}”与 {word} 相差一个字（可能是识别错误）",
    # errors and notes stored with a record (its error, its warnings), and import errors
    "reading.image_copy_unreadable": "无法读取已保存的图片副本：{reason}",
    "reading.out_of_memory": "内存不足，无法读取这张图片",
    "reading.program_error": "识别时程序出错（{name}），详情已写入日志",
    "image.directory": "这是一个文件夹，不是图片文件：{path}",
    "image.file_too_large": "文件太大（{size} MB），不像是说明书图片：{path}",
    "image.file_too_large_read": "文件太大，不像是说明书图片：{path}",
    "image.missing": "找不到文件：{path}",
    "image.permission": "没有权限读取文件（可能被其他程序占用）：{path}",
    "image.unreadable": "无法读取文件：{path}（{reason}）",
    "image.timeout": "打开文件超时（可能被其他程序占用或在网络盘上）：{path}",
    "image.fifo": "这不是普通文件，而是管道文件（FIFO），没有读取：{path}",
    "image.socket": "这不是普通文件，而是套接字文件，没有读取：{path}",
    "image.device": "这不是普通文件，而是设备文件，没有读取：{path}",
    "image.special": "这不是普通文件，而是特殊文件，没有读取：{path}",
    "image.empty": "文件是空的（0 字节）",
    "image.pdf": "这是 PDF 文件：请导出为图片后再导入",
    "image.heic": "不支持 HEIC 格式：请在手机上另存为 JPG 后再导入",
    "image.avif": "不支持 AVIF 格式：请在手机上另存为 JPG 后再导入",
    "image.unsupported": "不支持 {format} 格式：请另存为 JPG 或 PNG 后再导入",
    "image.not_image": "不是图片文件",
    "image.out_of_memory": "图片太大，内存不足，无法读取",
    "image.truncated": "图片文件不完整（可能还在下载或传输中断）",
    "image.damaged": "图片文件已损坏，无法读取（{format}）",
    "image.too_many_pixels": "图片尺寸过大（约 {megapixels} 百万像素），为安全起见没有读取",
    "image.odd_size": "图片尺寸过大（尺寸异常），为安全起见没有读取",
    "image.over_limit": "图片尺寸过大（{width}×{height}，约 {megapixels} 百万像素，上限 {limit} 百万），为安全起见没有读取",
    "image.first_frame": "动图只读取了第一帧",
    "image.tiff_pages": "多页 TIFF（共 {frames} 页）只读取了第一页",
    "image.frames": "文件包含 {frames} 张图片，只读取了第一张",
    "image.wrong_extension": "文件扩展名 {ext} 与实际格式 {format} 不符，已按实际格式读取",
    "image.rotated": "已按EXIF方向旋转",
    "image.bad_exif": "EXIF 方向信息有误，未旋转",
    "image.cmyk": "CMYK 图像已转换为 RGB",
    "image.deep_gray": "高位深灰度图像已转换为 8 位",
    "image.transparent": "透明背景已填充为白色",
    "engine.loading_builtin": "正在加载内置识别模型",
    "engine.builtin_ready": "内置识别模型已就绪",
    "engine.hunyuan_ready": "HunyuanOCR 已就绪",
    "engine.detecting_device": "检测设备",
    "engine.importing_transformers": "导入 transformers",
    "engine.loading_processor": "加载分词器与图像处理器",
    "engine.loading_weights": "加载模型权重（{dtype}）",
    "engine.moving_to": "移到 {device}",
    "engine.rapid_missing": "内置识别引擎 RapidOCR 未安装（pip install rapidocr onnxruntime）",
    "engine.rapid_models_missing": "内置识别引擎缺少模型文件（{files}），请重新安装 rapidocr 软件包",
    "engine.timeout": "HunyuanOCR 超时：超过了每张图 {budget} 秒的时间预算",
    "engine.out_of_memory": "HunyuanOCR 内存不足：这张图太大，无法在这台电脑上识别",
    "engine.gpu_out_of_memory": "HunyuanOCR 显存不足（{device}）：这张图太大，无法在这台电脑的 GPU 上识别",
    "engine.vram": "显存不足，无法加载 HunyuanOCR 模型",
    "pages.edits_left_behind": "合并前有 {count} 处修改没有带入（那部分文字跨页或识别结果不同）；拆分后原记录的修改仍在",
    "pages.split_edit_left_behind": "拆分前合并记录上的修改没有带回（那部分文字跨页或识别结果不同）：【{label}】{value}",
    # core.schedule: why 用法用量 gives no schedule suggestion, and what to look at in one
    "schedule.no_text": "没有用法用量的文字",
    "schedule.no_dosage": "这条记录没有用法用量，请按医嘱填写",
    "schedule.range": "用量或次数是一个范围（如 一次1～2片），请按医嘱填写",
    "schedule.alternative": "用法用量中有“{words}”：不止一种用法，请按医嘱填写",
    "schedule.cap": "用法用量中有“{words}”：用量可多可少，请按医嘱填写",
    "schedule.as_needed": "说明书写的是“{words}”服用，不是固定时间，请按医嘱填写",
    "schedule.not_daily": "说明书写的是“{words}”，不是每天固定几次，请按医嘱填写",
    "schedule.no_dose": "没有读到清楚的每次用量（如 一次1片），请按医嘱填写",
    "schedule.several_doses": "用法用量中有几种用量（如成人与儿童、首次与以后），请按医嘱填写",
    "schedule.age_weight": "用量按年龄或体重区分，请按医嘱填写",
    "schedule.or_else": "用法用量中有“或”另一种用法，请按医嘱填写",
    "schedule.times_vary": "一日几次有几种说法，请按医嘱填写",
    "schedule.unsure": "用量中有识别不确定的字“{text}”，请先核对原件",
    "schedule.times_mismatch": "一日{times}次与所写的服药时间不一致，请按医嘱填写",
    "schedule.once_no_time": "一日1次，说明书没有写在什么时间服用，请按医嘱填写",
    "schedule.no_times": "没有写一日几次，请按医嘱填写",
    "schedule.n_times": "一日{times}次，请按医嘱填写服药时间",
    "schedule.empty_stomach": "说明书写有“空腹”，请按需要选择饭前",
    "schedule.food_varies": "饭前、饭后、随餐的说法不止一种，未填，请按医嘱选择",
    "schedule.large_amount": "每次{dose}，用量较大，请核对原件",
    "pdf.encrypted": "PDF 文件有密码保护，无法打开：请去掉密码后再导入",
    "pdf.damaged": "PDF 文件已损坏或不完整，无法读取",
    "pdf.no_pages": "PDF 文件里没有页面",
    "pdf.too_many_pages": "PDF 共 {pages} 页，超过 {limit} 页的上限，不像是一份说明书：请只保留说明书的几页再导入",
    "pdf.page_unreadable": "PDF 第 {page} 页已损坏，无法读取",
    "pdf.page_too_large": "PDF 的页面太大（{width}×{height} 厘米），不像是说明书，没有读取",
    "pdf.large_page": "PDF 第 {page} 页很大，按 {dpi} dpi 渲染",
    "pdf.scanned_page": "PDF 第 {page} 页没有文字层（扫描件），已识别页面图像",
    "pdf.invisible_text": "PDF 第 {page} 页只有扫描件附带的隐藏文字，未采用，已识别页面图像",
    "pdf.garbled_text": "PDF 第 {page} 页的文字层无法解码（乱码），已识别页面图像",
    "pdf.layer_unverified": "这张 PNG 带有无法验证的 PDF 文字层（不是本程序为这幅图写的），未采用，已按图片识别",
}


class CoreMessage(str):
    code: str
    args: dict[str, str]

    def __new__(cls, code: str, **args: object) -> CoreMessage:
        text_args = {k: str(v) for k, v in args.items()}
        obj = super().__new__(cls, TEMPLATES[code].format(**text_args))
        obj.code = code
        obj.args = text_args
        return obj

    def to_json(self) -> dict[str, Any]:
        return {"code": self.code, "args": self.args, "text": str(self)}


def message_of(exc: BaseException) -> str:
    """An exception's message: the CoreMessage it was raised with (code kept), else its text."""
    first = exc.args[0] if exc.args else None
    return first if isinstance(first, CoreMessage) else str(exc)


def from_json(value: Any) -> str:
    """A stored message: a CoreMessage where its code is known, else its text as it was stored."""
    if isinstance(value, dict):
        code, args = value.get("code"), value.get("args")
        if isinstance(code, str) and code in TEMPLATES and isinstance(args, dict):
            try:
                return CoreMessage(code, **args)
            except (KeyError, IndexError, ValueError):
                pass
        return str(value.get("text", ""))
    return str(value)


def to_json_text(messages: Iterable[str]) -> str:
    """The JSON list stored for ``messages`` (codes kept)."""
    return json.dumps(
        [m.to_json() if isinstance(m, CoreMessage) else str(m) for m in messages], ensure_ascii=False
    )


def stored_text(message: str) -> str:
    """A record's error as stored in its text column: JSON for a CoreMessage, else the text itself."""
    return json.dumps(message.to_json(), ensure_ascii=False) if isinstance(message, CoreMessage) else message


def from_stored_text(text: str | None) -> str | None:
    if text and text.startswith('{"code"'):
        try:
            return from_json(json.loads(text))
        except ValueError:
            return text
    return text
