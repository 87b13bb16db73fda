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

from engines.profiles.reading.subjects import (
    ATTRIBUTIVE,
    GENERIC_SUBJECTS,
    NEUTRAL,
    OTHER_PEOPLE,
    PERSON_NOUNS,
    RATER_WORDS,
    SUBJECT_STOP,
    phrases,
)

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


_STRICT = (
    "offend|offends|offended|offending|offensive|offense|offence|bother|bothers|bothered|"
    "bothering|upset|upsets|upsetting|annoy|annoys|annoyed|annoying|irritate|irritates|"
    "irritated|irritating|disturb|disturbs|disturbed|disturbing|hurt|hurts|hurtful|trouble|"
    "troubles|troubled|troubling|anger|angers|angry|angered|infuriate|infuriates|infuriating|"
    "furious|outraged|outrage|outrageous|appalled|appalling|disgust|disgusts|disgusted|"
    "disgusting|sicken|sickens|sickening|uncomfortable|unacceptable|inappropriate|"
    "disrespectful|insulting|insulted|objectionable|distasteful|vile|nasty|gross|toxic|"
    "hateful|harmful|abusive|rude|crude|sensitive|oversensitive|touchy|thin-skinned|"
    "thin skinned|strict|stricter|strictest|harsh|harsher|harshest|harshly|severe|severely|picky|"
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
    "delicate flower|soft as butter|scandalize|scandalise|scandalized|scandalised|"
    "clutch my pearls|clutch pearls|pearl-clutching|pearl clutching|ruffle my feathers|"
    "ruffles my feathers|ruffled my feathers|give a second thought|think twice|"
    "thinks twice|harder on|tougher on|stricter on|protective|protective of|off-limits|"
    "off limits|out of bounds|a no-go|no-go|pet peeve|register|registers|fussed|unaccustomed|"
    "notice|notices|noticed|blink|blinks|blinked|"
    "sets my teeth on edge|set my teeth on edge|zero patience|no patience for|little patience|"
    "make my blood boil|makes my blood boil|made my blood boil|rattle|rattles|rattled|"
    "get on my nerves|gets on my nerves|got on my nerves|get my back up|gets my back up|"
    "stickler|hardliner|uptight|prude|prudish|worked up|bat an eye|bat an eyelid|"
    "hit me hard|hits me hard|hit hard|make me sick|makes me sick|made me sick|sick|mad|"
    "rage|enrage|enrages|enraged|hard no|a hard no|no way|absolutely not|care|cares|cared|"
    "register with|registers with|winced|wincing|flinched|flinching|flinches|hard to take|"
    "harder to take|hard to accept|hard to swallow|hard to stomach|get under my skin|"
    "get a rise out of|gets a rise out of|get a rise out of me|touchy-feely|bristled|"
    "recoil|recoils|cringed|cringing|grate on|grates on|grated on|irritable|prickly|"
    "on the sensitive side|take to heart|takes to heart|take personally|takes personally|"
    "quick to take offense|quick to take offence|easy to offend|snowflake|"
    "worse|bad|awful|terrible|horrible|horrendous|unforgivable|inexcusable|not ok|problem|"
    "disapprove|disapproves|disapproved|disapproving|minded|piss me off|pisses me off|"
    "pissed me off|pissing me off|pissed off|say no to|says no to|frowned on|frowned upon|"
    "hit me very hard|hits me very hard|hit me so hard|hits me so hard|hit close to home|"
    "hits close to home|thin skin|a thin skin|thin-skin|riled|riled up|rile|riles|rile me up|"
    "please no|please don't|please stop|i'm against|am against|are against|is against|"
    "trashy|tacky|classless|obnoxious|react to|reacts to|reacted to|reaction from|reaction out of|"
    "get a reaction out of|gets a reaction out of|got a reaction out of|a huge no|a big no|"
    "a total no|a firm no|a no for me|huge no|big no|draw the line|draws the line|drew the line|"
    "skin crawl|my skin crawl|makes my skin crawl|make my skin crawl|made my skin crawl"
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
    "couldn't care less|indifferent|permissive|gentle|gentler|mild|milder|"
    "lax|easy on|go easy|shrugging off|scroll past|scroll by|ignore|ignores|unfussed|"
    "high tolerance|high threshold|a lot of patience|plenty of patience|"
    "i'm used to|im used to|am used to|are used to|is used to|get used to|got used to|"
    "gotten used to|was used to|grown used to|become used to|"
    "whatever|meh|who cares|so what|crack me up|cracks me up|cracked me up|washes over|"
    "wash over|washed over|nothing to me|means nothing to me|tough enough|accustomed|"
    "letting go|letting slide|letting pass|easier on|softer on|tough as nails|nerves of steel|"
    "loosened up|loosen up|lighten up|lightened up|mellowed|mellowed out|chilled out|"
    "laugh off|laughs off|laughed off|laughing off|shrugs off|shrugged off|shrugging off|"
    "roll right off|rolls right off|rolled right off|roll off me|rolls off me|slide off|"
    "slides off|slide right past|slides right past|bounce off|bounces off|leave me cold|"
    "leaves me cold|left me cold|background noise|can take|could take|take a joke|"
    "takes a joke|take jokes|can handle|could handle|handle|deal with|live with|"
    "no skin off my nose|water under the bridge|brush it off|easy-going|hard to shock|"
    "let slide|lets slide|letting slide|let go|lets go|let pass|lets pass|"
    "like|likes|liked|love|loves|loved|ignoring|shake off|shakes off|shake it off|"
    "lets things slide|let things slide|let things go|lets things go|let it go|lets it go|"
    "let it pass|roll with|take it in stride|takes it in stride|in stride|get over it|"
    "unaffected|unmoved|untroubled|ok with|okay with|fine with|fine by|cool with|"
    "resilient|tough skin|thick skin|thicker-skinned|thicker skinned|free speech|joking around|"
    "banter|lighthearted|"
    "light-hearted|fair game|fun|entertaining|no problem|not a problem|"
    "make me laugh|makes me laugh|made me laugh|making me laugh|amuse|amuses|amused|"
    "get a pass|gets a pass|give a pass|gives a pass|a free pass|take lightly|takes lightly|"
    "took lightly|taking lightly|lightly|insensitive|laugh along|laughs along|laughed along|"
    "laughed at|laughing at|impervious|impervious to|cope with|copes with|coped with|"
    "cope|taking a joke|took a joke|taking jokes|put up with|puts up with|putting up with|"
    "not against|seen it all|heard it all|seen worse|heard worse|seen far worse|immune|"
    "just noise|only noise|white noise|noise to me|soft spot for|a soft spot for"
)
PREDICATES: dict[tuple[str, ...], int] = {
    **{p: 1 for p in phrases(_STRICT)},
    **{p: -1 for p in phrases(_LENIENT)},
}
"""Stance words and phrases with their polarity (+1: toward "more", -1: toward "less")."""

STRONG_PREDICATES = frozenset(
    phrases(
        "hate|hates|hated|detest|detests|loathe|loathes|despise|despises|can't stand|"
        "cannot stand|can not stand|can't bear|cannot bear|zero tolerance|no tolerance|"
        "infuriate|infuriates|infuriating|furious|outraged|outrageous|appalled|appalling|"
        "disgust|disgusts|disgusted|disgusting|sicken|sickens|sickening|vile|unforgivable|"
        "inexcusable|horrible|horrendous|awful|terrible|couldn't care less|"
        "make my blood boil|makes my blood boil|zero patience|hard no|a hard no|no way|"
        "absolutely not|tough as nails|nerves of steel|rage|enraged|sets my teeth on edge|"
        "water off a duck's back|hilarious|thick-skinned|thick skinned|thin-skinned|"
        "thin skinned|no big deal|not a big deal|oversensitive|fair game|seen it all|heard it all"
    )
)
"""Predicates that are strong by themselves ("I hate ...", "zero tolerance")."""

NEGATORS = frozenset(
    phrases(
        "not|n't|no|never|nothing|none|nobody|neither|nor|hardly|barely|scarcely|rarely|"
        "seldom|without|no longer|not anymore|little|few|fewer|lack|lacks|nowhere|"
        "hard to|difficult to|tough to|not easy to|harder to|tougher to|more difficult to|"
        "takes a lot to|"
        "takes a lot for|take a lot to|"
        "takes much to|takes quite a lot to|takes a great deal to|don't|doesn't|didn't|"
        "isn't|aren't|wasn't|weren't|won't|wouldn't|can't|cannot|couldn't|shouldn't|"
        "haven't|hasn't|hadn't|ain't|nope|disagree|not once|false|untrue|a lie|doubt|"
        "i doubt|no one|nowhere near|impossible to|stopped|stop|quit|fail to|fails to|"
        "failed to|failing to|unable|uncommon|unusual|rare for|rarely do|"
        "less and less|no more|not any more|anything but|far from|free of|"
        "rather than|instead of|unwilling to|unwilling|reluctant to|be lying if i said|"
        "deny|denies|denied|refuse|refuses|refused|refusing|it's not like|it isn't like|"
        "lying if i said|ain't never|ain't no|don't never|didn't never|never no|incapable of|"
        "incapable|zero"
    )
)
"""Words that flip the polarity of the clause they are in (each flip counts)."""

ENABLERS = frozenset(
    phrases(
        "easy to|easier to|easily|takes little to|takes very little to|take little to|"
        "takes almost nothing to|takes nothing to|doesn't take much to|does not take much to|"
        "it doesn't take much|not much to|no stranger to|hard not to|difficult not to|"
        "can't help|cannot help|couldn't help|can't not|cannot not|couldn't not"
    )
)
"""Phrases that look negative but are not: "it takes very little to offend me" is +1, and so
are "I can't help ...", "it's hard not to ..." and "I'm no stranger to ..." (double negations
said as one phrase)."""

INTENSIFIERS = frozenset(
    phrases(
        "very|really|extremely|deeply|truly|absolutely|completely|totally|utterly|so|"
        "incredibly|highly|seriously|terribly|hugely|immensely|profoundly|intensely|"
        "a lot|a great deal|at all|in the slightest|whatsoever|in any way|far|much|"
        "way|"
        "massively|strongly|enormously|super|majorly|especially|particularly|always|every time|"
        "really really|most|very much|by far|genuinely|fiercely|tremendously|dramatically|"
        "significantly|considerably|substantially|a ton|big time|hugely|insanely|crazy|"
        "unbelievably|ever|one bit|even a little|remotely|in the least|an awful lot|"
        "no matter|no matter what|regardless|no exceptions|no exception|without exception|"
        "not by a long shot|by a long shot|by any means|whatever the subject|whatever the topic|"
        "whatever the context|whatever the target|whichever side|whoever the target"
    )
)
"""Degree words that make a stance strong."""

HEDGES = frozenset(
    phrases(
        "slightly|somewhat|a little|a bit|a touch|a tad|mildly|kind of|kinda|sort of|sorta|"
        "marginally|perhaps|maybe|might|may|possibly|probably|i guess|i suppose|i think|"
        "moderately|only mildly|fairly|"
        "rather|mostly|partly|a smidge|a hair|a shade|a little bit|a wee bit|tend to|tends to|"
        "not very|not that|not too|not particularly|not especially|not overly|not terribly|"
        "not so|not all that|slight|occasionally|sometimes|not much|not a lot|not that much|"
        "not too much|not by much|"
        "a degree|to some extent|to a degree|a little too|at times|now and then|now and again|"
        "only slightly|just slightly|just a bit|just a little|"
        "a notch|i'd say|a little extra"
    )
)
"""Degree words that make a stance slight (including "not very", which also negates)."""

MORE_WORDS = frozenset(phrases("more|er_suffix|increasingly|extra"))
"""Comparison toward more of the predicate ("more tolerant" keeps tolerant's polarity)."""

LESS_WORDS = frozenset(phrases("less|lesser|least|decreasingly"))
"""Comparison toward less of the predicate: flips it ("less strict" is -1)."""

COMPARATIVE_REFERENCES = frozenset(
    phrases(
        "than most|than others|than other|than the average|than average|than my|than the|"
        "than people|than anyone|than everyone|than i used|than i did|than before|"
        "as much as|nearly as much as|as i do|as i am|as i used to|than i used to|as i once|"
        "than i once|as i did|as i was|than i was|"
        "as most|as others|as other people|as my|as the average|"
        "compared to|compared with|relative to|than the rest|than most people|than you|than|"
        "the way they did|the way it did|the way they used to|the way it used to|"
        "like they did|like they used to|like it used to"
    )
)
"""Signals of a comparison with other raters (or one's past self)."""

PAST_WORDS = frozenset(
    phrases(
        "used to|use to|once|back then|in the past|when i was younger|when i was young|"
        "years ago|as a kid|as a child|growing up|in my youth|previously|formerly|"
        "at one point|at first|before|as a teenager|as a teen|in my teens|in my twenties|"
        "when i was a teenager|in college|at school|back in the day|back then"
    )
)
"""Markers of a stance held in the past (its opposite is current, unless restated)."""

CHANGE_WORDS = frozenset(
    phrases(
        "now|nowadays|these days|today|lately|recently|anymore|any more|no longer|still|"
        "these past|over time|over the years|since then|have become|has become|i've become|"
        "i have become|i've grown|i have grown|become|grown|turned|"
        "got more|gotten more|got less|gotten less|now that"
    )
)
"""Markers of the current stance in a sentence about change."""

CONTRAST_WORDS = (
    "but", "although", "despite", "though", "whereas", "while", "yet", "however", "except",
    "on the other hand", "even though", "whilst", "otherwise", "meanwhile", "unlike",
    "then again", "that said", "nevertheless", "nonetheless",
)  # fmt: skip
"""Connectives that start a new clause (a contrast often reverses the stance)."""

SWITCH_PHRASES = frozenset(
    phrases(
        "another matter|another story|a different story|a different matter|different story|"
        "different matter|the opposite|the reverse|a whole other story|another thing entirely|"
        "a different thing|not the same|the other way around|a different beast"
    )
)
"""A clause that says "the opposite of the last one" ("religious jokes are another story")."""
