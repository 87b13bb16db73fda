"""Real public data in ../shared/data loads through the generic path with no manual edits.

read_path -> infer_mapping -> infer_scale -> build_dataset, exactly what an upload does. The
POPQUORN statistics are the dem-moe paper's Table 3 (offensiveness row).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.dataset import compute_dataset_stats
from engines.data import LabelScale, build_dataset, infer_mapping, infer_scale, read_path

pytestmark = pytest.mark.realdata

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"
if not DATA.is_dir():
    pytest.skip(f"real data not available: {DATA} is absent", allow_module_level=True)


def load(relpath: str):
    path = DATA / relpath
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    raw = read_path(path)
    mapping = infer_mapping(raw)
    scale = infer_scale(raw[mapping.source("label")])
    ds = build_dataset(raw, mapping, scale, name=path.name)
    return raw, mapping, ds


@pytest.fixture(scope="module")
def popquorn():
    return load("popquorn_offensiveness/raw_data.csv")


def test_popquorn_loads_generically(popquorn) -> None:
    raw, mapping, ds = popquorn
    assert mapping.roles == {
        "item_id": "instance_id",
        "annotator_id": "user_id",
        "text": "text",
        "label": "offensiveness",
    }
    assert ds.demographics == ("gender", "race", "age", "occupation", "education")
    assert ds.scale == LabelScale("ordinal", (1.0, 2.0, 3.0, 4.0, 5.0))
    assert (ds.n_items, ds.n_annotators, ds.n_annotations) == (1500, 262, 13036)
    assert ds.n_rows_in == len(raw) == 13036
    assert not [i for i in ds.issues if i.level != "info"]  # nothing dropped or changed


def test_popquorn_statistics_match_dem_moe_table_3(popquorn) -> None:
    _, _, ds = popquorn
    stats = compute_dataset_stats(ds.df, ds.scale, ds.demographics, n_boot=0).iloc[0]
    assert stats.alpha_level == "interval"
    assert stats.alpha == pytest.approx(0.287, abs=0.005)
    assert stats.mean_sd == pytest.approx(0.909, abs=0.01)
    assert stats.mean_entropy_bits == pytest.approx(1.212, abs=0.01)
    assert stats.avg_annotators_per_item == pytest.approx(13036 / 1500)


@pytest.mark.parametrize(
    ("relpath", "kind", "counts", "rationale"),
    [
        ("lewidi2023/HS-Brexit_long.csv", "binary", (1120, 6, 6720), False),
        ("lewidi2023/MD-Agreement_long.csv", "binary", (10753, 819, 53765), False),
        ("lewidi2025/Paraphrase_long.csv", "ordinal", (500, 4, 2000), True),
        ("lewidi2025/VariErrNLI_long.csv", "nominal", (488, 4, 1891), True),
    ],
)
def test_lewidi_long_csvs_load(relpath: str, kind: str, counts, rationale: bool) -> None:
    raw, mapping, ds = load(relpath)
    assert ds.scale.kind == kind
    assert (ds.n_items, ds.n_annotators, ds.n_annotations) == counts
    assert ds.n_annotations == len(raw)  # duplicates are kept by default, nothing dropped
    assert (mapping.source("rationale") == "rationale") is rationale
    assert mapping.source("split") == "split"
    assert set(ds.df.split) <= {"train", "dev", "test"}
    assert ds.df.groupby("item_id")["split"].nunique().max() == 1
    if rationale:
        assert (ds.df.rationale.str.len() > 0).mean() > 0.95


def test_lewidi_scales_and_demographics() -> None:
    _, _, para = load("lewidi2025/Paraphrase_long.csv")
    assert para.scale.classes == tuple(float(v) for v in range(-5, 6))
    # ann_Education is 'master student' for all four annotators: a single level is no attribute.
    assert para.demographics == ("ann_Gender", "ann_Age", "ann_Nationality")
    _, _, nli = load("lewidi2025/VariErrNLI_long.csv")
    assert nli.scale.classes == ("contradiction", "entailment", "neutral")
    assert nli.demographics == ("ann_Gender", "ann_Age", "ann_Nationality", "ann_Education")
    _, _, brexit = load("lewidi2023/HS-Brexit_long.csv")
    assert brexit.demographics == ("annotator_group",)


def test_popquorn_demographic_signal_is_slider_free_and_its_intervals_cover_it(popquorn) -> None:
    """Issue #12.6: occupation's ridge 'signal' (3.91 at the default slider) was an artefact
    of a one-annotator reference group; the null-corrected spread puts race first at every
    slider position and each interval covers its estimate."""
    from analysis.dataset import compute_demographic_signal

    _, _, ds = popquorn
    tables = [compute_demographic_signal(ds.df, ds.demographics, min_group_size=k)[0]
              for k in (1, 5, 10)]  # fmt: skip
    for t in tables:
        assert t["attribute"].tolist() == tables[0]["attribute"].tolist()
        assert ((t.ci_low <= t.signal) & (t.signal <= t.ci_high)).all()
    top = tables[0].iloc[0]
    assert top["attribute"] == "race" and top["p_value"] < 0.05
    occupation = tables[0].set_index("attribute").loc["occupation"]
    assert occupation["p_value"] > 0.05  # no more spread than chance
