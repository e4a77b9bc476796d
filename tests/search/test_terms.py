"""Reading a query into words and CJK runs, the pairs of characters, and the highlighting."""

import pytest
from django.db import connection

from core.params import BadParameter
from search.terms import Terms, bigrams, read_terms


def test_a_query_is_read_into_words_and_runs_of_cjk_characters():
    terms = read_terms("  Tottori 鳥取県, NEAR/GA/12  경상북도의 ")
    assert terms.words == ("tottori", "near", "ga", "12")
    assert terms.runs == ("鳥取県", "경상북도의")


def test_mixed_scripts_in_one_word_are_split():
    assert read_terms("NEAR秘书处").words == ("near",)
    assert read_terms("NEAR秘书处").runs == ("秘书处",)


@pytest.mark.parametrize("value", ["", "   ", "a", " я ", "鳥"])
def test_fewer_than_two_characters_are_no_search(value):
    assert read_terms(value).empty


def test_a_query_of_punctuation_only_is_no_search():
    assert read_terms("?!").empty


def test_too_long_a_query_is_refused():
    with pytest.raises(BadParameter, match="at most 100 characters"):
        read_terms("x" * 101)
    assert read_terms("x" * 100).words == ("x" * 100,)


def test_a_run_is_cut_into_overlapping_pairs():
    assert bigrams("防灾") == ["防灾"]
    assert bigrams("경상북도") == ["경상", "상북", "북도"]
    assert bigrams("鳥") == ["鳥"]


@pytest.mark.django_db
def test_the_database_cuts_text_into_the_same_pairs():
    text = "防灾分科委员会，鳥取県 경상북도의 NEAR 秘 カタカナー"
    with connection.cursor() as cursor:
        cursor.execute("SELECT near_cjk_bigrams(%s)", [text])
        in_sql = cursor.fetchone()[0]
    expected = []
    for run in ("防灾分科委员会", "鳥取県", "경상북도의", "秘", "カタカナー"):
        expected += bigrams(run)
    assert in_sql == " ".join(expected)


def test_highlighting_escapes_the_text_and_marks_the_matches():
    terms = Terms(words=("tottori",), runs=("鳥取",))
    assert terms.highlight('<b onclick="x">TOTTORI</b> 鳥取県 & tottorian') == (
        "&lt;b onclick=&quot;x&quot;&gt;<mark>TOTTORI</mark>&lt;/b&gt; <mark>鳥取</mark>県 &amp; <mark>tottorian</mark>"
    )


def test_a_word_is_marked_only_at_the_start_of_a_word():
    assert (
        Terms(words=("ga",), runs=()).highlight("Gala NEAR/GA/12 saga")
        == "<mark>Gala</mark> NEAR/<mark>GA</mark>/12 saga"
    )


def test_a_word_mark_ends_where_cjk_characters_begin():
    assert Terms(words=("near",), runs=()).highlight("NEAR秘书处") == "<mark>NEAR</mark>秘书处"


def test_stems_are_marked_too():
    terms = Terms(words=("meetings",), runs=()).with_stems(["meet", "meetings"])
    assert terms.stems == ("meet",)
    assert terms.highlight("It met at the meeting.") == "It met at the <mark>meeting</mark>."


def test_a_long_text_is_cut_around_its_first_match():
    text = "a " * 200 + "Tottori" + " b" * 200
    snippet = Terms(words=("tottori",), runs=()).highlight(text, width=60)
    assert snippet.startswith("… ")
    assert snippet.endswith(" …")
    assert "<mark>Tottori</mark>" in snippet
    assert len(snippet.replace("<mark>", "").replace("</mark>", "")) == 60 + 4
