<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>CoreMessage</name>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="19"/>
        <source>剂量中的“{text}”识别把握不大（{confidence}），请对照原图核对：…{context}…</source>
        <translation>Not sure of “{text}” in a dose ({confidence}): check it against the picture: …{context}…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="22"/>
        <source>“{marker}”前面可能漏了换行，请对照原图核对：…{context}…</source>
        <translation>A line break may be missing before “{marker}”: check it against the picture: …{context}…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="25"/>
        <source>未找到以下部分：{sections}</source>
        <translation>Sections not found: {sections}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="26"/>
        <source>小标题“{read}”未能认清，按说明书各部分的顺序当作【{header}】，请对照原图核对</source>
        <translation>The heading “{read}” could not be read; by the usual order of an insert&apos;s sections it was taken as 【{header}】. Check it against the image</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="29"/>
        <source>字迹模糊的小标题按已知的小标题读出：{headers}，请对照原图核对</source>
        <translation>Blurred headings were read as known headings: {headers}. Check them against the image</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="32"/>
        <source>HunyuanOCR 未使用：{reason}；已使用内置 CPU 引擎</source>
        <translation>HunyuanOCR not used: {reason}; the built-in CPU engine reads instead</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="33"/>
        <source>HunyuanOCR 未使用：未找到 HunyuanOCR 模型文件；已使用内置 CPU 引擎</source>
        <translation>HunyuanOCR not used: its model files were not found; the built-in CPU engine reads instead</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="36"/>
        <source>HunyuanOCR 未使用：这台电脑没有可用的 GPU（CUDA / Apple MPS），HunyuanOCR 在 CPU 上太慢；已使用内置 CPU 引擎</source>
        <translation>HunyuanOCR not used: this computer has no usable GPU (CUDA / Apple MPS), and HunyuanOCR is too slow on the CPU; the built-in CPU engine reads instead</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="40"/>
        <source>已取消识别</source>
        <translation>Reading cancelled</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="41"/>
        <source>没有用法用量的文字</source>
        <translation>There is no dosage text</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="42"/>
        <source>这条记录没有用法用量，请按医嘱填写</source>
        <translation>This record has no dosage section; fill in the prescription</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="43"/>
        <source>用量或次数是一个范围（如 一次1～2片），请按医嘱填写</source>
        <translation>The dose or the number of times is a range (e.g. 1-2 tablets at a time); fill in the prescription</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="44"/>
        <source>用法用量中有“{words}”：不止一种用法，请按医嘱填写</source>
        <translation>The dosage says “{words}”: more than one regimen; fill in the prescription</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="47"/>
        <source>用法用量中有“{words}”：用量可多可少，请按医嘱填写</source>
        <translation>The dosage says “{words}”: the dose may vary; fill in the prescription</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="48"/>
        <source>说明书写的是“{words}”服用，不是固定时间，请按医嘱填写</source>
        <translation>The insert says to take it “{words}”, not at fixed times; fill in the prescription</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="51"/>
        <source>说明书写的是“{words}”，不是每天固定几次，请按医嘱填写</source>
        <translation>The insert says “{words}”, not a fixed number of times a day; fill in the prescription</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="54"/>
        <source>没有读到清楚的每次用量（如 一次1片），请按医嘱填写</source>
        <translation>No clear dose per time was read (e.g. 一次1片, 1 tablet at a time); fill in the prescription</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="57"/>
        <source>用法用量中有几种用量（如成人与儿童、首次与以后），请按医嘱填写</source>
        <translation>The dosage gives several doses (e.g. adults and children, first dose and later); fill in the prescription</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="60"/>
        <source>用量按年龄或体重区分，请按医嘱填写</source>
        <translation>The dose depends on age or weight; fill in the prescription</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="61"/>
        <source>用法用量中有“或”另一种用法，请按医嘱填写</source>
        <translation>The dosage gives an alternative (“或”, or); fill in the prescription</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="62"/>
        <source>一日几次有几种说法，请按医嘱填写</source>
        <translation>The number of times a day is given more than once, differently; fill in the prescription</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="63"/>
        <source>用量中有识别不确定的字“{text}”，请先核对原件</source>
        <translation>The reader was unsure of “{text}” in the dose; check the original insert first</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="64"/>
        <source>一日{times}次与所写的服药时间不一致，请按医嘱填写</source>
        <translation>{times} times a day does not match the times of day named; fill in the prescription</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="67"/>
        <source>一日1次，说明书没有写在什么时间服用，请按医嘱填写</source>
        <translation>Once a day, but the insert does not say when; fill in the prescription</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="70"/>
        <source>没有写一日几次，请按医嘱填写</source>
        <translation>The insert does not say how many times a day; fill in the prescription</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="71"/>
        <source>一日{times}次，请按医嘱填写服药时间</source>
        <translation>{times} times a day; fill in the times of the prescription</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="72"/>
        <source>说明书写有“空腹”，请按需要选择饭前</source>
        <translation>The insert says “空腹” (on an empty stomach); choose Before meals if that is meant</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="73"/>
        <source>饭前、饭后、随餐的说法不止一种，未填，请按医嘱选择</source>
        <translation>The insert gives more than one of before / after / with meals; left empty, choose as prescribed</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="76"/>
        <source>每次{dose}，用量较大，请核对原件</source>
        <translation>{dose} at a time is a large dose; check the original insert</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="80"/>
        <source>未找到 HunyuanOCR 模型文件</source>
        <extracomment>short reasons for the status bar: why the built-in engine reads (code -&gt; reason)</extracomment>
        <translation>HunyuanOCR model not found</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/core_text.py" line="81"/>
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
        <location filename="../../desktop_app/ui/engine_status.py" line="39"/>
        <source>识别引擎不可用：{0}</source>
        <translation>Reading engine not available: {0}</translation>
    </message>
</context>
<context>
    <name>FieldEditor</name>
    <message>
        <location filename="../../desktop_app/ui/field_editor.py" line="258"/>
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/field_editor.py" line="267"/>
        <source>说明书开头</source>
        <translation>Opening text</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/field_editor.py" line="269"/>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/field_editor.py" line="274"/>
        <source>（已修改）</source>
        <translation>(edited)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/field_editor.py" line="276"/>
        <source>识别结果已更新，与您的修改不同：上面是您的修改，下面是新的识别结果</source>
        <translation>The engine&apos;s new reading differs from your edit: your edit is above, the new reading below</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/field_editor.py" line="278"/>
        <source>恢复识别原文</source>
        <translation>Restore the read text</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/field_editor.py" line="279"/>
        <source>丢弃修改，改回识别出的文字（修改记录会保留）</source>
        <translation>Discard the changes and go back to the text as read (the change history is kept)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/field_editor.py" line="280"/>
        <source>识别原文</source>
        <translation>Text as read</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/field_editor.py" line="281"/>
        <source>显示识别出的原始文字</source>
        <translation>Show the text as the engine read it</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/field_editor.py" line="282"/>
        <source>识别把握不大，请核对原图</source>
        <translation>Not sure of this reading: please check it against the picture</translation>
    </message>
</context>
<context>
    <name>FieldsPane</name>
    <message>
        <location filename="../../desktop_app/ui/record_fields.py" line="159"/>
        <source>收起其余 {0} 个部分</source>
        <extracomment>shown first, in this order; the boxed 警示语 leads wherever the page printed it</extracomment>
        <translation>Hide the other {0} sections</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/record_fields.py" line="159"/>
        <source>其余 {0} 个部分</source>
        <translation>The other {0} sections</translation>
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
        <location filename="../../desktop_app/ui/launch.py" line="70"/>
        <location filename="../../desktop_app/ui/launch.py" line="90"/>
        <source>无法打开记录库</source>
        <translation>Cannot open the record database</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/launch.py" line="126"/>
        <source>自动备份失败：{0}</source>
        <translation>Automatic backup failed: {0}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop_app/ui/main_imports.py" line="44"/>
        <source>打开说明书图片</source>
        <translation>Open insert pictures</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_imports.py" line="46"/>
        <source>图片 ({0})</source>
        <translation>Pictures ({0})</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_imports.py" line="53"/>
        <source>导入文件夹中的全部图片</source>
        <translation>Import all pictures in a folder</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_imports.py" line="65"/>
        <source>剪贴板里没有图片或图片文件</source>
        <translation>The clipboard holds no picture or picture file</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_imports.py" line="96"/>
        <source>监视文件夹中的“{0}”无法导入：{1}</source>
        <translation>“{0}” in a watched folder cannot be imported: {1}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_imports.py" line="102"/>
        <source>“{0}”无法导入：{1}</source>
        <translation>“{0}” cannot be imported: {1}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_imports.py" line="111"/>
        <source>监视文件夹中有新图片“{0}”，正在识别</source>
        <translation>New picture “{0}” in a watched folder: reading it</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_imports.py" line="118"/>
        <source>“{0}”已经导入过，已选中原来的记录</source>
        <translation>“{0}” was imported before: its record is selected</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_imports.py" line="130"/>
        <source>监视的文件夹不见了，会在它恢复后继续监视：{0}</source>
        <translation>A watched folder is gone; it will be watched again when it comes back: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="271"/>
        <source>重新识别</source>
        <translation>Read again</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/status_area.py" line="55"/>
        <source>正在识别第 {0} 张，共 {1} 张</source>
        <translation>Reading picture {0} of {1}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="290"/>
        <source>读取记录</source>
        <translation>reading a record</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="294"/>
        <source>“{0}”识别失败：{1}</source>
        <translation>Reading “{0}” failed: {1}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="304"/>
        <source>HunyuanOCR 使用许可</source>
        <translation>HunyuanOCR licence</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="345"/>
        <location filename="../../desktop_app/ui/main_window.py" line="367"/>
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="347"/>
        <source>药品说明书识读 {0}

识读药品说明书图片，核对后打印大字版或朗读。
数据文件夹：{1}</source>
        <translation>Insert Reader {0}

Reads pictures of drug package inserts; after checking, print a large-print sheet or have it read aloud.
Data folder: {1}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="354"/>
        <source>药品说明书识读</source>
        <translation>Insert Reader</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="355"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="356"/>
        <source>工具(&amp;T)</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="357"/>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="358"/>
        <source>工具栏</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="359"/>
        <source>打开图片…</source>
        <translation>Open pictures…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="360"/>
        <source>打开说明书图片（可多选）</source>
        <translation>Open insert pictures (you can pick several)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="361"/>
        <source>导入文件夹…</source>
        <translation>Import a folder…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="362"/>
        <source>粘贴图片</source>
        <translation>Paste picture</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="363"/>
        <source>粘贴复制的图片或图片文件（Ctrl+V）</source>
        <translation>Paste a copied picture or picture file (Ctrl+V)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="364"/>
        <source>设置…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="365"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/main_window.py" line="366"/>
        <source>打开日志文件夹</source>
        <translation>Open the log folder</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/status_area.py" line="80"/>
        <source>全部取消</source>
        <translation>Cancel all</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/status_area.py" line="82"/>
        <source>取消排队中和正在识别的图片</source>
        <translation>Cancel the pictures waiting and being read</translation>
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
        <location filename="../../desktop_app/ui/importing.py" line="170"/>
        <source>程序出错（{0}），详情已写入日志</source>
        <translation>Something went wrong ({0}); the details are in the log</translation>
    </message>
</context>
<context>
    <name>OcrWorker</name>
    <message>
        <location filename="../../desktop_app/ui/ocr_worker.py" line="179"/>
        <source>正在准备识别引擎</source>
        <extracomment>Modules the engine imports on first use. Importing is slow and holds the interpreter, so they are imported on the GUI thread before the window shows, not on the worker while the window is in use.</extracomment>
        <translation>Preparing the reading engine</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/ocr_worker.py" line="194"/>
        <source>识别引擎启动时程序出错（{0}），详情已写入日志</source>
        <translation>The reading engine failed to start ({0}); the details are in the log</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/ocr_worker.py" line="254"/>
        <source>识别时程序出错（{0}），详情已写入日志</source>
        <translation>Something went wrong while reading ({0}); the details are in the log</translation>
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
        <location filename="../../desktop_app/ui/read_aloud.py" line="219"/>
        <source>药名</source>
        <translation>Drug name</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/read_aloud.py" line="219"/>
        <source>未经核对提示</source>
        <translation>Not-checked notice</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/read_aloud.py" line="223"/>
        <source>正在准备朗读…</source>
        <translation>Getting ready to read…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/read_aloud.py" line="229"/>
        <source>已暂停（读完这一句后停下）</source>
        <translation>Paused (after the sentence being read)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/read_aloud.py" line="234"/>
        <source>继续朗读…</source>
        <translation>Reading on…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/read_aloud.py" line="245"/>
        <source>说明书</source>
        <translation>insert</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/read_aloud.py" line="248"/>
        <source>保存朗读声音</source>
        <translation>Save the reading</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/read_aloud.py" line="249"/>
        <source>{0}-朗读.wav</source>
        <translation>{0}-reading.wav</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/read_aloud.py" line="250"/>
        <source>WAV 声音文件 (*.wav)</source>
        <translation>WAV sound files (*.wav)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/read_aloud.py" line="267"/>
        <source>正在生成声音文件…</source>
        <translation>Making the sound file…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/read_aloud.py" line="279"/>
        <source>正在朗读：{0}</source>
        <translation>Reading: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/read_aloud.py" line="286"/>
        <source>正在生成声音文件… {0}%</source>
        <translation>Making the sound file… {0}%</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/read_aloud.py" line="296"/>
        <source>声音文件已保存（{0} 秒）</source>
        <translation>Sound file saved ({0} s)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/read_aloud.py" line="297"/>
        <source>朗读声音已保存：{0}（{1} 秒）</source>
        <translation>Reading saved: {0} ({1} s)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/read_aloud.py" line="300"/>
        <source>朗读完毕</source>
        <translation>Finished reading</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/read_aloud.py" line="302"/>
        <source>已停止</source>
        <translation>Stopped</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/read_aloud.py" line="317"/>
        <source>朗读失败：{0}。可以点“保存为 WAV…”把朗读保存为声音文件，在手机或其他电脑上播放。</source>
        <translation>Reading aloud failed: {0}. You can use “Save as WAV…” to save the reading as a sound file and play it on a phone or another computer.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/read_aloud.py" line="320"/>
        <source>无法播放声音：可以保存为 WAV</source>
        <translation>Cannot play sound: you can save it as a WAV</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/read_aloud.py" line="326"/>
        <source>朗读失败：{0}</source>
        <translation>Reading aloud failed: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/read_aloud.py" line="328"/>
        <location filename="../../desktop_app/ui/read_aloud.py" line="400"/>
        <source>朗读</source>
        <translation>Read aloud</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/read_aloud.py" line="329"/>
        <source>朗读失败</source>
        <translation>Reading aloud failed</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/read_aloud.py" line="337"/>
        <location filename="../../desktop_app/ui/read_aloud.py" line="411"/>
        <source>自动（普通话）</source>
        <translation>Automatic (Mandarin)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/read_aloud.py" line="372"/>
        <source>很慢</source>
        <translation>Very slow</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/read_aloud.py" line="373"/>
        <source>慢</source>
        <translation>Slow</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/read_aloud.py" line="374"/>
        <source>较慢（适合老人）</source>
        <translation>Slower (for elderly listeners)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/read_aloud.py" line="375"/>
        <source>正常</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/read_aloud.py" line="376"/>
        <source>快</source>
        <translation>Fast</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/read_aloud.py" line="381"/>
        <source>{0}%</source>
        <translation>{0}%</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/read_aloud.py" line="401"/>
        <source>从药名开始，读出选中的部分</source>
        <translation>Read the drug name, then the ticked sections</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/read_aloud.py" line="402"/>
        <source>暂停</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/read_aloud.py" line="403"/>
        <source>继续</source>
        <translation>Resume</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/read_aloud.py" line="404"/>
        <source>停止</source>
        <translation>Stop</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/read_aloud.py" line="405"/>
        <source>保存为 WAV…</source>
        <translation>Save as WAV…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/read_aloud.py" line="406"/>
        <source>把朗读保存成声音文件，可以发回聊天群</source>
        <translation>Save the reading as a sound file, e.g. to send back to the chat group</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/read_aloud.py" line="407"/>
        <source>语速：</source>
        <translation>Speed:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/read_aloud.py" line="408"/>
        <source>声音：</source>
        <translation>Voice:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/read_aloud.py" line="409"/>
        <source>关闭朗读栏</source>
        <translation>Close the read-aloud bar</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/read_aloud.py" line="410"/>
        <source>朗读内容：</source>
        <translation>Read:</translation>
    </message>
</context>
<context>
    <name>RecordDelegate</name>
    <message>
        <location filename="../../desktop_app/ui/record_list.py" line="140"/>
        <source>等待识别</source>
        <translation>Waiting to be read</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/record_list.py" line="142"/>
        <source>正在识别…</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/record_list.py" line="144"/>
        <source>识别失败</source>
        <translation>Failed</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/record_list.py" line="145"/>
        <source>（未识别出药名）</source>
        <translation>(no drug name found)</translation>
    </message>
</context>
<context>
    <name>RecordList</name>
    <message>
        <location filename="../../desktop_app/ui/record_list.py" line="292"/>
        <source>读取记录列表</source>
        <translation>reading the record list</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/record_list.py" line="310"/>
        <source>读取记录</source>
        <translation>reading a record</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/record_list.py" line="372"/>
        <source>找到 {0} 条记录</source>
        <translation>Records found: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/record_list.py" line="374"/>
        <source>共 {0} 条记录（最新的在上）</source>
        <translation>Records: {0} (newest first)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/record_list.py" line="377"/>
        <source>搜索药名或说明书内容…</source>
        <translation>Search drug names and insert text…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/record_list.py" line="378"/>
        <source>输入药名、成分等文字，多个词用空格分开</source>
        <translation>Type a drug name, an ingredient or other text; separate several words with spaces</translation>
    </message>
</context>
<context>
    <name>RecordPanel</name>
    <message>
        <location filename="../../desktop_app/ui/record_view.py" line="182"/>
        <location filename="../../desktop_app/ui/record_view.py" line="193"/>
        <source>打开记录</source>
        <translation>opening the record</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/record_view.py" line="272"/>
        <source>来源：{0}</source>
        <translation>Source: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/record_view.py" line="272"/>
        <source>导入时间：{0}</source>
        <translation>Imported: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/record_view.py" line="274"/>
        <source>识别引擎：{0}</source>
        <translation>Engine: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/record_view.py" line="277"/>
        <source>核对时间：{0}</source>
        <translation>Checked: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/record_view.py" line="284"/>
        <source>取消“已核对”</source>
        <translation>Undo “checked”</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/record_view.py" line="284"/>
        <location filename="../../desktop_app/ui/record_view.py" line="378"/>
        <source>标记为已核对</source>
        <translation>Mark as checked</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/record_view.py" line="294"/>
        <source>已对照原图核对过全部内容（剂量须逐项确认或改正）</source>
        <translation>Everything was checked against the picture (each dose item accepted or corrected)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/record_view.py" line="296"/>
        <source>还没有识别完：识别后才能核对</source>
        <translation>Not read yet: it can be checked once it is read</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/record_view.py" line="298"/>
        <source>识别失败，没有可核对的文字：请重新识别</source>
        <translation>Reading failed, there is no text to check: read it again</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/record_view.py" line="309"/>
        <source>打印给患者看的大字版说明单，或保存为 PDF（Ctrl+P）</source>
        <translation>Print a large-print sheet for the patient, or save it as a PDF (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/record_view.py" line="310"/>
        <source>朗读说明书，或保存为声音文件</source>
        <translation>Read the insert aloud, or save the reading as a sound file</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/record_view.py" line="313"/>
        <source>请先选择一条已识别出文字的记录</source>
        <translation>Select a record whose text has been read first</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/record_notes.py" line="28"/>
        <source>识别失败：{0}</source>
        <translation>Reading failed: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/record_notes.py" line="33"/>
        <source>排队等待识别…</source>
        <translation>Waiting to be read…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/record_notes.py" line="36"/>
        <source>正在识别，请稍候…</source>
        <translation>Reading, please wait…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/record_notes.py" line="44"/>
        <source>请注意：</source>
        <translation>Please note:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/record_notes.py" line="48"/>
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
        <location filename="../../desktop_app/ui/record_view.py" line="323"/>
        <source>保存修改</source>
        <translation>saving the change</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/record_view.py" line="333"/>
        <source>恢复识别原文</source>
        <translation>Restore the read text</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/record_view.py" line="364"/>
        <source>把说明书图片拖到这里，
或按 Ctrl+V 粘贴图片，
或从“文件”菜单打开图片。</source>
        <translation>Drag insert pictures here,
or paste one with Ctrl+V,
or open pictures from the File menu.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/record_view.py" line="366"/>
        <source>重新识别</source>
        <translation>Read again</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/record_view.py" line="368"/>
        <source>用当前的识别引擎再读一次这张图片（原来的修改会保存在修改记录中）</source>
        <translation>Read this picture again with the current engine (earlier edits stay in the change history)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/record_view.py" line="370"/>
        <source>取消识别</source>
        <translation>Cancel reading</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/record_view.py" line="371"/>
        <source>打印大字版</source>
        <translation>Print sheet</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/record_view.py" line="372"/>
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
        <location filename="../../desktop_app/ui/review_bar.py" line="42"/>
        <source>前面可能漏了换行</source>
        <translation>a line break may be missing before it</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_bar.py" line="44"/>
        <source>“{0}”不像剂量里的字</source>
        <translation>“{0}” does not look like part of a dose</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_bar.py" line="46"/>
        <source>“{0}”把握不大（{1}%）</source>
        <translation>“{0}” read with little certainty ({1}%)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_bar.py" line="54"/>
        <source>✔ 已确认</source>
        <translation>✔ accepted</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_bar.py" line="56"/>
        <source>✎ 已改正</source>
        <translation>✎ corrected</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_bar.py" line="57"/>
        <source>● 待核对</source>
        <translation>● to check</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_bar.py" line="193"/>
        <source>{0} 处待核对（共 {1} 处）</source>
        <translation>{0} to check (of {1})</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_bar.py" line="196"/>
        <source>✔ 剂量已全部核对（{0} 处）</source>
        <translation>✔ All doses checked ({0})</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_bar.py" line="198"/>
        <source>‹ 上一处</source>
        <translation>‹ Previous</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_bar.py" line="199"/>
        <source>下一处 ›</source>
        <translation>Next ›</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_bar.py" line="200"/>
        <source>✔ 确认无误</source>
        <translation>✔ Read right</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_bar.py" line="201"/>
        <source>✎ 修改</source>
        <translation>✎ Edit</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_bar.py" line="202"/>
        <source>上一处待核对的剂量（Shift+F8）</source>
        <translation>The previous dose to check (Shift+F8)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_bar.py" line="203"/>
        <source>下一处待核对的剂量（F8）</source>
        <translation>The next dose to check (F8)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_bar.py" line="204"/>
        <source>对照原图，这处识别无误（F9）</source>
        <translation>Checked against the picture: read right (F9)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_bar.py" line="205"/>
        <source>选中这处文字，直接输入改正（F2）</source>
        <translation>Select this text and type the correction (F2)</translation>
    </message>
</context>
<context>
    <name>ReviewGate</name>
    <message>
        <location filename="../../desktop_app/ui/review_bar.py" line="271"/>
        <source>还不能标记为已核对</source>
        <translation>Not ready to mark as checked</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_bar.py" line="273"/>
        <source>还有 {0} 处剂量未核对。请逐项对照原图确认（F9）或改正后再标记。</source>
        <translation>{0} dose item(s) are not checked yet. Check each against the picture (F9) or correct it, then mark the record.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_bar.py" line="278"/>
        <source>如确需现在标记，请写明理由（会记入修改记录）：</source>
        <translation>To mark it now anyway, give the reason (it is kept in the change history):</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_bar.py" line="279"/>
        <source>例如：原图模糊，已电话向药房核实剂量</source>
        <translation>e.g. the picture is blurred; the dose was confirmed with the pharmacy by phone</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_bar.py" line="280"/>
        <source>去核对</source>
        <translation>Go and check</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_bar.py" line="281"/>
        <source>仍然标记</source>
        <translation>Mark anyway</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_bar.py" line="282"/>
        <source>写明理由后才能使用</source>
        <translation>Give a reason first</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/review_bar.py" line="283"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ScheduleGrid</name>
    <message>
        <location filename="../../desktop_app/ui/schedule_grid.py" line="128"/>
        <source>“{0}”的用量“{1}”不是大于 0 的数（可写 1、0.5、1/2 或 半）</source>
        <translation>{0}: the amount “{1}” is not a number above 0 (write 1, 0.5, 1/2 or 半)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/schedule_grid.py" line="132"/>
        <source>“{0}”的用量 {1} 太大，请核对</source>
        <translation>{0}: the amount {1} is too large; please check</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/schedule_grid.py" line="134"/>
        <source>“{0}”的用量没有单位（如 片、粒、袋、ml）</source>
        <translation>{0}: the amount has no unit (e.g. 片 tablet, 粒 capsule, 袋 sachet, ml)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/schedule_grid.py" line="138"/>
        <source>已选择进餐关系，但没有填写任何时间的用量</source>
        <translation>A meal timing is chosen but no time has an amount</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/schedule_grid.py" line="205"/>
        <source>建议（来自说明书，已采用）：{0}
原文：“{1}”</source>
        <translation>Suggested (from the insert, used): {0}
Insert text: “{1}”</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/schedule_grid.py" line="207"/>
        <source>建议（来自说明书，尚未采用）：{0}
原文：“{1}”</source>
        <translation>Suggested (from the insert, not used yet): {0}
Insert text: “{1}”</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/schedule_grid.py" line="210"/>
        <source>请注意：{0}</source>
        <translation>Note: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/schedule_grid.py" line="211"/>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/schedule_grid.py" line="215"/>
        <source>没有建议：{0}</source>
        <translation>No suggestion: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/schedule_grid.py" line="219"/>
        <source>已采用建议。打印前请按医嘱核对。</source>
        <translation>Suggestion used. Check it against the prescription before printing.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/schedule_grid.py" line="220"/>
        <source>已填入上次为这份说明书确认的服药时间，请按本次医嘱核对。</source>
        <translation>Filled in with the times last confirmed for this insert; check them against this prescription.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/schedule_grid.py" line="226"/>
        <source>服药时间（填写后印在用药卡最上方；不填则不印）</source>
        <translation>Dose times (printed at the top of the medication card when filled in; nothing is printed when empty)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/schedule_grid.py" line="228"/>
        <source>早</source>
        <translation>Morning</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/schedule_grid.py" line="229"/>
        <source>中</source>
        <translation>Noon</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/schedule_grid.py" line="230"/>
        <source>晚</source>
        <translation>Evening</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/schedule_grid.py" line="231"/>
        <source>睡前</source>
        <translation>Bedtime</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/schedule_grid.py" line="235"/>
        <source>与进餐：</source>
        <translation>With meals:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/schedule_grid.py" line="236"/>
        <source>（不注明）</source>
        <translation>(not stated)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/schedule_grid.py" line="236"/>
        <source>饭前</source>
        <translation>Before meals</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/schedule_grid.py" line="236"/>
        <source>饭后</source>
        <translation>After meals</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/schedule_grid.py" line="236"/>
        <source>随餐</source>
        <translation>With meals</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/schedule_grid.py" line="238"/>
        <source>清空</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/schedule_grid.py" line="239"/>
        <source>采用建议</source>
        <translation>Use suggestion</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/schedule_grid.py" line="240"/>
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
        <location filename="../../desktop_app/ui/sheet_dialog.py" line="223"/>
        <source>{0}-大字版.pdf</source>
        <translation>{0}-large-print.pdf</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sheet_dialog.py" line="225"/>
        <source>另存为 PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sheet_dialog.py" line="225"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sheet_dialog.py" line="237"/>
        <location filename="../../desktop_app/ui/sheet_dialog.py" line="275"/>
        <source>大字版共 {0} 页</source>
        <translation>The sheet has {0} page(s)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sheet_dialog.py" line="238"/>
        <source>大字版已保存：{0}（共 {1} 页）</source>
        <translation>Large-print sheet saved: {0} ({1} page(s))</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sheet_dialog.py" line="245"/>
        <source>保存大字版 PDF</source>
        <translation>Saving the large-print PDF</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sheet_dialog.py" line="254"/>
        <source>{0} 大字版</source>
        <translation>{0} large print</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sheet_dialog.py" line="262"/>
        <source>生成大字版</source>
        <translation>Making the large-print sheet</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sheet_dialog.py" line="279"/>
        <source>预览并打印：{0}</source>
        <translation>Preview and print: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sheet_dialog.py" line="294"/>
        <source>打印失败：{0}</source>
        <translation>Printing failed: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sheet_dialog.py" line="296"/>
        <location filename="../../desktop_app/ui/sheet_dialog.py" line="381"/>
        <source>打印大字版</source>
        <translation>Print large-print sheet</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sheet_dialog.py" line="306"/>
        <source>正在生成大字版…</source>
        <translation>Making the large-print sheet…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sheet_dialog.py" line="325"/>
        <source>{0}：{1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sheet_dialog.py" line="333"/>
        <source>按 {0} 磅字号，用药卡排不进一页（{1} 页），请选小一些的字号</source>
        <translation>At {0} pt the medication card does not fit on one page ({1} pages); choose a smaller size</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sheet_dialog.py" line="339"/>
        <source>打印用的字体缺少这些字，纸上会是空白，请手写补上：{0}</source>
        <translation>The print font lacks these characters; they will be blank on paper, please write them in: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sheet_dialog.py" line="347"/>
        <source>服药时间有误：{0}</source>
        <translation>Dose times: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sheet_dialog.py" line="349"/>
        <source>请至少选择一个部分</source>
        <translation>Tick at least one section</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sheet_dialog.py" line="352"/>
        <source>这条记录没有用法用量、警示语或禁忌，用药卡上没有可印的内容</source>
        <translation>This record has no dosage, warning or contraindications: there is nothing to put on the medication card</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sheet_dialog.py" line="382"/>
        <source>大字版说明单：{0}</source>
        <translation>Large-print sheet: {0}</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sheet_dialog.py" line="384"/>
        <source>此记录尚未核对。可以打印，但每一页都会注明“未经核对：请以说明书原件为准”。</source>
        <translation>This record has not been checked. You can print it, but every page will say “Not checked: the original insert is authoritative”.</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sheet_dialog.py" line="386"/>
        <source>先去核对</source>
        <translation>Check it first</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sheet_dialog.py" line="387"/>
        <source>关闭此窗口，逐项核对剂量后再打印</source>
        <translation>Close this window and check each dose item before printing</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sheet_dialog.py" line="388"/>
        <source>打印什么</source>
        <translation>What to print</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sheet_dialog.py" line="389"/>
        <source>只打印用药卡（一页）</source>
        <translation>Medication card only (one page)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sheet_dialog.py" line="390"/>
        <source>用药卡 + 全文</source>
        <translation>Medication card + full text</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sheet_dialog.py" line="391"/>
        <source>全文包括哪些部分（用法用量排在最前）：</source>
        <translation>Sections of the full text (dosage comes first):</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sheet_dialog.py" line="392"/>
        <source>预览并打印…</source>
        <translation>Preview and print…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sheet_dialog.py" line="393"/>
        <source>另存为 PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sheet_dialog.py" line="394"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>SheetForm</name>
    <message>
        <location filename="../../desktop_app/ui/sheet_form.py" line="66"/>
        <source>患者姓名：</source>
        <translation>Patient name:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sheet_form.py" line="67"/>
        <source>可不填</source>
        <translation>optional</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sheet_form.py" line="68"/>
        <source>医生/药师叮嘱：</source>
        <translation>Doctor&apos;s / pharmacist&apos;s note:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sheet_form.py" line="69"/>
        <source>例如：早上1片，晚上1片</source>
        <translation>e.g. 早上1片，晚上1片 (1 tablet in the morning, 1 in the evening)</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sheet_form.py" line="70"/>
        <source>正文字号：</source>
        <translation>Text size:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sheet_form.py" line="71"/>
        <source> 磅</source>
        <translation> pt</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sheet_form.py" line="72"/>
        <source>纸张：</source>
        <translation>Paper:</translation>
    </message>
    <message>
        <location filename="../../desktop_app/ui/sheet_form.py" line="73"/>
        <source>诊所名称：</source>
        <translation>Clinic name:</translation>
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
</TS>
