"""Open data: /open-data/committees.json."""

import pytest
from django.utils import translation

pytestmark = pytest.mark.django_db


def test_committees_json_gives_every_committee_with_its_terms_and_coordinators_on_the_date(client):
    response = client.get("/open-data/committees.json?on=2018-10-29")
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    data = response.json()
    assert data["on"] == "2018-10-29"
    committees = {c["slug"]: c for c in data["committees"]}
    assert len(committees) == 21
    tourism = committees["tourism"]
    assert tourism["coordinators"] == ["henan", "ningxia"]
    assert tourism["meetings"] == {"recorded_to_2018": 2, "recorded_since_2018": 0}
    assert tourism["names"]["zh-hans"] == "旅游专门委员会"
    henan, ningxia = tourism["terms"]
    assert henan == {
        "member": "henan",
        "country": "CN",
        "started": None,
        "ended": None,
        "appointed_by": {code: "" for code in ("en", "mn", "zh-hans", "ko", "ja", "ru")},
        "appointed_on": None,
    }
    assert (ningxia["member"], ningxia["started"], ningxia["ended"], ningxia["appointed_on"]) == (
        "ningxia",
        "2018-10-29",
        None,
        "2018-10-29",
    )
    assert ningxia["appointed_by"]["en"] == "12th General Assembly, Zhangjiajie (Hunan), agenda item 8"
    assert ningxia["appointed_by"]["zh-hans"] == "第十二次全体会议（湖南省张家界市），第8项议题"
    energy = committees["energy-and-climate-change"]
    assert [(t["member"], t["started"], t["ended"]) for t in energy["terms"]] == [
        ("daegu", None, "2016-09"),
        ("shanxi", "2016-09", None),
    ]
    assert committees["disaster-prevention"]["terms"][0]["started"] == "2002"
    assert committees["border-cooperation"]["status"] == "abolished"
    assert committees["economy-and-trade-1998"]["successor"] == "economy-and-trade"
    assert sorted(committees["mineral-resources"]["participants"]) == ["heilongjiang", "inner-mongolia", "magadan"]


def test_committees_json_costs_a_fixed_number_of_queries(client, django_assert_num_queries):
    with django_assert_num_queries(3):
        client.get("/open-data/committees.json")


def test_committees_json_refuses_a_bad_date_with_400(client):
    response = client.get("/open-data/committees.json?on=2018-02-30")
    assert response.status_code == 400
    assert response.json() == {"error": "2018-02-30 is not a day of the calendar."}


@pytest.mark.parametrize("language", ["mn", "zh-hans", "ko", "ja", "ru"])
def test_committees_json_says_why_a_date_was_refused_in_the_visitors_language(client, language):
    response = client.get("/open-data/committees.json?on=2018-13-01", HTTP_ACCEPT_LANGUAGE=language)
    assert (response.status_code, response["Content-Language"]) == (400, language)
    with translation.override(language):
        expected = translation.gettext("%(value)s is not a day of the calendar.") % {"value": "2018-13-01"}
    assert expected != "2018-13-01 is not a day of the calendar."
    assert response.json() == {"error": expected}


def test_open_data_says_no_activity_is_recorded_rather_than_that_a_committee_is_eligible(client):
    committees = client.get("/open-data/committees.json").json()["committees"]
    sports = next(c for c in committees if c["slug"] == "sports")
    assert "eligible_for_coordinator_change" not in sports
    assert sports["no_activity_recorded_for_two_years"] is True
