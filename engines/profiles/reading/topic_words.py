"""The named topics an edit can be about, with the words that name them and find their items.

The constructs raters of subjective labels are known to differ on; :mod:`.topics` ties an
edit's subject to them. Torch-free.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["MARKUP", "TOPICS", "TOPIC_PHRASES", "WEAK", "WORD", "Topic", "stem"]


@dataclass(frozen=True)
class Topic:
    """A named topic: the words that name it in an edit and the words that find its items."""

    label: str
    subject_words: frozenset[str]
    item_words: frozenset[str]


def _topic(label: str, subject: str, items: str) -> Topic:
    subject_words = frozenset(subject.split())
    return Topic(label, subject_words, frozenset(items.split()) | subject_words)


TOPICS: tuple[Topic, ...] = (
    _topic(
        "religion",
        "religion religions religious islamophobia islamophobic antisemitism antisemitic "
        "semitic god gods jesus christ christian christians christianity "
        "muslim muslims islam islamic church churches faith faiths belief beliefs bible quran "
        "koran jew jews jewish judaism atheist atheists atheism catholic catholics pope prayer "
        "pray hindu hindus buddhist sacred blasphemy blasphemous spiritual theology mosque "
        "temple synagogue sikh sikhs clergy priest priests pastor preacher evangelical mormon "
        "scripture prophet believers believer worship gospel saint saints",
        "allah satan heaven hell lord prophet muhammad holy bless blessed sin sins sinner "
        "worship believers gospel divine",
    ),
    _topic(
        "politics",
        "politics political politician politicians party parties election elections vote "
        "voting voters government trump biden obama clinton hillary democrat democrats "
        "republican republicans liberal liberals conservative conservatives left right-wing "
        "leftist leftists president congress senate gop maga partisan policy policies campaign "
        "brexit tory tories labour socialist socialism capitalism communist candidate "
        "candidates senator senators councillor councillors left-wing leftwing rightwing lefty "
        "lefties righty righties fascist fascists commie commies",
        "senator governor administration democracy dems libs congressman candidate ballot "
        "impeach impeachment electoral rightwing",
    ),
    _topic(
        "profanity",
        "profanity profanities swearing swear swears sweared swore cursing curse curses "
        "cussing cuss cusses cusswords cussword obscenity obscenities expletive expletives "
        "vulgarity vulgar foul f-word f-bomb f-bombs fword crude crass explicit "
        "potty-mouth swearwords swearword cursewords curseword",
        "fuck fucking fucked fucker fuckers fucks shit shitty shits bullshit damn damned "
        "goddamn bitch bitches ass asshole assholes crap wtf dick dicks piss pissed cunt "
        "motherfucker bastard bastards bloody hell stfu af",
    ),
    _topic(
        "race",
        "race races racial racist racists racism ethnic ethnicity ethnicities slur slurs "
        "black blacks white whites asian asians latino latinos hispanic hispanics mexican "
        "mexicans african africans immigrant immigrants immigration minorities minority "
        "skin colour color n-word nword arab arabs indian indians chinese xenophobia "
        "xenophobic foreigners foreigner migrants migrant refugees refugee nationality "
        "nationalities accent accents irish scots scottish polish italians russians germans",
        "negro nigga niggas nigger thug thugs ghetto",
    ),
    _topic(
        "gender",
        "gender genders sexism sexist sexists misogyny misogynist misogynistic women woman "
        "men man girls girl boys female females male males feminist feminists feminism gay "
        "gays lesbian lesbians trans transgender lgbt lgbtq queer homosexual homosexuality "
        "sexuality sexual bisexual nonbinary wife wives husband husbands homophobia "
        "homophobic transphobic gender-based sex",
        "bitch bitches fag faggot dyke tranny pussy whore slut sluts hoe",
    ),
    _topic(
        "disability",
        "disability disabilities disabled handicapped autism autistic mental illness "
        "retarded retard wheelchair blind deaf",
        "adhd schizophrenia crazy insane psycho",
    ),
    _topic(
        "violence",
        "violence violent threat threats threatening killing murder murders gore gory "
        "death deaths weapons guns gun shooting abuse assault rape terrorism terrorists",
        "kill kills killed shoot shot stab attack attacks dead die bomb",
    ),
    _topic(
        "appearance",
        "appearance looks weight fat obese body bodies body-shaming fatphobia",
        "fatty skinny beautiful pretty hot ugly",
    ),
)  # fmt: skip
"""Topics with their subject words (how an edit names them) and item words (how their items
are found: the subject words plus words that only items use, such as profanities)."""

MARKUP = re.compile(r"^(?:user|url|http|https|www|com|amp|rt|hashtag|mention|number|emoji)$")
"""Placeholders of anonymised posts (``<user>``, ``@USER``, ``URL``): never a theme's name."""

WORD = re.compile(r"[a-z][a-z'\-]*")


def stem(word: str) -> str:
    """A light stem for matching plural and possessive forms ("politicians's" -> "politician")."""
    word = word.lower().removesuffix("'s").removesuffix("'")
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


TOPIC_PHRASES = tuple(
    (f" {phrase} ", label)
    for label, phrases in {
        "profanity": "bad language|f words|f word|four letter words|four-letter words|dirty words|"
        "rude words|swear words|curse words|cuss words|foul mouth|potty mouth|strong language|"
        "colourful language|colorful language|salty language|bad words|f-bomb|f-bombs|f-word|"
        "f-words",
        "race": "n word|n-word|skin color|skin colour",
        "politics": "prime minister",
    }.items()
    for phrase in phrases.split("|")
)
"""Topic names of several words (matched in the subject as written)."""
WEAK = frozenset({"slur", "black", "white"})
"""Topic words that name a topic only when nothing else in the subject does."""
