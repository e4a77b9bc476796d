"""Every command README.md shows works as typed in the checkout after `make setup`.

The commands are read from README.md's code blocks (indented or fenced). Each one is either
run here as a new user's shell would run it (RUN_BY names the test), or listed in NOT_RUN
with the reason; a command in neither fails the first test, so a command added to the README
is run or left out on purpose. "As a new user's shell": from the checkout's root, without
DJANGO_* or DATABASE_URL in the environment, an `export` earlier in the same block applying
to the lines after it. The tests that run commands are marked slow (subprocesses, about a
minute together on a shared machine). The embedded database they use is the checkout's own
(`near`), not the test database: they expect it to hold the real data as `make setup` loads
it, as in CI's fresh clone, and compare their output with the same command run here.

Also here: what manage.py says, in one sentence and without a traceback, when the local
environment is missing.
"""

import hashlib
import os
import re
import shutil
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from pypdf import PdfReader

from members.models import MemberGovernment

BASE_DIR = Path(settings.BASE_DIR)
README = BASE_DIR / "README.md"
TIMEOUT = 300

# What a new user's shell does not have: the suite's own environment (make test exports
# DJANGO_DEBUG; pytest-django sets DJANGO_SETTINGS_MODULE), the outer make's flags, and the
# make variables the commands set themselves.
NOT_IN_A_NEW_SHELL = {"DATABASE_URL", "MAKEFLAGS", "MAKELEVEL", "MFLAGS", "MAKEOVERRIDES"}
MAKE_VARIABLES = {"ARGS", "YEAR", "LANGUAGE_CODE", "OUTPUT", "FILE", "PORT"}

NOT_RUN = {
    "make run": "serves until Ctrl-C (and stops the embedded database the suite uses); checked by hand",
    "make test": "the suite this test belongs to: CI runs it in a fresh clone",
    "DJANGO_SECRET_KEY=... DJANGO_ALLOWED_HOSTS=portal.near.example make serve": (
        "serves until Ctrl-C; test_security.py checks the production settings it uses"
    ),
    "make test-fast": "runs the suite; nested in it, it would share its test database",
    'make test-fast PYTEST_ARGS="tests/dues/test_ledger.py"': (
        "runs tests, as above; test_the_tests_the_readme_names_exist checks what it names"
    ),
    'make test-fast PYTEST_ARGS="tests/dues/test_ledger.py -k arrears"': (
        "runs tests, as above; test_the_tests_the_readme_names_exist checks what it selects"
    ),
    "make lint": "CI runs it (.ci/run) before make test",
    "make format": "rewrites the checkout's files",
}
# The file name the README's restore command names: this test copies the backup that the
# README's `make backup` wrote to it, so the command runs as typed.
README_BACKUP = BASE_DIR / "var" / "backups" / "near-20260810T093000Z.dump"


def readme_blocks(text: str) -> list[list[str]]:
    """The commands of each code block of a Markdown text: continued lines joined, comments dropped."""
    blocks, lines, fence, in_list = [], text.splitlines(), None, False
    current: list[str] | None = None
    for index, line in enumerate(lines):
        if fence is not None:
            if line.strip().startswith(fence):
                blocks.append(current)
                fence, current = None, None
            else:
                current.append(line)
            continue
        if line.lstrip().startswith(("```", "~~~")):
            fence, current = line.lstrip()[:3], []
            continue
        previous = lines[index - 1] if index else ""
        indented = line.startswith("    ") and line.strip()
        if indented and not in_list and (current is not None or not previous.strip()):
            if current is None:
                current = []
                blocks.append(current)
            current.append(line[4:])
            continue
        if line.strip():
            current = None
            # A list item's continuation lines may be indented; they are not code.
            in_list = bool(re.match(r"\s*([-*+]|\d+\.)\s", line)) or (in_list and line.startswith(" "))
    return [commands(block) for block in blocks]


def commands(block: list[str]) -> list[str]:
    joined = "\n".join(block).replace("\\\n", " ")
    found = []
    for line in joined.splitlines():
        command = re.sub(r"\s+#\s.*$", "", line).strip()
        if command:
            found.append(command)
    return found


def readme_commands() -> list[tuple[str, list[str]]]:
    """Each command of the README with the `export` lines before it in its block."""
    found = []
    for block in readme_blocks(README.read_text()):
        exports = []
        for command in block:
            found.append((command, list(exports)))
            if command.startswith("export "):
                exports.append(command)
    return found


def new_shell_environment() -> dict[str, str]:
    return {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("DJANGO_", "PYTEST_")) and name not in NOT_IN_A_NEW_SHELL | MAKE_VARIABLES
    }


def run_as_typed(command: str, *, stdin: str = "") -> subprocess.CompletedProcess:
    exports = dict(readme_commands())[command]
    script = "\n".join([*exports, command])
    return subprocess.run(
        ["sh", "-c", script],
        cwd=BASE_DIR,
        env=new_shell_environment(),
        input=stdin,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )


def in_process(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def database_line() -> str:
    return f"PostgreSQL (embedded) is running; socket in {BASE_DIR / 'var' / 'pgdata'}\n"


# --- Every command is checked or left out on purpose; the make targets named exist -------------


def test_every_command_the_readme_shows_is_run_here_or_left_out_with_a_reason():
    shown = {command for command, _exports in readme_commands()}
    assert shown - (set(RUN_BY) | set(NOT_RUN)) == set(), "README commands nobody checks: add them to RUN_BY or NOT_RUN"
    assert (set(RUN_BY) | set(NOT_RUN)) - shown == set(), "checks of commands the README no longer shows"


def test_every_make_target_the_readme_names_is_in_the_makefile():
    makefile = (BASE_DIR / "Makefile").read_text()
    targets = set()
    for match in re.finditer(r"^([\w./-]+(?: [\w./-]+)*):(?!=)", makefile, re.MULTILINE):
        targets.update(match.group(1).split())
    code = re.findall(r"`([^`]+)`", README.read_text()) + [command for command, _exports in readme_commands()]
    named = {target for snippet in code for target in re.findall(r"(?:^|\s)make ([a-z][\w-]*)", snippet)}
    assert named, "the README names no make target"
    assert named - targets == set()


def test_the_readme_blocks_are_read_as_a_reader_sees_them():
    text = (
        "Text\n\n    make a   # comment\n    make b \\\n      --x\n\n"
        "- item\n\n    not code in a list\n\n```sh\nmake c\n```\n"
    )
    assert readme_blocks(text) == [["make a", "make b    --x"], ["make c"]]


# --- The commands that run -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def skip_without_embedded_database():
    if os.environ.get("DATABASE_URL"):
        pytest.skip("the README's commands are run against the embedded database only, never DATABASE_URL's")


@pytest.fixture
def spare_report(skip_without_embedded_database, tmp_path):
    """`make report` writes report-2018-ja.pdf into the checkout: a file already there is kept aside."""
    path = BASE_DIR / "report-2018-ja.pdf"
    kept = tmp_path / path.name
    if path.exists():
        shutil.move(path, kept)
    yield path
    path.unlink(missing_ok=True)
    if kept.exists():
        shutil.move(kept, path)


@pytest.fixture(scope="module")
def readme_backup(skip_without_embedded_database):
    """The README's `make backup`, once; the files it and the restore wrote are removed afterwards."""
    directory = BASE_DIR / "var" / "backups"
    before = set(directory.iterdir()) if directory.exists() else set()
    if README_BACKUP.exists():
        pytest.skip(f"{README_BACKUP} exists: it is not this test's to replace")
    result = run_as_typed("make backup")
    yield result
    for path in set(directory.iterdir()) - before:
        path.unlink()


def runs_a_readme_command(test):
    """A test that runs README commands: slow, and against the embedded database only."""
    return pytest.mark.slow(pytest.mark.usefixtures("skip_without_embedded_database")(test))


HEADER = ["member", "country", "type", "unpaid_fiscal_years", "outstanding_usd", "last_payment", "restricted"]


@runs_a_readme_command
@pytest.mark.pdf
def test_make_report_writes_the_japanese_report_of_2018(spare_report):
    result = run_as_typed("make report YEAR=2018 LANGUAGE_CODE=ja")
    assert (result.returncode, result.stderr) == (0, "")
    reader = PdfReader(spare_report)
    digest = hashlib.sha256(spare_report.read_bytes()).hexdigest()
    pages = len(reader.pages)
    assert result.stdout == f"Wrote report-2018-ja.pdf: annual report 2018 (ja), {pages} pages, SHA-256 {digest}\n"
    assert reader.metadata.title == "NEAR 2018年次報告書"


@runs_a_readme_command
@pytest.mark.django_db
def test_make_manage_prints_the_dues_standing_as_the_command_does():
    result = run_as_typed('make manage ARGS="dues_standing --on 2018-12-31"')
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == in_process("dues_standing", "--on", "2018-12-31")
    assert result.stdout.splitlines()[0].split() == HEADER


@runs_a_readme_command
@pytest.mark.django_db
def test_make_shell_has_the_models_imported_without_a_list_of_failed_imports():
    result = run_as_typed("make shell", stdin="print(MemberGovernment.objects.count())\n")
    assert (result.returncode, result.stderr) == (0, "")
    imported, blank, count = result.stdout.splitlines()
    assert re.fullmatch(r"\d+ objects imported automatically \(use -v 2 for details\)\.", imported)
    assert (blank, count) == ("", str(MemberGovernment.objects.count()))


@runs_a_readme_command
def test_make_db_says_where_the_running_database_listens():
    result = run_as_typed("make db")
    assert (result.returncode, result.stdout, result.stderr) == (0, database_line(), "")


@runs_a_readme_command
def test_the_export_of_the_local_environment_is_silent():
    result = run_as_typed("export DJANGO_DEBUG=1")
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


@runs_a_readme_command
@pytest.mark.django_db
def test_manage_py_by_hand_after_the_export_prints_the_dues_standing_as_csv():
    result = run_as_typed(".venv/bin/python manage.py dues_standing --on 2018-12-31 --format csv")
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == in_process("dues_standing", "--on", "2018-12-31", "--format", "csv")
    assert result.stdout.splitlines()[0] == ",".join(HEADER)


BACKUP_LINE = rf"Backup written: ({re.escape(str(BASE_DIR))}/var/backups/near-\d{{8}}T\d{{6}}Z\.dump) \(\d+ KiB\)"
KEPT_LINE = rf"Current state kept in {re.escape(str(BASE_DIR))}/var/backups/near-\d{{8}}T\d{{6}}Z-before-restore\.dump"


@runs_a_readme_command
def test_make_backup_writes_a_dump_named_by_the_time(readme_backup):
    assert (readme_backup.returncode, readme_backup.stderr) == (0, "")
    database, written = readme_backup.stdout.splitlines()
    assert database + "\n" == database_line()
    match = re.fullmatch(BACKUP_LINE, written)
    assert match is not None, written
    assert Path(match.group(1)).read_bytes()[:5] == b"PGDMP"  # pg_dump's custom format


@runs_a_readme_command
def test_make_restore_puts_back_the_file_the_readme_names(readme_backup):
    written = re.fullmatch(BACKUP_LINE, readme_backup.stdout.splitlines()[-1]).group(1)
    shutil.copyfile(written, README_BACKUP)
    result = run_as_typed("make restore FILE=var/backups/near-20260810T093000Z.dump")
    assert (result.returncode, result.stderr) == (0, "")
    database, kept, restored = result.stdout.splitlines()
    assert database + "\n" == database_line()
    assert re.fullmatch(KEPT_LINE, kept), kept
    assert restored == "Restored var/backups/near-20260810T093000Z.dump"


@pytest.mark.slow
def test_the_tests_the_readme_names_exist():
    """What the README's `make test-fast PYTEST_ARGS=...` lines name selects tests (collected, not run)."""
    for command in NOT_RUN:
        match = re.fullmatch(r'make test-fast PYTEST_ARGS="(.*)"', command)
        if match is None:
            continue
        result = subprocess.run(
            [sys.executable, "-m", "pytest", "--collect-only", "-q", *match.group(1).split()],
            cwd=BASE_DIR,
            env={**new_shell_environment(), "DJANGO_DEBUG": "1"},
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
        )
        assert result.returncode == 0, result.stdout + result.stderr
        selected = re.match(r"(\d+)(?:/\d+)? tests? collected", result.stdout.splitlines()[-1])
        assert selected is not None and int(selected.group(1)) > 0, (command, result.stdout.splitlines()[-1])


# The README's commands that run here, each with the test that runs it.
RUN_BY = {
    "make report YEAR=2018 LANGUAGE_CODE=ja": test_make_report_writes_the_japanese_report_of_2018,
    'make manage ARGS="dues_standing --on 2018-12-31"': test_make_manage_prints_the_dues_standing_as_the_command_does,
    "make shell": test_make_shell_has_the_models_imported_without_a_list_of_failed_imports,
    "make db": test_make_db_says_where_the_running_database_listens,
    "export DJANGO_DEBUG=1": test_the_export_of_the_local_environment_is_silent,
    ".venv/bin/python manage.py dues_standing --on 2018-12-31 --format csv": (
        test_manage_py_by_hand_after_the_export_prints_the_dues_standing_as_csv
    ),
    "make backup": test_make_backup_writes_a_dump_named_by_the_time,
    "make restore FILE=var/backups/near-20260810T093000Z.dump": test_make_restore_puts_back_the_file_the_readme_names,
}


# --- manage.py without the local environment: one sentence, exit code 1 ----------------------------


def run_manage_py(*args, env=None, pgdata=None) -> subprocess.CompletedProcess:
    """manage.py ARGS from the checkout; with ``pgdata``, the embedded database is looked for there."""
    code = "import sys; from near_portal.command_line import main; sys.exit(main(['manage.py', *sys.argv[1:]]))"
    if pgdata is not None:
        patch = (
            f"from pathlib import Path; from near_portal import embedded_db; embedded_db.PGDATA = Path({str(pgdata)!r})"
        )
        code = f"{patch}; {code}"
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=BASE_DIR,
        env={**new_shell_environment(), **(env or {})},
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )


def test_manage_py_without_debug_or_secret_key_says_what_to_set_in_one_sentence():
    result = subprocess.run(
        [sys.executable, "manage.py", "dues_standing", "--on", "2018-12-31"],
        cwd=BASE_DIR,
        env=new_shell_environment(),
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        "DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off: for local work use "
        '`make manage ARGS="dues_standing --on 2018-12-31"` or `export DJANGO_DEBUG=1` first.\n'
    )


def test_manage_py_names_a_placeholder_when_the_arguments_do_not_quote_simply():
    for args in [(), ("shell", "-c", 'print("x")')]:
        result = run_manage_py(*args)
        assert (result.returncode, result.stdout) == (1, "")
        assert result.stderr == (
            "DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off: for local work use "
            '`make manage ARGS="<command> ..."` or `export DJANGO_DEBUG=1` first.\n'
        )


def test_production_stays_strict_without_a_secret_key():
    result = subprocess.run(
        [sys.executable, "-c", "import near_portal.wsgi"],
        cwd=BASE_DIR,
        env={**new_shell_environment(), "DJANGO_DEBUG": "0"},
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1] == (
        "near_portal.command_line.SecretKeyMissing: DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off."
    )


def test_manage_py_says_in_one_sentence_that_the_database_is_not_running(tmp_path):
    (tmp_path / "PG_VERSION").write_text("18\n")  # a cluster that no server runs
    result = run_manage_py("dues_standing", "--on", "2018-12-31", env={"DJANGO_DEBUG": "1"}, pgdata=tmp_path)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        "The database is not running: start it with `make db`, or use "
        '`make manage ARGS="dues_standing --on 2018-12-31"`, which starts it and stops it again '
        "(or set DATABASE_URL).\n"
    )


def test_manage_py_says_in_one_sentence_that_there_is_no_database_yet(tmp_path):
    result = run_manage_py("migrate", env={"DJANGO_DEBUG": "1"}, pgdata=tmp_path / "pgdata")
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == "There is no database yet: run `make setup` (or set DATABASE_URL).\n"


def test_manage_py_needs_no_database_for_commands_that_do_not_use_it(tmp_path):
    result = run_manage_py("check", env={"DJANGO_DEBUG": "1"}, pgdata=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == "System check identified no issues (0 silenced).\n"


@pytest.mark.slow
@pytest.mark.usefixtures("skip_without_embedded_database")
def test_manage_py_stops_quietly_when_its_reader_goes_away():
    result = subprocess.run(
        ["sh", "-c", f"{sys.executable} manage.py dues_standing --on 2018-12-31 | head -n 1"],
        cwd=BASE_DIR,
        env={**new_shell_environment(), "DJANGO_DEBUG": "1"},
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )
    assert (result.stdout.split(), result.stderr) == (HEADER, "")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("command", "usage"),
    [
        ("make manage", 'Usage: make manage ARGS="dues_standing --on 2018-12-31"'),
        ("make report", "Usage: make report YEAR=2018 LANGUAGE_CODE=ja (OUTPUT=report-2018-ja.pdf by default)"),
    ],
)
def test_the_make_targets_say_how_to_call_them(command, usage):
    result = subprocess.run(
        ["sh", "-c", command],
        cwd=BASE_DIR,
        env=new_shell_environment(),
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.splitlines()[0] == usage
