"""AppTest: every page runs without exception and the main data flows work."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from analysis.dataset.agreement import krippendorff_alpha

ROOT = Path(__file__).resolve().parents[2]
PAGES = [
    "pages/0_Home.py",
    "pages/1_Data.py",
    "pages/2_Overview.py",
    "pages/3_Value_profiles.py",
    "pages/4_Demographic_experts.py",
    "pages/5_Value_calibration.py",
    "pages/6_Annotator_reliability.py",
]
TIMEOUT = 120


def _run(path: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / path), default_timeout=TIMEOUT)
    at.run()
    return at


def test_app_entry_point_runs_the_home_page() -> None:
    at = _run("app.py")
    assert not at.exception, [e.value for e in at.exception]
    assert at.title[0].value == "Perspectives Lab"


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_without_exception(page: str) -> None:
    at = _run("app.py")
    at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.title, "every page shows a title"


def test_home_loads_the_sample_and_says_so() -> None:
    at = _run("app.py")
    ds = at.session_state["dataset"]
    assert ds is not None and ds.n_annotators >= 100
    assert any("bundled sample" in c.value for c in at.caption)
    labels = [b.proto.label for b in at.get("download_button")]
    assert "Download report (HTML)" in labels  # the report, made when clicked


def test_data_page_loads_sample_on_click() -> None:
    at = _data_page()
    at.button(key="data_load_sample").click().run()
    assert not at.exception
    assert any("Loaded the bundled sample" in s.value for s in at.success)
    labels = [m.label for m in at.metric]
    assert "Items" in labels and "Annotators" in labels
    # Issue #26: the item texts were embedded on loading (behind a bar with the time left), so
    # every page reads them back from the cache: an encoder that may not run finds them all.
    from engines.text import EmbeddingCache
    from engines.text.embed import item_table
    from engines.text.encoders import DEFAULT_MODEL, make_encoder

    class _MayNotRun:
        id = make_encoder(DEFAULT_MODEL).id  # the default the page encoded with

        def encode(self, texts, progress=None):  # noqa: ANN001, ANN202
            raise AssertionError(f"{len(texts)} item texts were not embedded on loading")

    texts = item_table(at.session_state["dataset"])["text"].tolist()
    assert len(EmbeddingCache().encode(_MayNotRun(), texts)) == len(texts)


def _data_page() -> AppTest:
    """The Data page, reached from the home script so later switch_page calls resolve."""
    at = _run("app.py")
    at.switch_page("pages/1_Data.py").run()
    return at


def _upload(at: AppTest, name: str, data: bytes) -> AppTest:
    at.radio(key="data_source").set_value("Upload a file").run()
    at.file_uploader(key="data_upload").set_value((name, data, "text/csv")).run()
    return at


def test_upload_valid_csv_then_overview_shows_its_statistics() -> None:
    rows = []
    for i in range(12):
        for a in range(6):
            rows.append(
                {
                    "comment_id": f"c{i}",
                    "comment": f"text number {i} here",
                    "rater_id": f"r{a}",
                    "rating": (i + (a % 2)) % 5 + 1,
                    "gender": "woman" if a < 3 else "man",
                }
            )
    df = pd.DataFrame(rows)
    at = _upload(_data_page(), "mine.csv", df.to_csv(index=False).encode())
    assert not at.exception, [e.value for e in at.exception]
    at.button(key="data_load").click().run()
    assert not at.exception, [e.value for e in at.exception]
    ds = at.session_state["dataset"]
    assert (ds.n_items, ds.n_annotators, ds.n_annotations) == (12, 6, 72)
    assert ds.demographics == ("gender",)

    at.switch_page("pages/2_Overview.py").run()
    assert not at.exception, [e.value for e in at.exception]
    alpha_metric = next(m for m in at.metric if m.label.startswith("Krippendorff"))
    expected = krippendorff_alpha(ds.df, level="interval", values=list(ds.scale.classes))
    assert alpha_metric.value == f"{expected:.3f}"
    items_metric = next(m for m in at.metric if m.label == "Items")
    assert items_metric.value == "12"


def test_an_upload_is_pending_until_loaded_and_the_load_summary_counts_removals() -> None:
    """Issue #13.4: after an upload the page shows the pending file, not the previous dataset,
    and once loaded the section opens with rows read, kept and removed by reason."""
    rows = [
        {"comment_id": f"c{i}", "comment": f"text {i}", "rater_id": f"r{a}", "rating": 1 + i % 5}
        for i in range(10)
        for a in range(4)
    ]
    rows.append({"comment_id": "c0", "comment": "text 0", "rater_id": "r9", "rating": None})
    at = _upload(_data_page(), "pending.csv", pd.DataFrame(rows).to_csv(index=False).encode())
    assert not at.exception, [e.value for e in at.exception]
    assert any("pending.csv** is read but not loaded" in i.value for i in at.info)
    assert not any(h.value == "Current dataset" for h in at.subheader)
    at.button(key="data_load").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert any(h.value == "Current dataset" for h in at.subheader)
    summary = next(m.value for m in at.markdown if m.value.startswith("**Read 41 rows"))
    assert "kept 40 annotations" in summary and "removed 1 (1 " in summary, summary


def test_upload_bad_csv_shows_specific_error_and_keeps_previous_dataset() -> None:
    bad = b"rater_id,rating,comment\nr1,3,hello there\n"
    at = _data_page()
    before = at.session_state["dataset"]
    assert before is not None and before.name == "Perspectives Lab sample (offensiveness)"
    at = _upload(at, "bad.csv", bad)
    at.button(key="data_load").click().run()
    assert not at.exception
    messages = " ".join(e.value for e in at.error)
    assert "annotator" in messages.lower() or "single class" in messages.lower()
    assert "could not be loaded" in messages
    kept = at.session_state["dataset"]
    assert kept.fingerprint() == before.fingerprint()
    assert at.session_state["dataset_origin"] == "sample"


def test_upload_undecodable_file_gives_encoding_message() -> None:
    at = _upload(
        _data_page(),
        "latin.csv",
        "rater_id,rating,comment\nr1,3,caf\xe9 ol\xe9\n".encode("latin-1"),
    )
    assert not at.exception
    assert any("UTF-8" in e.value or "utf-8" in e.value for e in at.error)


def test_overview_handles_nominal_dataset_without_demographics() -> None:
    rows = [
        {
            "item": f"i{i}",
            "text": f"pair {i}",
            "worker": f"w{a}",
            "label": ["entailment", "neutral", "contradiction"][(i * a) % 3],
        }
        for i in range(10)
        for a in range(4)
    ]
    at = _upload(_data_page(), "nli.csv", pd.DataFrame(rows).to_csv(index=False).encode())
    at.button(key="data_load").click().run()
    assert not at.exception, [e.value for e in at.exception]
    at.switch_page("pages/2_Overview.py").run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("No demographic columns" in m.value for m in at.markdown)


def _moved_table(at: AppTest) -> pd.DataFrame:
    """The editor's 'items that moved most' table (the one with before / after columns)."""
    return next(d.value for d in at.dataframe if {"before", "after"} <= set(d.value.columns))


@pytest.mark.slow
def test_value_profiles_train_then_edit_changes_predictions(monkeypatch) -> None:
    from engines.text.llm import OpenAICompatibleBackend

    prompts: list[str] = []

    def fake(self, prompt: str, max_tokens: int = 300) -> str:  # noqa: ANN001
        prompts.append(prompt)
        return (
            'Sure: [{"clause": "I find nearly everything offensive.", "about": "everything", '
            '"direction": "less", "strength": "strong", "confidence": 0.8}]'
        )

    monkeypatch.setattr(OpenAICompatibleBackend, "complete", fake)
    monkeypatch.setenv("PERSPECTIVES_LLM_ENDPOINTS", "http://127.0.0.1:9/v1")
    at = _run("app.py")
    at.switch_page("pages/3_Value_profiles.py").run(timeout=300)
    assert not at.exception, [e.value for e in at.exception]
    assert at.radio(key="vp_decoder").value == "embedding"  # the default: + edit reader
    at.button(key="FormSubmitter:vp_train_form-Write profiles and train the decoder").click()
    at.run(timeout=600)
    assert not at.exception, [e.value for e in at.exception]
    assert any("Decoder trained" in s.value for s in at.success)
    assert not any(d.value is not None and "statement" in d.value.columns for d in at.dataframe)
    # Issue #13: before any edit the moved-items table is hidden (not a table sorted by id)
    # and the editor's takeaway says what to do.
    assert not any(d.value is not None and "after" in d.value.columns for d in at.dataframe)
    assert any(m.value.startswith("**Edit the profile below**") for m in at.markdown)
    rater = at.selectbox(key="vp_rater").value
    edit = at.text_area(key=f"vp_edit_{rater}")
    profile = edit.value
    edit.input(
        # A sentence of a curriculum form: this checks the wiring (a typed statement is read
        # by the edit reader and its sign reaches the page); how well free wording
        # generalises is measured by `benchmarks/run.py edits`.
        f"{edit.value}\n- I rate most posts as far more offensive than most people do."
    ).run(timeout=300)
    assert not at.exception, [e.value for e in at.exception]
    after = _moved_table(at)
    assert after["delta"].abs().max() > 0.05
    assert any("raises the mean expected label" in m.value for m in at.markdown)
    typed = "I rate most posts as far more offensive than most people do"
    source = f"{typed} → everything ↑ more"
    assert (after["moved_by"] == source).mean() > 0.9  # the edit moved them
    sources = next(d.value for d in at.dataframe if "source" in d.value.columns)
    assert sources["source"].tolist() == [source] and sources["direction"].tolist() == ["raises"]
    assert any("embedding decoder" in s.value for s in at.success)
    mean = next(m for m in at.metric if m.label == "Mean expected label")
    assert float(mean.proto.delta.replace("−", "-")) > 0  # a stricter statement raises it
    moved = next(m for m in at.metric if m.label.startswith("Items moved"))
    assert int(moved.value.replace(",", "")) > 0
    # Issue #25: a replacement is attributed to the removed text and to the new reading, and
    # the rows add up to the headline's mean change.
    edit.input("I find nearly everything offensive.").run(timeout=300)
    assert not at.exception, [e.value for e in at.exception]
    sources = next(d.value for d in at.dataframe if "source" in d.value.columns)
    assert len(sources) == 2 and sources["mean_change"].iloc[1] > 0
    mean = next(m for m in at.metric if m.label == "Mean expected label")
    headline = float(mean.proto.delta.replace("−", "-"))
    assert abs(sources["mean_change"].sum() - headline) < 0.006
    way = "raises" if headline > 0 else "lowers"
    assert any(f"{way} the mean expected label" in m.value for m in at.markdown)
    # The operator's LLM reads the edit only when ticked; where it differs is shown, and
    # predictions use its reading when chosen (the stub reads the strict sentence as lenient).
    assert not prompts
    at.checkbox(key="vp_llm_read").check().run(timeout=300)
    at.text_input(key="vp_llm_read_model").input("tiny").run(timeout=300)
    assert not at.exception, [e.value for e in at.exception]
    assert len(prompts) == 1 and "I find nearly everything offensive." in prompts[0]
    assert profile.strip().splitlines()[0] not in prompts[0]  # the edit, not the profile
    assert any("they differ on 1 of 1 targets" in m.value for m in at.markdown)
    compare = next(d.value for d in at.dataframe if "agree" in d.value.columns)
    assert not compare["agree"].any()
    at.radio(key="vp_llm_use").set_value("LLM reading").run(timeout=300)
    sources = next(d.value for d in at.dataframe if "source" in d.value.columns)
    assert sources["mean_change"].iloc[1] < 0 and len(prompts) == 1  # kept, not re-sent
    at.radio(key="vp_llm_use").set_value("offline reading")
    at.checkbox(key="vp_llm_read").uncheck().run(timeout=300)
    at.slider(key="vp_seeds").set_value(2)
    at.checkbox(key="vp_single_demo").uncheck()  # single attributes: covered by engine tests
    at.button(key="FormSubmitter:vp_eval_form-Compare representations").click()
    at.run(timeout=900)
    assert not at.exception, [e.value for e in at.exception]
    usable = next(d.value for d in at.dataframe if "usable_info_nats" in d.value.columns)
    assert {"none", "profile", "clusters-2"} <= set(usable["representation"])
    assert any(m.label == "Expected calibration error" for m in at.metric)
    # Issue #14.4: the decoder's calibration per demographic group (small multiples).
    specs = [c.proto.spec for c in at.get("plotly_chart")]
    assert any("Decoder calibration per gender" in spec for spec in specs)


@pytest.mark.slow
@pytest.mark.xdist_group("sample-curriculum")  # reuses the curriculum the engine test taught
def test_choosing_the_statement_decoder_trains_it() -> None:
    at = _run("app.py")
    at.switch_page("pages/3_Value_profiles.py").run(timeout=300)
    at.radio(key="vp_decoder").set_value("statements")
    at.number_input(key="vp_st_epochs").set_value(2)  # the choice is tested, not the fit
    at.button(key="FormSubmitter:vp_train_form-Write profiles and train the decoder").click()
    at.run(timeout=600)
    assert not at.exception, [e.value for e in at.exception]
    assert any("statements decoder" in s.value for s in at.success)
    table = next(d.value for d in at.dataframe if "statement" in d.value.columns)
    assert len(table) >= 2 and not table["new"].any()  # every written statement, none new


def _cross_encoder_form(model_dir: str) -> AppTest:
    """The Value profiles page with the cross-encoder chosen and its model folder typed in."""
    at = _run("app.py")
    at.switch_page("pages/3_Value_profiles.py").run(timeout=300)
    at.radio(key="vp_decoder").set_value("cross-encoder")
    at.text_input(key="vp_ce_model").input(model_dir)
    return at


@pytest.mark.slow
def test_value_profiles_cross_encoder_decoder_trains_and_edits(
    tiny_transformer_dir, monkeypatch
) -> None:
    from engines.profiles.cross_encoder import CrossEncoderDecoder

    grids: list[int] = []
    real = CrossEncoderDecoder.predict_texts

    def counted(self, texts, item_rows=None):  # noqa: ANN001, ANN202
        grids.append(len(texts))
        return real(self, texts, item_rows)

    monkeypatch.setattr(CrossEncoderDecoder, "predict_texts", counted)
    monkeypatch.setenv("PERSPECTIVES_MODELS_DIR", str(tiny_transformer_dir.parent))
    at = _cross_encoder_form(tiny_transformer_dir.name)
    at.number_input(key="vp_ce_length").set_value(48)
    at.number_input(key="vp_ce_rows").set_value(600)
    at.number_input(key="vp_ce_jury").set_value(3)
    at.button(key="FormSubmitter:vp_train_form-Write profiles and train the decoder").click()
    at.run(timeout=600)
    assert not at.exception, [e.value for e in at.exception]
    assert any("cross-encoder" in s.value for s in at.success), [s.value for s in at.success]
    # profile clusters (3 candidates); the jury comes from the comparison (held-out raters)
    assert grids == [3]
    rater = at.selectbox(key="vp_rater").value
    at.text_area(key=f"vp_edit_{rater}").input("Rates everything as very offensive.").run()
    assert not at.exception, [e.value for e in at.exception]
    assert _moved_table(at)["delta"].abs().max() > 0
    assert grids == [3]  # an edit re-predicts one profile, not the clusters


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("no-such-model", "There is no model folder 'no-such-model' in the models directory"),
        # Issue #11.14: paths outside the models directory get one message, existing or not.
        ("/etc", "Model folders are read from the models directory only"),
        ("../../../../etc", "Model folders are read from the models directory only"),
        ("/no/such/place", "Model folders are read from the models directory only"),
    ],
)
def test_value_profiles_cross_encoder_model_folder_is_confined(
    tmp_path, monkeypatch, typed: str, expected: str
) -> None:
    monkeypatch.setenv("PERSPECTIVES_MODELS_DIR", str(tmp_path))
    at = _cross_encoder_form(typed)
    at.button(key="FormSubmitter:vp_train_form-Write profiles and train the decoder").click()
    at.run(timeout=300)
    assert not at.exception, [e.value for e in at.exception]
    assert any(expected in e.value for e in at.error), [e.value for e in at.error]
    assert not any("/etc" in e.value or "does not exist" in e.value for e in at.error)


@pytest.mark.slow
def test_demographic_experts_trains_and_shows_every_analysis(monkeypatch) -> None:
    import analysis.moe.report as report_module

    reports: list[int] = []
    real = report_module.report_for_result

    def counted(result, **kwargs):  # noqa: ANN001, ANN003, ANN202
        reports.append(1)
        return real(result, **kwargs)

    monkeypatch.setattr(report_module, "report_for_result", counted)
    at = _run("app.py")
    at.switch_page("pages/4_Demographic_experts.py").run(timeout=300)
    assert not at.exception, [e.value for e in at.exception]
    at.slider(key="moe_epochs").set_value(15)
    at.button(key="FormSubmitter:moe_form-Train DEM-MoE and baselines").click()
    at.run(timeout=900)
    assert not at.exception, [e.value for e in at.exception]
    assert any("DEM-MoE took" in s.value for s in at.success)
    table = next(d.value for d in at.dataframe if "delta" in d.value.columns)
    assert len(table) == 8 and table["mae"].notna().all()  # 7 baselines, DEM-MoE
    assert list(table.columns[:4]) == ["model", "mae", "ci", "delta"]
    mae = table.set_index("model")["mae"]
    assert table.set_index("model")["delta"]["DEM-MoE"] == 0
    # Issue #13: every results section opens with its computed takeaway.
    text = " ".join(m.value for m in at.markdown)
    assert "DEM-MoE has the lowest error" in text or "DEM-MoE does not beat" in text
    assert "attribute the experts specialise in most" in text or "barely specialise" in text
    assert "never seen in training" in text
    assert mae["DEM-MoE"] < mae["Mean predictor"] and mae["DEM-MoE"] < mae["Text only"]
    # every figure of the page is there: comparison, by attribute, by subgroup, seen/unseen,
    # usage heatmaps, specialisation KL, ridge clustermap
    assert len(at.get("plotly_chart")) == 7
    at.selectbox(key="moe_group_attr").set_value("age").run(timeout=300)
    assert not at.exception, [e.value for e in at.exception]
    assert not any(e.label.startswith("Hyperparameter search:") for e in at.expander)
    assert len(reports) == 1  # the 1,000-resample report is built once per trained result


@pytest.mark.slow
def test_demographic_experts_over_seeds_reports_mean_sd_and_a_pooled_test() -> None:
    """Issue #12.7: the headline comparison repeated over seeds, as an option on the page."""
    at = _run("app.py")
    at.switch_page("pages/4_Demographic_experts.py").run(timeout=300)
    at.multiselect(key="moe_baselines").set_value(["mean", "annotator_median"])
    at.slider(key="moe_epochs").set_value(3)
    at.number_input(key="moe_over_seeds").set_value(2)
    at.button(key="FormSubmitter:moe_form-Train DEM-MoE and baselines").click()
    at.run(timeout=900)
    assert not at.exception, [e.value for e in at.exception]
    table = next(d.value for d in at.dataframe if "mae_sd" in d.value.columns)
    assert len(table) == 3 and {"mae_seed0", "mae_seed1"} <= set(table.columns)
    assert any(m.value.startswith("Over 2 seeds, DEM-MoE's MAE") for m in at.markdown)


@pytest.mark.slow
def test_demographic_experts_optuna_search_runs_before_training() -> None:
    at = _run("app.py")
    at.switch_page("pages/4_Demographic_experts.py").run(timeout=300)
    at.multiselect(key="moe_baselines").set_value(["mean"])
    at.slider(key="moe_epochs").set_value(5)
    at.checkbox(key="moe_search").check()
    at.number_input(key="moe_search_trials").set_value(2)
    at.slider(key="moe_search_epochs").set_value(3)
    at.number_input(key="moe_search_margin").set_value(0.2)
    at.button(key="FormSubmitter:moe_form-Train DEM-MoE and baselines").click()
    at.run(timeout=900)
    assert not at.exception, [e.value for e in at.exception]
    assert any(e.label.startswith("Hyperparameter search: 2 trials") for e in at.expander)
    table = next(d.value for d in at.dataframe if "chosen" in d.value.columns)
    assert {"lr", "lr_gate", "top_k", "dev_mae", "dev_max_jsd"} <= set(table["parameter"])
    # With a wide margin the kept trial is the most specialised one (trial 0 included).
    kl = table.set_index("parameter").loc["dev_max_jsd"]
    assert kl["best"] >= kl["chosen"]
    assert len(at.get("plotly_chart")) == 8  # the search history on top of the 7 figures


def test_lewidi_meta_uploaded_after_the_data_preselects_its_demographics() -> None:
    """Issue #11.9: an annotator meta file adds columns; the mapper proposes them afresh."""
    import json

    records = {
        str(i): {"text": f"post {i} here", "annotators": "Ann1,Ann2,Ann3",
                 "annotations": f"{i % 2},1,0"}
        for i in range(8)
    }  # fmt: skip
    meta = {"Ann1": {"gender": "F"}, "Ann2": {"gender": "M"}, "Ann3": {"gender": "F"}}
    at = _data_page()
    at.radio(key="data_source").set_value("Upload a file").run()
    data = json.dumps(records).encode()
    at.file_uploader(key="data_upload").set_value(("ds_dev.json", data, "application/json")).run()
    assert not at.exception, [e.value for e in at.exception]
    meta_bytes = json.dumps(meta).encode()
    at.file_uploader(key="data_meta").set_value(
        ("ds_annotators_meta.json", meta_bytes, "application/json")
    ).run()
    assert not at.exception, [e.value for e in at.exception]
    demographics = next(m for m in at.multiselect if m.label.startswith("Demographic"))
    assert demographics.value == ["ann_gender"]
    at.button(key="data_load").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("Loaded 24 annotations" in s.value for s in at.success)


def test_an_item_level_column_is_proposed_as_an_item_attribute_on_the_data_page() -> None:
    """Issue #11.9: the item's language is not offered as an annotator demographic."""
    rows = [
        {"item_id": f"i{i}", "annotator_id": f"a{a}", "text": f"post {i}",
         "label": (i + a) % 5 + 1, "lang": ("en", "ar", "hi")[i % 3], "gender": "fm"[a % 2]}
        for i in range(9)
        for a in range(4)
    ]  # fmt: skip
    at = _upload(_data_page(), "langs.csv", pd.DataFrame(rows).to_csv(index=False).encode())
    assert not at.exception, [e.value for e in at.exception]
    boxes = {m.label.split(" ")[0]: m for m in at.multiselect}
    assert boxes["Item"].value == ["lang"] and boxes["Demographic"].value == ["gender"]
    assert "lang" not in boxes["Demographic"].options
    at.button(key="data_load").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("Loaded 36 annotations" in s.value for s in at.success)


def test_a_missing_value_code_is_shown_before_loading_and_can_be_kept() -> None:
    """Issue #11.2 on the page: the 99 is named before loading; drop (default) or keep."""
    rows = [
        {"item_id": f"i{i}", "annotator_id": f"a{a}", "text": f"post {i}", "label": (i + a) % 5 + 1}
        for i in range(10)
        for a in range(4)
    ]
    rows.append({"item_id": "i3", "annotator_id": "a9", "text": "post 3", "label": 99})
    data = pd.DataFrame(rows).to_csv(index=False).encode()
    at = _upload(_data_page(), "codes.csv", data)
    assert not at.exception, [e.value for e in at.exception]
    assert any("99 (1 row)" in w.value for w in at.warning)
    at.button(key="data_load").click().run()
    assert any("Loaded 40 annotations" in s.value for s in at.success)
    at.radio(key="data_label_outliers").set_value("keep").run()
    at.button(key="data_load").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("Loaded 41 annotations" in s.value for s in at.success)


def test_the_text_encoder_can_be_chosen_for_non_english_data() -> None:
    """Issue #11.10: a language-agnostic encoder is offered on the Data page."""
    at = _data_page()
    assert not at.exception, [e.value for e in at.exception]
    box = at.selectbox(key="data_encoder")
    assert "hashing-384" in box.options or any("Hashing" in o for o in box.options)
    box.set_value("hashing-384").run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.session_state["text_encoder"] == "hashing-384"


@pytest.mark.slow
@pytest.mark.parametrize("source", ["tags", "demographics", "rationale"])
def test_value_calibration_trains_and_shows_table_clusters_and_calibration(source: str) -> None:
    """Issue #14: the page drives MC-STL for every cluster source."""
    at = _run("app.py")
    at.switch_page("pages/5_Value_calibration.py").run(timeout=300)
    assert not at.exception, [e.value for e in at.exception]
    at.radio(key="mc_source").set_value(source).run(timeout=300)
    if source == "rationale":
        at.number_input(key="mc_k").set_value(2)
    at.slider(key="mc_epochs").set_value(8)
    at.button(key="FormSubmitter:mc_form-Train MC-STL and baselines").click()
    at.run(timeout=900)
    assert not at.exception, [e.value for e in at.exception]
    assert any("value clusters." in s.value for s in at.success)
    results = next(d.value for d in at.dataframe if "one_minus_emd" in d.value.columns)
    assert results["model"].tolist() == ["MC-STL", "∅ (no clusters)", "Maj(Y)"]
    assert results["auc"].between(0.5, 1.0).all()
    summary = next(d.value for d in at.dataframe if "keywords" in d.value.columns)
    assert summary["n"].sum() >= len(summary)
    text = " ".join(m.value for m in at.markdown)
    assert "has the highest AUC" in text and "value clusters from" in text
    assert "calibration lines are closest to ideal" in text
    assert any("5-fold cross-fitting (settings)" in i.value for i in at.info)  # small test split
    charts = len(at.get("plotly_chart"))
    assert charts == (2 if source == "rationale" else 1)  # + the rationale map


@pytest.mark.slow
def test_value_calibration_cross_fits_with_chosen_baselines_and_colours_the_map_by_group() -> None:
    """Issue #14: 5-fold cross-fitting, location-scale CORAL, one baseline; the rationale map
    coloured by a demographic column."""
    at = _run("app.py")
    at.switch_page("pages/5_Value_calibration.py").run(timeout=300)
    at.radio(key="mc_source").set_value("rationale").run(timeout=300)
    at.number_input(key="mc_k").set_value(2)
    at.slider(key="mc_epochs").set_value(5)
    at.radio(key="mc_folds").set_value(5)
    at.multiselect(key="mc_baselines").set_value(["no_info"])
    at.checkbox(key="mc_dispersion").check()
    at.button(key="FormSubmitter:mc_form-Train MC-STL and baselines").click()
    at.run(timeout=900)
    assert not at.exception, [e.value for e in at.exception]
    assert any("each of 5 item folds" in s.value for s in at.success), [s.value for s in at.success]
    results = next(d.value for d in at.dataframe if "one_minus_emd" in d.value.columns)
    assert results["model"].tolist() == ["MC-STL", "∅ (no clusters)"]
    assert results["n"].iloc[0] > 5000  # every human annotation, out of fold
    assert any("out of fold, 5 folds" in h.value for h in at.subheader)
    assert not any("5-fold cross-fitting (settings)" in i.value for i in at.info)
    slopes = next(d.value for d in at.dataframe if "slope_high" in d.value.columns)
    assert set(slopes["model"]) == {"MC-STL", "∅ (no clusters)"}
    assert (slopes["slope_low"] <= slopes["slope"]).all()
    assert (slopes["slope"] <= slopes["slope_high"]).all()
    assert "95% interval (item bootstrap)" in " ".join(m.value for m in at.markdown)
    at.radio(key="mc_map_colour").set_value("age").run(timeout=300)
    assert not at.exception, [e.value for e in at.exception]
    import json

    figures = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    legends = [f["layout"].get("legend", {}).get("title", {}).get("text") for f in figures]
    assert "age (most writers)" in legends, legends


@pytest.mark.slow
def test_value_calibration_llm_summaries_are_optional_and_use_the_seeds_prompt(
    monkeypatch,
) -> None:
    from engines.text.llm import OpenAICompatibleBackend

    prompts: list[str] = []

    def fake(self, prompt: str, max_tokens: int = 300) -> str:  # noqa: ANN001
        prompts.append(prompt)
        return "A theme of avoiding harm."

    monkeypatch.setattr(OpenAICompatibleBackend, "complete", fake)
    at = _run("app.py")
    at.switch_page("pages/5_Value_calibration.py").run(timeout=300)
    at.radio(key="mc_source").set_value("rationale").run(timeout=300)
    at.number_input(key="mc_k").set_value(2)
    at.slider(key="mc_epochs").set_value(5)
    at.button(key="FormSubmitter:mc_form-Train MC-STL and baselines").click()
    at.run(timeout=900)
    assert not any("summary" in d.value.columns for d in at.dataframe)  # never required
    at.text_input(key="vp_llm_url").input("http://127.0.0.1:9/v1")
    at.text_input(key="vp_llm_key").input("typed-key")
    at.text_input(key="vp_llm_model").input("tiny")
    at.button(key="FormSubmitter:mc_llm_form-Summarise the clusters").click()
    at.run(timeout=300)
    assert not at.exception, [e.value for e in at.exception]
    table = next(d.value for d in at.dataframe if "summary" in d.value.columns)
    assert len(table) == 2 and (table["summary"] == "A theme of avoiding harm.").all()
    assert len(prompts) == 2 and prompts[0].startswith("You are a helpful assistant.")


@pytest.mark.slow
def test_annotator_reliability_trains_ranks_triages_and_simulates() -> None:
    """Issue #15: the page trains REALM, ranks annotators with intervals (the planted
    near-random ones lowest), compares methods, triages, and runs the simulation lab."""
    at = _run("app.py")
    at.switch_page("pages/6_Annotator_reliability.py").run(timeout=300)
    assert not at.exception, [e.value for e in at.exception]
    at.slider(key="realm_epochs").set_value(10)
    at.button(key="FormSubmitter:realm_form-Train REALM and baselines").click()
    at.run(timeout=900)
    assert not at.exception, [e.value for e in at.exception]
    assert any("classifiers on the labels of 150 annotators" in s.value for s in at.success)
    ranking = next(d.value for d in at.dataframe if "ci_high" in d.value.columns)
    assert len(ranking) == 150 and (ranking["ci_low"] <= ranking["expertise"]).all()
    planted = {"r124", "r013", "r067", "r048", "r150", "r141", "r123", "r034"}  # is_random
    assert len(planted & set(ranking["annotator_id"].head(12))) >= 6
    text = " ".join(m.value for m in at.markdown)
    assert "confidently unreliable" in text and "agrees most with the held-out majority" in text
    assert any("shared" in d.value.columns for d in at.dataframe)  # triage table
    at.selectbox(key="realm_profile").set_value("one_reliable")
    at.button(key="FormSubmitter:realm_sim_form-Simulate and compare").click()
    at.run(timeout=900)
    assert not at.exception, [e.value for e in at.exception]
    sim = next(d.value for d in at.dataframe if list(d.value.columns) == ["method", "accuracy"])
    assert "Oracle (true labels)" in set(sim["method"])
    assert "noisy training by" in " ".join(m.value for m in at.markdown)


@pytest.mark.slow
def test_annotator_reliability_fine_tunes_the_encoder_on_a_small_dataset() -> None:
    """Issue #15: the fine-tuned-encoder option trains every classifier over MiniLM (a
    30-item slice of the sample, so it runs on a CPU)."""
    import pandas as pd

    from engines.data.validation import build_dataset

    sample = pd.read_csv(ROOT / "sample_data" / "annotations.csv")
    keep = sample["item_id"].isin(sample["item_id"].drop_duplicates().head(30))
    small = build_dataset(sample[keep], name="slice")
    at = _run("app.py")
    at.session_state["dataset"] = small
    at.switch_page("pages/6_Annotator_reliability.py").run(timeout=300)
    assert not at.exception, [e.value for e in at.exception]
    at.slider(key="realm_epochs").set_value(5)
    at.checkbox(key="realm_fine_tune").check()
    at.button(key="FormSubmitter:realm_form-Train REALM and baselines").click()
    at.run(timeout=900)
    assert not at.exception, [e.value for e in at.exception]
    assert any("fine-tuning its own copy of the text encoder" in s.value for s in at.success), [
        s.value for s in at.success
    ]
    ranking = next(d.value for d in at.dataframe if "ci_high" in d.value.columns)
    assert ranking["expertise"].between(0, 1).all()


SYN_SUBMIT = "FormSubmitter:syn_form-Make synthetic annotations and train"


@pytest.mark.slow
def test_synthetic_perspectives_imputes_blends_and_audits() -> None:
    """Issue #16: offline imputation (one strategy, two blends), the audit, the grid, the
    annotations; then the imported synthetic raters audited as homogenised; then the
    annotator-model comparison on twins."""
    at = _run("app.py")
    at.switch_page("pages/7_Synthetic_perspectives.py").run(timeout=300)
    assert not at.exception, [e.value for e in at.exception]
    at.multiselect(key="syn_strategies").set_value(["1x"])
    at.multiselect(key="syn_blends").set_value(["pt_ft", "weighted"])
    at.slider(key="syn_epochs").set_value(5)
    at.button(key=SYN_SUBMIT).click()
    at.run(timeout=900)
    assert not at.exception, [e.value for e in at.exception]
    assert any("synthetic annotations in 1 set(s)" in s.value for s in at.success)
    grid = next(d.value for d in at.dataframe if "category_mae" in d.value.columns)
    assert grid["model"].tolist() == ["real only", "1x · pt_ft", "1x · weighted"]
    wide = next(d.value for d in at.dataframe if {"model", "age", "gender"} <= set(d.value.columns))
    assert len(wide) == 3 and wide[["age", "gender"]].notna().all().all()
    text = " ".join(m.value for m in at.markdown)
    assert "real data alone" in text and "The personas follow" in text
    assert any("not what people said" in c.value for c in at.caption)  # the synthetic label
    at.radio(key="syn_generator").set_value("imported").run(timeout=300)
    at.button(key=SYN_SUBMIT).click()
    at.run(timeout=900)
    assert not at.exception, [e.value for e in at.exception]
    text = " ".join(m.value for m in at.markdown)
    assert "agree far more than the humans: homogenised" in text, text[:500]
    at.radio(key="syn_twin_granularity").set_value("weak")
    at.slider(key="syn_twin_epochs").set_value(5)
    at.button(key="FormSubmitter:syn_twins_form-Fit the models to both label sets").click()
    at.run(timeout=900)
    assert not at.exception, [e.value for e in at.exception]
    fit = next(d.value for d in at.dataframe if set(d.value.columns) >= {"source", "ci_low"})
    assert set(fit["source"]) == {"human", "synthetic"}


@pytest.mark.slow
def test_synthetic_perspectives_llm_personas_count_unreadable_replies(monkeypatch) -> None:
    """The LLM generator through a stubbed endpoint: the seed's prompt, a temperature sweep,
    malformed replies counted and kept without a label."""
    from engines.text.llm import OpenAICompatibleBackend

    prompts: list[str] = []

    def fake(self, prompt: str, max_tokens: int = 300) -> str:  # noqa: ANN001
        prompts.append(prompt)
        return '"Harsh words about my group.":::[4]' if self.temperature == 0 else "no idea"

    monkeypatch.setattr(OpenAICompatibleBackend, "complete", fake)
    at = _run("app.py")
    at.switch_page("pages/7_Synthetic_perspectives.py").run(timeout=300)
    at.radio(key="syn_generator").set_value("llm").run(timeout=300)
    at.text_input(key="vp_llm_url").input("http://127.0.0.1:9/v1")
    at.text_input(key="vp_llm_key").input("typed-key")
    at.text_input(key="vp_llm_model").input("tiny")
    at.number_input(key="syn_limit").set_value(20)
    at.multiselect(key="syn_sweep").set_value([0.0, 0.8])
    at.multiselect(key="syn_blends").set_value(["mix"])
    at.slider(key="syn_epochs").set_value(5)
    at.button(key=SYN_SUBMIT).click()
    at.run(timeout=900)
    assert not at.exception, [e.value for e in at.exception]
    assert len(prompts) == 40 and "level of offensiveness" in prompts[0]
    problems = next(d.value for d in at.dataframe if list(d.value.columns) == ["reply", "n"])
    assert dict(zip(problems["reply"], problems["n"], strict=True)) == {
        "read": 20, "no separator": 20,
    }  # fmt: skip
    # one set per temperature; the unreadable one is named, not trained
    assert any("'LLM 1x T=0.8' has no readable label" in w.value for w in at.warning)
    grid = next(d.value for d in at.dataframe if "category_mae" in d.value.columns)
    assert grid["model"].tolist() == ["real only", "LLM 1x T=0 · mix"]


def _report_page() -> None:
    """Makes the Home page's report of the session (what its button downloads)."""
    import streamlit as st

    from ui.report import WINGS, report_html
    from ui.state import ensure_dataset

    html = report_html(ensure_dataset()).decode("utf-8")
    st.text(html.count('class="plotly-graph-div"'))
    st.text(all(f"{w} (not trained or opened in this session)" in html for w in WINGS))


def test_the_home_report_carries_the_overview_and_says_what_is_missing() -> None:
    at = AppTest.from_function(_report_page, default_timeout=TIMEOUT).run()
    assert not at.exception, [e.value for e in at.exception]
    assert int(at.text[0].value) >= 4 and at.text[1].value == "True"


def _report_with_a_broken_wing() -> None:
    """The report when one trained wing's section cannot be drawn."""
    import streamlit as st

    import ui.report as report
    from ui.state import ensure_dataset

    def broken(ds):  # noqa: ANN001, ANN202 - a trained wing whose section fails
        def section():  # noqa: ANN202
            raise ValueError("no test rows")

        return section

    report._SECTIONS["Annotator reliability"] = broken
    st.text(report.report_html(ensure_dataset()).decode("utf-8"))


def test_a_wing_that_cannot_be_drawn_is_named_and_the_report_still_made() -> None:
    import ui.report as report

    kept = dict(report._SECTIONS)
    try:
        at = AppTest.from_function(_report_with_a_broken_wing, default_timeout=TIMEOUT).run()
    finally:
        report._SECTIONS.update(kept)
    assert not at.exception, [e.value for e in at.exception]
    html = at.text[0].value
    assert "Annotator reliability (could not be reported: no test rows)" in html
    assert "<h2>Dataset overview</h2>" in html
