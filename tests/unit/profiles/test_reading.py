"""The edit reader's parts: clauses and stances, targets, sizes from raters, attribution."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.profiles import compute_edit_attribution, compute_target_shift
from engines.data.direction import infer_more
from engines.data.schema import ANNOTATOR_ID, ITEM_ID, LABEL_CODE
from engines.profiles.reading import (
    Deviations,
    Targets,
    logit_shift,
    ordinal_shift,
    read_stances,
    split_clauses,
)


def _signs(text: str) -> list[int]:
    return [s.polarity for s in read_stances(text) if s.polarity]


@pytest.mark.parametrize(
    ("text", "signs"),
    [
        ("Swearing offends me.", [1]),
        ("Swearing doesn't bother me.", [-1]),  # negation
        ("I'm not intolerant of swearing.", [-1]),  # double negation
        ("It's not that religious jokes don't bother me.", [1]),  # two negators
        ("It isn't easy to offend me.", [-1]),  # negated enabler
        ("It takes very little to offend me.", [1]),  # "little" that is no negator
        ("I'm less strict than my friends about swearing.", [-1]),  # comparative
        ("My friends are a little more tolerant of cursing than I am.", [1]),  # rater as reference
        ("She is very sensitive to religious jokes.", [1]),  # third person
        ("I used to mind swearing, but not anymore.", [-1]),  # change over time
        ("Racist jokes never used to bother me; now they do.", [1]),
        ("I used to be offended by swearing.", [-1]),  # a lone past implies the opposite now
        ("Religious jokes offend me, but swearing doesn't.", [1, -1]),  # contrast, ellipsis
        ("While I find racist jokes appalling, profanity is fine by me.", [1, -1]),
        ("Swearing offends me; religious jokes are another story.", [1, -1]),
        ("swearing dosnt bother me at all lol", [-1]),  # typos
        ("My parents find swearing offensive, but I don't.", [-1]),  # others' view is context
        ("I grew up in a strict household.", []),  # attributive adjective: no stance
        # Double negations said as one phrase, litotes, concord, one negation in two words:
        ("I'm not insensitive to racist remarks.", [1]),
        ("I'm no stranger to being upset by crude language.", [1]),
        ("I can't help wincing at homophobic jokes.", [1]),
        ("I find it hard not to take offence at slurs.", [1]),
        ("I'm anything but relaxed about sexist comments.", [1]),
        ("I ain't never been bothered by swearing.", [-1]),
        ("Neither political insults nor religious jokes bother me.", [-1]),
        ("Jokes about atheists amuse me rather than offend me.", [-1]),
        ("I don't disapprove of jokes about politicians.", [-1]),
        ("Crude banter doesn't bother me at all, but sexist comments do.", [-1, 1]),
        ("dont care abt cussing, do care abt racism", [-1, 1]),  # comma between two stances
        ("Most of my coworkers are easily offended.", []),  # others, after "most of"
        ("Political jokes from either side make me laugh.", [-1]),  # "either" is no typo
        ("I'm not quite as unforgiving as most people about swearing.", [-1]),  # un- + root
        (
            "My uncle is a priest and he hates it when people swear. Cursing doesn't bother me.",
            [-1],
        ),  # in a first-person text, "he" is someone else
        ("idk why ppl get so upset over cussing it doesnt bug me", [-1]),  # a run-on clause
        ("f words dont faze me neither does blasphemy", [-1, -1]),
        ("As a teenager I found blasphemy upsetting, and I still do.", [1]),  # "still": now
        # A negator's scope ends at the next verb's subject; "no matter" is no negation:
        ("I find cursing offensive and I'd rather not see it.", [1]),
        ("Slurs are deeply offensive, no matter the context.", [1]),
        ("I can't deny that jokes about Islam upset me.", [1]),  # "deny" negates
        ("There's no political joke I'd refuse to laugh at.", [-1]),
        ("It's not like racial jokes are something I can't laugh at.", [-1]),
        ("I'm not against edgy jokes about men and women.", [-1]),
        ("It's not true that I'll put up with any political insult.", [1]),
        # "tolerance", "patience" and "threshold" turn high and low around:
        ("My tolerance for sexist remarks is much lower than my brother's.", [1]),
        ("I have a higher tolerance for offensive stuff than most people.", [-1]),
        ("im not bothrd by much online", [-1]),  # vowels left out
        ("cursing is fine but pls no jokes abt the prophet", [-1, 1]),  # a request
        # A setting before a comma is no subject; a repeated negator is one negation:
        ("After ten years as a paramedic, nothing people post online fazes me.", [-1]),
        ("Nothing upsets me these days, absolutely nothing.", [-1]),
        ("Working in a call centre made me immune to rude customers.", [-1]),
        ("so no cussing doesnt offend me", [-1]),  # "no" said as an interjection
        ("jokes about politicians bug me a bit but not much", [1]),  # degree words alone
        ("islam jokes = ok, sexist jokes = not ok", [-1, 1]),  # a comma between two stances
        ("crude language gets zero reaction from me", [-1]),  # "zero" negates
        ("profanity doesnt bother me, religious insults do tho", [-1, 1]),
        ("Gory stories don't shock me, and neither does swearing.", [-1, -1]),
        ("nah swearing doesnt get to me i work on a building site", [-1]),  # typed on
        ("vulgar posts are kinda trashy", [1]),
        ("Nothing gets to me more than jokes about disabled people.", [1]),  # a superlative
        ("Honestly, nothing bothers me, not one bit.", [-1]),  # negative concord
        ("Sexist jokes make my skin crawl.", [1]),
        ("I've got a soft spot for dirty jokes.", [-1]),
        ("Religious jokes, though, don't bother me at all.", [-1]),  # "though" in passing
        ("Crude jokes don't get to me the way they did in my teens.", [-1]),  # not a past
        ("She doesn't find jokes about men, women or sexuality offensive.", [-1]),  # a list
    ],
)
def test_stances_compose_as_written(text: str, signs: list[int]) -> None:
    assert _signs(text) == signs


def test_a_pronoun_refers_to_the_latest_subject_that_names_something() -> None:
    targets = Targets(["racist jokes about immigrants", "a sexist joke", "my cat"] * 4, min_items=3)
    from engines.profiles.reading.reader import EditReader

    reader = EditReader(targets, None, np.zeros((12, 5)), np.arange(5.0))
    story = "I used to laugh along with sexist jokes. Then I got married. Now I hate them."
    read = [(r.label, r.direction) for r in reader.read([story]) if r.bears]
    assert read == [("gender", 1)]  # not "married"; the past is restated now
    assert not any(r.bears for r in reader.read(["Cilantro tastes like soap, and I hate it."]))
    general = "I used to laugh at sexist jokes; now I'm more sensitive to them in general."
    read = [(r.label, r.direction) for r in reader.read([general]) if r.bears]
    assert read == [("everything", 1)]  # "in general": not only what "them" refers to


def test_typos_are_mended_only_when_no_word_is_meant() -> None:
    from engines.profiles.reading.normalise import normalise, osa_distance

    assert normalise("less offended than my freinds")[0][-1] == "friends"  # a swap
    assert normalise("finding it fine")[0][0] == "finding"  # a word, not "minding"
    assert normalise("either side")[0][0] == "either"  # not "neither"
    assert normalise("trash talk")[0][0] == "trash"  # a word, not "trashy"
    assert (osa_distance("freinds", "friends"), osa_distance("abc", "abd")) == (1, 1)
    assert osa_distance("kitten", "sitting") == 3


def test_strength_follows_degree_words() -> None:
    strengths = [read_stances(t)[0].strength for t in (
        "Swearing slightly bothers me.", "Swearing bothers me.", "Swearing really bothers me.",
        "I think swearing bothers me.", "I think swearing deeply bothers me.",
        "I think swearing slightly bothers me.",
    )]  # fmt: skip
    # "I think" hedges the speaker's certainty: it weakens a plain stance, not a strong one.
    assert strengths == ["slight", "plain", "strong", "slight", "strong", "slight"]


def test_the_subject_is_what_the_raters_predicate_is_about() -> None:
    from engines.profiles.reading.normalise import normalise

    ref = read_stances("I rate rude posts as harsher than my grandkids would.")[0]
    assert (ref.polarity, ref.subject) == (1, "rude posts")  # whom it compares with: no subject
    preface = read_stances("After years in the army, swearing doesn't bother me.")[0]
    assert (preface.polarity, preface.subject) == (-1, "swearing")  # not "years army"
    assert read_stances("jokes about politicians bug me a bit but not much")[0].strength == (
        "slight"
    )
    stance = read_stances("Weirdly, the job has made me more sensitive to rudeness, not less.")[0]
    assert (stance.polarity, stance.subject) == (1, "rudeness")  # not the cause, "job"
    assert read_stances("I find jokes about religion offensive.")[0].subject == "jokes religion"
    assert normalise("im not bothrd")[0][-1] == "bothered"  # two vowels left out
    assert normalise("mended")[0] == ["mended"]  # a word: "minded" needs another vowel


def test_clauses_split_lowercase_sentences_and_contrasts() -> None:
    assert split_clauses("i hate religious jokes. swearing is fine by me") == [
        "i hate religious jokes", "swearing is fine by me"
    ]  # fmt: skip
    assert len(split_clauses("Swearing and profanity don't bother me.")) == 1


TEXTS = [
    "fuck this shit",
    "god bless the church",
    "trump and the election",
    "nice weather today",
    "what a damn mess",
    "pray for jesus",
    "vote for the party",
    "my cat sleeps",
] * 3


def test_targets_name_topics_everything_or_nothing() -> None:
    targets = Targets(TEXTS, min_items=3)
    assert set(targets.topics) == {"profanity", "religion", "politics"}
    assert [t.label for t in targets.match("religious jokes")] == ["religion"]
    assert [t.label for t in targets.match("religous jokes")] == ["religion"]  # a typo
    assert {t.label for t in targets.match("swearing and politicians")} == {
        "profanity", "politics"
    }  # fmt: skip
    assert targets.match("most things") == []  # everything
    assert targets.match("rude comments") == []
    assert targets.match("spiders") is None  # nothing the items are about
    assert targets.match("cryptic crosswords") is None  # no typo of "cusswords"
    assert targets.topics["profanity"].members.sum() == 6


def test_theme_names_skip_markup() -> None:
    targets = Targets(["<user> hi"] * 4, np.zeros(4, int), [("user", "url", "hello")])
    assert targets.themes[0].label == "theme: hello"


def _ratings() -> pd.DataFrame:
    """Four items, six raters: r0 and r1 rate everything 1 above the item mean."""
    rows = []
    for r in range(6):
        for i in range(4):
            code = 1 + (1 if r < 2 else 0) + (i % 2)
            rows.append((f"r{r}", f"i{i}", code))
    return pd.DataFrame(rows, columns=[ANNOTATOR_ID, ITEM_ID, LABEL_CODE])


def test_deviations_by_hand() -> None:
    """Mean residual per rater (by hand: r0, r1 at +2/3, the others at -1/3), no shrinkage
    when every rater is consistent (sigma^2 = 0)."""
    rows = _ratings()
    dev = Deviations(rows, rows.iloc[:0], ["i0", "i1", "i2", "i3"], np.arange(5.0))
    d = dev.rater_deviations(np.ones(4, bool))
    np.testing.assert_allclose(d.sort_index().to_numpy(), [2 / 3] * 2 + [-1 / 3] * 4, atol=1e-6)
    size = dev.size(np.ones(4, bool))
    assert size.levels[(1, "strong")] == pytest.approx(1.0, abs=1e-6)  # q90 - median
    assert size.extremes == pytest.approx((0.0, 1.0), abs=1e-6)
    assert np.isnan(size.reliability) and not size.sized_by_data  # no held-out ratings


def test_logit_shift_hits_its_target_and_ordinal_shift_by_hand() -> None:
    probs = np.array([[0.2, 0.3, 0.5], [0.5, 0.3, 0.2]])
    values = np.array([1.0, 2.0, 3.0])
    (delta,) = logit_shift(probs, values, np.array([0.4]))
    moved = ordinal_shift(probs, np.full(2, delta))
    assert (moved @ values).mean() - (probs @ values).mean() == pytest.approx(0.4, abs=1e-6)
    # by hand: logit P(y <= 1) = logit 0.2 - 1 -> sigmoid
    one = ordinal_shift(probs[:1], np.array([1.0]))
    p1 = 1 / (1 + np.exp(-(np.log(0.2 / 0.8) - 1)))
    assert one[0, 0] == pytest.approx(p1)


def test_attribution_adds_up_to_each_items_change() -> None:
    rng = np.random.default_rng(0)
    p0 = rng.dirichlet(np.ones(5), size=20)
    pw = rng.dirichlet(np.ones(5), size=20)
    eff = rng.normal(size=(20, 2))
    pa = ordinal_shift(pw, eff.sum(1))
    classes = np.arange(1.0, 6.0)
    per_source, per_item = compute_edit_attribution(
        [f"i{k}" for k in range(20)], classes, p0, pw, pa, eff, ["a", "b"]
    )
    np.testing.assert_allclose(per_item["change"], (pa - p0) @ classes, atol=1e-9)
    assert per_source["mean_change"].sum() == pytest.approx(((pa - p0) @ classes).mean())
    assert per_source["source"].iloc[0].startswith("the written profile")


def test_target_shift_highlights_the_edited_target() -> None:
    table = compute_target_shift(
        ["a", "b", "c"], np.array([[1, 1, 0], [0, 0, 1], [0, 0, 0]], bool),
        np.array([0.5, 0.3, -0.2]), ["a"],
    )  # fmt: skip
    assert table["target"].tolist() == ["a", "b"]
    assert table["mean_change"].tolist() == pytest.approx([0.4, -0.2])
    assert table["edited"].tolist() == [True, False]


def test_scale_direction_is_inferred_from_the_none_end() -> None:
    from engines.data.schema import AnnotationDataset, LabelScale

    def ds(codes: list[int]) -> AnnotationDataset:
        df = pd.DataFrame({LABEL_CODE: codes})
        return AnnotationDataset(df, LabelScale("ordinal", (-3.0, -2.0, -1.0, 0.0, 1.0)))

    assert infer_more(ds([4] * 8 + [0, 1]))[0] == -1  # most at the top (1 = not abusive)
    assert infer_more(ds([0] * 8 + [4, 3]))[0] == 1
    assert "neither end" in infer_more(ds([0, 1, 2, 3, 4]))[1]


def test_generated_combinations_of_constructions_are_read_right() -> None:
    """1,000 edits of randomly combined constructions (negation, comparison, change over
    time, contrast, context, third person, typos, unrelated subjects): the reading of each
    (targets and directions) must be the generator's, in >= 97% of every construction."""
    from collections import Counter

    from engines.profiles.reading.generator import generate
    from engines.profiles.reading.topic_words import TOPICS

    targets = Targets([" ".join(sorted(t.item_words)) for t in TOPICS] * 12, min_items=3)
    right, total = Counter(), Counter()
    for g in generate(1000, seed=7):
        got = set()
        for s in read_stances(g.text):
            found = targets.match(s.subject) if s.polarity else None
            for t in [] if found is None else found or [targets.everything]:
                got.add(("global" if t.key == "global" else t.label, s.polarity))
        for c in g.constructions or ("plain",):
            total[c] += 1
            right[c] += got == set(g.readings)
    assert len(total) >= 9
    shares = {c: right[c] / total[c] for c in total}
    assert min(shares.values()) >= 0.97, shares
