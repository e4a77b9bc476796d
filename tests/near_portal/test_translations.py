"""Every string of the portal is translated into the six languages: no empty, no fuzzy entry."""

import subprocess
from pathlib import Path

import pytest
from django.conf import settings

CATALOGS = sorted(Path(settings.BASE_DIR, "locale").glob("*/LC_MESSAGES/*.po"))


def test_there_is_a_catalogue_for_each_of_the_six_languages():
    assert sorted(path.parts[-3] for path in CATALOGS if path.name == "django.po") == [
        "en", "ja", "ko", "mn", "ru", "zh_Hans"
    ]


@pytest.mark.parametrize("catalog", CATALOGS, ids=lambda path: f"{path.parts[-3]}/{path.name}")
def test_every_message_is_translated_and_none_is_fuzzy(catalog):
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(catalog)],
        capture_output=True, text=True, check=True,
    )
    statistics = result.stderr.strip().splitlines()[-1]
    assert "untranslated" not in statistics and "fuzzy" not in statistics, statistics
