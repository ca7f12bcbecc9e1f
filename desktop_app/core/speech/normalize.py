"""Turn insert text into text a listener understands when it is read aloud.

Digits, units and symbols are written out as Chinese words: "0.5g" -> 零点五克, "1～2片" -> 一至两片,
"一日3次" -> 一日三次, "25℃以下" -> 二十五摄氏度以下, "0.9%" -> 百分之零点九, "1次/日" -> 每日一次,
"2023年10月1日" -> 二零二三年十月一日, a list marker "1．" at the start of an item -> 第一、.
Chinese text is left as it is.
"""

from __future__ import annotations

import re

from desktop_app.core.speech.numbers import digits_cn, int_cn, number_cn

NUM = r"\d+(?:\.\d+)?"

# Full-width forms that OCR and inserts use for digits, letters and a few symbols.
_FULLWIDTH: dict[int, str] = {i: chr(i - 0xFEE0) for i in range(0xFF10, 0xFF1A)}  # ０-９
_FULLWIDTH.update({i: chr(i - 0xFEE0) for i in range(0xFF21, 0xFF3B)})  # Ａ-Ｚ
_FULLWIDTH.update({i: chr(i - 0xFEE0) for i in range(0xFF41, 0xFF5B)})  # ａ-ｚ
_FULLWIDTH.update({ord(a): b for a, b in zip("％／＜＞＋＝﹪", "%/<>+=%", strict=True)})
_FULLWIDTH.update({ord(a): b for a, b in zip("µ－−–", "μ---", strict=True)})
_FULLWIDTH[ord("℉")] = "°F"

# Measure words (and units, once written in Chinese) before which 2 is said 两: 两片, 两次, 两毫克.
_LIANG_BEFORE = (
    "片|粒|次|袋|支|瓶|包|丸|滴|喷|揿|贴|盒|板|枚|颗|个|周|天|小时|分钟|岁|倍|种|份|勺|杯|剂|针|口|下|项|位|年|"
    "克|毫克|微克|纳克|千克|公斤|毫升|微升|升|国际单位|万单位|单位|万|千|百|亿"
)

# Units after a number (matched case-insensitively; longest first).
_UNITS_AFTER_NUMBER: dict[str, str] = {
    "mmhg": "毫米汞柱",
    "mmol": "毫摩尔",
    "μmol": "微摩尔",
    "umol": "微摩尔",
    "kcal": "千卡",
    "mcg": "微克",
    "mol": "摩尔",
    "min": "分钟",
    "mg": "毫克",
    "μg": "微克",
    "ug": "微克",
    "ng": "纳克",
    "kg": "千克",
    "ml": "毫升",
    "μl": "微升",
    "ul": "微升",
    "dl": "分升",
    "iu": "国际单位",
    "cm": "厘米",
    "mm": "毫米",
    "hr": "小时",
    "g": "克",
    "l": "升",
    "u": "单位",
    "h": "小时",
    "d": "天",
    "s": "秒",
    "m": "米",
}
# Units that are also read where no number stands before them ("mg/kg", "单位：mg").
_UNITS_ALONE: dict[str, str] = {
    "mmHg": "毫米汞柱",
    "mmol": "毫摩尔",
    "mg": "毫克",
    "μg": "微克",
    "ug": "微克",
    "mcg": "微克",
    "kg": "千克",
    "ml": "毫升",
    "mL": "毫升",
    "IU": "国际单位",
}

_ABBREVIATIONS: dict[str, str] = {
    "qd": "每日一次",
    "bid": "每日两次",
    "tid": "每日三次",
    "qid": "每日四次",
    "qod": "隔日一次",
    "qn": "每晚一次",
    "qh": "每小时一次",
    "prn": "必要时",
}
_PER_WORDS = {"日": "日", "天": "天", "d": "日", "次": "次", "晚": "晚", "周": "周", "w": "周"}
_PER_WORDS.update({"h": "小时", "小时": "小时"})
_SYMBOLS = {"≤": "小于等于", "≥": "大于等于", "<": "小于", ">": "大于", "±": "正负", "≈": "约"}
_SYMBOLS["°F"] = "华氏度"


def _int_words(m: re.Match[str], group: int = 1) -> str:
    return int_cn(int(m.group(group)))


def _prepare(s: str) -> str:
    s = s.translate(_FULLWIDTH)
    s = re.sub(r"(?<=\d)[．·](?=\d)", ".", s)  # 0．5 -> 0.5
    s = re.sub(r"(?<=\d),(?=\d{3}(?!\d))", "", s)  # 1,000 -> 1000 (ASCII comma only)
    s = re.sub(r"(?<=\d)，(?=\d{3}(?![\d.]))", "", s) if re.search(r"\d，\d{3}，\d{3}", s) else s
    s = s.replace("°C", "℃").replace("° C", "℃").replace("º C", "℃").replace("ºC", "℃")
    return s


def _list_markers(s: str) -> str:
    start = r"(^|[。；;！!？?：:\n])([ \t\u3000]*)"

    def marker(m: re.Match[str]) -> str:
        return f"{m[1]}{m[2]}第{_int_words(m, 3)}、"

    s = re.sub(start + r"(\d{1,2})\s*[．.、](?!\d)", marker, s, flags=re.M)
    s = re.sub(start + r"[（(]\s*(\d{1,2})\s*[）)]", marker, s, flags=re.M)
    # 恶心②呕吐: a pause before a circled marker inside a line
    s = re.sub(r"(?<=[\u4e00-\u9fff\w）)])(?=[\u2460-\u249b])", "，", s)
    s = re.sub(r"[\u2460-\u2473]", lambda m: f"第{int_cn(ord(m[0]) - 0x2460 + 1)}、", s)  # ①-⑳
    s = re.sub(r"[\u2474-\u2487]", lambda m: f"第{int_cn(ord(m[0]) - 0x2474 + 1)}、", s)  # ⑴-⒇
    s = re.sub(r"[\u2488-\u249b]", lambda m: f"第{int_cn(ord(m[0]) - 0x2488 + 1)}、", s)  # ⒈-⒛
    return s


def _date(y: str, mo: str | None, d: str | None) -> str:
    out = digits_cn(y) + "年"
    if mo:
        out += int_cn(int(mo)) + "月"
    if d:
        out += int_cn(int(d)) + "日"
    return out


def _dates(s: str) -> str:
    def sep_date(m: re.Match[str]) -> str:
        mo, d = int(m[2]), int(m[3])
        if 1 <= mo <= 12 and 1 <= d <= 31:
            return _date(m[1], m[2], m[3])
        return m[0]

    s = re.sub(r"(?<![\d.])((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})(?![\d.])", sep_date, s)
    s = re.sub(
        r"(?<!\d)(\d{4})\s*年(?:\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*[日号])?)?",
        lambda m: _date(m[1], m[2], m[3]),
        s,
    )
    return s


def _abbreviations(s: str) -> str:
    s = re.sub(r"(?<![A-Za-z])q(\d{1,2})h(?![A-Za-z])", lambda m: f"每{_int_words(m)}小时一次", s, flags=re.I)
    pattern = r"(?<![A-Za-z])(" + "|".join(_ABBREVIATIONS) + r")(?![A-Za-z])"
    return re.sub(pattern, lambda m: _ABBREVIATIONS[m[1].lower()], s, flags=re.I)


def _per(s: str) -> str:
    """N次/日 -> 每日N次, N片/次 -> 每次N片, N次/d -> 每日N次."""
    words = "|".join(sorted(_PER_WORDS, key=len, reverse=True))
    pattern = rf"({NUM})\s*([\u4e00-\u9fff])\s*/\s*({words})(?![A-Za-z])"

    def repl(m: re.Match[str]) -> str:
        return f"每{_PER_WORDS[m[3]]}{m[1]}{m[2]}"

    return re.sub(pattern, repl, s)


def _fractions(s: str) -> str:
    return re.sub(
        r"(?<![\d./])(\d{1,3})\s*/\s*(\d{1,3})(?![\d./])",
        lambda m: f"{_int_words(m, 2)}分之{_int_words(m, 1)}",
        s,
    )


def _temperatures_and_percent(s: str) -> str:
    s = re.sub(rf"(?<![\w.])-\s*({NUM})\s*℃", r"零下\1摄氏度", s)
    s = s.replace("℃", "摄氏度")
    # 10%～20% and 10～20% -> 百分之十至二十
    s = re.sub(rf"({NUM})\s*%?\s*[~～〜至到-]\s*({NUM})\s*%", r"百分之\1至\2", s)
    s = re.sub(rf"({NUM})\s*%", r"百分之\1", s)
    return s.replace("%", "百分比")


def _units(s: str) -> str:
    # per-time abbreviations after a slash: mg/kg/d -> mg/kg/天
    s = re.sub(r"/\s*(d|day)(?![A-Za-z])", "/天", s, flags=re.I)
    s = re.sub(r"/\s*(h|hr)(?![A-Za-z])", "/小时", s, flags=re.I)
    s = re.sub(r"/\s*min(?![A-Za-z])", "/分钟", s, flags=re.I)
    names = "|".join(sorted((re.escape(u) for u in _UNITS_AFTER_NUMBER), key=len, reverse=True))
    s = re.sub(
        rf"(\d)\s*(万|亿)?\s*({names})(?![A-Za-zμ])",
        lambda m: m[1] + (m[2] or "") + _UNITS_AFTER_NUMBER[m[3].lower()],
        s,
        flags=re.I,
    )
    alone = "|".join(sorted((re.escape(u) for u in _UNITS_ALONE), key=len, reverse=True))
    return re.sub(rf"(?<![A-Za-zμ])({alone})(?![A-Za-zμ])", lambda m: _UNITS_ALONE[m[1]], s)


def _ranges(s: str) -> str:
    s = re.sub(r"\s*[~～〜]+\s*", "至", s)
    unit_end = r"[\d克升米位片粒袋丸支滴岁次时钟天周月年度份包瓶]"
    s = re.sub(rf"(?<={unit_end})\s*[-—]{{1,2}}\s*(?=\d)", "至", s)
    return s


def _symbols(s: str) -> str:
    s = re.sub(r"(?<=[\d\u4e00-\u9fff])\s*[×xX*]\s*(?=\d)", "乘", s)
    s = s.replace("×", "乘")
    for sym, words in _SYMBOLS.items():
        s = s.replace(sym, words)
    s = re.sub(r"(?<=\d)\s*\+\s*(?=\d)", "加", s)
    s = re.sub(r"(?<=\d)\s*=\s*(?=\d)", "等于", s)
    per_target = (
        r"日|天|次|周|月|晚|小时|分钟|千克|公斤|克|毫克|毫升|升|平方米|体重|片|粒|袋|支|瓶|丸|包|盒|板|剂|人"
    )
    s = re.sub(rf"\s*/\s*(?=({per_target}))", "每", s)
    s = s.replace("/", "、")
    s = re.sub(r"(?<![\w.])-(?=\d)", "负", s)  # a minus sign left over: -5 -> 负五
    s = re.sub(r"(?<=\w)-(?=\w)", " ", s)  # a hyphen inside a word (环氧化酶-2) is a short pause
    return s


def _time_or_ratio(s: str) -> str:
    def repl(m: re.Match[str]) -> str:
        a, b = m[1], m[2]
        if len(b) == 2 and int(a) <= 24 and int(b) < 60:
            return f"{int_cn(int(a))}点" + (f"{int_cn(int(b))}分" if int(b) else "")
        return f"{number_cn(a)}比{number_cn(b)}"

    return re.sub(r"(?<![\d.])(\d{1,4})\s*[:：]\s*(\d{1,5})(?![\d.])", repl, s)


def _numbers(s: str) -> str:
    liang_after = rf"\s*(?:{_LIANG_BEFORE})"
    liang_range = rf"\s*[至到]\s*{NUM}\s*(?:{_LIANG_BEFORE})"

    def repl(m: re.Match[str]) -> str:
        text = m[0]
        before = s[m.start() - 1] if m.start() > 0 else ""
        rest = s[m.end() :]
        if before.isascii() and before.isalpha():
            # a code after letters: 维生素B12 -> B十二, 国药准字H20003263 -> digit by digit
            return digits_cn(text) if len(text) >= 3 else number_cn(text)
        whole = text.split(".")[0]
        if "." not in text and (len(whole) >= 7 or (len(whole) > 1 and whole.startswith("0"))):
            return digits_cn(text)  # phone numbers, batch numbers
        if text == "2" and before != "第" and (re.match(liang_after, rest) or re.match(liang_range, rest)):
            return "两"
        return number_cn(text)

    return re.sub(NUM, repl, s)


def spoken_text(text: str) -> str:
    """Insert text rewritten for reading aloud: numbers, units, ranges, dates and list markers as words."""
    s = _prepare(text)
    s = _list_markers(s)
    s = _dates(s)
    s = _abbreviations(s)
    s = _per(s)
    s = _fractions(s)
    s = _temperatures_and_percent(s)
    s = _units(s)
    s = _ranges(s)
    s = _symbols(s)
    s = _time_or_ratio(s)
    s = _numbers(s)
    s = re.sub(r"[ \t]{2,}", " ", s)
    return s
