<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>CoreMessage</name>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="20"/>
        <source>剂量中的“{text}”识别把握不大（{confidence}），请对照原图核对：…{context}…</source>
        <translation>Not sure of “{text}” in a dose ({confidence}): check it against the picture: …{context}…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="23"/>
        <source>“{marker}”前面可能漏了换行，请对照原图核对：…{context}…</source>
        <translation>A line break may be missing before “{marker}”: check it against the picture: …{context}…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="26"/>
        <source>未找到以下部分：{sections}</source>
        <translation>Sections not found: {sections}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="27"/>
        <source>小标题“{read}”未能认清，按说明书各部分的顺序当作【{header}】，请对照原图核对</source>
        <translation>The heading “{read}” could not be read; by the usual order of an insert&apos;s sections it was taken as 【{header}】. Check it against the image</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="30"/>
        <source>字迹模糊的小标题按已知的小标题读出：{headers}，请对照原图核对</source>
        <translation>Blurred headings were read as known headings: {headers}. Check them against the image</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="33"/>
        <source>HunyuanOCR 未使用：{reason}；已使用内置 CPU 引擎</source>
        <translation>HunyuanOCR not used: {reason}; the built-in CPU engine reads instead</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="34"/>
        <source>HunyuanOCR 未使用：未找到 HunyuanOCR 模型文件；已使用内置 CPU 引擎</source>
        <translation>HunyuanOCR not used: its model files were not found; the built-in CPU engine reads instead</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="37"/>
        <source>HunyuanOCR 未使用：这台电脑没有可用的 GPU（CUDA / Apple MPS），HunyuanOCR 在 CPU 上太慢；已使用内置 CPU 引擎</source>
        <translation>HunyuanOCR not used: this computer has no usable GPU (CUDA / Apple MPS), and HunyuanOCR is too slow on the CPU; the built-in CPU engine reads instead</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="41"/>
        <source>已取消识别</source>
        <translation>Reading cancelled</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="42"/>
        <source>第 {page} 张图片：{note}</source>
        <translation>Image {page}: {note}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="43"/>
        <source>{primary} 未使用：{reason}；已由{fallback}识别</source>
        <translation>{primary} not used: {reason}; read by the {fallback} instead</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="46"/>
        <source>{primary} 未能识别此图：{reason}；已由{fallback}识别</source>
        <translation>{primary} could not read this image: {reason}; read by the {fallback} instead</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="49"/>
        <source>HunyuanOCR</source>
        <translation>HunyuanOCR</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="50"/>
        <source>HunyuanOCR 服务</source>
        <translation>HunyuanOCR service</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="51"/>
        <source>内置 CPU 引擎</source>
        <translation>built-in CPU engine</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="52"/>
        <source>不可用</source>
        <translation>unavailable</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="53"/>
        <source>图片方向不正，已旋转 {rotation}° 后识别</source>
        <translation>The picture was not upright: it was turned {rotation}° before reading</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="54"/>
        <source>未安装 PyTorch，无法运行 HunyuanOCR</source>
        <translation>PyTorch is not installed: HunyuanOCR cannot run</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="55"/>
        <source>未知的精度 {dtype}（可选 {choices}）</source>
        <translation>Unknown precision {dtype} (choose from {choices})</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="56"/>
        <source>没有可用的 CUDA GPU</source>
        <translation>No CUDA GPU available</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="57"/>
        <source>没有可用的 Apple MPS GPU</source>
        <translation>No Apple MPS GPU available</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="58"/>
        <source>未知的设备 {device}</source>
        <translation>Unknown device {device}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="59"/>
        <source>HunyuanOCR 模型文件不完整（{problems}）：{path}</source>
        <translation>The HunyuanOCR model files are incomplete ({problems}): {path}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="62"/>
        <source>HunyuanOCR 模型文件夹里没有对话模板（chat_template.jinja / chat_template.json）：{path}</source>
        <translation>The HunyuanOCR model folder has no chat template (chat_template.jinja / chat_template.json): {path}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="66"/>
        <source>缺少运行 HunyuanOCR 的软件包：{error}</source>
        <translation>A package HunyuanOCR needs is missing: {error}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="67"/>
        <source>无法加载 HunyuanOCR 模型（{error}）</source>
        <translation>The HunyuanOCR model could not be loaded ({error})</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="68"/>
        <source>HunyuanOCR 输出陷入重复循环，无法得到可用结果</source>
        <translation>HunyuanOCR got stuck repeating itself: no usable result</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="69"/>
        <source>HunyuanOCR 数值溢出（{dtype}），改用 fp32 视觉编码器和较低分辨率后仍无法得到可用结果</source>
        <translation>HunyuanOCR overflowed ({dtype}); still no usable result with the fp32 vision encoder and a lower resolution</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="72"/>
        <source>HunyuanOCR 数值溢出，且找不到视觉编码器以改用 fp32</source>
        <translation>HunyuanOCR overflowed, and its vision encoder was not found to switch it to fp32</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="75"/>
        <source>{url} 等待回答超时</source>
        <translation>{url} took too long to answer</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="76"/>
        <source>HunyuanOCR 服务 {url} 等待回答超时（{seconds} 秒），未重新发送以免重复识别</source>
        <translation>The HunyuanOCR service {url} did not answer in time ({seconds} s); not sent again, so as not to read twice</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="79"/>
        <source>无法连接 {url}（{error}）</source>
        <translation>Cannot connect to {url} ({error})</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="80"/>
        <source>服务返回 {status} {detail}</source>
        <translation>The service answered {status} {detail}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="81"/>
        <source>HunyuanOCR 服务拒绝了请求（HTTP {status}）：{detail}</source>
        <translation>The HunyuanOCR service refused the request (HTTP {status}): {detail}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="82"/>
        <source>HunyuanOCR 服务不可用：{reason}</source>
        <translation>The HunyuanOCR service is not available: {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="83"/>
        <source>HunyuanOCR 服务出错：{reason}</source>
        <translation>The HunyuanOCR service failed: {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="84"/>
        <source>HunyuanOCR 服务的回答中断（{error}）</source>
        <translation>The HunyuanOCR service&apos;s answer broke off ({error})</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="85"/>
        <source>HunyuanOCR 服务返回的不是 JSON</source>
        <translation>The HunyuanOCR service did not answer in JSON</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="86"/>
        <source>HunyuanOCR 服务 {url} 超过 {seconds} 秒没有继续回答，未重新发送以免重复识别</source>
        <translation>The HunyuanOCR service {url} stopped answering for over {seconds} s; not sent again, so as not to read twice</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="89"/>
        <source>HunyuanOCR 服务的回答格式不对（没有 choices[0].message.content）</source>
        <translation>The HunyuanOCR service&apos;s answer is malformed (no choices[0].message.content)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="92"/>
        <source>HunyuanOCR 服务的流式回答格式不对</source>
        <translation>The HunyuanOCR service&apos;s streamed answer is malformed</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="93"/>
        <source>HunyuanOCR 服务的回答中断（流式回答没有正常结束）</source>
        <translation>The HunyuanOCR service&apos;s answer broke off (the stream did not end properly)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="94"/>
        <source>HunyuanOCR 服务没有列出任何模型（/v1/models）</source>
        <translation>The HunyuanOCR service lists no model (/v1/models)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="95"/>
        <source>HunyuanOCR 服务的 vLLM 版本 {found} 低于 {need}：不同尺寸的图片同批识别时可能串图（vllm PR #30344），请升级 vLLM；启动参数应包含 {flags}</source>
        <translation>The HunyuanOCR service runs vLLM {found}, older than {need}: images of different sizes read in one batch may get mixed up (vllm PR #30344). Please upgrade vLLM; start it with {flags}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="99"/>
        <source>文件夹不存在：{path}</source>
        <translation>The folder does not exist: {path}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="100"/>
        <source>缺少 config.json</source>
        <translation>config.json is missing</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="101"/>
        <source>{file} 无法读取：{error}</source>
        <translation>{file} cannot be read: {error}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="102"/>
        <source>config.json 的 model_type 不是 hunyuan_vl（是 {found}），不是 HunyuanOCR 模型</source>
        <translation>config.json&apos;s model_type is not hunyuan_vl (it is {found}): not a HunyuanOCR model</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="105"/>
        <source>缺少权重文件（*.safetensors）</source>
        <translation>The weights (*.safetensors) are missing</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="106"/>
        <source>缺少权重分片：{files}</source>
        <translation>Weight shards are missing: {files}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="107"/>
        <source>缺少分词器文件（tokenizer.json / tokenizer_config.json）</source>
        <translation>The tokenizer files (tokenizer.json / tokenizer_config.json) are missing</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="110"/>
        <source>缺少图像处理配置（preprocessor_config.json / processor_config.json）</source>
        <translation>The image processor&apos;s configuration (preprocessor_config.json / processor_config.json) is missing</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="113"/>
        <source>{path} 不是完整的 HunyuanOCR 模型文件夹：{problems}</source>
        <translation>{path} is not a complete HunyuanOCR model folder: {problems}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="116"/>
        <source>{header}（原读作“{read}”）</source>
        <translation>{header} (read as “{read}”)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="117"/>
        <source>未设置 HunyuanOCR 服务地址（--remote-url 或环境变量 {env}）</source>
        <translation>No HunyuanOCR service address is set (--remote-url or the environment variable {env})</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="120"/>
        <source>未找到 HunyuanOCR 模型文件（用 `python main.py model import 文件夹` 导入，或 `python main.py model download` 下载）</source>
        <translation>HunyuanOCR model files not found (import them with `python main.py model import FOLDER`, or download them with `python main.py model download`)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="124"/>
        <source>{name}（药名）</source>
        <translation>{name} (the drug&apos;s name)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="125"/>
        <source>“{typed}”即 {name}（词表）</source>
        <translation>“{typed}” is {name} (lexicon)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="126"/>
        <source>{name} 是 {label} 的通用名（词表）</source>
        <translation>{name} is the generic name of {label} (lexicon)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="127"/>
        <source>{alias} 是 {name} 的别名（词表）</source>
        <translation>{alias} is another name of {name} (lexicon)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="128"/>
        <source>{part} 是 {name} 的成份（词表）</source>
        <translation>{part} is an ingredient of {name} (lexicon)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="129"/>
        <source>{alias}（{part}）是 {name} 的成份（词表）</source>
        <translation>{alias} ({part}) is an ingredient of {name} (lexicon)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="130"/>
        <source>{part} 是 {name} 的成份（成份）</source>
        <translation>{part} is an ingredient of {name} (its 成份 section)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="131"/>
        <source>{alias}（{part}）是 {name} 的成份（成份）</source>
        <translation>{alias} ({part}) is an ingredient of {name} (its 成份 section)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="132"/>
        <source>{name} 属于 {group}（词表）</source>
        <translation>{name} is one of the {group} (lexicon)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="133"/>
        <source>{part}（{name} 的成份）属于 {group}（词表）</source>
        <translation>{part} (an ingredient of {name}) is one of the {group} (lexicon)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="134"/>
        <source>“{found}”与 {word} 相差一个字（可能是识别错误）</source>
        <translation>“{found}” differs from {word} by one character (perhaps misread)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="135"/>
        <source>无法读取已保存的图片副本：{reason}</source>
        <translation>The stored copy of the picture cannot be read: {reason}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="136"/>
        <source>内存不足，无法读取这张图片</source>
        <translation>Not enough memory to read this picture</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="137"/>
        <source>识别时程序出错（{name}），详情已写入日志</source>
        <translation>The program failed while reading ({name}); the details are in the log</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="138"/>
        <source>这是一个文件夹，不是图片文件：{path}</source>
        <translation>This is a folder, not a picture: {path}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="139"/>
        <source>文件太大（{size} MB），不像是说明书图片：{path}</source>
        <translation>The file is too large ({size} MB) to be a picture of an insert: {path}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="142"/>
        <source>文件太大，不像是说明书图片：{path}</source>
        <translation>The file is too large to be a picture of an insert: {path}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="143"/>
        <source>找不到文件：{path}</source>
        <translation>File not found: {path}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="144"/>
        <source>没有权限读取文件（可能被其他程序占用）：{path}</source>
        <translation>No permission to read the file (another program may be using it): {path}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="145"/>
        <source>无法读取文件：{path}（{reason}）</source>
        <translation>Cannot read the file: {path} ({reason})</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="146"/>
        <source>打开文件超时（可能被其他程序占用或在网络盘上）：{path}</source>
        <translation>Opening the file timed out (another program may hold it, or it is on a network drive): {path}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="149"/>
        <source>这不是普通文件，而是管道文件（FIFO），没有读取：{path}</source>
        <translation>Not a regular file but a pipe (FIFO); not read: {path}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="150"/>
        <source>这不是普通文件，而是套接字文件，没有读取：{path}</source>
        <translation>Not a regular file but a socket; not read: {path}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="151"/>
        <source>这不是普通文件，而是设备文件，没有读取：{path}</source>
        <translation>Not a regular file but a device; not read: {path}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="152"/>
        <source>这不是普通文件，而是特殊文件，没有读取：{path}</source>
        <translation>Not a regular file; not read: {path}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="153"/>
        <source>文件是空的（0 字节）</source>
        <translation>The file is empty (0 bytes)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="154"/>
        <source>这是 PDF 文件：请导出为图片后再导入</source>
        <translation>This is a PDF file: export it as a picture, then import that</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="155"/>
        <source>不支持 HEIC 格式：请在手机上另存为 JPG 后再导入</source>
        <translation>HEIC is not supported: save it as JPG on the phone, then import that</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="156"/>
        <source>不支持 AVIF 格式：请在手机上另存为 JPG 后再导入</source>
        <translation>AVIF is not supported: save it as JPG on the phone, then import that</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="157"/>
        <source>不支持 {format} 格式：请另存为 JPG 或 PNG 后再导入</source>
        <translation>{format} is not supported: save it as JPG or PNG, then import that</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="160"/>
        <source>不是图片文件</source>
        <translation>Not a picture file</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="161"/>
        <source>图片太大，内存不足，无法读取</source>
        <translation>The picture is too large: not enough memory to read it</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="162"/>
        <source>图片文件不完整（可能还在下载或传输中断）</source>
        <translation>The picture file is incomplete (still downloading, or the transfer broke off)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="163"/>
        <source>图片文件已损坏，无法读取（{format}）</source>
        <translation>The picture file is damaged and cannot be read ({format})</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="164"/>
        <source>图片尺寸过大（约 {megapixels} 百万像素），为安全起见没有读取</source>
        <translation>The picture is too large (about {megapixels} megapixels); not read, to be safe</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="167"/>
        <source>图片尺寸过大（尺寸异常），为安全起见没有读取</source>
        <translation>The picture&apos;s size is abnormal; not read, to be safe</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="168"/>
        <source>图片尺寸过大（{width}×{height}，约 {megapixels} 百万像素，上限 {limit} 百万），为安全起见没有读取</source>
        <translation>The picture is too large ({width}×{height}, about {megapixels} megapixels, limit {limit}); not read, to be safe</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="172"/>
        <source>动图只读取了第一帧</source>
        <translation>Only the first frame of the animation was read</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="173"/>
        <source>多页 TIFF（共 {frames} 页）只读取了第一页</source>
        <translation>Only the first page of this {frames}-page TIFF was read</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="174"/>
        <source>文件包含 {frames} 张图片，只读取了第一张</source>
        <translation>The file holds {frames} pictures; only the first was read</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="175"/>
        <source>文件扩展名 {ext} 与实际格式 {format} 不符，已按实际格式读取</source>
        <translation>The file name ends in {ext} but the file is {format}; it was read as {format}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="178"/>
        <source>已按EXIF方向旋转</source>
        <translation>Turned upright by its EXIF orientation</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="179"/>
        <source>EXIF 方向信息有误，未旋转</source>
        <translation>The EXIF orientation is invalid; not turned</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="180"/>
        <source>CMYK 图像已转换为 RGB</source>
        <translation>CMYK picture converted to RGB</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="181"/>
        <source>高位深灰度图像已转换为 8 位</source>
        <translation>High bit-depth greyscale picture converted to 8 bits</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="182"/>
        <source>透明背景已填充为白色</source>
        <translation>Transparent background filled with white</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="183"/>
        <source>正在加载内置识别模型</source>
        <translation>loading the built-in engine&apos;s model</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="184"/>
        <source>内置识别模型已就绪</source>
        <translation>built-in engine ready</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="185"/>
        <source>HunyuanOCR 已就绪</source>
        <translation>HunyuanOCR ready</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="186"/>
        <source>检测设备</source>
        <translation>finding the device</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="187"/>
        <source>导入 transformers</source>
        <translation>importing transformers</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="188"/>
        <source>加载分词器与图像处理器</source>
        <translation>loading the tokenizer and image processor</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="189"/>
        <source>加载模型权重（{dtype}）</source>
        <translation>loading the model weights ({dtype})</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="190"/>
        <source>移到 {device}</source>
        <translation>moving to {device}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="191"/>
        <source>内置识别引擎 RapidOCR 未安装（pip install rapidocr onnxruntime）</source>
        <translation>The built-in engine RapidOCR is not installed (pip install rapidocr onnxruntime)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="194"/>
        <source>内置识别引擎缺少模型文件（{files}），请重新安装 rapidocr 软件包</source>
        <translation>The built-in engine&apos;s model files are missing ({files}): reinstall the rapidocr package</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="197"/>
        <source>HunyuanOCR 超时：超过了每张图 {budget} 秒的时间预算</source>
        <translation>HunyuanOCR timed out: over the time budget of {budget} s per picture</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="198"/>
        <source>HunyuanOCR 内存不足：这张图太大，无法在这台电脑上识别</source>
        <translation>HunyuanOCR ran out of memory: this picture is too large to read on this computer</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="201"/>
        <source>HunyuanOCR 显存不足（{device}）：这张图太大，无法在这台电脑的 GPU 上识别</source>
        <translation>HunyuanOCR ran out of GPU memory ({device}): this picture is too large for this computer&apos;s GPU</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="204"/>
        <source>显存不足，无法加载 HunyuanOCR 模型</source>
        <translation>Not enough GPU memory to load the HunyuanOCR model</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="205"/>
        <source>合并前有 {count} 处修改没有带入（那部分文字跨页或识别结果不同）；拆分后原记录的修改仍在</source>
        <translation>{count} edit(s) made before merging were not carried over (that text runs across pages or was read differently); splitting brings back the records with their edits</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="209"/>
        <source>拆分前合并记录上的修改没有带回（那部分文字跨页或识别结果不同）：【{label}】{value}</source>
        <translation>An edit of the merged record was not carried back (that text runs across pages or was read differently): 【{label}】{value}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="212"/>
        <source>没有用法用量的文字</source>
        <translation>There is no dosage text</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="213"/>
        <source>这条记录没有用法用量，请按医嘱填写</source>
        <translation>This record has no dosage section; fill in the prescription</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="214"/>
        <source>用量或次数是一个范围（如 一次1～2片），请按医嘱填写</source>
        <translation>The dose or the number of times is a range (e.g. 1-2 tablets at a time); fill in the prescription</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="215"/>
        <source>用法用量中有“{words}”：不止一种用法，请按医嘱填写</source>
        <translation>The dosage says “{words}”: more than one regimen; fill in the prescription</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="218"/>
        <source>用法用量中有“{words}”：用量可多可少，请按医嘱填写</source>
        <translation>The dosage says “{words}”: the dose may vary; fill in the prescription</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="219"/>
        <source>说明书写的是“{words}”服用，不是固定时间，请按医嘱填写</source>
        <translation>The insert says to take it “{words}”, not at fixed times; fill in the prescription</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="222"/>
        <source>说明书写的是“{words}”，不是每天固定几次，请按医嘱填写</source>
        <translation>The insert says “{words}”, not a fixed number of times a day; fill in the prescription</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="225"/>
        <source>没有读到清楚的每次用量（如 一次1片），请按医嘱填写</source>
        <translation>No clear dose per time was read (e.g. 一次1片, 1 tablet at a time); fill in the prescription</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="228"/>
        <source>用法用量中有几种用量（如成人与儿童、首次与以后），请按医嘱填写</source>
        <translation>The dosage gives several doses (e.g. adults and children, first dose and later); fill in the prescription</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="231"/>
        <source>用量按年龄或体重区分，请按医嘱填写</source>
        <translation>The dose depends on age or weight; fill in the prescription</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="232"/>
        <source>用法用量中有“或”另一种用法，请按医嘱填写</source>
        <translation>The dosage gives an alternative (“或”, or); fill in the prescription</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="233"/>
        <source>一日几次有几种说法，请按医嘱填写</source>
        <translation>The number of times a day is given more than once, differently; fill in the prescription</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="234"/>
        <source>用量中有识别不确定的字“{text}”，请先核对原件</source>
        <translation>The reader was unsure of “{text}” in the dose; check the original insert first</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="235"/>
        <source>一日{times}次与所写的服药时间不一致，请按医嘱填写</source>
        <translation>{times} times a day does not match the times of day named; fill in the prescription</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="238"/>
        <source>一日1次，说明书没有写在什么时间服用，请按医嘱填写</source>
        <translation>Once a day, but the insert does not say when; fill in the prescription</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="241"/>
        <source>没有写一日几次，请按医嘱填写</source>
        <translation>The insert does not say how many times a day; fill in the prescription</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="242"/>
        <source>一日{times}次，请按医嘱填写服药时间</source>
        <translation>{times} times a day; fill in the times of the prescription</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="243"/>
        <source>说明书写有“空腹”，请按需要选择饭前</source>
        <translation>The insert says “空腹” (on an empty stomach); choose Before meals if that is meant</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="244"/>
        <source>饭前、饭后、随餐的说法不止一种，未填，请按医嘱选择</source>
        <translation>The insert gives more than one of before / after / with meals; left empty, choose as prescribed</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="247"/>
        <source>每次{dose}，用量较大，请核对原件</source>
        <translation>{dose} at a time is a large dose; check the original insert</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="248"/>
        <source>PDF 文件有密码保护，无法打开：请去掉密码后再导入</source>
        <translation>The PDF is password-protected and cannot be opened: remove the password, then import it again</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="249"/>
        <source>PDF 文件已损坏或不完整，无法读取</source>
        <translation>The PDF file is damaged or incomplete and cannot be read</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="250"/>
        <source>PDF 文件里没有页面</source>
        <translation>The PDF file has no pages</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="251"/>
        <source>PDF 共 {pages} 页，超过 {limit} 页的上限，不像是一份说明书：请只保留说明书的几页再导入</source>
        <translation>The PDF has {pages} pages, more than the limit of {limit}; that is not one package insert: keep only the insert&apos;s pages, then import it again</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="255"/>
        <source>PDF 第 {page} 页已损坏，无法读取</source>
        <translation>Page {page} of the PDF is damaged and cannot be read</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="256"/>
        <source>PDF 的页面太大（{width}×{height} 厘米），不像是说明书，没有读取</source>
        <translation>The PDF&apos;s page is too large ({width}×{height} cm) for a package insert; it was not read</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="259"/>
        <source>PDF 第 {page} 页很大，按 {dpi} dpi 渲染</source>
        <translation>Page {page} of the PDF is large; it was rendered at {dpi} dpi</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="260"/>
        <source>PDF 第 {page} 页没有文字层（扫描件），已识别页面图像</source>
        <translation>Page {page} of the PDF has no text layer (a scan); the page image was read by OCR</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="263"/>
        <source>PDF 第 {page} 页只有扫描件附带的隐藏文字，未采用，已识别页面图像</source>
        <translation>Page {page} of the PDF only has the hidden text a scanner adds; it was not used, the page image was read by OCR</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="266"/>
        <source>PDF 第 {page} 页的文字层无法解码（乱码），已识别页面图像</source>
        <translation>The text layer of page {page} of the PDF cannot be decoded (garbled); the page image was read by OCR</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="269"/>
        <source>这张 PNG 带有无法验证的 PDF 文字层（不是本程序为这幅图写的），未采用，已按图片识别</source>
        <translation>This PNG carries a PDF text layer that cannot be verified (this app did not write it for this picture); it was not used and the picture was read by OCR</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="275"/>
        <source>未找到 HunyuanOCR 模型文件</source>
        <extracomment>short reasons for the status bar: why the built-in engine reads (code -&gt; reason)</extracomment>
        <translation>HunyuanOCR model not found</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="276"/>
        <source>没有可用的 GPU</source>
        <translation>no usable GPU</translation>
    </message>
</context>
<context>
    <name>CrashHandler</name>
    <message>
        <location filename="../../desktop_app/ui/app.py" line="269"/>
        <source>（无法写入错误记录）</source>
        <extracomment>Chinese UI fonts, best first (Windows, macOS, Linux)</extracomment>
        <translation>(the error report could not be written)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/app.py" line="272"/>
        <source>程序出错</source>
        <translation>Something went wrong</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/app.py" line="273"/>
        <source>程序遇到了一个意外错误。已保存的数据不受影响。

错误详情已保存到：
{0}

可以继续使用；如果再次出错，请重新启动程序，并把这个文件发给技术支持。</source>
        <translation>The program ran into an unexpected error. Your saved records are not affected.

The details were saved to:
{0}

You can go on working. If it happens again, restart the program and send this file to technical support.</translation>
    </message>
</context>
<context>
    <name>EngineStatus</name>
    <message>
        <location filename="../../desktop_app/ui/engine_status.py" line="25"/>
        <location filename="../../desktop_app/ui/engine_status.py" line="28"/>
        <source>内置 CPU 引擎（{0}）</source>
        <translation>Built-in CPU engine ({0})</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/engine_status.py" line="29"/>
        <source>内置 CPU 引擎</source>
        <translation>Built-in CPU engine</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/engine_status.py" line="34"/>
        <source>正在启动识别引擎…</source>
        <translation>Starting the reading engine…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/engine_status.py" line="35"/>
        <source>正在加载模型 {0}%（{1}）</source>
        <translation>Loading the model {0}% ({1})</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/engine_status.py" line="41"/>
        <source>识别引擎不可用：{0}</source>
        <translation>Reading engine not available: {0}</translation>
    </message>
</context>
<context>
    <name>FieldEditor</name>
    <message>
        <location filename="../../desktop_app/ui/field_editor.py" line="259"/>
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/field_editor.py" line="268"/>
        <source>说明书开头</source>
        <translation>Opening text</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/field_editor.py" line="270"/>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/field_editor.py" line="275"/>
        <source>（已修改）</source>
        <translation>(edited)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/field_editor.py" line="277"/>
        <source>识别结果已更新，与您的修改不同：上面是您的修改，下面是新的识别结果</source>
        <translation>The engine&apos;s new reading differs from your edit: your edit is above, the new reading below</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/field_editor.py" line="279"/>
        <source>恢复识别原文</source>
        <translation>Restore the read text</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/field_editor.py" line="280"/>
        <source>丢弃修改，改回识别出的文字（修改记录会保留）</source>
        <translation>Discard the changes and go back to the text as read (the change history is kept)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/field_editor.py" line="281"/>
        <source>识别原文</source>
        <translation>Text as read</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/field_editor.py" line="282"/>
        <source>显示识别出的原始文字</source>
        <translation>Show the text as the engine read it</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/field_editor.py" line="283"/>
        <source>识别把握不大，请核对原图</source>
        <translation>Not sure of this reading: please check it against the picture</translation>
    </message>
</context>
<context>
    <name>FieldsPane</name>
    <message numerus="yes">
        <location filename="../../desktop_app/ui/record_fields.py" line="159"/>
        <source>收起其余 %n 个部分</source>
        <translation>
            <numerusform>Hide the other section</numerusform>
            <numerusform>Hide the other %n sections</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop_app/ui/record_fields.py" line="161"/>
        <source>其余 %n 个部分</source>
        <translation>
            <numerusform>%n more section</numerusform>
            <numerusform>%n more sections</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImageView</name>
    <message>
        <location filename="../../desktop_app/ui/image_view.py" line="265"/>
        <source>第 {0}/{1} 张</source>
        <translation>Picture {0} of {1}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/image_view.py" line="268"/>
        <source>‹ 上一张</source>
        <translation>‹ Previous</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/image_view.py" line="269"/>
        <source>下一张 ›</source>
        <translation>Next ›</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/image_view.py" line="270"/>
        <source>这份说明书的上一张图片</source>
        <translation>The previous picture of this insert</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/image_view.py" line="271"/>
        <source>这份说明书的下一张图片</source>
        <translation>The next picture of this insert</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/image_view.py" line="273"/>
        <source>放大</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/image_view.py" line="274"/>
        <source>缩小</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/image_view.py" line="275"/>
        <source>适合窗口</source>
        <translation>Fit</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/image_view.py" line="276"/>
        <source>旋转 90°</source>
        <translation>Rotate 90°</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/image_view.py" line="277"/>
        <source>放大图片（也可以滚动鼠标滚轮）</source>
        <translation>Zoom in (or turn the mouse wheel)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/image_view.py" line="278"/>
        <source>缩小图片</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/image_view.py" line="279"/>
        <source>整张图片放进窗口</source>
        <translation>Show the whole picture</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/image_view.py" line="280"/>
        <source>顺时针旋转 90 度（只影响显示）</source>
        <translation>Turn clockwise by 90 degrees (display only)</translation>
    </message>
</context>
<context>
    <name>Launch</name>
    <message>
        <location filename="../../desktop_app/ui/launch.py" line="71"/>
        <location filename="../../desktop_app/ui/launch.py" line="94"/>
        <source>无法打开记录库</source>
        <translation>Cannot open the record database</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/launch.py" line="130"/>
        <source>自动备份失败：{0}</source>
        <translation>Automatic backup failed: {0}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop_app/ui/main_imports.py" line="45"/>
        <source>打开说明书图片</source>
        <translation>Open insert pictures</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_imports.py" line="47"/>
        <source>图片或 PDF ({0})</source>
        <translation>Images or PDFs ({0})</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_imports.py" line="54"/>
        <source>导入文件夹中的全部图片</source>
        <translation>Import all pictures in a folder</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_imports.py" line="66"/>
        <source>剪贴板里没有图片或图片文件</source>
        <translation>The clipboard holds no picture or picture file</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_imports.py" line="97"/>
        <source>监视文件夹中的“{0}”无法导入：{1}</source>
        <translation>“{0}” in a watched folder cannot be imported: {1}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_imports.py" line="103"/>
        <source>“{0}”无法导入：{1}</source>
        <translation>“{0}” cannot be imported: {1}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_imports.py" line="114"/>
        <source>监视文件夹中有新图片“{0}”，正在识别</source>
        <translation>New picture “{0}” in a watched folder: reading it</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_imports.py" line="121"/>
        <source>“{0}”已经导入过，已选中原来的记录</source>
        <translation>“{0}” was imported before: its record is selected</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_imports.py" line="133"/>
        <source>监视的文件夹不见了，会在它恢复后继续监视：{0}</source>
        <translation>A watched folder is gone; it will be watched again when it comes back: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="281"/>
        <source>重新识别</source>
        <translation>Read again</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/status_area.py" line="68"/>
        <source>正在识别第 {0} 张，共 {1} 张</source>
        <translation>Reading picture {0} of {1}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="300"/>
        <source>读取记录</source>
        <translation>reading a record</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="304"/>
        <source>“{0}”识别失败：{1}</source>
        <translation>Reading “{0}” failed: {1}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="314"/>
        <source>HunyuanOCR 使用许可</source>
        <translation>HunyuanOCR licence</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="355"/>
        <location filename="../../desktop_app/ui/main_window.py" line="377"/>
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="357"/>
        <source>药品说明书识读 {0}

识读药品说明书图片，核对后打印大字版或朗读。
数据文件夹：{1}</source>
        <translation>Insert Reader {0}

Reads pictures of drug package inserts; after checking, print a large-print sheet or have it read aloud.
Data folder: {1}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="364"/>
        <source>药品说明书识读</source>
        <translation>Insert Reader</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="365"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="366"/>
        <source>工具(&amp;T)</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="367"/>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="368"/>
        <source>工具栏</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="369"/>
        <source>打开图片…</source>
        <translation>Open pictures…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="370"/>
        <source>打开说明书图片（可多选）</source>
        <translation>Open insert pictures (you can pick several)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="371"/>
        <source>导入文件夹…</source>
        <translation>Import a folder…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="372"/>
        <source>粘贴图片</source>
        <translation>Paste picture</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="373"/>
        <source>粘贴复制的图片或图片文件（Ctrl+V）</source>
        <translation>Paste a copied picture or picture file (Ctrl+V)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="374"/>
        <source>设置…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="375"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="376"/>
        <source>打开日志文件夹</source>
        <translation>Open the log folder</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/status_area.py" line="94"/>
        <source>全部取消</source>
        <translation>Cancel all</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/status_area.py" line="96"/>
        <source>取消排队中和正在识别的图片</source>
        <translation>Cancel the pictures waiting and being read</translation>
    </message>
</context>
<context>
    <name>MedicationText</name>
    <message>
        <location filename="../../desktop_app/ui/medication_findings.py" line="23"/>
        <source>以下是说明书原文（说明书怎么写），不是用药建议；能否一起用，请问医生或药师。</source>
        <extracomment>the core&apos;s sentences (core.medication.NO_VERDICT / NOTHING_FOUND), for lupdate</extracomment>
        <translation>Below is what the inserts themselves say, word for word. It is not advice: whether these medicines can be taken together is for a doctor or pharmacist to say.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/medication_findings.py" line="26"/>
        <source>这些说明书中没有找到彼此提及的内容。这不表示这些药可以一起服用，请咨询医生或药师。</source>
        <translation>These inserts were not found to mention each other. This does not mean the medicines can be taken together: ask a doctor or pharmacist.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/medication_findings.py" line="48"/>
        <source>{0}（按词表：{1}）</source>
        <translation>{0} (lexicon: {1})</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/medication_findings.py" line="53"/>
        <source>{0}（按词表）</source>
        <translation>{0} (lexicon)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/medication_findings.py" line="55"/>
        <source>{0}（类别，按词表）</source>
        <translation>{0} (a class, lexicon)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/medication_findings.py" line="58"/>
        <source>成份：{0}</source>
        <translation>Ingredients: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/medication_findings.py" line="61"/>
        <source>未识别：{0}</source>
        <translation>Not recognised: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/medication_findings.py" line="64"/>
        <source>药名未能对上词表</source>
        <translation>The drug name is not in the lexicon</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/medication_findings.py" line="134"/>
        <source>说明书原文 · 【{0}】</source>
        <translation>The insert&apos;s own words · 【{0}】</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/medication_findings.py" line="140"/>
        <source>匹配：{0}</source>
        <translation>Matched: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/medication_findings.py" line="142"/>
        <source>依据：{0}</source>
        <translation>Why: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/medication_findings.py" line="149"/>
        <source>这份说明书的识别结果还没有核对过：请以原图为准</source>
        <translation>This insert&apos;s reading has not been checked yet: the picture is what counts</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/medication_findings.py" line="153"/>
        <source>否定：原文是“不含／无……”，仍列出，请看原文</source>
        <translation>Negation: the text says “does not contain / no …”; listed anyway, read the text</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/medication_findings.py" line="156"/>
        <source>有一个字可能识别有误，请对照原图</source>
        <translation>One character may be misread: check against the picture</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/medication_findings.py" line="159"/>
        <source>查看原图</source>
        <translation>Show on picture</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/medication_findings.py" line="161"/>
        <source>打开这条记录，选中这段原文，图片放大到它所在的位置</source>
        <translation>Open this record with this text selected and the picture zoomed to where it is</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/medication_findings.py" line="232"/>
        <source>{0} 的说明书提到 {1}</source>
        <translation>The insert of {0} mentions {1}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/medication_findings.py" line="256"/>
        <source>{0} 的说明书没有提到 {1}（这不表示可以一起用）</source>
        <translation>The insert of {0} does not mention {1} (this does not mean they can be taken together)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/medication_view.py" line="45"/>
        <source>{0}月{1}日</source>
        <translation>{2} {1}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/medication_view.py" line="48"/>
        <source>患者 #{0}（{1}）</source>
        <translation>Patient #{0} ({1})</translation>
    </message>
</context>
<context>
    <name>MedicationWindow</name>
    <message>
        <location filename="../../desktop_app/ui/medication_view.py" line="166"/>
        <location filename="../../desktop_app/ui/medication_view.py" line="302"/>
        <location filename="../../desktop_app/ui/medication_view.py" line="348"/>
        <source>用药核对</source>
        <translation>Medication check</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/medication_view.py" line="185"/>
        <location filename="../../desktop_app/ui/medication_view.py" line="352"/>
        <source>新建患者</source>
        <translation>New patient</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/medication_view.py" line="198"/>
        <source>添加用药</source>
        <translation>Adding a medicine</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/medication_view.py" line="215"/>
        <source>移出</source>
        <translation>Removing</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/medication_view.py" line="248"/>
        <source>还没有患者。在记录列表中选中几条记录，右键“新建患者”。</source>
        <translation>No patients yet. Select a few records in the record list and right-click “New patient”.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/medication_view.py" line="253"/>
        <source>正在查找…</source>
        <translation>Looking…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/medication_view.py" line="277"/>
        <source>{0}&#x3000;（说明书，记录 #{1}）</source>
        <translation>{0}&#x3000;(insert, record #{1})</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/medication_view.py" line="279"/>
        <source>{0}&#x3000;（说明书，记录 #{1}，未核对）</source>
        <translation>{0}&#x3000;(insert, record #{1}, not checked)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/medication_view.py" line="281"/>
        <source>{0}&#x3000;（说明书，记录 #{1}，还没有识别完）</source>
        <translation>{0}&#x3000;(insert, record #{1}, not read yet)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/medication_view.py" line="285"/>
        <source>{0}&#x3000;（口述）</source>
        <translation>{0}&#x3000;(as the patient says)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/medication_view.py" line="292"/>
        <source>找到 {0} 处说明书原文</source>
        <translation>{0} passages found in the inserts</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/medication_view.py" line="294"/>
        <source>至少要有两种药（记录或口述的药）才能核对。</source>
        <translation>A check needs at least two medicines (records or medicines the patient says).</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/medication_view.py" line="320"/>
        <source>患者姓名</source>
        <translation>Patient&apos;s name</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/medication_view.py" line="330"/>
        <location filename="../../desktop_app/ui/medication_view.py" line="340"/>
        <source>删除患者</source>
        <translation>Delete patient</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/medication_view.py" line="331"/>
        <source>删除“{0}”？记录本身不会删除，只删除这个分组和口述的用药。</source>
        <translation>Delete “{0}”? The records stay; only this group and the medicines typed for it are deleted.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/medication_view.py" line="349"/>
        <source>患者：</source>
        <translation>Patient:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/medication_view.py" line="350"/>
        <source>姓名或编号：</source>
        <translation>Name or ID:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/medication_view.py" line="351"/>
        <source>可不填</source>
        <translation>optional</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/medication_view.py" line="353"/>
        <source>删除患者…</source>
        <translation>Delete patient…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/medication_view.py" line="354"/>
        <source>在用的药</source>
        <translation>Medicines taken</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/medication_view.py" line="355"/>
        <source>移出所选</source>
        <translation>Remove selected</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/medication_view.py" line="356"/>
        <source>患者说还在服的药（如“降压片 氨氯地平”）：</source>
        <translation>Other medicines the patient says they take (e.g. “降压片 氨氯地平”):</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/medication_view.py" line="357"/>
        <source>输入药名后按回车</source>
        <translation>Type a name and press Enter</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/medication_view.py" line="358"/>
        <source>添加</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/medication_view.py" line="359"/>
        <source>说明书中彼此提到的地方</source>
        <translation>Where the inserts mention each other</translation>
    </message>
</context>
<context>
    <name>MergeBar</name>
    <message>
        <location filename="../../desktop_app/ui/merging.py" line="131"/>
        <source>合并记录</source>
        <translation>Merging records</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/merging.py" line="136"/>
        <source>已合并为同一份说明书（{0} 张图片）</source>
        <translation>Merged into one insert ({0} pictures)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/merging.py" line="151"/>
        <source>拆分记录</source>
        <translation>Splitting the record</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/merging.py" line="156"/>
        <source>已拆分为 {0} 条记录</source>
        <translation>Split into {0} records</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/merging.py" line="180"/>
        <source>“{1}”开头没有标题，像是接着“{0}”的下一页。合并为同一份说明书吗？</source>
        <translation>“{1}” has no title and starts in the middle of a section: it looks like the next page of “{0}”. Merge them into one insert?</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/merging.py" line="202"/>
        <source>合并为同一份说明书</source>
        <translation>Merge into one insert</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/merging.py" line="203"/>
        <source>选中的几条记录是同一份说明书的几张图片：合并为一条记录</source>
        <translation>The selected records are pictures of one insert: merge them into one record</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/merging.py" line="204"/>
        <source>拆分</source>
        <translation>Split</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/merging.py" line="205"/>
        <source>把合并的记录拆回原来的几条记录</source>
        <translation>Split a merged record back into the records it was made of</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/merging.py" line="206"/>
        <source>合并</source>
        <translation>Merge</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/merging.py" line="207"/>
        <source>不合并</source>
        <translation>Don&apos;t merge</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/merging.py" line="209"/>
        <source>记录(&amp;R)</source>
        <translation>&amp;Records</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <location filename="../../desktop_app/ui/message_bar.py" line="65"/>
        <source>关闭消息</source>
        <translation>Close the message</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../desktop_app/ui/messages.py" line="53"/>
        <source>内存不足，请关闭其他程序后重试</source>
        <extracomment>exceptions whose message is already a sentence for clinic staff</extracomment>
        <translation>Not enough memory: close other programs and try again</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/messages.py" line="56"/>
        <source>磁盘已满，无法保存：{0}</source>
        <translation>The disk is full, cannot save: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/messages.py" line="60"/>
        <source>没有权限访问：{0}</source>
        <translation>No permission to access: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/messages.py" line="62"/>
        <source>找不到文件：{0}</source>
        <translation>File not found: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/messages.py" line="98"/>
        <source>{0}：{1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/messages.py" line="102"/>
        <source>{0}时程序出错（{1}），详情已写入日志</source>
        <translation>Something went wrong while {0} ({1}); the details are in the log</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/importing.py" line="179"/>
        <source>程序出错（{0}），详情已写入日志</source>
        <extracomment>Origin and the ImportItems of one request (one drop, paste, Open or watched file), when all are in</extracomment>
        <translation>Something went wrong ({0}); the details are in the log</translation>
    </message>
</context>
<context>
    <name>OcrWorker</name>
    <message>
        <location filename="../../desktop_app/ui/ocr_worker.py" line="186"/>
        <source>正在准备识别引擎</source>
        <extracomment>Modules the engine imports on first use. Importing is slow and holds the interpreter, so they are imported on the GUI thread before the window shows, not on the worker while the window is in use.</extracomment>
        <translation>Preparing the reading engine</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/ocr_worker.py" line="201"/>
        <source>识别引擎启动时程序出错（{0}），详情已写入日志</source>
        <translation>The reading engine failed to start ({0}); the details are in the log</translation>
    </message>
</context>
<context>
    <name>PatientActions</name>
    <message>
        <location filename="../../desktop_app/ui/patient_actions.py" line="265"/>
        <location filename="../../desktop_app/ui/patient_actions.py" line="286"/>
        <source>新建患者</source>
        <translation>New patient</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/patient_actions.py" line="257"/>
        <location filename="../../desktop_app/ui/patient_actions.py" line="270"/>
        <location filename="../../desktop_app/ui/patient_actions.py" line="312"/>
        <source>读取患者</source>
        <translation>Reading patients</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/patient_actions.py" line="288"/>
        <source>已新建{0}（{1} 条记录）</source>
        <translation>Created {0} ({1} records)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/patient_actions.py" line="299"/>
        <location filename="../../desktop_app/ui/patient_actions.py" line="365"/>
        <source>加入患者</source>
        <translation>Add to patient</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/patient_actions.py" line="301"/>
        <source>已加入{0}</source>
        <translation>Added to {0}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/patient_actions.py" line="330"/>
        <source>这条记录或这段文字已不在了（记录可能已删除或重新识别），请重新核对</source>
        <translation>That record or text is no longer there (the record may have been deleted or read again): check again</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/patient_actions.py" line="362"/>
        <source>用药核对…</source>
        <translation>Medication check…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/patient_actions.py" line="363"/>
        <source>一位患者的几份说明书之间彼此提到的地方（说明书原文）</source>
        <translation>Where one patient&apos;s inserts mention each other (the inserts&apos; own words)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/patient_actions.py" line="364"/>
        <source>新建患者（选中的记录）</source>
        <translation>New patient (selected records)</translation>
    </message>
</context>
<context>
    <name>PatientOffer</name>
    <message>
        <location filename="../../desktop_app/ui/patient_actions.py" line="122"/>
        <source>刚才一起收到的 {0} 张图片属于同一位患者吗？是的话，可以一起做用药核对。</source>
        <extracomment>images arriving together that are offered as one patient: at least 2, and not a whole folder of them</extracomment>
        <translation>Do the {0} pictures that just arrived together belong to one patient? If so, their inserts can be checked together.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/patient_actions.py" line="126"/>
        <source>是，建为一位患者</source>
        <translation>Yes, one patient</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/patient_actions.py" line="127"/>
        <source>不是</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>PatientRow</name>
    <message>
        <location filename="../../desktop_app/ui/patient_actions.py" line="172"/>
        <source>患者：{0}</source>
        <translation>Patient: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/patient_actions.py" line="174"/>
        <source>未归到患者</source>
        <translation>Not under a patient</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/patient_actions.py" line="176"/>
        <source>加入患者</source>
        <translation>Add to patient</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/patient_actions.py" line="177"/>
        <source>把这条记录归到一位患者（或一次就诊）下，做用药核对</source>
        <translation>Put this record under a patient (or one consultation) for a medication check</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/patient_actions.py" line="180"/>
        <source>用药核对</source>
        <translation>Medication check</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/patient_actions.py" line="181"/>
        <source>这位患者的几份说明书之间彼此提到的地方</source>
        <translation>Where this patient&apos;s inserts mention each other</translation>
    </message>
</context>
<context>
    <name>ReadAloud</name>
    <message>
        <location filename="../../desktop_app/ui/speech_thread.py" line="51"/>
        <source>未找到中文语音，请安装 espeak-ng（Linux）或中文语音包（Windows）</source>
        <translation>No Chinese voice found: install espeak-ng (Linux) or a Chinese voice pack (Windows)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/speech_thread.py" line="55"/>
        <source>无法启动语音引擎，请安装 espeak-ng（Linux）；Windows 使用系统自带的语音</source>
        <translation>The speech engine could not start: install espeak-ng (Linux); Windows uses its own voices</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/speech_thread.py" line="59"/>
        <source>找不到播放声音的程序，请安装 alsa-utils（aplay）或 pulseaudio-utils（paplay）</source>
        <translation>No program to play sound was found: install alsa-utils (aplay) or pulseaudio-utils (paplay)</translation>
    </message>
</context>
<context>
    <name>ReadAloudBar</name>
    <message>
        <location filename="../../desktop_app/ui/read_aloud.py" line="222"/>
        <source>药名</source>
        <translation>Drug name</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/read_aloud.py" line="222"/>
        <source>未经核对提示</source>
        <translation>Not-checked notice</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/read_aloud.py" line="215"/>
        <source>正在准备朗读…</source>
        <translation>Getting ready to read…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/read_aloud.py" line="221"/>
        <source>服药时间</source>
        <translation>Dose times</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/read_aloud.py" line="227"/>
        <source>已暂停（读完这一句后停下）</source>
        <translation>Paused (after the sentence being read)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/read_aloud.py" line="232"/>
        <source>继续朗读…</source>
        <translation>Reading on…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/read_aloud.py" line="243"/>
        <source>说明书</source>
        <translation>insert</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/read_aloud.py" line="246"/>
        <source>保存朗读声音</source>
        <translation>Save the reading</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/read_aloud.py" line="247"/>
        <source>{0}-朗读.wav</source>
        <translation>{0}-reading.wav</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/read_aloud.py" line="248"/>
        <source>WAV 声音文件 (*.wav)</source>
        <translation>WAV sound files (*.wav)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/read_aloud.py" line="265"/>
        <source>正在生成声音文件…</source>
        <translation>Making the sound file…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/read_aloud.py" line="277"/>
        <source>正在朗读：{0}</source>
        <translation>Reading: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/read_aloud.py" line="284"/>
        <source>正在生成声音文件… {0}%</source>
        <translation>Making the sound file… {0}%</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/read_aloud.py" line="294"/>
        <source>声音文件已保存（{0} 秒）</source>
        <translation>Sound file saved ({0} s)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/read_aloud.py" line="295"/>
        <source>朗读声音已保存：{0}（{1} 秒）</source>
        <translation>Reading saved: {0} ({1} s)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/read_aloud.py" line="298"/>
        <source>朗读完毕</source>
        <translation>Finished reading</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/read_aloud.py" line="300"/>
        <source>已停止</source>
        <translation>Stopped</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/read_aloud.py" line="315"/>
        <source>朗读失败：{0}。可以点“保存为 WAV…”把朗读保存为声音文件，在手机或其他电脑上播放。</source>
        <translation>Reading aloud failed: {0}. You can use “Save WAV…” to save the reading as a sound file and play it on a phone or another computer.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/read_aloud.py" line="318"/>
        <source>无法播放声音：可以保存为 WAV</source>
        <translation>Cannot play sound: you can save it as a WAV</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/read_aloud.py" line="324"/>
        <source>朗读失败：{0}</source>
        <translation>Reading aloud failed: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/read_aloud.py" line="326"/>
        <source>朗读</source>
        <translation>Read aloud</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/read_aloud.py" line="327"/>
        <source>朗读失败</source>
        <translation>Reading aloud failed</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/read_aloud.py" line="355"/>
        <source>朗读</source>
        <comment>the button that starts reading</comment>
        <translation>Read</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/read_aloud.py" line="356"/>
        <source>从药名开始，读出选中的部分</source>
        <translation>Read the drug name, then the ticked sections</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/read_aloud.py" line="357"/>
        <source>暂停</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/read_aloud.py" line="358"/>
        <source>继续</source>
        <translation>Resume</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/read_aloud.py" line="359"/>
        <source>停止</source>
        <translation>Stop</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/read_aloud.py" line="360"/>
        <source>保存为 WAV…</source>
        <translation>Save WAV…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/read_aloud.py" line="361"/>
        <source>把朗读保存成声音文件，可以发回聊天群</source>
        <translation>Save the reading as a sound file, e.g. to send back to the chat group</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/read_aloud.py" line="362"/>
        <source>关闭朗读栏</source>
        <translation>Close the read-aloud bar</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/read_aloud.py" line="363"/>
        <source>朗读内容：</source>
        <translation>Read:</translation>
    </message>
</context>
<context>
    <name>RecordDelegate</name>
    <message>
        <location filename="../../desktop_app/ui/record_list.py" line="141"/>
        <source>等待识别</source>
        <translation>Waiting to be read</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/record_list.py" line="143"/>
        <source>正在识别…</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/record_list.py" line="145"/>
        <source>识别失败</source>
        <translation>Failed</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/record_list.py" line="146"/>
        <source>（未识别出药名）</source>
        <translation>(no drug name found)</translation>
    </message>
</context>
<context>
    <name>RecordList</name>
    <message>
        <location filename="../../desktop_app/ui/record_list.py" line="297"/>
        <source>读取记录列表</source>
        <translation>reading the record list</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/record_list.py" line="315"/>
        <source>读取记录</source>
        <translation>reading a record</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/record_list.py" line="377"/>
        <source>找到 {0} 条记录</source>
        <translation>Records found: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/record_list.py" line="379"/>
        <source>共 {0} 条记录（最新的在上）</source>
        <translation>Records: {0} (newest first)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/record_list.py" line="382"/>
        <source>搜索药名或说明书内容…</source>
        <translation>Search drug names and insert text…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/record_list.py" line="383"/>
        <source>输入药名、成分等文字，多个词用空格分开</source>
        <translation>Type a drug name, an ingredient or other text; separate several words with spaces</translation>
    </message>
</context>
<context>
    <name>RecordPanel</name>
    <message>
        <location filename="../../desktop_app/ui/record_view.py" line="174"/>
        <location filename="../../desktop_app/ui/record_view.py" line="185"/>
        <source>打开记录</source>
        <translation>opening the record</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/record_view.py" line="276"/>
        <location filename="../../desktop_app/ui/record_view.py" line="290"/>
        <source>来源：{0}</source>
        <translation>Source: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/record_view.py" line="277"/>
        <source>导入时间：{0}</source>
        <translation>Imported: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/record_view.py" line="280"/>
        <source>识别引擎：{0}</source>
        <translation>Engine: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/record_view.py" line="283"/>
        <source>核对时间：{0}</source>
        <translation>Checked: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/record_view.py" line="293"/>
        <source>取消“已核对”</source>
        <translation>Undo “checked”</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/record_view.py" line="293"/>
        <location filename="../../desktop_app/ui/record_view.py" line="387"/>
        <source>标记为已核对</source>
        <translation>Mark as checked</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/record_view.py" line="303"/>
        <source>已对照原图核对过全部内容（剂量须逐项确认或改正）</source>
        <translation>Everything was checked against the picture (each dose item accepted or corrected)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/record_view.py" line="305"/>
        <source>还没有识别完：识别后才能核对</source>
        <translation>Not read yet: it can be checked once it is read</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/record_view.py" line="307"/>
        <source>识别失败，没有可核对的文字：请重新识别</source>
        <translation>Reading failed, there is no text to check: read it again</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/record_view.py" line="318"/>
        <source>打印给患者看的大字版说明单，或保存为 PDF（Ctrl+P）</source>
        <translation>Print a large-print sheet for the patient, or save it as a PDF (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/record_view.py" line="319"/>
        <source>朗读说明书，或保存为声音文件</source>
        <translation>Read the insert aloud, or save the reading as a sound file</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/record_view.py" line="322"/>
        <source>请先选择一条已识别出文字的记录</source>
        <translation>Select a record whose text has been read first</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/record_notes.py" line="41"/>
        <source>识别失败：{0}</source>
        <translation>Reading failed: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/record_notes.py" line="46"/>
        <source>排队等待识别…</source>
        <translation>Waiting to be read…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/record_notes.py" line="49"/>
        <source>正在识别，请稍候…</source>
        <translation>Reading, please wait…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/record_notes.py" line="59"/>
        <source>请注意：</source>
        <translation>Please note:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/record_notes.py" line="117"/>
        <source>⚠ 请注意：{0} 条提示 {1}</source>
        <translation>⚠ Please note: {0} notes {1}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/record_notes.py" line="122"/>
        <source>收起提示</source>
        <translation>Fold the notes</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/record_notes.py" line="124"/>
        <source>展开全部提示</source>
        <translation>Show all the notes</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/record_notes.py" line="52"/>
        <source>这张图片中没有识别出文字。</source>
        <translation>No text was found in this picture.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/record_pages.py" line="99"/>
        <source>正在载入图片…</source>
        <translation>Loading the picture…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/record_pages.py" line="118"/>
        <source>无法显示图片</source>
        <translation>Cannot show the picture</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/record_pages.py" line="119"/>
        <source>显示图片</source>
        <translation>showing the picture</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/record_view.py" line="332"/>
        <source>保存修改</source>
        <translation>saving the change</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/record_view.py" line="342"/>
        <source>恢复识别原文</source>
        <translation>Restore the read text</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/record_view.py" line="373"/>
        <source>把说明书图片拖到这里，
或按 Ctrl+V 粘贴图片，
或从“文件”菜单打开图片。</source>
        <translation>Drag insert pictures here,
or paste one with Ctrl+V,
or open pictures from the File menu.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/record_view.py" line="375"/>
        <source>重新识别</source>
        <translation>Read again</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/record_view.py" line="377"/>
        <source>用当前的识别引擎再读一次这张图片（原来的修改会保存在修改记录中）</source>
        <translation>Read this picture again with the current engine (earlier edits stay in the change history)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/record_view.py" line="379"/>
        <source>取消识别</source>
        <translation>Cancel reading</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/record_view.py" line="380"/>
        <source>打印大字版</source>
        <translation>Print sheet</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/record_view.py" line="381"/>
        <source>朗读</source>
        <translation>Read aloud</translation>
    </message>
</context>
<context>
    <name>RecordReview</name>
    <message>
        <location filename="../../desktop_app/ui/record_review.py" line="47"/>
        <source>打开记录</source>
        <extracomment>the field of the item shown last: its focus (which may come later) keeps the item&apos;s zoom</extracomment>
        <translation>opening the record</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/record_review.py" line="90"/>
        <source>确认剂量</source>
        <translation>accepting the dose</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/record_review.py" line="107"/>
        <source>标记核对</source>
        <translation>marking as checked</translation>
    </message>
</context>
<context>
    <name>ReviewBar</name>
    <message>
        <location filename="../../desktop_app/ui/review_bar.py" line="49"/>
        <source>前面可能漏了换行</source>
        <translation>a line break may be missing before it</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_bar.py" line="51"/>
        <source>“{0}”不像剂量里的字</source>
        <translation>“{0}” does not look like part of a dose</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_bar.py" line="53"/>
        <source>“{0}”把握不大（{1}%）</source>
        <translation>“{0}” read with little certainty ({1}%)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_bar.py" line="62"/>
        <source>✔ 已确认</source>
        <translation>✔ accepted</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_bar.py" line="64"/>
        <source>✎ 已改正</source>
        <translation>✎ corrected</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_bar.py" line="65"/>
        <source>● 待核对</source>
        <translation>● to check</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_bar.py" line="175"/>
        <source>收起待核对列表</source>
        <translation>Hide the list of items to check</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_bar.py" line="175"/>
        <source>显示待核对列表</source>
        <translation>Show the list of items to check</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_bar.py" line="245"/>
        <source>{0} 处待核对（共 {1} 处）</source>
        <translation>{0} to check (of {1})</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_bar.py" line="248"/>
        <source>✔ 剂量已全部核对（{0} 处）</source>
        <translation>✔ All doses checked ({0})</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_bar.py" line="254"/>
        <source>‹ 上一处</source>
        <translation>‹ Previous</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_bar.py" line="255"/>
        <source>下一处 ›</source>
        <translation>Next ›</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_bar.py" line="256"/>
        <source>✔ 确认无误</source>
        <translation>✔ Read right</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_bar.py" line="257"/>
        <source>✎ 修改</source>
        <translation>✎ Edit</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_bar.py" line="258"/>
        <source>上一处待核对的剂量（Shift+F8）</source>
        <translation>The previous dose to check (Shift+F8)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_bar.py" line="259"/>
        <source>下一处待核对的剂量（F8）</source>
        <translation>The next dose to check (F8)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_bar.py" line="260"/>
        <source>对照原图，这处识别无误（F9）</source>
        <translation>Checked against the picture: read right (F9)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_bar.py" line="261"/>
        <source>选中这处文字，直接输入改正（F2）</source>
        <translation>Select this text and type the correction (F2)</translation>
    </message>
</context>
<context>
    <name>ReviewGate</name>
    <message>
        <location filename="../../desktop_app/ui/review_bar.py" line="328"/>
        <source>还不能标记为已核对</source>
        <translation>Not ready to mark as checked</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_bar.py" line="330"/>
        <source>还有 {0} 处剂量未核对。请逐项对照原图确认（F9）或改正后再标记。</source>
        <translation>{0} dose item(s) are not checked yet. Check each against the picture (F9) or correct it, then mark the record.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_bar.py" line="335"/>
        <source>如确需现在标记，请写明理由（会记入修改记录）：</source>
        <translation>To mark it now anyway, give the reason (it is kept in the change history):</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_bar.py" line="336"/>
        <source>例如：原图模糊，已电话向药房核实剂量</source>
        <translation>e.g. the picture is blurred; the dose was confirmed with the pharmacy by phone</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_bar.py" line="337"/>
        <source>去核对</source>
        <translation>Go and check</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_bar.py" line="338"/>
        <source>仍然标记</source>
        <translation>Mark anyway</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_bar.py" line="339"/>
        <source>写明理由后才能使用</source>
        <translation>Give a reason first</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_bar.py" line="340"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ScheduleGrid</name>
    <message>
        <location filename="../../desktop_app/ui/schedule_grid.py" line="129"/>
        <source>“{0}”的用量“{1}”不是大于 0 的数（可写 1、0.5、1/2 或 半）</source>
        <translation>{0}: the amount “{1}” is not a number above 0 (write 1, 0.5, 1/2 or 半)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/schedule_grid.py" line="133"/>
        <source>“{0}”的用量 {1} 太大，请核对</source>
        <translation>{0}: the amount {1} is too large; please check</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/schedule_grid.py" line="135"/>
        <source>“{0}”的用量没有单位（如 片、粒、袋、ml）</source>
        <translation>{0}: the amount has no unit (e.g. 片 tablet, 粒 capsule, 袋 sachet, ml)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/schedule_grid.py" line="139"/>
        <source>已选择进餐关系，但没有填写任何时间的用量</source>
        <translation>A meal timing is chosen but no time has an amount</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/schedule_grid.py" line="206"/>
        <source>建议（来自说明书，已采用）：{0}
原文：“{1}”</source>
        <translation>Suggested (from the insert, used): {0}
Insert text: “{1}”</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/schedule_grid.py" line="208"/>
        <source>建议（来自说明书，尚未采用）：{0}
原文：“{1}”</source>
        <translation>Suggested (from the insert, not used yet): {0}
Insert text: “{1}”</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/schedule_grid.py" line="211"/>
        <source>请注意：{0}</source>
        <translation>Note: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/schedule_grid.py" line="212"/>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/schedule_grid.py" line="216"/>
        <source>没有建议：{0}</source>
        <translation>No suggestion: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/schedule_grid.py" line="220"/>
        <source>已采用建议。打印前请按医嘱核对。</source>
        <translation>Suggestion used. Check it against the prescription before printing.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/schedule_grid.py" line="221"/>
        <source>已填入上次为这份说明书确认的服药时间，请按本次医嘱核对。</source>
        <translation>Filled in with the times last confirmed for this insert; check them against this prescription.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/schedule_grid.py" line="227"/>
        <source>服药时间（填写后印在用药卡最上方；不填则不印）</source>
        <translation>Dose times (printed at the top of the medication card when filled in; nothing is printed when empty)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/schedule_grid.py" line="229"/>
        <source>早</source>
        <translation>Morning</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/schedule_grid.py" line="230"/>
        <source>中</source>
        <translation>Noon</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/schedule_grid.py" line="231"/>
        <source>晚</source>
        <translation>Evening</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/schedule_grid.py" line="232"/>
        <source>睡前</source>
        <translation>Bedtime</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/schedule_grid.py" line="236"/>
        <source>与进餐：</source>
        <translation>With meals:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/schedule_grid.py" line="237"/>
        <source>（不注明）</source>
        <translation>(not stated)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/schedule_grid.py" line="237"/>
        <source>饭前</source>
        <translation>Before meals</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/schedule_grid.py" line="237"/>
        <source>饭后</source>
        <translation>After meals</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/schedule_grid.py" line="237"/>
        <source>随餐</source>
        <translation>With meals</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/schedule_grid.py" line="240"/>
        <source>清空</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/schedule_grid.py" line="241"/>
        <source>采用建议</source>
        <translation>Use suggestion</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/schedule_grid.py" line="242"/>
        <source>把建议的用量填入上面的表格；打印前请按医嘱核对</source>
        <translation>Put the suggested amounts into the table above; check them against the prescription before printing</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="255"/>
        <source>选择要监视的文件夹</source>
        <translation>Choose a folder to watch</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="266"/>
        <source>选择 HunyuanOCR 模型文件夹</source>
        <translation>Choose the HunyuanOCR model folder</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="281"/>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="282"/>
        <source>识别引擎</source>
        <translation>Reading engine</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="283"/>
        <source>监视文件夹</source>
        <translation>Watched folders</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="284"/>
        <source>界面</source>
        <translation>Display</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="285"/>
        <source>朗读与打印</source>
        <translation>Speech and printing</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="288"/>
        <source>内置 CPU 引擎</source>
        <translation>Built-in CPU engine</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="289"/>
        <source>HunyuanOCR</source>
        <translation>HunyuanOCR</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="293"/>
        <source>识别引擎：</source>
        <translation>Reading engine:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="294"/>
        <source>HunyuanOCR 模型文件夹：</source>
        <translation>HunyuanOCR model folder:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="295"/>
        <source>留空：自动查找</source>
        <translation>Empty: look for it automatically</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="296"/>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="287"/>
        <source>自动（推荐）</source>
        <translation>Automatic (recommended)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="189"/>
        <source>自动（普通话）</source>
        <extracomment>folders given with --watch when the app started: watched, listed, not saved and not removable here</extracomment>
        <translation>Automatic (Mandarin)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="213"/>
        <source>{0}（启动时用 --watch 给出）</source>
        <translation>{0} (given with --watch at start)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="215"/>
        <source>这个文件夹是启动程序时在命令行用 --watch 给出的，只在这次运行中监视</source>
        <translation>This folder was given with --watch on the command line when the program started; it is watched for this run only</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="224"/>
        <source>命令行 --watch 给出的文件夹不能在这里移除：下次启动时不加 --watch 即可</source>
        <translation>A folder given with --watch cannot be removed here: start the program without --watch next time</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="227"/>
        <source>先在上面选中要移除的文件夹</source>
        <translation>First select the folder to remove above</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="229"/>
        <source>不再监视选中的文件夹</source>
        <translation>Stop watching the selected folder</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="299"/>
        <source>自动：有 NVIDIA 显卡（或 Apple 芯片）和 HunyuanOCR 模型时用 HunyuanOCR，识别更准；否则用内置 CPU 引擎。</source>
        <translation>Automatic: HunyuanOCR, which reads better, when there is an NVIDIA graphics card (or an Apple chip) and the HunyuanOCR model; otherwise the built-in CPU engine.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="305"/>
        <source>放进这些文件夹（包括子文件夹）的新图片会自动导入并识别。可以添加微信、QQ 等聊天软件的下载文件夹。</source>
        <translation>New pictures saved into these folders (and their subfolders) are imported and read automatically. You can add the download folders of chat apps such as WeChat or QQ.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="308"/>
        <source>添加文件夹…</source>
        <translation>Add a folder…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="309"/>
        <source>添加聊天软件文件夹</source>
        <translation>Add a chat app folder</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="311"/>
        <source>在这台电脑上找到的聊天软件下载文件夹</source>
        <translation>Chat app download folders found on this computer</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="313"/>
        <source>这台电脑上没有找到微信、企业微信、QQ 或钉钉的下载文件夹</source>
        <translation>No WeChat, WeCom, QQ or DingTalk download folder was found on this computer</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="315"/>
        <source>移除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="318"/>
        <source>界面语言：</source>
        <translation>Language:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="319"/>
        <source>字号：</source>
        <translation>Font size:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="320"/>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="327"/>
        <source> 磅</source>
        <translation> pt</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="321"/>
        <source>朗读语音：</source>
        <translation>Voice:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="322"/>
        <source>语音引擎报告的语音，普通话在前；“自动”选最合适的普通话语音</source>
        <translation>The voices the speech engine reports, Mandarin first; “Automatic” picks the best Mandarin voice</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="324"/>
        <source>朗读速度：</source>
        <translation>Speaking rate:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="325"/>
        <source> 倍</source>
        <translation>×</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="326"/>
        <source>大字版正文字号：</source>
        <translation>Sheet text size:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="328"/>
        <source>诊所名称：</source>
        <translation>Clinic name:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/settings_dialog.py" line="329"/>
        <source>印在大字版上</source>
        <translation>Printed on the large-print sheet</translation>
    </message>
</context>
<context>
    <name>SheetDialog</name>
    <message>
        <location filename="../../desktop_app/ui/sheet_dialog.py" line="228"/>
        <source>{0}-大字版.pdf</source>
        <translation>{0}-large-print.pdf</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sheet_dialog.py" line="230"/>
        <source>另存为 PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sheet_dialog.py" line="230"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sheet_dialog.py" line="242"/>
        <location filename="../../desktop_app/ui/sheet_dialog.py" line="280"/>
        <source>大字版共 {0} 页</source>
        <translation>The sheet has {0} page(s)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sheet_dialog.py" line="243"/>
        <source>大字版已保存：{0}（共 {1} 页）</source>
        <translation>Large-print sheet saved: {0} ({1} page(s))</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sheet_dialog.py" line="250"/>
        <source>保存大字版 PDF</source>
        <translation>Saving the large-print PDF</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sheet_dialog.py" line="259"/>
        <source>{0} 大字版</source>
        <translation>{0} large print</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sheet_dialog.py" line="267"/>
        <source>生成大字版</source>
        <translation>Making the large-print sheet</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sheet_dialog.py" line="284"/>
        <source>预览并打印：{0}</source>
        <translation>Preview and print: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sheet_dialog.py" line="299"/>
        <source>打印失败：{0}</source>
        <translation>Printing failed: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sheet_dialog.py" line="301"/>
        <location filename="../../desktop_app/ui/sheet_dialog.py" line="387"/>
        <source>打印大字版</source>
        <translation>Print large-print sheet</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sheet_dialog.py" line="311"/>
        <source>正在生成大字版…</source>
        <translation>Making the large-print sheet…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sheet_dialog.py" line="330"/>
        <source>{0}：{1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sheet_dialog.py" line="338"/>
        <source>按 {0} 磅字号，用药卡排不进一页（{1} 页），请选小一些的字号</source>
        <translation>At {0} pt the medication card does not fit on one page ({1} pages); choose a smaller size</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sheet_dialog.py" line="344"/>
        <source>打印用的字体缺少这些字，纸上会是空白，请手写补上：{0}</source>
        <translation>The print font lacks these characters; they will be blank on paper, please write them in: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sheet_dialog.py" line="352"/>
        <source>服药时间有误：{0}</source>
        <translation>Dose times: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sheet_dialog.py" line="354"/>
        <source>请至少选择一个部分</source>
        <translation>Tick at least one section</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sheet_dialog.py" line="357"/>
        <source>这条记录没有用法用量、警示语或禁忌，用药卡上没有可印的内容</source>
        <translation>This record has no dosage, warning or contraindications: there is nothing to put on the medication card</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sheet_dialog.py" line="388"/>
        <source>大字版说明单：{0}</source>
        <translation>Large-print sheet: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sheet_dialog.py" line="389"/>
        <source>打印什么</source>
        <translation>What to print</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sheet_dialog.py" line="390"/>
        <source>只打印用药卡（一页）</source>
        <translation>Medication card only (one page)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sheet_dialog.py" line="391"/>
        <source>用药卡 + 全文</source>
        <translation>Medication card + full text</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sheet_dialog.py" line="392"/>
        <source>全文包括哪些部分（用法用量排在最前）：</source>
        <translation>Sections of the full text (dosage comes first):</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sheet_dialog.py" line="393"/>
        <source>预览并打印…</source>
        <translation>Preview and print…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sheet_dialog.py" line="394"/>
        <source>另存为 PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sheet_dialog.py" line="395"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>SheetFindings</name>
    <message>
        <location filename="../../desktop_app/ui/sheet_findings.py" line="130"/>
        <location filename="../../desktop_app/ui/sheet_findings.py" line="213"/>
        <source>正在查找…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sheet_findings.py" line="177"/>
        <source>没能查找：{0}</source>
        <translation>Could not search: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sheet_findings.py" line="177"/>
        <source>查找</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sheet_findings.py" line="193"/>
        <source>{0}：说明书中与其他 {1} 种药物有关的条目 {2} 处（原文照印，不是用药建议）</source>
        <translation>{0}: {2} items where the inserts of this and the other medicines ({1}) name each other (printed word for word; not advice)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sheet_findings.py" line="197"/>
        <source>{0}：这些说明书中没有找到彼此提及的内容。勾选后纸上会注明：这不表示可以一起服用，请咨询医生或药师。</source>
        <translation>{0}: these inserts do not mention each other. Ticked, the sheet says that this does not mean the medicines can be taken together — ask a doctor or pharmacist.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sheet_findings.py" line="200"/>
        <source>{0}：没有其他药物（记录或口述）可以对照</source>
        <translation>{0}: no other medicines (records or named by the patient) to compare with</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sheet_findings.py" line="202"/>
        <source>；其中未核对的记录，纸上会注明“请以说明书原件为准”</source>
        <translation>; quotes from records not checked say on the sheet that the original insert is authoritative</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sheet_findings.py" line="209"/>
        <source>打印“{0}”</source>
        <translation>Print “{0}” (the inserts&apos; words about the patient&apos;s other medicines)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sheet_findings.py" line="210"/>
        <source>患者其他药物的说明书中提到本药的条目，以及本药说明书中提到它们的条目</source>
        <translation>The items of the patient&apos;s other inserts that name this medicine, and the items of this insert that name them</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sheet_findings.py" line="211"/>
        <source>患者：</source>
        <translation>Patient:</translation>
    </message>
</context>
<context>
    <name>SheetForm</name>
    <message>
        <location filename="../../desktop_app/ui/sheet_form.py" line="70"/>
        <source>患者姓名：</source>
        <translation>Patient name:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sheet_form.py" line="71"/>
        <source>可不填</source>
        <translation>optional</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sheet_form.py" line="72"/>
        <source>医生/药师叮嘱：</source>
        <translation>Doctor&apos;s / pharmacist&apos;s note:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sheet_form.py" line="73"/>
        <source>例如：早上1片，晚上1片</source>
        <translation>e.g. 早上1片，晚上1片 (1 tablet in the morning, 1 in the evening)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sheet_form.py" line="74"/>
        <source>正文字号：</source>
        <translation>Text size:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sheet_form.py" line="75"/>
        <source> 磅</source>
        <translation> pt</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sheet_form.py" line="76"/>
        <source>纸张：</source>
        <translation>Paper:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sheet_form.py" line="77"/>
        <source>诊所名称：</source>
        <translation>Clinic name:</translation>
    </message>
</context>
<context>
    <name>SpeechChoices</name>
    <message>
        <location filename="../../desktop_app/ui/read_aloud_choices.py" line="85"/>
        <location filename="../../desktop_app/ui/read_aloud_choices.py" line="95"/>
        <source>自动（普通话）</source>
        <translation>Automatic (Mandarin)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/read_aloud_choices.py" line="93"/>
        <source>语速：</source>
        <translation>Speed:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/read_aloud_choices.py" line="94"/>
        <source>声音：</source>
        <translation>Voice:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/read_aloud_choices.py" line="100"/>
        <source>语速、声音 ▾</source>
        <translation>Speed ▾</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/read_aloud_choices.py" line="100"/>
        <source>语速、声音 ▸</source>
        <translation>Speed ▸</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/read_aloud_choices.py" line="102"/>
        <source>收起语速和声音</source>
        <translation>Hide the speed and voice</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/read_aloud_choices.py" line="102"/>
        <source>选择朗读的语速和声音</source>
        <translation>Choose the reading speed and voice</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/read_aloud_choices.py" line="123"/>
        <source>很慢</source>
        <translation>Very slow</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/read_aloud_choices.py" line="124"/>
        <source>慢</source>
        <translation>Slow</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/read_aloud_choices.py" line="125"/>
        <source>较慢（适合老人）</source>
        <translation>Slower (for elderly listeners)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/read_aloud_choices.py" line="126"/>
        <source>正常</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/read_aloud_choices.py" line="127"/>
        <source>快</source>
        <translation>Fast</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/read_aloud_choices.py" line="132"/>
        <source>{0}%</source>
        <translation>{0}%</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../desktop_app/ui/status_text.py" line="14"/>
        <source>排队中</source>
        <translation>Queued</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/status_text.py" line="15"/>
        <source>识别中</source>
        <translation>Reading</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/status_text.py" line="16"/>
        <source>已识别</source>
        <translation>Read</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/status_text.py" line="17"/>
        <source>识别失败</source>
        <translation>Failed</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/status_text.py" line="18"/>
        <source>已核对</source>
        <translation>Checked</translation>
    </message>
</context>
<context>
    <name>UnreviewedNote</name>
    <message>
        <location filename="../../desktop_app/ui/sheet_form.py" line="111"/>
        <source>此记录尚未核对。可以打印，但每一页都会注明“未经核对：请以说明书原件为准”。</source>
        <translation>This record has not been checked. You can print it, but every page will say “Not checked: the original insert is authoritative”.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sheet_form.py" line="113"/>
        <source>先去核对</source>
        <translation>Check it first</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sheet_form.py" line="114"/>
        <source>关闭此窗口，逐项核对剂量后再打印</source>
        <translation>Close this window and check each dose item before printing</translation>
    </message>
</context>
</TS>
