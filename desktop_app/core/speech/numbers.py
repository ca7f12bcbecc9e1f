"""Numbers as spoken Chinese words: 250 -> 二百五十, 0.5 -> 零点五, 2023 (a year) -> 二零二三."""

from __future__ import annotations

DIGITS = "零一二三四五六七八九"
_GROUP_UNITS = ("", "万", "亿", "万亿")


def digits_cn(digits: str) -> str:
    """Read a digit string one digit at a time: "2023" -> 二零二三."""
    return "".join(DIGITS[int(d)] if d.isdigit() else d for d in digits)


def _four(n: int) -> str:
    """0 < n < 10000, with inner zeros read as 零: 1005 -> 一千零五, 110 -> 一百一十."""
    out = ""
    pending_zero = False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d = n // value % 10
        if d == 0:
            if out:
                pending_zero = True
            continue
        if pending_zero:
            out += "零"
            pending_zero = False
        out += DIGITS[d] + unit
    return out


def int_cn(n: int) -> str:
    """A non-negative integer in words: 10 -> 十, 12 -> 十二, 250 -> 二百五十, 10005 -> 一万零五."""
    if n < 0:
        return "负" + int_cn(-n)
    if n == 0:
        return "零"
    groups: list[int] = []
    while n:
        groups.append(n % 10000)
        n //= 10000
    if len(groups) > len(_GROUP_UNITS):
        return digits_cn(str(sum(g * 10000**i for i, g in enumerate(groups))))
    out = ""
    zero_gap = False
    for i in range(len(groups) - 1, -1, -1):
        g = groups[i]
        if g == 0:
            zero_gap = bool(out)
            continue
        if out and (zero_gap or g < 1000):
            out += "零"
        out += _four(g) + _GROUP_UNITS[i]
        zero_gap = False
    if out.startswith("一十"):
        out = out[1:]  # 十二, not 一十二 (but 一百一十 keeps its 一)
    return out


def number_cn(text: str) -> str:
    """ASCII digits with at most one decimal point, in words: "0.25" -> 零点二五, "1000" -> 一千."""
    whole, _, frac = text.partition(".")
    head = int_cn(int(whole)) if whole else "零"
    return head + ("点" + digits_cn(frac) if frac else "")
