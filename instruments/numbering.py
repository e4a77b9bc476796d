"""How articles are cited in each language: 'Article 4-2', 第四条之二, 제4조의2, 第4条の2."""

from django.utils.translation import get_language, gettext

CHINESE_DIGITS = "零一二三四五六七八九"


def chinese_numeral(n: int) -> str:
    """1 → 一, 10 → 十, 14 → 十四, 20 → 二十, 99 → 九十九 (the numbering of Chinese legal texts, 1–99)."""
    if not 1 <= n <= 99:
        raise ValueError(f"article numbers run from 1 to 99, not {n}")
    tens, units = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else CHINESE_DIGITS[tens] + "十")
    return head + (CHINESE_DIGITS[units] if units else "")


def article_label(number: str) -> str:
    """The heading of article ``number`` ('4' or '4-2') in the active language."""
    main, _sep, sub = number.partition("-")
    if get_language() == "zh-hans":
        # Chinese texts write the numbers in Chinese numerals: 第四条之二.
        main, sub = chinese_numeral(int(main)), chinese_numeral(int(sub)) if sub else ""
    if sub:
        # Translators: an article inserted after another, e.g. 'Article 4-2' (Korean 제4조의2).
        return gettext("Article %(number)s-%(sub)s") % {"number": main, "sub": sub}
    return gettext("Article %(number)s") % {"number": main}
