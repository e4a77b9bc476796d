"""Open data: every member government with its names keyed by language code."""

import csv
import io

import pytest

pytestmark = pytest.mark.django_db


def test_members_json_lists_every_government_with_six_names(client):
    data = client.get("/open-data/members.json").json()
    assert len(data["members"]) == 82
    ningxia = next(m for m in data["members"] if m["slug"] == "ningxia")
    assert ningxia == {
        "slug": "ningxia",
        "country": "CN",
        "type": "member",
        "admitted": "2000-09",
        "names": {
            "en": "Ningxia Hui Autonomous Region",
            "mn": "Ниншягийн Хотон үндэстний ӨЗО",
            "zh-hans": "宁夏回族自治区",
            "ko": "닝샤후이족자치구",
            "ja": "寧夏回族自治区",
            "ru": "Нинся-Хуэйский автономный район",
        },
    }
    types = {m["slug"]: m["type"] for m in data["members"]}
    assert (types["ho-chi-minh-city"], types["tianjin"], types["hubei"]) == ("associate", "observer", "member")


def test_members_csv_has_one_name_column_per_language(client):
    response = client.get("/open-data/members.csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == 82
    assert list(rows[0]) == [
        "slug",
        "country",
        "type",
        "admitted",
        "name_en",
        "name_mn",
        "name_zh-hans",
        "name_ko",
        "name_ja",
        "name_ru",
    ]
    hubei = next(r for r in rows if r["slug"] == "hubei")
    assert (hubei["admitted"], hubei["name_ko"]) == ("2006", "후베이성")
