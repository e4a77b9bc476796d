"""Every string of the portal is in the six catalogues and translated: no missing, empty or fuzzy entry."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

CATALOGS = sorted(Path(settings.BASE_DIR, "locale").glob("*/LC_MESSAGES/*.po"))


def test_there_is_a_catalogue_for_each_of_the_six_languages():
    assert sorted(path.parts[-3] for path in CATALOGS if path.name == "django.po") == [
        "en",
        "ja",
        "ko",
        "mn",
        "ru",
        "zh_Hans",
    ]


@pytest.mark.parametrize("catalog", CATALOGS, ids=lambda path: f"{path.parts[-3]}/{path.name}")
def test_every_message_is_translated_and_none_is_fuzzy(catalog):
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(catalog)],
        capture_output=True,
        text=True,
        check=True,
    )
    statistics = result.stderr.strip().splitlines()[-1]
    assert "untranslated" not in statistics and "fuzzy" not in statistics, statistics


def catalogue_msgids(path: Path) -> set[tuple[str, str]]:
    """(context, msgid) of every current entry of a catalogue (obsolete ``#~`` entries left out)."""
    entries = set()
    for block in path.read_text().split("\n\n"):
        lines = [line for line in block.splitlines() if not line.startswith("#")]
        fields, current = {}, None
        for line in lines:
            if line.startswith(("msgctxt ", "msgid ", "msgid_plural ", "msgstr")):
                current, _space, value = line.partition(" ")
                fields[current] = value[1:-1]
            elif line.startswith('"') and current:
                fields[current] += line[1:-1]
        if fields.get("msgid"):
            entries.add((fields.get("msgctxt", ""), fields["msgid"]))
    return entries


def test_every_translatable_string_of_the_code_and_templates_is_in_each_catalogue(tmp_path):
    # makemessages on a copy of the tree gives the strings the code asks for today.
    ignored = shutil.ignore_patterns(".git", ".venv", "var", "staticfiles", "node_modules", "*.mo", "__pycache__")
    copy = tmp_path / "tree"
    shutil.copytree(settings.BASE_DIR, copy, ignore=ignored)
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "--locale", "en", "--no-location", "--no-obsolete", "-v", "0"],
        cwd=copy,
        env={**os.environ, "DJANGO_DEBUG": "1"},
        check=True,
    )
    wanted = catalogue_msgids(copy / "locale" / "en" / "LC_MESSAGES" / "django.po")
    assert len(wanted) > 1000
    for catalog in CATALOGS:
        have = catalogue_msgids(catalog)
        assert (sorted(wanted - have), sorted(have - wanted)) == ([], []), catalog
