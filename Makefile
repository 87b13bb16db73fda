# Two entry points (README): `make app` and `make test`. Both create .venv on first use,
# installing the CPU torch 2.13.0 wheel first so no CUDA build is pulled in.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)

.PHONY: app test setup lint bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet torch==2.13.0
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	rm -f $(VENV)/.installed-* && touch $(STAMP)

setup: $(STAMP)

app: $(STAMP)
	$(BIN)/streamlit run app.py

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# Both cores: two pytest workers sharing the run's cache folder (tests/conftest.py).
test: lint
	$(BIN)/python -m pytest -n 2 --dist loadgroup --durations=10

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py load

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
