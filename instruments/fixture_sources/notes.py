"""The notes printed after an amended provision, "(2016.9.27 修订)", in each language.

The Chinese notes of the present wording are kept as the record prints them; these formats give
the notes of earlier wordings, and of the translations, from the same dated events.
"""

import datetime

# What happened, in each language; a deleted item's text already says so, so its note is a date.
KINDS = {
    "en": {"new": "new", "amended": "amended", "renamed": "renamed", "merged": "merged", "deleted": ""},
    "mn": {
        "new": "шинээр нэмсэн",
        "amended": "өөрчилсөн",
        "renamed": "нэрийг өөрчилсөн",
        "merged": "нэгтгэсэн",
        "deleted": "",
    },
    "zh_hans": {"new": "新设", "amended": "修订", "renamed": "名称变更", "merged": "统合", "deleted": ""},
    "ko": {"new": "신설", "amended": "개정", "renamed": "명칭변경", "merged": "통합", "deleted": ""},
    "ja": {"new": "新設", "amended": "改正", "renamed": "名称変更", "merged": "統合", "deleted": ""},
    "ru": {"new": "введено", "amended": "изменено", "renamed": "переименовано", "merged": "объединено", "deleted": ""},
}
EN_MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


def _date(suffix: str, style: str, day: datetime.date, shown: str) -> str:
    month_only = bool(shown)  # the record gives only the month ("1998.09")
    y, m, d = day.year, (int(shown[5:7]) if shown else day.month), day.day
    if suffix == "en":
        return f"{EN_MONTHS[m - 1]} {y}" if month_only else f"{d} {EN_MONTHS[m - 1]} {y}"
    if suffix == "mn":
        return f"{y}.{m:02d}" if month_only else f"{y}.{m:02d}.{d:02d}"
    if suffix == "ru":
        return f"{m:02d}.{y}" if month_only else f"{d:02d}.{m:02d}.{y}"
    if suffix == "ja":
        return f"{y}年{m}月" if month_only else f"{y}年{m}月{d}日"
    if suffix == "ko" or (suffix == "zh_hans" and style != "charter"):
        return f"{y}. {m}." if month_only else f"{y}. {m}. {d}."
    return f"{y}.{m:02d}" if month_only else f"{y}.{m}.{d}"  # the Charter's Chinese notes: 2016.9.27


def _item(suffix: str, style: str, event) -> str:
    when = _date(suffix, style, event.day, event.shown)
    what = KINDS[suffix][event.kind]
    if not what:
        return when
    if suffix == "en" or suffix == "ru":
        return f"{what} {when}"
    if suffix == "mn":
        return f"{when}-нд {what}"
    if suffix == "ja":
        return f"{when}{what}"
    if suffix == "zh_hans" and style == "charter":
        return f"{when} {what}"
    return f"{what} {when}"  # Korean, and the Regulations' Chinese notes: <修订 2017. 9. 26.>


def format_note(suffix: str, style: str, events: list) -> str:
    """The note for ``events`` in the language with field suffix ``suffix``; '' when there are none."""
    if not events:
        return ""
    items = [_item(suffix, style, e) for e in events]
    if suffix == "zh_hans" and style == "charter":
        return "".join(f"({item})" for item in items)
    if suffix in ("ko", "zh_hans"):
        return "<" + ", ".join(items) + ">"
    separator = "、" if suffix == "ja" else "; "
    return "(" + separator.join(items) + ")"
