"""Generate the bundled demo dataset with planted, documented structure.

Run ``python sample_data/generate.py`` to rewrite ``annotations.csv``,
``annotator_truth.csv`` and ``item_truth.csv`` next to this file (or pass
``--out DIR``). The output is byte-identical for a given seed; every planted
effect is listed in ``sample_data/README.md`` and in :data:`EFFECTS` below so
tests can check that the app's methods recover it.

Rating model for a human, non-random annotator ``a`` on item ``i`` (topic ``t``)::

    r = severity_i + AGE[t][age_a] + GENDER[t][gender_a]
        + orientation_a * VALUE[t] + bias_a + noise,  noise ~ N(0, NOISE_SD)

rounded and clipped to the 1..5 scale. Near-random annotators rate uniformly;
synthetic (``syn_``) annotators rate ``severity_i + N(0, SYNTH_SD)`` with no
group or value effects, so they agree more with each other than humans do.
"""

from __future__ import annotations

import argparse
import itertools
from pathlib import Path

import numpy as np
import pandas as pd

SEED = 2026
N_HUMANS = 150
N_RANDOM = 8
N_SYNTHETIC = 20
NOISE_SD = 0.55
BIAS_SD = 0.25
SYNTH_SD = 0.35
RATIONALE_RATE = 0.85
PER_TOPIC = {"religion": 8, "politics": 8, "profanity": 8, "harassment": 8, "everyday": 4}

GENDERS = {"woman": 0.46, "man": 0.46, "nonbinary": 0.08}
AGES = {"18-29": 0.25, "30-44": 0.27, "45-59": 0.25, "60+": 0.23}
RACES = {"White": 0.4, "Black": 0.2, "Asian": 0.2, "Hispanic/Latino": 0.2}
EDUCATIONS = {"High school": 0.3, "College degree": 0.45, "Graduate degree": 0.25}

# Planted effects (rating points on the 1..5 scale) -------------------------
AGE = {
    "profanity": {"18-29": -0.9, "30-44": -0.3, "45-59": 0.3, "60+": 1.0},
    "harassment": {"18-29": -0.5, "30-44": -0.15, "45-59": 0.15, "60+": 0.55},
}
GENDER = {"harassment": {"woman": 0.35, "man": -0.25, "nonbinary": 0.35}}
VALUE = {"religion": 1.0, "politics": 1.0}  # times orientation (+1 harm, -1 free expression)
EFFECTS = {"age": AGE, "gender": GENDER, "value_orientation": VALUE}

ORIENTATIONS = {1: "harm_avoidance", -1: "free_expression"}
PROFILES = {
    1: [
        "I care most about protecting people from harm. Mocking someone's religion or politics "
        "is hurtful and I find it offensive.",
        "Respect for people's beliefs matters a lot to me; attacks on religious or political "
        "groups feel harmful and unacceptable.",
        "I value kindness and avoiding harm, so insults aimed at faiths or political sides "
        "strike me as quite offensive.",
    ],
    -1: [
        "I value free expression above all. Criticising religion or politics, even harshly, is "
        "fair game and rarely offensive to me.",
        "Open debate matters more to me than comfort; blunt jokes about faiths or political "
        "parties do not bother me much.",
        "People should be free to mock ideas, including religious and political ones, and I "
        "seldom see that as offensive.",
    ],
}

# Item templates --------------------------------------------------------------
RELIGION_GROUPS = [
    "Christians", "Muslims", "atheists", "Catholics", "evangelicals",
    "Hindus", "Buddhists", "Mormons", "Jews", "pagans", "Sikhs", "Quakers",
]  # fmt: skip
POLITICS_GROUPS = [
    "liberals", "conservatives", "socialists", "libertarians", "Democrats", "Republicans",
    "progressives", "populists", "Greens", "centrists", "nationalists", "anarchists",
]  # fmt: skip
RELIGION = {
    1: [
        "I don't really get why {g} still follow such old rules.",
        "The {g} at my office talk about their faith way too much.",
        "Not sure the {g} in my town realise how preachy they sound.",
    ],
    2: [
        "{G} are kind of ridiculous with all their rituals.",
        "Every time {g} preach at me I lose a bit of respect for them.",
        "Honestly {g} believe in fairy tales and expect us to take it seriously.",
        "Whatever {g} pray to clearly isn't listening, lol.",
    ],
    3: [
        "{G} are brainwashed fools and their religion is a joke.",
        "The world would be better off without {g} and their cult nonsense.",
        "{G} are a plague on this country, every single one of them.",
    ],
}
POLITICS = {
    1: [
        "I honestly can't follow what {g} want these days.",
        "{G} keep making the same tired arguments on every talk show.",
        "Talked to some {g} at the debate club and we just disagreed politely.",
    ],
    2: [
        "{G} are clueless about how the economy actually works.",
        "Typical {g}, all slogans and no brains.",
        "You can't reason with {g}, they just repeat what they're told.",
        "{G} ruin every dinner conversation with their nonsense.",
    ],
    3: [
        "{G} are traitors and should be kicked out of the country.",
        "Every one of those {g} is a lying parasite.",
        "{G} are vermin, and I mean that literally.",
    ],
}
THINGS = [
    "my landlord", "this traffic", "the printer", "Monday mornings", "my phone", "the referee",
    "this weather", "the wifi", "my neighbour's dog", "the bus", "this spreadsheet", "my laptop",
]  # fmt: skip
PROFANITY = {
    1: [
        "Ugh, {t} is so damn annoying today.",
        "What the heck is wrong with {t}?",
        "Bloody hell, {t} again.",
    ],
    2: [
        "{T} is a total pile of crap.",
        "Screw {t}, seriously, what a bunch of BS.",
        "{T} can go to hell for all I care.",
        "Holy sh*t, {t} is driving me nuts.",
    ],
    3: [
        "{T} is absolute f***ing garbage.",
        "F*** {t}, what a sh*tshow.",
        "{T} can kiss my a** and rot, godd*mn it.",
    ],
}
TARGETS = [
    "you", "that guy", "your sister", "the new intern", "my coworker", "the cashier",
    "your friend", "the streamer", "that girl", "the neighbour", "your boss", "the poster above",
]  # fmt: skip
HARASSMENT = {
    1: [
        "Nobody asked for the opinion of {t}.",
        "Maybe {t} should think before posting.",
        "Not impressed with {t} today, to be honest.",
    ],
    2: [
        "{T} is pathetic and everyone knows it.",
        "Shut up already, {t} is so stupid.",
        "Honestly {t} is a waste of space.",
        "Everyone is laughing at {t}, what a loser.",
    ],
    3: [
        "{T} should just disappear, nobody would miss them.",
        "I know where {t} lives and they'd better watch out.",
        "{T} is a worthless idiot who deserves every bit of hate.",
    ],
}
EVERYDAY_THINGS = [
    "the new bakery", "this season's football", "the farmers market", "my sourdough",
    "the library", "our garden", "the local choir", "this podcast", "the museum",
    "the hiking trail", "my cat", "the bike lane", "the cinema", "our book club",
]  # fmt: skip
EVERYDAY = {
    1: [
        "Had a lovely time at {t} this weekend.",
        "Anyone else excited about {t}?",
        "Quick update: {t} is open again on Sundays.",
        "Small win today thanks to {t}.",
        "Can someone recommend something like {t}?",
        "Not sure how I feel about {t} yet.",
        "Pretty underwhelmed by {t} honestly.",
        "{T} was a bit of a letdown this time.",
        "Thinking about {t} again, good memories.",
    ],
}
TOPICS = {
    "religion": (RELIGION, RELIGION_GROUPS),
    "politics": (POLITICS, POLITICS_GROUPS),
    "profanity": (PROFANITY, THINGS),
    "harassment": (HARASSMENT, TARGETS),
    "everyday": (EVERYDAY, EVERYDAY_THINGS),
}
BASE_SEVERITY = {1: 1.7, 2: 2.8, 3: 3.9}
EVERYDAY_SEVERITY = 1.15

# Every human rationale is written through the annotator's value lens (harm vs free expression),
# on value topics and elsewhere, and says whether the rating is high (>= 3) or low.
RATIONALES = {
    ("value", 1, "high"): [
        "This hurts people who hold these beliefs.",
        "Attacking a whole group like this causes real harm.",
        "Disrespectful to people's faith and identity, and hurtful.",
        "Words like this make people feel unsafe.",
    ],
    ("value", 1, "low"): [
        "Mild, but still a little hurtful to believers.",
        "Not great, could hurt some people a bit.",
    ],
    ("value", -1, "high"): [
        "Free speech has limits and this threat crosses them.",
        "Even as a defender of free expression, I think this goes too far.",
    ],
    ("value", -1, "low"): [
        "People should be free to say this.",
        "It's just an opinion; criticising ideas is free speech.",
        "Free speech includes mocking beliefs.",
        "Blunt, but fair game in an open debate.",
    ],
    ("other", 1, "high"): [
        "This could really hurt the person it is aimed at.",
        "Hurtful words like these harm people.",
        "Someone reading this would feel hurt and unsafe.",
    ],
    ("other", 1, "low"): [
        "Nobody is hurt by this.",
        "Harmless; it does not hurt anyone.",
        "No harm done to anyone here.",
    ],
    ("other", -1, "high"): [
        "Free speech does not cover attacking a person like this.",
        "Even free expression has a line, and this crosses it.",
    ],
    ("other", -1, "low"): [
        "Crude, but people are free to speak their mind.",
        "Just someone expressing an opinion freely.",
        "Free expression; nothing to censor here.",
    ],
}
SYNTHETIC_RATIONALES = [
    "The text contains language that may be considered offensive by some readers.",
    "The statement appears neutral and is unlikely to offend.",
    "The content includes negative remarks that could be perceived as mildly offensive.",
]


def _choice(rng: np.random.Generator, probs: dict[str, float], n: int) -> np.ndarray:
    keys = list(probs)
    p = np.array(list(probs.values()))
    return rng.choice(keys, size=n, p=p / p.sum())


def make_items(rng: np.random.Generator) -> pd.DataFrame:
    """All template x filler combinations, with severity and the planted topic."""
    rows = []
    for topic, (templates, fillers) in TOPICS.items():
        for level, texts in templates.items():
            for template, filler in itertools.product(texts, fillers):
                text = template.format(
                    g=filler, t=filler, G=filler.capitalize(), T=filler[:1].upper() + filler[1:]
                )
                base = EVERYDAY_SEVERITY if topic == "everyday" else BASE_SEVERITY[level]
                rows.append({"text": text, "topic": topic, "intensity": level, "base": base})
    items = pd.DataFrame(rows).drop_duplicates("text").reset_index(drop=True)
    noise = rng.normal(0.0, 0.3, len(items))
    items["severity"] = np.where(
        items["topic"] == "everyday", items["base"], items["base"] + noise
    ).round(3)
    items = items.sample(frac=1.0, random_state=int(rng.integers(1 << 31))).reset_index(drop=True)
    items.insert(0, "item_id", [f"i{n:04d}" for n in range(1, len(items) + 1)])
    items["affected_by"] = items["topic"].map(
        {
            "religion": "value",
            "politics": "value",
            "profanity": "age",
            "harassment": "age;gender",
            "everyday": "",
        }
    )
    return items.drop(columns="base")


def make_annotators(rng: np.random.Generator) -> pd.DataFrame:
    """Human annotators (demographics, orientation, bias, randomness) and synthetic personas."""
    n = N_HUMANS
    humans = pd.DataFrame(
        {
            "annotator_id": [f"r{k:03d}" for k in range(1, n + 1)],
            "gender": _choice(rng, GENDERS, n),
            "age": _choice(rng, AGES, n),
            "race": _choice(rng, RACES, n),
            "education": _choice(rng, EDUCATIONS, n),
            "orientation": 0,
            "bias": rng.normal(0.0, BIAS_SD, n).round(3),
            "is_random": False,
            "is_synthetic": 0,
        }
    )
    # Orientation alternates within each (age, gender) cell so it is not confounded with
    # the demographic effects; the starting sign of each cell is random.
    for _, idx in humans.groupby(["age", "gender"]).groups.items():
        signs = np.resize([1, -1], len(idx)) * rng.choice([1, -1])
        humans.loc[rng.permutation(idx), "orientation"] = signs
    humans.loc[rng.choice(n, N_RANDOM, replace=False), "is_random"] = True
    humans["profile_truth"] = [PROFILES[o][int(rng.integers(3))] for o in humans["orientation"]]
    donors = humans.sample(N_SYNTHETIC, random_state=int(rng.integers(1 << 31)))
    synth = donors[["gender", "age", "race", "education"]].reset_index(drop=True)
    synth.insert(0, "annotator_id", [f"syn_{k:02d}" for k in range(1, N_SYNTHETIC + 1)])
    synth = synth.assign(orientation=0, bias=0.0, is_random=False, is_synthetic=1, profile_truth="")
    out = pd.concat([humans, synth], ignore_index=True)
    out["orientation_name"] = out["orientation"].map(ORIENTATIONS).fillna("none")
    return out


def assign_items(
    rng: np.random.Generator, items: pd.DataFrame, annotators: pd.DataFrame
) -> pd.DataFrame:
    """Give every annotator PER_TOPIC items per topic, spreading load evenly over items."""
    pairs = []
    for topic, k in PER_TOPIC.items():
        pool = items.loc[items["topic"] == topic, "item_id"].to_numpy()
        queue: list[str] = []
        for ann in annotators["annotator_id"]:
            chosen: list[str] = []
            while len(chosen) < k:
                if not queue:
                    queue = list(rng.permutation(pool))
                cand = queue.pop()
                if cand not in chosen:
                    chosen.append(cand)
            pairs.extend((item, ann) for item in chosen)
    return pd.DataFrame(pairs, columns=["item_id", "annotator_id"])


def _effect(table: dict[str, dict[str, float]], topic: pd.Series, level: pd.Series) -> np.ndarray:
    return np.array([table.get(t, {}).get(v, 0.0) for t, v in zip(topic, level, strict=True)])


def rate(rng: np.random.Generator, df: pd.DataFrame) -> np.ndarray:
    """Apply the rating model of the module docstring to merged (item, annotator) rows."""
    value = df["topic"].map(VALUE).fillna(0.0).to_numpy() * df["orientation"].to_numpy()
    latent = (
        df["severity"].to_numpy()
        + _effect(AGE, df["topic"], df["age"])
        + _effect(GENDER, df["topic"], df["gender"])
        + value
        + df["bias"].to_numpy()
        + rng.normal(0.0, NOISE_SD, len(df))
    )
    synth = df["is_synthetic"].to_numpy() == 1
    latent[synth] = df["severity"].to_numpy()[synth] + rng.normal(0.0, SYNTH_SD, synth.sum())
    rating = np.clip(np.rint(latent), 1, 5)
    random = df["is_random"].to_numpy()
    rating[random] = rng.integers(1, 6, random.sum())
    return rating.astype(int)


def _rationale(
    rng: np.random.Generator, topic: str, orientation: int, label: int, synthetic: bool
) -> str:
    if synthetic:
        return SYNTHETIC_RATIONALES[0 if label >= 3 else (1 if label == 1 else 2)]
    level = "high" if label >= 3 else "low"
    key = ("value" if topic in VALUE else "other", orientation, level)
    options = RATIONALES[key]
    return options[int(rng.integers(len(options)))]


def _tags(topic: str, orientation: int, label: int) -> str:
    if topic in VALUE:
        return "harm;respect" if orientation == 1 else "free_speech;liberty"
    if topic == "harassment":
        return "dignity;harm" if label >= 3 else "dignity"
    if topic == "profanity":
        return "civility" if label >= 3 else "humour"
    return "none"


def generate(seed: int = SEED) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Return (annotations, annotator_truth, item_truth)."""
    rng = np.random.default_rng(seed)
    items = make_items(rng)
    annotators = make_annotators(rng)
    pairs = assign_items(rng, items, annotators)
    df = pairs.merge(items, on="item_id").merge(annotators, on="annotator_id")
    df["label"] = rate(rng, df)
    keep_rationale = rng.random(len(df)) < RATIONALE_RATE
    df["rationale"] = [
        _rationale(rng, t, o, y, s == 1) if k else ""
        for t, o, y, s, k in zip(
            df["topic"],
            df["orientation"],
            df["label"],
            df["is_synthetic"],
            keep_rationale,
            strict=True,
        )
    ]
    df["value_tags"] = [
        _tags(t, o, y) for t, o, y in zip(df["topic"], df["orientation"], df["label"], strict=True)
    ]
    cols = ["item_id", "text", "annotator_id", "label", "gender", "age", "race", "education"]
    annotations = df[[*cols, "rationale", "value_tags", "is_synthetic"]]
    annotations = annotations.sort_values(["item_id", "annotator_id"]).reset_index(drop=True)
    truth_cols = [
        "annotator_id",
        "gender",
        "age",
        "race",
        "education",
        "orientation_name",
        "bias",
        "is_random",
    ]
    annotator_truth = annotators[[*truth_cols, "is_synthetic", "profile_truth"]].rename(
        columns={"orientation_name": "orientation", "profile_truth": "value_profile"}
    )
    item_truth = items[["item_id", "text", "topic", "intensity", "severity", "affected_by"]]
    return annotations, annotator_truth, item_truth.sort_values("item_id").reset_index(drop=True)


def write(out_dir: Path, seed: int = SEED) -> list[Path]:
    """Write the three CSVs into ``out_dir`` and return their paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    frames = dict(
        zip(("annotations", "annotator_truth", "item_truth"), generate(seed), strict=True)
    )
    paths = []
    for name, frame in frames.items():
        path = out_dir / f"{name}.csv"
        frame.to_csv(path, index=False, lineterminator="\n")
        paths.append(path)
    return paths


def main() -> None:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent)
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args()
    for path in write(args.out, args.seed):
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
