"""The words an edit is read with: stance predicates, negators, degree words, references.

Every predicate carries its *polarity*: +1 when saying it of a topic means the rater puts that
topic further toward the "more" end of the label (more offensive, more toxic), -1 when it
means less. Negators flip polarity, so "doesn't bother me" is -1 and "I'm not intolerant of
swearing" is -1 again (two flips of +1). Polarity is about the rater's ratings, whatever the
construct is called; :mod:`~engines.profiles.reading.parse` composes these words, and the
dataset's scale direction turns "more" into higher or lower labels.

Multi-word entries are matched as token runs (longest first). Torch-free.
"""

from __future__ import annotations

__all__ = [
    "ENABLERS",
    "NEUTRAL",
    "ATTRIBUTIVE",
    "PERSON_NOUNS",
    "SWITCH_PHRASES",
    "CHANGE_WORDS",
    "COMPARATIVE_REFERENCES",
    "CONTRAST_WORDS",
    "GENERIC_SUBJECTS",
    "HEDGES",
    "INTENSIFIERS",
    "LESS_WORDS",
    "MORE_WORDS",
    "NEGATORS",
    "OTHER_PEOPLE",
    "PAST_WORDS",
    "PREDICATES",
    "RATER_WORDS",
    "STRONG_PREDICATES",
    "SUBJECT_STOP",
]


def _phrases(text: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(p.split()) for p in text.split("|") if p.strip())


_STRICT = (
    "offend|offends|offended|offending|offensive|offense|offence|bother|bothers|bothered|"
    "bothering|upset|upsets|upsetting|annoy|annoys|annoyed|annoying|irritate|irritates|"
    "irritated|irritating|disturb|disturbs|disturbed|disturbing|hurt|hurts|hurtful|trouble|"
    "troubles|troubled|troubling|anger|angers|angry|angered|infuriate|infuriates|infuriating|"
    "furious|outraged|outrage|outrageous|appalled|appalling|disgust|disgusts|disgusted|"
    "disgusting|sicken|sickens|sickening|uncomfortable|unacceptable|inappropriate|"
    "disrespectful|insulting|insulted|objectionable|distasteful|vile|nasty|gross|toxic|"
    "hateful|harmful|abusive|rude|crude|sensitive|oversensitive|touchy|thin-skinned|"
    "thin skinned|strict|stricter|strictest|harsh|harsher|harshly|severe|severely|picky|"
    "prudish|intolerant|hate|hates|hated|detest|detests|loathe|loathes|despise|despises|"
    "dislike|dislikes|disliked|object|objects|mind|minds|cringe|cringes|wince|flinch|"
    "can't stand|cannot stand|can not stand|can't bear|cannot bear|can't tolerate|"
    "cannot tolerate|get to me|gets to me|got to me|getting to me|get under my skin|"
    "gets under my skin|rub me the wrong way|rubs me the wrong way|take offense|"
    "take offence|takes offense|took offense|taking offense|take it personally|"
    "take seriously|takes seriously|cross the line|crosses the line|cross a line|"
    "crosses a line|over the line|too far|zero tolerance|no tolerance|put off|puts off|"
    "turned off|high|higher|highest|react strongly|easily offended|"
    "low tolerance|little tolerance|no patience|low threshold|not okay|not ok|hard on|tough on|"
    "fed up|sick of|tired of|flag|flags|call out|calls out|frown on|frown upon|wound|wounds|"
    "sting|stings|stung|sore|touchier|sensitivity|unsettled|unsettle|unsettles|unsettling|"
    "shock|shocks|shocked|shocking|faze|fazes|fazed|bug|bugs|bugged|opposed|off-putting|"
    "offputting|uneasy|squeamish|triggered|triggers|minding|objecting|cringy|cringey|wrong|"
    "unkind|cruel|mean|bristle|bristles|irks|irk|irked|grates|grate|grating|jarring|horrified|"
    "horrifies|bothersome|concerning|worrying|alarming|unfunny|tasteless|out of line|"
    "red line|a red line|beyond the pale|no excuse|not funny|never funny|"
    "worse|bad|awful|terrible|horrible|horrendous|unforgivable|inexcusable|not ok|problem"
)
_LENIENT = (
    "fine|okay|ok|alright|all right|harmless|acceptable|tolerant|tolerate|tolerates|lenient|"
    "leniently|relaxed|easygoing|easy-going|easy going|laid-back|laid back|chill|"
    "thick-skinned|thick skinned|shrug off|shrugs off|shrug it off|shrug them off|shrug|"
    "laugh off|laugh it off|laugh at|laughs at|funny|amusing|hilarious|no big deal|"
    "not a big deal|unbothered|unfazed|unoffended|desensitized|desensitised|numb|"
    "used to it|let it slide|let slide|brush off|brush it off|brushes off|forgiving|"
    "open-minded|open minded|generous|generously|low|lower|lowest|enjoy|enjoys|"
    "just words|only words|just a joke|just jokes|just joking|water off a duck's back|"
    "roll off|rolls off|roll off my back|rolls off my back|don't care|doesn't care|"
    "couldn't care less|indifferent|permissive|soft|softer|gentle|gentler|mild|milder|"
    "lax|easy on|go easy|shrugging off|scroll past|scroll by|ignore|ignores|unfussed|"
    "high tolerance|high threshold|a lot of patience|plenty of patience|"
    "i'm used to|im used to|am used to|are used to|is used to|get used to|got used to|"
    "gotten used to|was used to|grown used to|become used to|"
    "like|likes|liked|love|loves|loved|ignoring|shake off|shakes off|shake it off|"
    "lets things slide|let things slide|let things go|lets things go|let it go|lets it go|"
    "let it pass|roll with|take it in stride|takes it in stride|in stride|get over it|"
    "unaffected|unmoved|untroubled|ok with|okay with|fine with|fine by|cool with|"
    "resilient|tough skin|thick skin|free speech|joking around|banter|lighthearted|"
    "light-hearted|fair game|fun|entertaining|no problem|not a problem"
)
PREDICATES: dict[tuple[str, ...], int] = {
    **{p: 1 for p in _phrases(_STRICT)},
    **{p: -1 for p in _phrases(_LENIENT)},
}
"""Stance words and phrases with their polarity (+1: toward "more", -1: toward "less")."""

STRONG_PREDICATES = frozenset(
    _phrases(
        "hate|hates|hated|detest|detests|loathe|loathes|despise|despises|can't stand|"
        "cannot stand|can not stand|can't bear|cannot bear|zero tolerance|no tolerance|"
        "infuriate|infuriates|infuriating|furious|outraged|outrageous|appalled|appalling|"
        "disgust|disgusts|disgusted|disgusting|sicken|sickens|sickening|vile|unforgivable|"
        "inexcusable|horrible|horrendous|awful|terrible|couldn't care less|"
        "water off a duck's back|hilarious|thick-skinned|thick skinned|thin-skinned|"
        "thin skinned|no big deal|not a big deal|oversensitive|fair game"
    )
)
"""Predicates that are strong by themselves ("I hate ...", "zero tolerance")."""

NEGATORS = frozenset(
    _phrases(
        "not|n't|no|never|nothing|none|nobody|neither|nor|hardly|barely|scarcely|rarely|"
        "seldom|without|no longer|not anymore|little|few|fewer|lack|lacks|nowhere|"
        "hard to|difficult to|tough to|harder to|tougher to|more difficult to|takes a lot to|"
        "takes a lot for|take a lot to|"
        "takes much to|takes quite a lot to|takes a great deal to|don't|doesn't|didn't|"
        "isn't|aren't|wasn't|weren't|won't|wouldn't|can't|cannot|couldn't|shouldn't|"
        "haven't|hasn't|hadn't|ain't|nope|disagree|stopped|stop|quit|fail to|fails to|"
        "less and less|no more|not any more|anything but|far from|free of|immune to|immune"
    )
)
"""Words that flip the polarity of the clause they are in (each flip counts)."""

ENABLERS = frozenset(
    _phrases(
        "easy to|easier to|easily|takes little to|takes very little to|take little to|"
        "takes almost nothing to|takes nothing to|doesn't take much to|does not take much to|"
        "it doesn't take much|not much to"
    )
)
"""Phrases that look negative but are not: "it takes very little to offend me" is +1."""

INTENSIFIERS = frozenset(
    _phrases(
        "very|really|extremely|deeply|truly|absolutely|completely|totally|utterly|so|"
        "incredibly|highly|seriously|terribly|hugely|immensely|profoundly|intensely|"
        "a lot|a great deal|at all|in the slightest|whatsoever|in any way|zero|far|much|"
        "way|"
        "massively|strongly|enormously|super|majorly|especially|particularly|always|every time|"
        "really really|most|very much|by far|genuinely|fiercely|tremendously|dramatically|"
        "significantly|considerably|substantially|a ton|big time|hugely|insanely|crazy|"
        "unbelievably|ever|one bit|even a little|remotely|in the least|an awful lot"
    )
)
"""Degree words that make a stance strong."""

HEDGES = frozenset(
    _phrases(
        "slightly|somewhat|a little|a bit|a touch|a tad|mildly|kind of|kinda|sort of|sorta|"
        "marginally|perhaps|maybe|might|may|possibly|probably|i guess|i suppose|i think|"
        "moderately|only mildly|fairly|"
        "rather|mostly|partly|a smidge|a hair|a shade|a little bit|a wee bit|tend to|tends to|"
        "not very|not that|not too|not particularly|not especially|not overly|not terribly|"
        "not so|not all that|slight|occasionally|sometimes|"
        "a degree|to some extent|to a degree|a little too|at times|now and then|now and again|"
        "only slightly|just slightly|just a bit|just a little|"
        "a notch|i'd say|a little extra"
    )
)
"""Degree words that make a stance slight (including "not very", which also negates)."""

MORE_WORDS = frozenset(_phrases("more|er_suffix|increasingly|extra"))
"""Comparison toward more of the predicate ("more tolerant" keeps tolerant's polarity)."""

LESS_WORDS = frozenset(_phrases("less|lesser|least|decreasingly"))
"""Comparison toward less of the predicate: flips it ("less strict" is -1)."""

COMPARATIVE_REFERENCES = frozenset(
    _phrases(
        "than most|than others|than other|than the average|than average|than my|than the|"
        "than people|than anyone|than everyone|than i used|than i did|than before|"
        "as i used to|than i used to|as i once|than i once|as i did|as i was|than i was|"
        "as most|as others|as other people|as my|as the average|"
        "compared to|compared with|relative to|than the rest|than most people|than you|than"
    )
)
"""Signals of a comparison with other raters (or one's past self)."""

PAST_WORDS = frozenset(
    _phrases(
        "used to|use to|once|back then|in the past|when i was younger|when i was young|"
        "years ago|as a kid|as a child|growing up|in my youth|previously|formerly|"
        "at one point|at first|before"
    )
)
"""Markers of a stance held in the past (its opposite is current, unless restated)."""

CHANGE_WORDS = frozenset(
    _phrases(
        "now|nowadays|these days|today|lately|recently|anymore|any more|no longer|"
        "these past|over time|over the years|since then|have become|has become|i've become|"
        "i have become|i've grown|i have grown|become|grown|turned|"
        "got more|gotten more|got less|gotten less|now that"
    )
)
"""Markers of the current stance in a sentence about change."""

CONTRAST_WORDS = (
    "but", "although", "despite", "though", "whereas", "while", "yet", "however", "except",
    "on the other hand", "even though", "whilst", "otherwise", "meanwhile", "still",
    "then again", "that said", "nevertheless", "nonetheless",
)  # fmt: skip
"""Connectives that start a new clause (a contrast often reverses the stance)."""

RATER_WORDS = frozenset(
    "i i'm im me my myself mine i've i'd i'll she he her him his they them their "
    "this_rater rater annotator person".split()
)
"""References to the rater (profiles may speak in the first or the third person)."""

OTHER_PEOPLE = frozenset(
    _phrases(
        "most people|many people|other people|others|people|everyone|everybody|"
        "my friends|my friend|my family|my parents|my mother|my mom|my mum|my father|my dad|"
        "my wife|my husband|my partner|my kids|my children|my sister|my brother|"
        "my coworkers|my colleagues|my siblings|my grandparents|my boss|my roommate|"
        "most raters|other raters|the average rater|the average person|some people|"
        "a lot of people|lots of people|my peers|my generation|the others|my neighbours|"
        "my neighbors|my son|my daughter|my girlfriend|my boyfriend|my spouse"
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
    "bit way ones one matter matters topic topics subject subjects issue issues".split()
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
    "rate rates rated rating give gives given see sees seem seems seemed look looks make "
    "makes made quite pretty honestly frankly really personally generally usually "
    "definitely certainly lol lmao haha tbh imo imho idk ngl like even still though "
    "always usually often ever anyway anymore yeah yes oh ok well guess suppose overall "
    "nowadays today lately general particular especially totally nearly almost practically "
    "virtually basically simply entirely pretty fairly quite truly".split()
)
"""Function and filler words removed before a subject is matched to a theme."""

NEUTRAL = frozenset(
    _phrases(
        "make fun of|makes fun of|making fun of|made fun of|poke fun at|pokes fun at|"
        "poking fun at|fun of|mock|mocks|mocking|mockery|jab at|jabs at|digs at|"
        "like the|like a|like an|like when|like that|like this|things like|stuff like|"
        "such as|feel like|feels like|felt like|looks like|seems like|sounds like|just like|"
        "kind of like|talk about|talking about|talks about|people who|those who|anyone who|"
        "when people|"
        "when someone|someone|somebody"
    )
)
"""Phrases that look like stance words but only name what is talked about ("making fun of")."""

ATTRIBUTIVE = frozenset(
    "strict offensive rude crude toxic hateful harmful abusive sensitive insulting vile nasty "
    "gross disgusting disrespectful hurtful inappropriate harsh severe low high mild soft "
    "gentle funny fun bad awful terrible horrible angry upsetting disturbing annoying "
    "outrageous objectionable distasteful lighthearted light-hearted open-minded".split()
)
"""Adjectives that are no stance when they qualify a noun ("a strict household")."""

PERSON_NOUNS = frozenset(
    "person rater soul guy gal type one individual reader annotator woman man human being "
    "sort kind people".split()
)
"""Nouns after which an adjective still describes the rater ("a sensitive person")."""

SWITCH_PHRASES = frozenset(
    _phrases(
        "another matter|another story|a different story|a different matter|different story|"
        "different matter|the opposite|the reverse|a whole other story|another thing entirely|"
        "a different thing|not the same|the other way around|a different beast"
    )
)
"""A clause that says "the opposite of the last one" ("religious jokes are another story")."""
