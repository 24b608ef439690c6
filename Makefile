# Two commands matter: `make run` and `make test`. Everything else is what they need.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
UV := $(VENV)/bin/uv
# `make run` needs only the runtime lock; `make test` adds the development lock.
RUNTIME_STAMP := $(VENV)/.runtime-$(shell cat requirements/base.lock pyproject.toml | sha256sum | cut -c1-16)
STAMP := $(VENV)/.installed-$(shell cat requirements/dev.lock pyproject.toml | sha256sum | cut -c1-16)
# npm packages the tests use (axe-core, injected into pages by the accessibility tests only).
NODE_STAMP := node_modules/.installed-$(shell cat package-lock.json | sha256sum | cut -c1-16)
export DJANGO_SETTINGS_MODULE ?= config.django.local

.PHONY: run test setup install-runtime runtime-system-deps system-deps messages migrate demo check unit pg-test bench screenshots clean

run: install-runtime migrate demo
	@echo "Tabara is starting at http://127.0.0.1:8000/ with its task worker, outbox sweeper, referral escalation, retention rules, follow-up reminders, audit anchors and case statistics (Ctrl-C stops all)"
	$(PY) manage.py db_worker & worker=$$!; \
	$(PY) manage.py notifications_deliver --loop & sweeper=$$!; \
	$(PY) manage.py referrals_escalate --loop & escalator=$$!; \
	$(PY) manage.py retention_apply --loop & retention=$$!; \
	$(PY) manage.py cases_remind --loop & reminder=$$!; \
	$(PY) manage.py audit_anchor_log --loop & anchor=$$!; \
	$(PY) manage.py dashboards_refresh --loop & statistics=$$!; \
	trap 'kill $$worker $$sweeper $$escalator $$retention $$reminder $$anchor $$statistics 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver 127.0.0.1:8000

test: setup
	scripts/check
	scripts/test

setup: system-deps $(STAMP) $(NODE_STAMP) messages

# The runtime only (production and `make run`): requirements/base.lock and gettext.
install-runtime: runtime-system-deps $(RUNTIME_STAMP) runtime-messages

# Debian packages: chromium for browser tests and screenshots, npm for axe-core (the
# accessibility tests), gettext for translations,
# a Java runtime for the Spark linkage backend (pyspark in local mode), nginx-light (about
# 1 MB) so that tests/test_nginx_config.py runs deploy/nginx/tabara.conf for real (on a
# desktop with systemd Debian also starts it: `systemctl disable --now nginx` if unwanted).
runtime-system-deps:
	@command -v msgfmt >/dev/null || { SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq gettext >/dev/null; }

system-deps:
	@missing=""; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	command -v msgfmt >/dev/null || missing="$$missing gettext"; \
	command -v java >/dev/null || missing="$$missing default-jre-headless"; \
	command -v npm >/dev/null || missing="$$missing npm"; \
	[ -x /usr/sbin/nginx ] || command -v nginx >/dev/null || missing="$$missing nginx-light"; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

$(STAMP): requirements/dev.lock pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check "uv==0.9.30"
	$(UV) pip sync -q --python $(PY) requirements/dev.lock
	$(UV) pip install -q --python $(PY) --no-deps -e .
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

# Exactly what package-lock.json pins, without running any package's install scripts.
$(NODE_STAMP): package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $(NODE_STAMP)

# Adds what the runtime lock asks for and removes nothing, so a development venv stays whole.
$(RUNTIME_STAMP): requirements/base.lock pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check "uv==0.9.30"
	$(UV) pip install -q --python $(PY) -r requirements/base.lock
	$(UV) pip install -q --python $(PY) --no-deps -e .
	rm -f $(VENV)/.runtime-*
	touch $(RUNTIME_STAMP)

# msgfmt directly: Django itself cannot start before the Kinyarwanda catalogue is compiled.
messages: system-deps runtime-messages

runtime-messages: runtime-system-deps
	@for po in tabara/locale/*/LC_MESSAGES/django.po; do msgfmt --check -o "$${po%.po}.mo" "$$po" || exit 1; done

migrate: install-runtime
	mkdir -p var
	$(PY) manage.py migrate -v 0

demo: migrate
	$(PY) manage.py demo_load

pg-test: setup
	scripts/test-postgres

bench: setup
	$(PY) bench/intake.py

screenshots: setup
	$(PY) scripts/screenshots.py

clean:
	rm -rf $(VENV) var
