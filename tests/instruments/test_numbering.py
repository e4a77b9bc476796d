"""Article headings in each language: 'Article 4-2', 第四条之二, 제4조의2, 第4条の2."""

import pytest
from django.utils import translation

from instruments.numbering import article_label, chinese_numeral


@pytest.mark.parametrize(
    ("n", "numeral"), [(1, "一"), (9, "九"), (10, "十"), (11, "十一"), (14, "十四"), (20, "二十"), (99, "九十九")]
)
def test_chinese_numerals_as_legal_texts_write_them(n, numeral):
    assert chinese_numeral(n) == numeral


def test_chinese_numerals_refuse_numbers_no_article_has():
    with pytest.raises(ValueError):
        chinese_numeral(0)


@pytest.mark.parametrize(
    ("language", "number", "label"),
    [
        ("en", "4-2", "Article 4-2"),
        ("en", "20", "Article 20"),
        ("zh-hans", "4-2", "第四条之二"),
        ("zh-hans", "20", "第二十条"),
        ("ko", "4-2", "제4조의2"),
        ("ja", "9-2", "第9条の2"),
        ("ru", "10", "Статья 10"),
        ("mn", "10", "10-р зүйл"),
        ("mn", "4-2", "4-2-р зүйл"),
    ],
)
def test_article_labels_follow_each_language(language, number, label):
    with translation.override(language):
        assert article_label(number) == label
