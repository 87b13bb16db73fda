"""Regenerate the README's benchmark results from the current code, with one command.

Usage::

    python benchmarks/readme.py                 # run every benchmark (~45 min on 2 cores)
    python benchmarks/readme.py moe edits       # run only these, keep the others' results
    python benchmarks/readme.py --render        # rewrite the README from the stored results

Each benchmark's JSON is kept in ``benchmarks/results/<name>.json``. The README holds one
generated block per benchmark, between ``<!-- bench:<name> -->`` and ``<!-- /bench:<name> -->``:
the command that made it, a table of its headline numbers and the full JSON. Nothing in a block
is typed by hand, so the README cannot drift from the results;
``tests/test_readme_results.py`` checks that every block is the rendering of its stored result.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"
README = ROOT / "README.md"

RUNS: dict[str, list[str]] = {
    "load": ["load"],
    "profiles": ["profiles"],
    "profiles-statements": ["profiles", "--decoder", "statements"],
    "edits": ["edits"],
    "edits-no-reader": ["edits", "--no-edit-reader"],
    "edits-statements": ["edits", "--decoder", "statements"],
    "moe": ["moe", "--over-seeds", "5"],
    "moe-search": ["moe", "--search-trials", "20"],
    "robustness": ["robustness"],
    "mcstl": ["mcstl"],
    "realm": ["realm"],
    "synthetic": ["synthetic"],
    "scale": ["scale"],
}
"""Block name -> arguments of ``benchmarks/run.py``."""

_BLOCK = re.compile(r"<!-- bench:(?P<name>[\w-]+) -->\n.*?<!-- /bench:(?P=name) -->", re.S)


def command(name: str) -> str:
    """The command line that produces block ``name``."""
    return "python benchmarks/run.py " + " ".join(RUNS[name])


def _fmt(x: object, digits: int = 3) -> str:
    if x is None:
        return "–"
    if isinstance(x, float):
        return f"{x:.{digits}f}"
    return str(x)


def _ci(value: float, ci: list[float], digits: int = 3) -> str:
    return f"{_fmt(value, digits)} ({_fmt(ci[0], digits)} – {_fmt(ci[1], digits)})"


def _table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(lines)


def _render_moe(r: dict) -> str:
    header = ["model", "MAE (95% CI)", "Pearson r", "item MAE", "EMD", "seen", "unseen", "fit s"]
    rows = [
        [m, _ci(v["mae"], v["mae_ci"]), _fmt(v["pearson"]), _fmt(v["item_mae"]), _fmt(v["emd"]),
         _fmt(v["mae_seen"]), _fmt(v["mae_unseen"]), _fmt(v["fit_s"], 1)]
        for m, v in r["models"].items()
    ]  # fmt: skip
    out = [f"Seed {r.get('over_seeds', {}).get('seeds', [0])[0]}:", "", _table(header, rows)]
    if "moe_rows_per_s" in r:
        out += ["", f"DEM-MoE trains at {r['moe_rows_per_s']:,} annotations/s (train rows × "
                    f"epochs / training seconds); the {len(r['models'])}-model comparison fits in "
                    f"{r['comparison_s']:.1f} s."]  # fmt: skip
    test = r["moe_vs_next_best"]["overall"]
    out += [
        "",
        f"DEM-MoE − {test['rival']}: {test['diff']:+.3f} (95% CI {test['ci_low']:+.3f} to "
        f"{test['ci_high']:+.3f}), sign-flip p = {test['p_value']:.3f}.",
    ]
    if "over_seeds" in r:
        over = r["over_seeds"]
        rows = [
            [
                m,
                _fmt(v["mae_mean"]),
                _fmt(v["mae_sd"]),
                f"{_fmt(v['mae_min'])} – {_fmt(v['mae_max'])}",
            ]
            for m, v in over["models"].items()
        ]
        pooled = over["moe_vs_next_best"]
        per_seed = ", ".join(f"{d:+.3f}" for d in pooled["diffs"])
        out += [
            "",
            f"Over seeds {', '.join(map(str, over['seeds']))}:",
            "",
            _table(["model", "mean MAE", "SD", "range"], rows),
            "",
            f"DEM-MoE − {pooled['rival']}: {pooled['diff_mean']:+.3f} on average (SD "
            f"{pooled['diff_sd']:.3f}; per seed {per_seed}), "
            f"pooled sign-flip p = {pooled['p_value']:.3f}.",
        ]
    if "search" in r:
        s = r["search"]
        out += [
            "",
            f"Search: {s['trials']} trials ({s['pruned']} pruned, {s['search_s']:.0f} s); dev MAE "
            f"{s['dev_mae_default']:.3f} (defaults) → {s['dev_mae_best']:.3f} (best); largest "
            f"within-group JSD {s['dev_max_jsd_default']:.3f} → {s['dev_max_jsd_best']:.3f} bits.",
        ]
    return "\n".join(out)


def _render_profiles(r: dict) -> str:
    rows = [
        [rep, _ci(v["mean"], v["ci"], 4), _fmt(v["loss"], 4)]
        for rep, v in r["usable_info_nats"].items()
    ]
    ex = r.get("examples_per_rater", {})
    unc, jury = r.get("uncertainty", {}), r.get("jury", {})
    lines = [
        _table(["representation", "usable information, nats (95% CI)", "held-out loss"], rows),
        "",
        f"Information preserved I(profile) / I(examples): {_fmt(r['info_preserved'])} (both from "
        f"the same fit ratings: median {_fmt(ex.get('median'), 0)} per rater). Decoder ECE "
        f"{_fmt(r['decoder_ece'])}; edit latency {r['edit_latency_ms_median']} / "
        f"{r['edit_latency_ms_p95']} ms (median / p95); fit {r['fit_s']:.0f} s.",
    ]
    if unc:
        lines += [
            "",
            f"Per item on held-out ratings ({unc['n_items']} items): total "
            f"{_fmt(unc['total_mean'])}, aleatoric {_fmt(unc['aleatoric_mean'])}, "
            f"value-epistemic {_fmt(unc['value_epistemic_mean'])} nats "
            f"({unc['share_negative']:.0%} of items below 0).",
        ]
    if jury:
        lines += [
            f"Simulated jury ({jury['n_jurors']} held-out jurors, {jury['n_items']} items): "
            f"r = {_fmt(jury['r'])} between predicted and observed agreement.",
        ]
    return "\n".join(lines)


def _render_edits(r: dict) -> str:
    out = _edits_table(r)
    families = r.get("right_way_by_family")
    if not families:
        return out
    rows = [[f, _ci(v["share"], v["ci95"]), str(v["n"])] for f, v in families.items()]
    sel = ", ".join(f"{t} {v['median_ratio']}" for t, v in r["selectivity"].items())
    ground = [
        [name, _fmt(g["reliability"], 2),
         *(f"{_fmt(g[side]['drop_share'], 2)} / {_fmt(g[side].get('ceiling'), 2)}"
           for side in ("top", "bottom")),
         f"{_fmt(g['top']['mean_nll_change'], 3)} / {_fmt(g['bottom']['mean_nll_change'], 3)}"]
        for name, g in r["grounding"].items() if "top" in g and "bottom" in g
    ]  # fmt: skip
    own = r["grounding"].get("own_statements", {})
    return "\n".join([
        out, "", "Held-out sentences (issue #25), right-way share by family (Wilson 95% CI):", "",
        _table(["family", "right way", "sentences"], rows), "",
        f"No-bearing / relevant mean |shift|: {_fmt(r['irrelevant_shift_ratio'], 4)}. "
        f"Selectivity (median on-topic / off-topic |shift|): {sel}.", "",
        "Grounding: raters in the top / bottom decile of each target's deviation (fit ratings); "
        "on their held-out ratings, the share whose NLL drops when the matching strong statement "
        "is added to the average rater, beside its ceiling (the share whose ratings lie on the "
        "stated side at all, which no size can pass), and the mean change of NLL:", "",
        _table(["target", "reliability", "top: drop / ceiling", "bottom: drop / ceiling",
                "mean NLL change top / bottom"], ground), "",
        f"Raters' own written statements typed one by one into the average profile: NLL drops "
        f"for {_fmt(own.get('drop_share'), 2)} of {own.get('raters')} held-out raters (mean "
        f"change {_fmt(own.get('mean_nll_change'), 4)} nats per rating).",
    ])  # fmt: skip


def _edits_table(r: dict) -> str:
    return _table(
        ["right way", "global / topic", "worst type", "new forms", "strong topic shift",
         "mean abs shift", "edit ms (new / repeated sentence)", "fit s"],
        [[_fmt(r["right_way_share"]),
          f"{_fmt(r['right_way_global'])} / {_fmt(r['right_way_topic'])}",
          _fmt(r["worst_type_share"]), _fmt(r["right_way_new_forms"]),
          _fmt(r["strong_topic_shift"]), _fmt(r["mean_abs_shift"]),
          f"{_fmt(r.get('edit_ms_new_sentence_median'), 1)} / {_fmt(r['edit_ms_median'], 1)}",
          _fmt(r["fit_s"], 0)]],
    )  # fmt: skip


def _render_robustness(r: dict) -> str:
    return _table(
        ["inputs", "uncaught", "silent wrong", "500k rows (s / MB)", "DEM-MoE fit alone / busy (s)",
         "with torch's threads (s)"],
        [[str(r["inputs_tried"]), str(r["uncaught"]), str(r["silent_wrong"]),
          f"{r['load_500k_s']} / {r['load_500k_peak_mb']:.0f}",
          f"{r['moe_fit_s_quiet']} / {r['moe_fit_s_loaded']}",
          f"{r['moe_fit_s_quiet_torch_threads']} / {r['moe_fit_s_loaded_torch_threads']}"]],
    )  # fmt: skip


SEED_TABLES = (
    ("VP-Duty (binary), rationale clusters", "0.76 / 0.71 / 0.69", "0.99 / 0.79 / 0.56",
     "0.58 / 0.51 / 0.37"),
    ("VP-Right (ordinal), rationale clusters", "0.75 / 0.67 / 0.68", "0.96 / 0.81 / 0.63",
     "0.64 / 0.55 / 0.42"),
    ("DICES-990 (ordinal), sociocultural", "0.75 / 0.68 / 0.66", "1.03 / 0.95 / 0.74",
     "0.44 / 0.34 / 0.22"),
)  # fmt: skip
"""The seed's Tables 1 and 3 (MC-STL / ∅ / Maj(Y)): AUC, calibration slope, 1 - EMD."""


def _setting(run: dict) -> str:
    folds = run.get("folds", 0)
    where = f"{folds}-fold out of fold" if folds else "test split"
    return where + (", location-scale" if run.get("dispersion") else "")


def _render_mcstl(r: dict) -> str:
    rows = []
    for run in r["runs"]:
        for model, m in run["models"].items():
            rows.append(
                [
                    f"{run['dataset']} ({run['clusters']}, K = {run['n_clusters']}, "
                    f"{run['classes']} classes; "
                    f"{_setting(run)})",
                    model,
                    _fmt(m["auc"]),
                    f"{_fmt(m['group_auc_mean'])} ± {_fmt(m['group_auc_sd'])}",
                    f"{_fmt(m['calib_slope_mean'], 2)} ± {_fmt(m['calib_slope_sd'], 2)}",
                    f"{_fmt(m['calib_bias_mean'], 2)} ± {_fmt(m['calib_bias_sd'], 2)}",
                    _fmt(m["one_minus_emd"]),
                    f"{m['fit_s']:.1f}",
                ]
            )
    ours = _table(
        ["data (clusters)", "model", "AUC", "group AUC", "slope", "bias", "1 − EMD", "fit s"],
        rows,
    )
    seed = _table(
        ["seed (MC-STL / ∅ / Maj)", "AUC", "slope", "1 − EMD"], [list(t) for t in SEED_TABLES]
    )
    return ours + "\n\nThe seed's Tables 1 and 3 for comparison:\n\n" + seed


def _render_realm(r: dict) -> str:
    methods = ("realm", "noisy", "majority", "dawid_skene", "oracle")
    rows = [
        [sim["dataset"], sim["noise"], sim["profile"].replace("_", " "),
         " / ".join(f"{e:.1f}" for e in sim["expertise"]),
         *[f"{sim['accuracy'][m]:.3f}" for m in methods],
         " / ".join(f"{e:.2f}" for e in sim["learned"]), _fmt(sim["expertise_spearman"], 2)]
        for sim in r["sims"]
    ]  # fmt: skip
    return _table(
        ["data", "noise", "profile", "true e", "REALM", "noisy", "majority vote", "Dawid–Skene",
         "oracle", "learned e", "Spearman"],
        rows,
    )  # fmt: skip


def _render_synthetic(r: dict) -> str:
    g = r["grid"]
    grid = _table(
        ["cell", "synthetic rows", "MAE across categories", "vs real only", "MAE (all)",
         "α synthetic", "fit (s)"],
        [[c["cell"], str(c["synthetic_rows"]), _ci(c["category_mae"], c["category_ci"]),
          _ci(c["vs_real"], c["vs_real_ci"]), _ci(c["mae"], c["mae_ci"]),
          _fmt(g["alpha_synthetic"].get(c["strategy"])), _fmt(c["fit_s"], 1)]
         for c in g["cells"]],
    )  # fmt: skip
    twins = r["annotator_models"]["twins"]
    models = list(dict.fromkeys(k.split(" · ", 1)[1] for k in next(iter(twins.values()))["mae"]))
    fit = _table(
        ["HS-Brexit twins", "α human / twins", *[f"{m}: human / twins" for m in models]],
        [[kind, f"{t['alpha_human']:.3f} / {t['alpha_synthetic']:.3f}",
          *[f"{t['mae'][f'human · {m}']:.3f} / {t['mae'][f'synthetic · {m}']:.3f}"
            for m in models]] for kind, t in twins.items()],
    )  # fmt: skip
    alpha = f"α of the human training annotations: {g['alpha_human']:.3f}."
    return f"{grid}\n\n{alpha}\n\n{fit}"


def _render_load(r: dict) -> str:
    table = _table(
        ["texts", "encode cold (s)", "plain encode (s)", "re-open warm (s)", "speed-up",
         "home page (s)", "peak MB"],
        [[str(r["n_texts"]), _fmt(r["encode_cold_s"], 1), _fmt(r.get("plain_encode_s"), 1),
          _fmt(r["encode_warm_s"]),
          f"{r['warm_speedup']}x", _fmt(r["import_app_s"], 2), f"{r['peak_rss_mb']:.0f}"]],
    )  # fmt: skip
    if "encode_int8_s" in r:
        table += (
            f"\n\nint8 dynamic quantisation (not offered): encode {r['encode_int8_s']:.1f} s "
            f"against {r['encode_fp32_only_s']:.1f} s in fp32 (model loaded, same texts); cosine "
            f"to fp32 per text: median {r['int8_cosine_median']:.3f}, min "
            f"{r['int8_cosine_min']:.3f} (bar: 0.99)."
        )
    if "profiles_train_cold_s" in r:
        head = 'Value profiles "Train" on the bundled sample (s, after the imports):'
        table += f"\n\n{head}\n\n" + (
            _table(
                ["default decoder, empty cache", "default decoder, embeddings cached",
                 "statement decoder, first time (teaches the curriculum)",
                 "statement decoder, new process (reads it back)"],
                [[_fmt(r[k], 1) for k in ("profiles_train_cold_s", "profiles_train_warm_s",
                                          "statements_train_teach_s", "statements_train_reuse_s")]],
            )
        )  # fmt: skip
    return table


def _render_scale(r: dict) -> str:
    cols = [("load_s", "load + validate"), ("overview_s", "overview"),
            ("moe_epoch_s", "DEM-MoE epoch"), ("realm_intervals_s", "REALM intervals"),
            ("decoder_fit_s", "decoder fit")]  # fmt: skip
    rows = [
        [f"{s['rows']:,}", *(_fmt(s.get(k), 2) for k, _ in cols),
         _fmt(s.get("moe_rows_per_s"), 0), _fmt(s.get("edit_ms"), 1), f"{s['peak_rss_mb']:.0f}"]
        for s in r["sizes"]
    ]  # fmt: skip
    exps = [[label, *(_fmt(x, 2) for x in r["exponents"][k])] for k, label in cols]
    pairs = [f"{a['rows']:,} → {b['rows']:,}" for a, b in zip(r["sizes"], r["sizes"][1:])]
    ann = ", ".join(f"{a['annotators']:,}: {a['moe_epoch_s']:.1f} s" for a in r["annotators"])
    return "\n".join([
        _table(["annotations", *(f"{label} (s)" for _, label in cols), "DEM-MoE rows/s",
                "edit ms", "peak MB"], rows), "",
        "Growth exponents (slope of log time over log annotations; 1 is linear):", "",
        _table(["step", *pairs], exps), "",
        f"One DEM-MoE epoch over 100k annotations, by the number of annotators sharing them: "
        f"{ann} (exponents {', '.join(_fmt(x, 2) for x in r['annotator_exponents'])}).",
    ])  # fmt: skip


RENDERERS: dict[str, Callable[[dict], str]] = {
    "load": _render_load,
    "scale": _render_scale,
    "profiles": _render_profiles,
    "edits": _render_edits,
    "moe": _render_moe,
    "robustness": _render_robustness,
    "mcstl": _render_mcstl,
    "realm": _render_realm,
    "synthetic": _render_synthetic,
}


def render(name: str, result: dict) -> str:
    """Block ``name`` for ``result``: the command, the headline table and the JSON."""
    body = RENDERERS[RUNS[name][0]](result)
    return (
        f"<!-- bench:{name} -->\n`{command(name)}`\n\n{body}\n\n<details><summary>JSON</summary>"
        f"\n\n```json\n{json.dumps(result)}\n```\n\n</details>\n<!-- /bench:{name} -->"
    )


def load_result(name: str) -> dict:
    """The stored result of block ``name``."""
    return json.loads((RESULTS / f"{name}.json").read_text())


def rewrite(readme: str) -> str:
    """``readme`` with every generated block re-rendered from its stored result."""
    return _BLOCK.sub(lambda m: render(m["name"], load_result(m["name"])), readme)


def run_benchmark(name: str) -> dict:
    """Run block ``name``'s benchmark in a fresh interpreter; its last line is the JSON."""
    out = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), *RUNS[name]],
        cwd=ROOT, capture_output=True, text=True, check=True,
    )  # fmt: skip
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    """Run the chosen benchmarks (all by default), store their JSON, rewrite the README."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("names", nargs="*", help=f"blocks to re-run: {', '.join(RUNS)}")
    parser.add_argument("--render", action="store_true", help="only re-render the README")
    args = parser.parse_args(argv)
    unknown = [n for n in args.names if n not in RUNS]
    if unknown:
        parser.error(f"unknown block(s) {unknown}; choose from {', '.join(RUNS)}")
    RESULTS.mkdir(exist_ok=True)
    if not args.render:
        for name in args.names or list(RUNS):
            print(f"running {command(name)}", file=sys.stderr, flush=True)
            result = run_benchmark(name)
            (RESULTS / f"{name}.json").write_text(json.dumps(result, indent=1) + "\n")
    README.write_text(rewrite(README.read_text()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
