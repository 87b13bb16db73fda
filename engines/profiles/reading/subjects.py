"""Who and what an edit speaks of: the rater, other people, subject words and filler.

Split from :mod:`~engines.profiles.reading.lexicon` (stance words); re-exported there.
Torch-free.
"""

from __future__ import annotations

__all__ = [
    "phrases",
    "ATTRIBUTIVE",
    "GENERIC_SUBJECTS",
    "NEUTRAL",
    "OTHER_PEOPLE",
    "PERSON_NOUNS",
    "RATER_WORDS",
    "SUBJECT_STOP",
]


def phrases(text: str) -> tuple[tuple[str, ...], ...]:
    """``"a b|c"`` -> ``(("a", "b"), ("c",))``: the token runs of a ``|``-separated list."""
    return tuple(tuple(p.split()) for p in text.split("|") if p.strip())


RATER_WORDS = frozenset(
    "i i'm im me my myself mine i've i'd i'll she he her him his they them their she's he's "
    "this_rater rater annotator person".split()
)
"""References to the rater (profiles may speak in the first or the third person)."""


OTHER_PEOPLE = frozenset(
    phrases(
        "most people|many people|other people|others|people|everyone|everybody|"
        "my friends|my friend|my family|my parents|my mother|my mom|my mum|my father|my dad|"
        "my wife|my husband|my partner|my kids|my children|my sister|my brother|"
        "my coworkers|my colleagues|my siblings|my grandparents|my boss|my roommate|"
        "most raters|other raters|the average rater|the average person|some people|"
        "a lot of people|lots of people|my peers|my generation|the others|my neighbours|"
        "my neighbors|my son|my daughter|my girlfriend|my boyfriend|my spouse|folks|most folks|"
        "other folks"
    )
)
"""Other people as a clause's subject: what *they* feel is context, not the rater's stance."""


GENERIC_SUBJECTS = frozenset(
    "things thing stuff anything everything something nothing most much content contents "
    "comment comments post posts remark remarks material text texts message messages "
    "online internet web social media rating ratings rate rater raters label labels "
    "general overall average whole lot lots kind kinds sort sorts type types item items "
    "sentence sentences statement statements word words language talk speech "
    "joke jokes humor humour banter teasing insults insult opinion opinions "
    "person people easily sensitive easy hard whatever all everyday day tweet tweets "
    "read see stuff meme memes reply replies thread threads offensiveness toxicity "
    "bit way ones one matter matters topic topics subject subjects issue issues write writes "
    "wrote written writing say saying post posted posting share shared hear heard talk "
    "talking chat chats discussion discussions conversation conversations read reading reads "
    "see seeing watch watching rudeness nastiness meanness negativity hostility "
    "incivility cruelty screen screens".split()
)
"""Subject words that name no theme: a stance about them is about everything."""


SUBJECT_STOP = frozenset(
    "a an the and or of to in on at for with about by from as is are am was were be been "
    "being it its it's that this these those there their them they i me my myself mine "
    "i'm im i've i'd i'll you your we our us he she his her him do does did done doing "
    "have has had having can could would should will shall must just also too very so "
    "what which who whom whose when where why how if then than because since until up "
    "down out over under again further once here all any both each few more most other "
    "some such only own same s t don should now get gets got getting find finds found "
    "feel feels felt think thinks say says said tend tends consider considers call calls "
    "admit admits admitted confess confesses reckon believe believes "
    "rate rates rated rating give gives given see sees seem seems seemed look looks make "
    "makes made quite pretty honestly frankly really personally generally usually "
    "definitely certainly lol lmao haha tbh imo imho idk ngl like even still though "
    "always usually often ever anyway anymore yeah yes oh ok well guess suppose overall "
    "nowadays today lately general particular especially totally nearly almost practically "
    "virtually basically simply entirely pretty fairly quite truly she's he's they're "
    "parents parent friends friend family brother brothers sister sisters classmates "
    "colleagues colleague coworkers coworker peers mom dad mum mother father wife husband "
    "partner boss kids children son daughter roommate neighbours neighbors cousin cousins "
    "grandmother grandfather grandparents faster sooner quicker earlier later honest possible "
    "likely probably true fair safe years year months month weeks week days day decade "
    "decades time times ago after since two three four five six seven eight nine ten "
    "twenties thirties forties fifties teens youth childhood accused mark marks label "
    "labels score scores good great better best learned learnt included including "
    "try tries tried trying there's point pretend pretending pretended seen saw typical "
    "normal usual regular ordinary folks "
    "whatever which who what anyone someone somebody everyone everybody nobody one's".split()
)
"""Function and filler words removed before a subject is matched to a theme."""


NEUTRAL = frozenset(
    phrases(
        "make fun of|makes fun of|making fun of|made fun of|poke fun at|pokes fun at|"
        "poking fun at|fun of|mock|mocks|mocking|mockery|jab at|jabs at|digs at|"
        "a few|accused me of being|accuses me of being|accused of being|hate speech|"
        "hate comments|hate posts|hate crimes|hate mail|hate groups|hate messages|"
        "hate-filled|at the drop of a hat|describe myself as|call myself|consider myself|"
        "to be honest|if i'm honest|truth be told|when it comes to|in general|"
        "like the|like a|like an|like when|like that|like this|things like|stuff like|"
        "such as|feel like|feels like|felt like|looks like|seems like|sounds like|just like|"
        "kind of like|talk about|talking about|talks about|people who|those who|anyone who|"
        "when people|"
        "when someone|someone|somebody|funnily enough|oddly enough|strangely enough|ironically|"
        "interestingly|honestly|frankly|personally|to be fair|in fact|actually|stupid|dumb|"
        "silly|lame|childish|pathetic|boring|cheap|lazy|juvenile|older|younger|"
        "generally speaking|broadly speaking|generally|come across|comes across|came across|"
        "run into|runs into|ran into|encounter|encounters|stumble upon|stumble across|by much|"
        "strikes me as|strike me as|struck me as"
    )
)
"""Phrases that look like stance words but only name what is talked about ("making fun of")."""


ATTRIBUTIVE = frozenset(
    "strict offensive rude crude toxic hateful harmful abusive sensitive insulting vile nasty "
    "gross disgusting disrespectful hurtful inappropriate harsh severe low high mild soft "
    "gentle funny fun bad awful terrible horrible angry upsetting disturbing annoying "
    "outrageous objectionable distasteful lighthearted light-hearted open-minded ugly".split()
)
"""Adjectives that are no stance when they qualify a noun ("a strict household")."""


PERSON_NOUNS = frozenset(
    "person rater soul guy gal type one individual reader annotator woman man human being "
    "sort kind people side soul spirit judge critic".split()
)
"""Nouns after which an adjective still describes the rater ("a sensitive person")."""
