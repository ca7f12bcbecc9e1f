"""Core messages (core/messages.py) in the UI language: each code's Chinese template is a message of the
"CoreMessage" translation context, filled in with the message's arguments."""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

from PySide6.QtCore import QT_TRANSLATE_NOOP as _QT_TRANSLATE_NOOP
from PySide6.QtCore import QCoreApplication

from desktop_app.core.messages import LIST_CODE, TEMPLATES, CoreMessage, list_items
from desktop_app.ui.section_names import english_mode, join_names, section_label, section_name

# typed as what it is (it returns its text); lupdate reads the calls below by this name
QT_TRANSLATE_NOOP = cast(Callable[[str, str], str], _QT_TRANSLATE_NOOP)

# lupdate reads these: the same templates as core.messages.TEMPLATES (a test checks that they match)
UI_TEMPLATES: dict[str, str] = {
    "review.dose_unsure": QT_TRANSLATE_NOOP(
        "CoreMessage", "剂量中的“{text}”识别把握不大（{confidence}），请对照原图核对：…{context}…"
    ),
    "review.run_in": QT_TRANSLATE_NOOP(
        "CoreMessage", "“{marker}”前面可能漏了换行，请对照原图核对：…{context}…"
    ),
    "review.missing": QT_TRANSLATE_NOOP("CoreMessage", "未找到以下部分：{sections}"),
    "review.header_guessed": QT_TRANSLATE_NOOP(
        "CoreMessage", "小标题“{read}”未能认清，按说明书各部分的顺序当作【{header}】，请对照原图核对"
    ),
    "review.header_relabelled": QT_TRANSLATE_NOOP(
        "CoreMessage", "字迹模糊的小标题按已知的小标题读出：{headers}，请对照原图核对"
    ),
    "engine.fallback": QT_TRANSLATE_NOOP("CoreMessage", "HunyuanOCR 未使用：{reason}；已使用内置 CPU 引擎"),
    "engine.fallback_no_model": QT_TRANSLATE_NOOP(
        "CoreMessage", "HunyuanOCR 未使用：未找到 HunyuanOCR 模型文件；已使用内置 CPU 引擎"
    ),
    "engine.fallback_no_gpu": QT_TRANSLATE_NOOP(
        "CoreMessage",
        "HunyuanOCR 未使用：这台电脑没有可用的 GPU（CUDA / Apple MPS），HunyuanOCR 在 CPU 上太慢；已使用内置 CPU 引擎",
    ),
    "reading.cancelled": QT_TRANSLATE_NOOP("CoreMessage", "已取消识别"),
    "pages.on_page": QT_TRANSLATE_NOOP("CoreMessage", "第 {page} 张图片：{note}"),
    "engine.primary_unavailable": QT_TRANSLATE_NOOP(
        "CoreMessage", "{primary} 未使用：{reason}；已由{fallback}识别"
    ),
    "engine.primary_failed": QT_TRANSLATE_NOOP(
        "CoreMessage", "{primary} 未能识别此图：{reason}；已由{fallback}识别"
    ),
    "label.hunyuan": QT_TRANSLATE_NOOP("CoreMessage", "HunyuanOCR"),
    "label.hunyuan_service": QT_TRANSLATE_NOOP("CoreMessage", "HunyuanOCR 服务"),
    "label.builtin": QT_TRANSLATE_NOOP("CoreMessage", "内置 CPU 引擎"),
    "label.unavailable": QT_TRANSLATE_NOOP("CoreMessage", "不可用"),
    "engine.rotated": QT_TRANSLATE_NOOP("CoreMessage", "图片方向不正，已旋转 {rotation}° 后识别"),
    "hunyuan.no_torch": QT_TRANSLATE_NOOP("CoreMessage", "未安装 PyTorch，无法运行 HunyuanOCR"),
    "hunyuan.unknown_dtype": QT_TRANSLATE_NOOP("CoreMessage", "未知的精度 {dtype}（可选 {choices}）"),
    "hunyuan.no_cuda": QT_TRANSLATE_NOOP("CoreMessage", "没有可用的 CUDA GPU"),
    "hunyuan.no_mps": QT_TRANSLATE_NOOP("CoreMessage", "没有可用的 Apple MPS GPU"),
    "hunyuan.unknown_device": QT_TRANSLATE_NOOP("CoreMessage", "未知的设备 {device}"),
    "hunyuan.incomplete_model": QT_TRANSLATE_NOOP(
        "CoreMessage", "HunyuanOCR 模型文件不完整（{problems}）：{path}"
    ),
    "hunyuan.no_chat_template": QT_TRANSLATE_NOOP(
        "CoreMessage",
        "HunyuanOCR 模型文件夹里没有对话模板（chat_template.jinja / chat_template.json）：{path}",
    ),
    "hunyuan.missing_package": QT_TRANSLATE_NOOP("CoreMessage", "缺少运行 HunyuanOCR 的软件包：{error}"),
    "hunyuan.load_failed": QT_TRANSLATE_NOOP("CoreMessage", "无法加载 HunyuanOCR 模型（{error}）"),
    "hunyuan.loop": QT_TRANSLATE_NOOP("CoreMessage", "HunyuanOCR 输出陷入重复循环，无法得到可用结果"),
    "hunyuan.overflow": QT_TRANSLATE_NOOP(
        "CoreMessage", "HunyuanOCR 数值溢出（{dtype}），改用 fp32 视觉编码器和较低分辨率后仍无法得到可用结果"
    ),
    "hunyuan.overflow_no_encoder": QT_TRANSLATE_NOOP(
        "CoreMessage", "HunyuanOCR 数值溢出，且找不到视觉编码器以改用 fp32"
    ),
    "http.get_timeout": QT_TRANSLATE_NOOP("CoreMessage", "{url} 等待回答超时"),
    "http.post_timeout": QT_TRANSLATE_NOOP(
        "CoreMessage", "HunyuanOCR 服务 {url} 等待回答超时（{seconds} 秒），未重新发送以免重复识别"
    ),
    "http.cannot_connect": QT_TRANSLATE_NOOP("CoreMessage", "无法连接 {url}（{error}）"),
    "http.server_status": QT_TRANSLATE_NOOP("CoreMessage", "服务返回 {status} {detail}"),
    "http.refused": QT_TRANSLATE_NOOP("CoreMessage", "HunyuanOCR 服务拒绝了请求（HTTP {status}）：{detail}"),
    "http.unavailable": QT_TRANSLATE_NOOP("CoreMessage", "HunyuanOCR 服务不可用：{reason}"),
    "http.failed": QT_TRANSLATE_NOOP("CoreMessage", "HunyuanOCR 服务出错：{reason}"),
    "http.interrupted": QT_TRANSLATE_NOOP("CoreMessage", "HunyuanOCR 服务的回答中断（{error}）"),
    "http.not_json": QT_TRANSLATE_NOOP("CoreMessage", "HunyuanOCR 服务返回的不是 JSON"),
    "http.stalled": QT_TRANSLATE_NOOP(
        "CoreMessage", "HunyuanOCR 服务 {url} 超过 {seconds} 秒没有继续回答，未重新发送以免重复识别"
    ),
    "http.bad_answer": QT_TRANSLATE_NOOP(
        "CoreMessage", "HunyuanOCR 服务的回答格式不对（没有 choices[0].message.content）"
    ),
    "http.bad_stream": QT_TRANSLATE_NOOP("CoreMessage", "HunyuanOCR 服务的流式回答格式不对"),
    "http.stream_cut": QT_TRANSLATE_NOOP("CoreMessage", "HunyuanOCR 服务的回答中断（流式回答没有正常结束）"),
    "http.no_models": QT_TRANSLATE_NOOP("CoreMessage", "HunyuanOCR 服务没有列出任何模型（/v1/models）"),
    "http.old_vllm": QT_TRANSLATE_NOOP(
        "CoreMessage",
        "HunyuanOCR 服务的 vLLM 版本 {found} 低于 {need}：不同尺寸的图片同批识别时可能串图（vllm PR #30344），请升级 vLLM；启动参数应包含 {flags}",
    ),
    "model.no_folder": QT_TRANSLATE_NOOP("CoreMessage", "文件夹不存在：{path}"),
    "model.no_config": QT_TRANSLATE_NOOP("CoreMessage", "缺少 config.json"),
    "model.bad_file": QT_TRANSLATE_NOOP("CoreMessage", "{file} 无法读取：{error}"),
    "model.not_hunyuan": QT_TRANSLATE_NOOP(
        "CoreMessage", "config.json 的 model_type 不是 hunyuan_vl（是 {found}），不是 HunyuanOCR 模型"
    ),
    "model.no_weights": QT_TRANSLATE_NOOP("CoreMessage", "缺少权重文件（*.safetensors）"),
    "model.missing_shards": QT_TRANSLATE_NOOP("CoreMessage", "缺少权重分片：{files}"),
    "model.no_tokenizer": QT_TRANSLATE_NOOP(
        "CoreMessage", "缺少分词器文件（tokenizer.json / tokenizer_config.json）"
    ),
    "model.no_processor": QT_TRANSLATE_NOOP(
        "CoreMessage", "缺少图像处理配置（preprocessor_config.json / processor_config.json）"
    ),
    "model.incomplete": QT_TRANSLATE_NOOP(
        "CoreMessage", "{path} 不是完整的 HunyuanOCR 模型文件夹：{problems}"
    ),
    "review.relabel_item": QT_TRANSLATE_NOOP("CoreMessage", "{header}（原读作“{read}”）"),
    "engine.no_remote_url": QT_TRANSLATE_NOOP(
        "CoreMessage", "未设置 HunyuanOCR 服务地址（--remote-url 或环境变量 {env}）"
    ),
    "engine.no_model_hint": QT_TRANSLATE_NOOP(
        "CoreMessage",
        "未找到 HunyuanOCR 模型文件（用 `python main.py model import 文件夹` 导入，或 `python main.py model download` 下载）",
    ),
    "med.name": QT_TRANSLATE_NOOP("CoreMessage", "{name}（药名）"),
    "med.typed_is": QT_TRANSLATE_NOOP("CoreMessage", "“{typed}”即 {name}（词表）"),
    "med.generic_of": QT_TRANSLATE_NOOP("CoreMessage", "{name} 是 {label} 的通用名（词表）"),
    "med.alias_of": QT_TRANSLATE_NOOP("CoreMessage", "{alias} 是 {name} 的别名（词表）"),
    "med.part_of": QT_TRANSLATE_NOOP("CoreMessage", "{part} 是 {name} 的成份（词表）"),
    "med.alias_part_of": QT_TRANSLATE_NOOP("CoreMessage", "{alias}（{part}）是 {name} 的成份（词表）"),
    "med.ingredient_of": QT_TRANSLATE_NOOP("CoreMessage", "{part} 是 {name} 的成份（成份）"),
    "med.alias_ingredient_of": QT_TRANSLATE_NOOP("CoreMessage", "{alias}（{part}）是 {name} 的成份（成份）"),
    "med.belongs_to": QT_TRANSLATE_NOOP("CoreMessage", "{name} 属于 {group}（词表）"),
    "med.part_belongs_to": QT_TRANSLATE_NOOP("CoreMessage", "{part}（{name} 的成份）属于 {group}（词表）"),
    "med.one_off": QT_TRANSLATE_NOOP("CoreMessage", "“{found}”与 {word} 相差一个字（可能是识别错误）"),
    "reading.image_copy_unreadable": QT_TRANSLATE_NOOP("CoreMessage", "无法读取已保存的图片副本：{reason}"),
    "reading.out_of_memory": QT_TRANSLATE_NOOP("CoreMessage", "内存不足，无法读取这张图片"),
    "reading.program_error": QT_TRANSLATE_NOOP("CoreMessage", "识别时程序出错（{name}），详情已写入日志"),
    "image.directory": QT_TRANSLATE_NOOP("CoreMessage", "这是一个文件夹，不是图片文件：{path}"),
    "image.file_too_large": QT_TRANSLATE_NOOP(
        "CoreMessage", "文件太大（{size} MB），不像是说明书图片：{path}"
    ),
    "image.file_too_large_read": QT_TRANSLATE_NOOP("CoreMessage", "文件太大，不像是说明书图片：{path}"),
    "image.missing": QT_TRANSLATE_NOOP("CoreMessage", "找不到文件：{path}"),
    "image.permission": QT_TRANSLATE_NOOP("CoreMessage", "没有权限读取文件（可能被其他程序占用）：{path}"),
    "image.unreadable": QT_TRANSLATE_NOOP("CoreMessage", "无法读取文件：{path}（{reason}）"),
    "image.timeout": QT_TRANSLATE_NOOP(
        "CoreMessage", "打开文件超时（可能被其他程序占用或在网络盘上）：{path}"
    ),
    "image.fifo": QT_TRANSLATE_NOOP("CoreMessage", "这不是普通文件，而是管道文件（FIFO），没有读取：{path}"),
    "image.socket": QT_TRANSLATE_NOOP("CoreMessage", "这不是普通文件，而是套接字文件，没有读取：{path}"),
    "image.device": QT_TRANSLATE_NOOP("CoreMessage", "这不是普通文件，而是设备文件，没有读取：{path}"),
    "image.special": QT_TRANSLATE_NOOP("CoreMessage", "这不是普通文件，而是特殊文件，没有读取：{path}"),
    "image.empty": QT_TRANSLATE_NOOP("CoreMessage", "文件是空的（0 字节）"),
    "image.pdf": QT_TRANSLATE_NOOP("CoreMessage", "这是 PDF 文件：请导出为图片后再导入"),
    "image.heic": QT_TRANSLATE_NOOP("CoreMessage", "不支持 HEIC 格式：请在手机上另存为 JPG 后再导入"),
    "image.avif": QT_TRANSLATE_NOOP("CoreMessage", "不支持 AVIF 格式：请在手机上另存为 JPG 后再导入"),
    "image.unsupported": QT_TRANSLATE_NOOP(
        "CoreMessage", "不支持 {format} 格式：请另存为 JPG 或 PNG 后再导入"
    ),
    "image.not_image": QT_TRANSLATE_NOOP("CoreMessage", "不是图片文件"),
    "image.out_of_memory": QT_TRANSLATE_NOOP("CoreMessage", "图片太大，内存不足，无法读取"),
    "image.truncated": QT_TRANSLATE_NOOP("CoreMessage", "图片文件不完整（可能还在下载或传输中断）"),
    "image.damaged": QT_TRANSLATE_NOOP("CoreMessage", "图片文件已损坏，无法读取（{format}）"),
    "image.too_many_pixels": QT_TRANSLATE_NOOP(
        "CoreMessage", "图片尺寸过大（约 {megapixels} 百万像素），为安全起见没有读取"
    ),
    "image.odd_size": QT_TRANSLATE_NOOP("CoreMessage", "图片尺寸过大（尺寸异常），为安全起见没有读取"),
    "image.over_limit": QT_TRANSLATE_NOOP(
        "CoreMessage",
        "图片尺寸过大（{width}×{height}，约 {megapixels} 百万像素，上限 {limit} 百万），为安全起见没有读取",
    ),
    "image.first_frame": QT_TRANSLATE_NOOP("CoreMessage", "动图只读取了第一帧"),
    "image.tiff_pages": QT_TRANSLATE_NOOP("CoreMessage", "多页 TIFF（共 {frames} 页）只读取了第一页"),
    "image.frames": QT_TRANSLATE_NOOP("CoreMessage", "文件包含 {frames} 张图片，只读取了第一张"),
    "image.wrong_extension": QT_TRANSLATE_NOOP(
        "CoreMessage", "文件扩展名 {ext} 与实际格式 {format} 不符，已按实际格式读取"
    ),
    "image.rotated": QT_TRANSLATE_NOOP("CoreMessage", "已按EXIF方向旋转"),
    "image.bad_exif": QT_TRANSLATE_NOOP("CoreMessage", "EXIF 方向信息有误，未旋转"),
    "image.cmyk": QT_TRANSLATE_NOOP("CoreMessage", "CMYK 图像已转换为 RGB"),
    "image.deep_gray": QT_TRANSLATE_NOOP("CoreMessage", "高位深灰度图像已转换为 8 位"),
    "image.transparent": QT_TRANSLATE_NOOP("CoreMessage", "透明背景已填充为白色"),
    "engine.loading_builtin": QT_TRANSLATE_NOOP("CoreMessage", "正在加载内置识别模型"),
    "engine.builtin_ready": QT_TRANSLATE_NOOP("CoreMessage", "内置识别模型已就绪"),
    "engine.hunyuan_ready": QT_TRANSLATE_NOOP("CoreMessage", "HunyuanOCR 已就绪"),
    "engine.detecting_device": QT_TRANSLATE_NOOP("CoreMessage", "检测设备"),
    "engine.importing_transformers": QT_TRANSLATE_NOOP("CoreMessage", "导入 transformers"),
    "engine.loading_processor": QT_TRANSLATE_NOOP("CoreMessage", "加载分词器与图像处理器"),
    "engine.loading_weights": QT_TRANSLATE_NOOP("CoreMessage", "加载模型权重（{dtype}）"),
    "engine.moving_to": QT_TRANSLATE_NOOP("CoreMessage", "移到 {device}"),
    "engine.rapid_missing": QT_TRANSLATE_NOOP(
        "CoreMessage", "内置识别引擎 RapidOCR 未安装（pip install rapidocr onnxruntime）"
    ),
    "engine.rapid_models_missing": QT_TRANSLATE_NOOP(
        "CoreMessage", "内置识别引擎缺少模型文件（{files}），请重新安装 rapidocr 软件包"
    ),
    "engine.timeout": QT_TRANSLATE_NOOP("CoreMessage", "HunyuanOCR 超时：超过了每张图 {budget} 秒的时间预算"),
    "engine.out_of_memory": QT_TRANSLATE_NOOP(
        "CoreMessage", "HunyuanOCR 内存不足：这张图太大，无法在这台电脑上识别"
    ),
    "engine.gpu_out_of_memory": QT_TRANSLATE_NOOP(
        "CoreMessage", "HunyuanOCR 显存不足（{device}）：这张图太大，无法在这台电脑的 GPU 上识别"
    ),
    "engine.vram": QT_TRANSLATE_NOOP("CoreMessage", "显存不足，无法加载 HunyuanOCR 模型"),
    "pages.edits_left_behind": QT_TRANSLATE_NOOP(
        "CoreMessage",
        "合并前有 {count} 处修改没有带入（那部分文字跨页或识别结果不同）；拆分后原记录的修改仍在",
    ),
    "pages.split_edit_left_behind": QT_TRANSLATE_NOOP(
        "CoreMessage", "拆分前合并记录上的修改没有带回（那部分文字跨页或识别结果不同）：【{label}】{value}"
    ),
    "schedule.no_text": QT_TRANSLATE_NOOP("CoreMessage", "没有用法用量的文字"),
    "schedule.no_dosage": QT_TRANSLATE_NOOP("CoreMessage", "这条记录没有用法用量，请按医嘱填写"),
    "schedule.range": QT_TRANSLATE_NOOP("CoreMessage", "用量或次数是一个范围（如 一次1～2片），请按医嘱填写"),
    "schedule.alternative": QT_TRANSLATE_NOOP(
        "CoreMessage", "用法用量中有“{words}”：不止一种用法，请按医嘱填写"
    ),
    "schedule.cap": QT_TRANSLATE_NOOP("CoreMessage", "用法用量中有“{words}”：用量可多可少，请按医嘱填写"),
    "schedule.as_needed": QT_TRANSLATE_NOOP(
        "CoreMessage", "说明书写的是“{words}”服用，不是固定时间，请按医嘱填写"
    ),
    "schedule.not_daily": QT_TRANSLATE_NOOP(
        "CoreMessage", "说明书写的是“{words}”，不是每天固定几次，请按医嘱填写"
    ),
    "schedule.no_dose": QT_TRANSLATE_NOOP(
        "CoreMessage", "没有读到清楚的每次用量（如 一次1片），请按医嘱填写"
    ),
    "schedule.several_doses": QT_TRANSLATE_NOOP(
        "CoreMessage", "用法用量中有几种用量（如成人与儿童、首次与以后），请按医嘱填写"
    ),
    "schedule.age_weight": QT_TRANSLATE_NOOP("CoreMessage", "用量按年龄或体重区分，请按医嘱填写"),
    "schedule.or_else": QT_TRANSLATE_NOOP("CoreMessage", "用法用量中有“或”另一种用法，请按医嘱填写"),
    "schedule.times_vary": QT_TRANSLATE_NOOP("CoreMessage", "一日几次有几种说法，请按医嘱填写"),
    "schedule.unsure": QT_TRANSLATE_NOOP("CoreMessage", "用量中有识别不确定的字“{text}”，请先核对原件"),
    "schedule.times_mismatch": QT_TRANSLATE_NOOP(
        "CoreMessage", "一日{times}次与所写的服药时间不一致，请按医嘱填写"
    ),
    "schedule.once_no_time": QT_TRANSLATE_NOOP(
        "CoreMessage", "一日1次，说明书没有写在什么时间服用，请按医嘱填写"
    ),
    "schedule.no_times": QT_TRANSLATE_NOOP("CoreMessage", "没有写一日几次，请按医嘱填写"),
    "schedule.n_times": QT_TRANSLATE_NOOP("CoreMessage", "一日{times}次，请按医嘱填写服药时间"),
    "schedule.empty_stomach": QT_TRANSLATE_NOOP("CoreMessage", "说明书写有“空腹”，请按需要选择饭前"),
    "schedule.food_varies": QT_TRANSLATE_NOOP(
        "CoreMessage", "饭前、饭后、随餐的说法不止一种，未填，请按医嘱选择"
    ),
    "schedule.large_amount": QT_TRANSLATE_NOOP("CoreMessage", "每次{dose}，用量较大，请核对原件"),
    "pdf.encrypted": QT_TRANSLATE_NOOP("CoreMessage", "PDF 文件有密码保护，无法打开：请去掉密码后再导入"),
    "pdf.damaged": QT_TRANSLATE_NOOP("CoreMessage", "PDF 文件已损坏或不完整，无法读取"),
    "pdf.no_pages": QT_TRANSLATE_NOOP("CoreMessage", "PDF 文件里没有页面"),
    "pdf.too_many_pages": QT_TRANSLATE_NOOP(
        "CoreMessage",
        "PDF 共 {pages} 页，超过 {limit} 页的上限，不像是一份说明书：请只保留说明书的几页再导入",
    ),
    "pdf.page_unreadable": QT_TRANSLATE_NOOP("CoreMessage", "PDF 第 {page} 页已损坏，无法读取"),
    "pdf.page_too_large": QT_TRANSLATE_NOOP(
        "CoreMessage", "PDF 的页面太大（{width}×{height} 厘米），不像是说明书，没有读取"
    ),
    "pdf.large_page": QT_TRANSLATE_NOOP("CoreMessage", "PDF 第 {page} 页很大，按 {dpi} dpi 渲染"),
    "pdf.scanned_page": QT_TRANSLATE_NOOP(
        "CoreMessage", "PDF 第 {page} 页没有文字层（扫描件），已识别页面图像"
    ),
    "pdf.invisible_text": QT_TRANSLATE_NOOP(
        "CoreMessage", "PDF 第 {page} 页只有扫描件附带的隐藏文字，未采用，已识别页面图像"
    ),
    "pdf.garbled_text": QT_TRANSLATE_NOOP(
        "CoreMessage", "PDF 第 {page} 页的文字层无法解码（乱码），已识别页面图像"
    ),
    "pdf.layer_unverified": QT_TRANSLATE_NOOP(
        "CoreMessage", "这张 PNG 带有无法验证的 PDF 文字层（不是本程序为这幅图写的），未采用，已按图片识别"
    ),
}
#: short reasons for the status bar: why the built-in engine reads (code -> reason)
UI_REASONS: dict[str, str] = {
    "engine.fallback_no_model": QT_TRANSLATE_NOOP("CoreMessage", "未找到 HunyuanOCR 模型文件"),
    "engine.fallback_no_gpu": QT_TRANSLATE_NOOP("CoreMessage", "没有可用的 GPU"),
}


def core_text(message: str | None) -> str:
    """``message`` in the UI language where it is a CoreMessage; other text as it is."""
    if message is None:
        return ""
    if isinstance(message, CoreMessage) and message.code == LIST_CODE:
        sep = message.args.get("sep", "；")
        if english_mode():
            sep = {"；": "; ", "、": ", "}.get(sep, sep)
        return sep.join(core_text(item) for item in list_items(message.args))
    if isinstance(message, CoreMessage) and message.code in TEMPLATES:
        template = QCoreApplication.translate("CoreMessage", TEMPLATES[message.code])
        try:
            return template.format(**_ui_args(message))
        except (KeyError, IndexError, ValueError):
            return str(message)
    return str(message)


def _ui_args(message: CoreMessage) -> dict[str, str]:
    """The message's arguments in the UI language: a nested CoreMessage rendered, section names named."""
    args = {k: core_text(v) for k, v in message.args.items()}
    keys = message.args.get("section_keys")
    if keys is not None and "sections" in args:
        args["sections"] = join_names(section_name(k) for k in keys.split())
    for arg in ("header", "label"):
        key = message.args.get(f"{arg}_key")
        if key and arg in args:
            args[arg] = section_label(key, message.args[arg])
    return args


def fallback_reason(message: str) -> str | None:
    """Why HunyuanOCR is not used, in the UI language, from an engine warning; None for other warnings."""
    if not isinstance(message, CoreMessage) or not message.code.startswith("engine.fallback"):
        return None
    if message.code in UI_REASONS:
        return QCoreApplication.translate("CoreMessage", UI_REASONS[message.code])
    return core_text(message.args.get("reason", ""))
