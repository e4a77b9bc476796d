"""Word-level diffs for Latin and Cyrillic text, character-level for Chinese, Japanese and Korean."""

from instruments.diffing import Segment, diff, tokenize


def test_latin_text_splits_into_words_spaces_and_punctuation():
    assert tokenize("Each member, one vote.") == ["Each", " ", "member", ",", " ", "one", " ", "vote", "."]


def test_chinese_text_splits_into_single_characters():
    assert tokenize("经全体会议同意") == ["经", "全", "体", "会", "议", "同", "意"]


def test_latin_diff_marks_whole_words():
    old = "specialized committees may, with the consent of the General Assembly, be set up"
    new = "specialized committees may be set up"
    assert diff(old, new) == [
        Segment("equal", "specialized committees may"),
        Segment("delete", ", with the consent of the General Assembly,"),
        Segment("equal", " be set up"),
    ]


def test_a_changed_word_is_deleted_and_inserted_whole():
    assert diff("the Dues Regulation applies", "the Charter applies") == [
        Segment("equal", "the "),
        Segment("delete", "Dues Regulation"),
        Segment("insert", "Charter"),
        Segment("equal", " applies"),
    ]


def test_cyrillic_diff_marks_whole_words():
    assert diff("Рабочий комитет собирается ежегодно.", "Рабочий комитет собирается дважды в год.") == [
        Segment("equal", "Рабочий комитет собирается "),
        Segment("delete", "ежегодно"),
        Segment("insert", "дважды в год"),
        Segment("equal", "."),
    ]


def test_chinese_diff_marks_single_characters():
    # Charter art. 10(4) before and after 29 October 2018, first sentence.
    old = "为有效支持某一项目的实施，经全体会议同意，可就个别领域或项目设置专门委员会。"
    new = "为有效支持某一项目的实施，可就个别领域或项目设置专门委员会。"
    assert diff(old, new) == [
        Segment("equal", "为有效支持某一项目的实施"),
        Segment("delete", "，经全体会议同意"),
        Segment("equal", "，可就个别领域或项目设置专门委员会。"),
    ]


def test_japanese_diff_marks_single_characters():
    assert diff("総会の同意を得て設置する。", "設置する。") == [
        Segment("delete", "総会の同意を得て"),
        Segment("equal", "設置する。"),
    ]


def test_korean_diff_marks_syllables_not_whole_words():
    assert diff("실무위원회를 소집한다.", "임시 실무위원회를 소집한다.") == [
        Segment("insert", "임시 "),
        Segment("equal", "실무위원회를 소집한다."),
    ]


def test_identical_texts_are_one_equal_segment():
    assert diff("本规定的修订由事务委员会执行。", "本规定的修订由事务委员会执行。") == [
        Segment("equal", "本规定的修订由事务委员会执行。")
    ]


def test_text_added_to_an_empty_provision_is_one_insertion():
    assert diff("", "18. 创新+专门委员会") == [Segment("insert", "18. 创新+专门委员会")]
