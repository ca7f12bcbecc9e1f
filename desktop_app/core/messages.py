"""Messages from the core that the UI shows in its own language: a message code and its arguments.

A ``CoreMessage`` is a ``str`` - the Chinese text, so the CLI, logs and exports use it as they always did -
that also carries ``code`` and ``args``; the desktop app renders ``TEMPLATES[code]`` in the UI language
(ui/core_text.py). Stored with a record (its warnings, its reading error) as ``{"code", "args", "text"}``.

An argument may itself be a CoreMessage (the reason inside "HunyuanOCR 未使用：{reason}", the note inside
"第 2 张图片：{note}"): it keeps its code (stored as a nested ``{"code", "args", "text"}``) and is rendered in
the UI language too. Section names are passed with their canonical keys (``section_keys``, ``header_key``)
so that the UI can name them in its language.
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
    # a note of one image of a multi-page record: {note} is the image's own message (its code kept)
    "pages.on_page": "第 {page} 张图片：{note}",
    "engine.primary_unavailable": "{primary} 未使用：{reason}；已由{fallback}识别",
    "engine.primary_failed": "{primary} 未能识别此图：{reason}；已由{fallback}识别",
    "label.hunyuan": "HunyuanOCR",
    "label.hunyuan_service": "HunyuanOCR 服务",
    "label.builtin": "内置 CPU 引擎",
    "label.unavailable": "不可用",
    "review.relabel_item": "{header}（原读作“{read}”）",
    "engine.no_remote_url": "未设置 HunyuanOCR 服务地址（--remote-url 或环境变量 {env}）",
    "engine.no_model_hint": (
        "未找到 HunyuanOCR 模型文件（用 `python main.py model import 文件夹` 导入，或 `python main.py model download` 下载）"
    ),
    "engine.rotated": "图片方向不正，已旋转 {rotation}° 后识别",
    # HunyuanOCR: loading the model, the local run, the HTTP service (engines/hunyuan_*.py)
    "model.no_folder": "文件夹不存在：{path}",
    "model.no_config": "缺少 config.json",
    "model.bad_file": "{file} 无法读取：{error}",
    "model.not_hunyuan": "config.json 的 model_type 不是 hunyuan_vl（是 {found}），不是 HunyuanOCR 模型",
    "model.no_weights": "缺少权重文件（*.safetensors）",
    "model.missing_shards": "缺少权重分片：{files}",
    "model.no_tokenizer": "缺少分词器文件（tokenizer.json / tokenizer_config.json）",
    "model.no_processor": "缺少图像处理配置（preprocessor_config.json / processor_config.json）",
    "model.incomplete": "{path} 不是完整的 HunyuanOCR 模型文件夹：{problems}",
    "hunyuan.no_torch": "未安装 PyTorch，无法运行 HunyuanOCR",
    "hunyuan.unknown_dtype": "未知的精度 {dtype}（可选 {choices}）",
    "hunyuan.no_cuda": "没有可用的 CUDA GPU",
    "hunyuan.no_mps": "没有可用的 Apple MPS GPU",
    "hunyuan.unknown_device": "未知的设备 {device}",
    "hunyuan.incomplete_model": "HunyuanOCR 模型文件不完整（{problems}）：{path}",
    "hunyuan.no_chat_template": "HunyuanOCR 模型文件夹里没有对话模板（chat_template.jinja / chat_template.json）：{path}",
    "hunyuan.missing_package": "缺少运行 HunyuanOCR 的软件包：{error}",
    "hunyuan.load_failed": "无法加载 HunyuanOCR 模型（{error}）",
    "hunyuan.loop": "HunyuanOCR 输出陷入重复循环，无法得到可用结果",
    "hunyuan.overflow": "HunyuanOCR 数值溢出（{dtype}），改用 fp32 视觉编码器和较低分辨率后仍无法得到可用结果",
    "hunyuan.overflow_no_encoder": "HunyuanOCR 数值溢出，且找不到视觉编码器以改用 fp32",
    "http.get_timeout": "{url} 等待回答超时",
    "http.post_timeout": "HunyuanOCR 服务 {url} 等待回答超时（{seconds} 秒），未重新发送以免重复识别",
    "http.cannot_connect": "无法连接 {url}（{error}）",
    "http.server_status": "服务返回 {status} {detail}",
    "http.refused": "HunyuanOCR 服务拒绝了请求（HTTP {status}）：{detail}",
    "http.unavailable": "HunyuanOCR 服务不可用：{reason}",
    "http.failed": "HunyuanOCR 服务出错：{reason}",
    "http.interrupted": "HunyuanOCR 服务的回答中断（{error}）",
    "http.not_json": "HunyuanOCR 服务返回的不是 JSON",
    "http.stalled": "HunyuanOCR 服务 {url} 超过 {seconds} 秒没有继续回答，未重新发送以免重复识别",
    "http.bad_answer": "HunyuanOCR 服务的回答格式不对（没有 choices[0].message.content）",
    "http.bad_stream": "HunyuanOCR 服务的流式回答格式不对",
    "http.stream_cut": "HunyuanOCR 服务的回答中断（流式回答没有正常结束）",
    "http.no_models": "HunyuanOCR 服务没有列出任何模型（/v1/models）",
    "http.old_vllm": (
        "HunyuanOCR 服务的 vLLM 版本 {found} 低于 {need}：不同尺寸的图片同批识别时可能串图"
        "（vllm PR #30344），请升级 vLLM；启动参数应包含 {flags}"
    ),
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


#: a list of messages (``joined``): its arguments "0", "1", … are the items, "；"-joined in Chinese
LIST_CODE = "list"


class CoreMessage(str):
    code: str
    args: dict[str, str]

    def __new__(cls, code: str, **args: object) -> CoreMessage:
        text_args = {k: v if isinstance(v, CoreMessage) else str(v) for k, v in args.items()}
        if code == LIST_CODE:
            text = text_args.get("sep", "；").join(list_items(text_args))
        else:
            text = TEMPLATES[code].format(**text_args)
        obj = super().__new__(cls, text)
        obj.code = code
        obj.args = text_args
        return obj

    def to_json(self) -> dict[str, Any]:
        args = {k: v.to_json() if isinstance(v, CoreMessage) else str(v) for k, v in self.args.items()}
        return {"code": self.code, "args": args, "text": str(self)}


def on_page(page: int, note: str) -> CoreMessage:
    """``note`` (a CoreMessage or text) of the ``page``-th image (1-based) of a multi-page record."""
    return CoreMessage("pages.on_page", page=page, note=note if isinstance(note, CoreMessage) else str(note))


def joined(items: Iterable[str], sep: str = "；") -> CoreMessage:
    """Several messages (or texts) as one argument: ``sep``-joined ("；" or "、"), each keeping its code."""
    args: dict[str, object] = {str(i): item for i, item in enumerate(items)}
    if sep != "；":
        args["sep"] = sep
    return CoreMessage(LIST_CODE, **args)


def list_items(args: dict[str, str]) -> list[str]:
    """The items of a ``joined`` message's arguments, in order."""
    return [args[str(i)] for i in range(sum(k.isdigit() for k in args))]


def message_of(exc: BaseException) -> str:
    """An exception's message: the CoreMessage it was raised with (code kept), else its text."""
    first = exc.args[0] if exc.args else None
    return first if isinstance(first, CoreMessage) else str(exc)


def from_json(value: Any) -> str:
    """A stored message: a CoreMessage where its code is known, else its text as it was stored."""
    if isinstance(value, dict):
        code, args = value.get("code"), value.get("args")
        if isinstance(code, str) and (code in TEMPLATES or code == LIST_CODE) and isinstance(args, dict):
            try:
                return CoreMessage(code, **{k: from_json(v) for k, v in args.items()})
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
