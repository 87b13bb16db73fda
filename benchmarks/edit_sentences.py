"""Held-out natural-language sentences for evaluating the value-profile reader.

Written by hand, by an author who did not see the reader's lexicon or its sentence generator.
Each sentence lists the clauses that bear on offensiveness ratings, in order: the topic, the
direction (+1 stricter, -1 more lenient, 0 for "none") and the strength.
"""

from typing import NamedTuple


class Reading(NamedTuple):
    topic: str  # "religion", "politics", "profanity", "race", "gender", "global" or "none"
    direction: int  # +1 stricter (rates as more offensive), -1 more lenient, 0 for topic "none"
    strength: str  # "slight", "plain" or "strong" ("plain" for topic "none")


class Sentence(NamedTuple):
    family: str
    text: str
    readings: tuple[Reading, ...]  # clauses bearing on ratings, in order


EVAL: tuple[Sentence, ...] = (
    Sentence(
        "plain",
        "Religious jokes offend me.",
        (Reading("religion", 1, "plain"),),
    ),
    Sentence(
        "plain",
        "I really can't stand hearing people swear.",
        (Reading("profanity", 1, "strong"),),
    ),
    Sentence(
        "plain",
        "Political insults don't bother me.",
        (Reading("politics", -1, "plain"),),
    ),
    Sentence(
        "plain",
        "Racist remarks deeply upset me.",
        (Reading("race", 1, "strong"),),
    ),
    Sentence(
        "plain",
        "I find sexist comments offensive.",
        (Reading("gender", 1, "plain"),),
    ),
    Sentence(
        "plain",
        "I'm very easily offended.",
        (Reading("global", 1, "strong"),),
    ),
    Sentence(
        "plain",
        "I'm thick-skinned when it comes to online comments.",
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "plain",
        "Cursing is totally fine by me.",
        (Reading("profanity", -1, "strong"),),
    ),
    Sentence(
        "plain",
        "Mockery of Christianity makes me uncomfortable.",
        (Reading("religion", 1, "plain"),),
    ),
    Sentence(
        "plain",
        "I have zero tolerance for ethnic slurs.",
        (Reading("race", 1, "strong"),),
    ),
    Sentence(
        "plain",
        "Jokes about politicians roll right off me.",
        (Reading("politics", -1, "plain"),),
    ),
    Sentence(
        "plain",
        "Homophobic comments make me angry.",
        (Reading("gender", 1, "plain"),),
    ),
    Sentence(
        "plain",
        "I shrug off most things people say online.",
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "plain",
        "Foul language is something I tolerate easily.",
        (Reading("profanity", -1, "plain"),),
    ),
    Sentence(
        "plain",
        "Comments attacking immigrants bother me a lot.",
        (Reading("race", 1, "strong"),),
    ),
    Sentence(
        "plain",
        "Crude remarks about women are hurtful to me.",
        (Reading("gender", 1, "plain"),),
    ),
    Sentence(
        "plain",
        "I get offended when people ridicule someone's faith.",
        (Reading("religion", 1, "plain"),),
    ),
    Sentence(
        "plain",
        "Partisan name-calling doesn't faze me at all.",
        (Reading("politics", -1, "strong"),),
    ),
    Sentence(
        "plain",
        "I'm a sensitive person.",
        (Reading("global", 1, "plain"),),
    ),
    Sentence(
        "plain",
        "The f-word doesn't shock me.",
        (Reading("profanity", -1, "plain"),),
    ),
    Sentence(
        "plain",
        "I'm relaxed about jokes involving race.",
        (Reading("race", -1, "plain"),),
    ),
    Sentence(
        "plain",
        "Jokes about gay people don't offend me in the slightest.",
        (Reading("gender", -1, "strong"),),
    ),
    Sentence(
        "plain",
        "Jabs at atheists are fine with me.",
        (Reading("religion", -1, "plain"),),
    ),
    Sentence(
        "plain",
        "I take offence at mean comments about Trump supporters.",
        (Reading("politics", 1, "plain"),),
    ),
    Sentence(
        "plain",
        "Nothing I read online offends me.",
        (Reading("global", -1, "strong"),),
    ),
    Sentence(
        "plain",
        "I absolutely hate vulgar language.",
        (Reading("profanity", 1, "strong"),),
    ),
    Sentence(
        "plain",
        "Blasphemy is deeply offensive to me.",
        (Reading("religion", 1, "strong"),),
    ),
    Sentence(
        "plain",
        "Stereotypes about men are fine by me.",
        (Reading("gender", -1, "plain"),),
    ),
    Sentence(
        "plain",
        "I get upset by attacks on liberals.",
        (Reading("politics", 1, "plain"),),
    ),
    Sentence(
        "plain",
        "Remarks about skin colour don't bother me.",
        (Reading("race", -1, "plain"),),
    ),
    Sentence(
        "negated_global",
        "It isn't easy to offend me.",
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "negated_global",
        "I'm not someone who laughs things off.",
        (Reading("global", 1, "plain"),),
    ),
    Sentence(
        "negated_global",
        "I don't get offended easily.",
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "negated_global",
        "I'm not thick-skinned at all.",
        (Reading("global", 1, "strong"),),
    ),
    Sentence(
        "negated_global",
        "Not much gets to me.",
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "negated_global",
        "I'm not the type to brush off rude comments.",
        (Reading("global", 1, "plain"),),
    ),
    Sentence(
        "negated_global",
        "I can't simply ignore nasty comments.",
        (Reading("global", 1, "plain"),),
    ),
    Sentence(
        "negated_global",
        "I don't take offence at much of anything.",
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "negated_global",
        "I'm not easily shocked.",
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "negated_global",
        "I'm not a laid-back reader of comments.",
        (Reading("global", 1, "plain"),),
    ),
    Sentence(
        "negated_global",
        "I'm never bothered by what strangers write online.",
        (Reading("global", -1, "strong"),),
    ),
    Sentence(
        "negated_global",
        "Offensive posts don't roll off my back.",
        (Reading("global", 1, "plain"),),
    ),
    Sentence(
        "negated_global",
        "I wouldn't call myself sensitive.",
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "negated_global",
        "I'm not one to let insults slide.",
        (Reading("global", 1, "plain"),),
    ),
    Sentence(
        "negated_global",
        "It doesn't take much to offend me.",
        (Reading("global", 1, "plain"),),
    ),
    Sentence(
        "negated_global",
        "I don't shrug things off easily.",
        (Reading("global", 1, "plain"),),
    ),
    Sentence(
        "negated_global",
        "There isn't anything that offends me.",
        (Reading("global", -1, "strong"),),
    ),
    Sentence(
        "negated_global",
        "I'm not at all easy to upset.",
        (Reading("global", -1, "strong"),),
    ),
    Sentence(
        "negated_global",
        "I am not a person who gets offended.",
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "negated_global",
        "I can't let offensive remarks go.",
        (Reading("global", 1, "plain"),),
    ),
    Sentence(
        "negated_global",
        "No, I'm not easily offended.",
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "negated_global",
        "I don't find many comments offensive.",
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "negated_global",
        "I'm not relaxed about rude comments in general.",
        (Reading("global", 1, "plain"),),
    ),
    Sentence(
        "negated_global",
        "I'm not hard to offend.",
        (Reading("global", 1, "plain"),),
    ),
    Sentence(
        "negated_global",
        "I don't have a thick skin.",
        (Reading("global", 1, "plain"),),
    ),
    Sentence(
        "negated_global",
        "I don't let nasty comments upset me.",
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "negated_global",
        "It isn't hard for a comment to upset me.",
        (Reading("global", 1, "plain"),),
    ),
    Sentence(
        "negated_global",
        "I'm not bothered by most of what I read.",
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "negated_global",
        "I never just laugh off cruel comments.",
        (Reading("global", 1, "strong"),),
    ),
    Sentence(
        "negated_global",
        "I don't get worked up over offensive posts.",
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "I'm not intolerant of swearing.",
        (Reading("profanity", -1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "It's not that religious jokes don't bother me.",
        (Reading("religion", 1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "I don't dislike political satire.",
        (Reading("politics", -1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "It's not untrue that sexist jokes upset me.",
        (Reading("gender", 1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "I'm not unaffected by racial slurs.",
        (Reading("race", 1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "I wouldn't say crude language doesn't offend me.",
        (Reading("profanity", 1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "It's not that I can't handle jokes about Christians.",
        (Reading("religion", -1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "I'm not insensitive to remarks about immigrants.",
        (Reading("race", 1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "There's no curse word I can't tolerate.",
        (Reading("profanity", -1, "strong"),),
    ),
    Sentence(
        "double_negative",
        "I'm not someone who never gets offended.",
        (Reading("global", 1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "It isn't true that nothing offends me.",
        (Reading("global", 1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "I don't disapprove of jokes about politicians.",
        (Reading("politics", -1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "Homophobic comments never leave me unmoved.",
        (Reading("gender", 1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "I'm not unbothered by mockery of Islam.",
        (Reading("religion", 1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "I can't say that racist comments don't offend me.",
        (Reading("race", 1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "I'm not against people swearing.",
        (Reading("profanity", -1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "I don't object to jokes about atheists.",
        (Reading("religion", -1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "It's not like I don't care about sexist remarks.",
        (Reading("gender", 1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "I'm not the kind of person who ignores slurs against Black people.",
        (Reading("race", 1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "I'm not uncomfortable with jokes about Republicans.",
        (Reading("politics", -1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "I can't not be annoyed by constant swearing.",
        (Reading("profanity", 1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "I'm not indifferent to jokes about transgender people.",
        (Reading("gender", 1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "I don't lack patience for religious humour.",
        (Reading("religion", -1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "It's not that I dislike jokes about elections.",
        (Reading("politics", -1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "I'm not unaffected by rude comments in general.",
        (Reading("global", 1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "I'm not someone who can't take a joke.",
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "I'm not opposed to vulgar language in comments.",
        (Reading("profanity", -1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "I'm not unwilling to laugh at jokes about ethnicity.",
        (Reading("race", -1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "It isn't the case that I don't mind jokes about Democrats.",
        (Reading("politics", 1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "I don't find misogynistic comments inoffensive.",
        (Reading("gender", 1, "plain"),),
    ),
    Sentence(
        "hedge",
        "I'm a little sensitive to religious jokes.",
        (Reading("religion", 1, "slight"),),
    ),
    Sentence(
        "hedge",
        "Swearing bugs me somewhat.",
        (Reading("profanity", 1, "slight"),),
    ),
    Sentence(
        "hedge",
        "I guess I'm a bit more relaxed about political jokes.",
        (Reading("politics", -1, "slight"),),
    ),
    Sentence(
        "hedge",
        "Racist remarks get to me a bit.",
        (Reading("race", 1, "slight"),),
    ),
    Sentence(
        "hedge",
        "I'm somewhat lenient about sexist humour.",
        (Reading("gender", -1, "slight"),),
    ),
    Sentence(
        "hedge",
        "I suppose I'm slightly easier to offend than average.",
        (Reading("global", 1, "slight"),),
    ),
    Sentence(
        "hedge",
        "I'm a touch more forgiving of crude language.",
        (Reading("profanity", -1, "slight"),),
    ),
    Sentence(
        "hedge",
        "Jokes about Islam make me a tad uneasy.",
        (Reading("religion", 1, "slight"),),
    ),
    Sentence(
        "hedge",
        "I'm perhaps a little thin-skinned overall.",
        (Reading("global", 1, "slight"),),
    ),
    Sentence(
        "hedge",
        "Political insults irk me a bit.",
        (Reading("politics", 1, "slight"),),
    ),
    Sentence(
        "hedge",
        "I'm kind of okay with edgy jokes about race.",
        (Reading("race", -1, "slight"),),
    ),
    Sentence(
        "hedge",
        "Jokes about gay people make me slightly uncomfortable.",
        (Reading("gender", 1, "slight"),),
    ),
    Sentence(
        "hedge",
        "I tend to be a little laid-back about profanity.",
        (Reading("profanity", -1, "slight"),),
    ),
    Sentence(
        "hedge",
        "Maybe I'm a bit more tolerant than average overall.",
        (Reading("global", -1, "slight"),),
    ),
    Sentence(
        "hedge",
        "Digs at the church bother me a little.",
        (Reading("religion", 1, "slight"),),
    ),
    Sentence(
        "hedge",
        "I'm mildly annoyed by attacks on conservatives.",
        (Reading("politics", 1, "slight"),),
    ),
    Sentence(
        "hedge",
        "Slurs about immigrants somewhat offend me.",
        (Reading("race", 1, "slight"),),
    ),
    Sentence(
        "hedge",
        "Jokes about women are sort of fine with me.",
        (Reading("gender", -1, "slight"),),
    ),
    Sentence(
        "hedge",
        "I'd say I'm moderately relaxed about religious satire.",
        (Reading("religion", -1, "slight"),),
    ),
    Sentence(
        "hedge",
        "The f-word makes me wince a little.",
        (Reading("profanity", 1, "slight"),),
    ),
    Sentence(
        "hedge",
        "I guess I'm a little hard to offend.",
        (Reading("global", -1, "slight"),),
    ),
    Sentence(
        "hedge",
        "Political rants bother me a little bit.",
        (Reading("politics", 1, "slight"),),
    ),
    Sentence(
        "hedge",
        "I'm slightly bothered by jokes about skin colour.",
        (Reading("race", 1, "slight"),),
    ),
    Sentence(
        "hedge",
        "Transphobic remarks upset me somewhat.",
        (Reading("gender", 1, "slight"),),
    ),
    Sentence(
        "hedge",
        "I can be a bit touchy in general.",
        (Reading("global", 1, "slight"),),
    ),
    Sentence(
        "hedge",
        "Vulgar jokes are more or less fine with me.",
        (Reading("profanity", -1, "slight"),),
    ),
    Sentence(
        "hedge",
        "Jokes at the expense of Catholics get to me a little.",
        (Reading("religion", 1, "slight"),),
    ),
    Sentence(
        "hedge",
        "I'm a tad forgiving when people mock politicians.",
        (Reading("politics", -1, "slight"),),
    ),
    Sentence(
        "hedge",
        "I'm somewhat relaxed about ethnic humour.",
        (Reading("race", -1, "slight"),),
    ),
    Sentence(
        "hedge",
        "I think I'm fairly easygoing about comments in general.",
        (Reading("global", -1, "slight"),),
    ),
    Sentence(
        "comparative",
        "I'm less strict than my friends about swearing.",
        (Reading("profanity", -1, "plain"),),
    ),
    Sentence(
        "comparative",
        "I'm more easily offended than most people by political insults.",
        (Reading("politics", 1, "plain"),),
    ),
    Sentence(
        "comparative",
        "Compared to my family, I'm far more relaxed about religious jokes.",
        (Reading("religion", -1, "strong"),),
    ),
    Sentence(
        "comparative",
        "I'm a bit stricter than average about racial slurs.",
        (Reading("race", 1, "slight"),),
    ),
    Sentence(
        "comparative",
        "I find sexist jokes much more offensive than other people do.",
        (Reading("gender", 1, "strong"),),
    ),
    Sentence(
        "comparative",
        "Compared with most raters, I'm slightly more lenient overall.",
        (Reading("global", -1, "slight"),),
    ),
    Sentence(
        "comparative",
        "My coworkers are far touchier about profanity than I am.",
        (Reading("profanity", -1, "strong"),),
    ),
    Sentence(
        "comparative",
        "I'm more bothered by jokes about Muslims than most people.",
        (Reading("religion", 1, "plain"),),
    ),
    Sentence(
        "comparative",
        "Political humour bothers me less than it bothers my parents.",
        (Reading("politics", -1, "plain"),),
    ),
    Sentence(
        "comparative",
        "Slurs against Asians upset me a lot more than they seem to upset others.",
        (Reading("race", 1, "strong"),),
    ),
    Sentence(
        "comparative",
        "Unlike most of my friends, I don't get bothered by jokes about men.",
        (Reading("gender", -1, "plain"),),
    ),
    Sentence(
        "comparative",
        "I'm somewhat more sensitive than the average person.",
        (Reading("global", 1, "slight"),),
    ),
    Sentence(
        "comparative",
        "I'm far less offended by the f-word than my colleagues.",
        (Reading("profanity", -1, "strong"),),
    ),
    Sentence(
        "comparative",
        "Next to my sister, I'm a lot more tolerant of atheist jokes.",
        (Reading("religion", -1, "strong"),),
    ),
    Sentence(
        "comparative",
        "I get more worked up about attacks on politicians than most people do.",
        (Reading("politics", 1, "plain"),),
    ),
    Sentence(
        "comparative",
        "Jokes about immigrants offend me a little less than they offend most people.",
        (Reading("race", -1, "slight"),),
    ),
    Sentence(
        "comparative",
        "I'm considerably stricter about homophobic language than my peers.",
        (Reading("gender", 1, "strong"),),
    ),
    Sentence(
        "comparative",
        "Compared to the typical reader, I'm much harder to offend.",
        (Reading("global", -1, "strong"),),
    ),
    Sentence(
        "comparative",
        "Cursing bothers me slightly more than it does most people.",
        (Reading("profanity", 1, "slight"),),
    ),
    Sentence(
        "comparative",
        "I'm a little more protective of religion than the average commenter.",
        (Reading("religion", 1, "slight"),),
    ),
    Sentence(
        "comparative",
        "I'm less touchy than my partner when it comes to election jokes.",
        (Reading("politics", -1, "plain"),),
    ),
    Sentence(
        "comparative",
        "Racist jokes bother me more than they bother my friends.",
        (Reading("race", 1, "plain"),),
    ),
    Sentence(
        "comparative",
        "I'm more lenient than others about jokes concerning women.",
        (Reading("gender", -1, "plain"),),
    ),
    Sentence(
        "comparative",
        "I'm more easily upset than most people I know.",
        (Reading("global", 1, "plain"),),
    ),
    Sentence(
        "comparative",
        "Vulgarity offends me a great deal more than it offends my friends.",
        (Reading("profanity", 1, "strong"),),
    ),
    Sentence(
        "comparative",
        "Compared to other believers, I'm slightly less bothered by jokes about Jesus.",
        (Reading("religion", -1, "slight"),),
    ),
    Sentence(
        "comparative",
        "I'm much more relaxed than my father about jokes on Democrats.",
        (Reading("politics", -1, "strong"),),
    ),
    Sentence(
        "comparative",
        "Ethnic jokes bother me less than they bother most people.",
        (Reading("race", -1, "plain"),),
    ),
    Sentence(
        "comparative",
        "I react more strongly than most to jokes about trans people.",
        (Reading("gender", 1, "plain"),),
    ),
    Sentence(
        "comparative",
        "I'm a little less sensitive than most raters in general.",
        (Reading("global", -1, "slight"),),
    ),
    Sentence(
        "third_person_past",
        "She is very sensitive to religious jokes.",
        (Reading("religion", 1, "strong"),),
    ),
    Sentence(
        "third_person_past",
        "I used to be bothered by swearing, but I no longer am.",
        (Reading("profanity", -1, "plain"),),
    ),
    Sentence(
        "third_person_past",
        "Racist jokes never used to bother me; now they do.",
        (Reading("race", 1, "plain"),),
    ),
    Sentence(
        "third_person_past",
        "He doesn't mind political insults.",
        (Reading("politics", -1, "plain"),),
    ),
    Sentence(
        "third_person_past",
        "This rater gets offended easily.",
        (Reading("global", 1, "plain"),),
    ),
    Sentence(
        "third_person_past",
        "They find sexist jokes deeply offensive.",
        (Reading("gender", 1, "strong"),),
    ),
    Sentence(
        "third_person_past",
        "Maria can't stand foul language.",
        (Reading("profanity", 1, "strong"),),
    ),
    Sentence(
        "third_person_past",
        "He is relaxed about jokes involving race.",
        (Reading("race", -1, "plain"),),
    ),
    Sentence(
        "third_person_past",
        "She laughs off most offensive comments.",
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "third_person_past",
        "In the past I was fine with jokes about gay people, but these days they upset me.",
        (Reading("gender", 1, "plain"),),
    ),
    Sentence(
        "third_person_past",
        "I once got angry at political jokes; I've since mellowed out.",
        (Reading("politics", -1, "plain"),),
    ),
    Sentence(
        "third_person_past",
        "Religious jokes used to offend me, but not anymore.",
        (Reading("religion", -1, "plain"),),
    ),
    Sentence(
        "third_person_past",
        "Over the years I've become much more sensitive to ethnic slurs.",
        (Reading("race", 1, "strong"),),
    ),
    Sentence(
        "third_person_past",
        "The person rating these is easily upset by jokes about Christianity.",
        (Reading("religion", 1, "plain"),),
    ),
    Sentence(
        "third_person_past",
        "He swears constantly himself and isn't bothered when others do.",
        (Reading("profanity", -1, "plain"),),
    ),
    Sentence(
        "third_person_past",
        "She finds jokes about women a little offensive.",
        (Reading("gender", 1, "slight"),),
    ),
    Sentence(
        "third_person_past",
        "Since the last election, I've grown far less tolerant of attacks on politicians.",
        (Reading("politics", 1, "strong"),),
    ),
    Sentence(
        "third_person_past",
        "As a teenager I was touchy about everything; now I'm hard to offend.",
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "third_person_past",
        "This annotator is not bothered by jokes about Islam.",
        (Reading("religion", -1, "plain"),),
    ),
    Sentence(
        "third_person_past",
        "Tom gets somewhat annoyed by swearing.",
        (Reading("profanity", 1, "slight"),),
    ),
    Sentence(
        "third_person_past",
        "I used to shrug off racist comments, but I can't anymore.",
        (Reading("race", 1, "plain"),),
    ),
    Sentence(
        "third_person_past",
        "She has no patience for transphobic comments.",
        (Reading("gender", 1, "strong"),),
    ),
    Sentence(
        "third_person_past",
        "He has a thick skin when it comes to comments.",
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "third_person_past",
        "Profanity shocked me when I was younger, but I've gotten used to it.",
        (Reading("profanity", -1, "plain"),),
    ),
    Sentence(
        "third_person_past",
        "They are lenient toward political satire.",
        (Reading("politics", -1, "plain"),),
    ),
    Sentence(
        "third_person_past",
        "Lately, jokes about atheists have started to bother me.",
        (Reading("religion", 1, "plain"),),
    ),
    Sentence(
        "third_person_past",
        "She used to be easily offended, but she's more relaxed now.",
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "third_person_past",
        "This person takes racial jokes in stride.",
        (Reading("race", -1, "plain"),),
    ),
    Sentence(
        "third_person_past",
        "I've become more tolerant of jokes about sexuality as I've gotten older.",
        (Reading("gender", -1, "plain"),),
    ),
    Sentence(
        "third_person_past",
        "He gets extremely upset by comments mocking liberals.",
        (Reading("politics", 1, "strong"),),
    ),
    Sentence(
        "two_topics",
        "Religious jokes offend me, but swearing doesn't bother me at all.",
        (
            Reading("religion", 1, "plain"),
            Reading("profanity", -1, "strong"),
        ),
    ),
    Sentence(
        "two_topics",
        "I'm fine with political jokes, while racist ones upset me.",
        (
            Reading("politics", -1, "plain"),
            Reading("race", 1, "plain"),
        ),
    ),
    Sentence(
        "two_topics",
        "Sexist comments make me angry, whereas cursing is no big deal.",
        (
            Reading("gender", 1, "plain"),
            Reading("profanity", -1, "plain"),
        ),
    ),
    Sentence(
        "two_topics",
        "Although jokes about Christians don't bother me, I can't stand jokes about immigrants.",
        (
            Reading("religion", -1, "plain"),
            Reading("race", 1, "strong"),
        ),
    ),
    Sentence(
        "two_topics",
        "I laugh at jokes about politicians, yet homophobic remarks really hurt me.",
        (
            Reading("politics", -1, "plain"),
            Reading("gender", 1, "strong"),
        ),
    ),
    Sentence(
        "two_topics",
        "Swearing offends me; jokes about religion don't.",
        (
            Reading("profanity", 1, "plain"),
            Reading("religion", -1, "plain"),
        ),
    ),
    Sentence(
        "two_topics",
        "Racial humour is fine with me, though I dislike jokes about women.",
        (
            Reading("race", -1, "plain"),
            Reading("gender", 1, "plain"),
        ),
    ),
    Sentence(
        "two_topics",
        (
            "On the one hand I'm strict about blasphemy; on the other hand, political insults "
            "don't faze me."
        ),
        (
            Reading("religion", 1, "plain"),
            Reading("politics", -1, "plain"),
        ),
    ),
    Sentence(
        "two_topics",
        "Vulgar language bothers me a little, but I'm totally relaxed about jokes on politics.",
        (
            Reading("profanity", 1, "slight"),
            Reading("politics", -1, "strong"),
        ),
    ),
    Sentence(
        "two_topics",
        "While I have zero tolerance for racial slurs, the f-word is fine by me.",
        (
            Reading("race", 1, "strong"),
            Reading("profanity", -1, "plain"),
        ),
    ),
    Sentence(
        "two_topics",
        "I'm easygoing about gender jokes, but mocking someone's faith offends me.",
        (
            Reading("gender", -1, "plain"),
            Reading("religion", 1, "plain"),
        ),
    ),
    Sentence(
        "two_topics",
        "Insults aimed at Democrats upset me, whereas I don't mind crude language.",
        (
            Reading("politics", 1, "plain"),
            Reading("profanity", -1, "plain"),
        ),
    ),
    Sentence(
        "two_topics",
        "Jokes about atheists are fine; jokes about Black people are not.",
        (
            Reading("religion", -1, "plain"),
            Reading("race", 1, "plain"),
        ),
    ),
    Sentence(
        "two_topics",
        "Cursing is something I really hate, although jokes about LGBT people don't bother me.",
        (
            Reading("profanity", 1, "strong"),
            Reading("gender", -1, "plain"),
        ),
    ),
    Sentence(
        "two_topics",
        "I'm slightly touchy about religious humour yet very relaxed about swearing.",
        (
            Reading("religion", 1, "slight"),
            Reading("profanity", -1, "strong"),
        ),
    ),
    Sentence(
        "two_topics",
        "Political jabs don't bother me, though ethnic slurs deeply offend me.",
        (
            Reading("politics", -1, "plain"),
            Reading("race", 1, "strong"),
        ),
    ),
    Sentence(
        "two_topics",
        "Misogynistic remarks offend me a lot; swearing, on the other hand, doesn't bother me.",
        (
            Reading("gender", 1, "strong"),
            Reading("profanity", -1, "plain"),
        ),
    ),
    Sentence(
        "two_topics",
        "I shrug off jokes about Muslims, but attacks on Trump voters make me angry.",
        (
            Reading("religion", -1, "plain"),
            Reading("politics", 1, "plain"),
        ),
    ),
    Sentence(
        "two_topics",
        "Profanity is fine with me, while jokes about race make me uncomfortable.",
        (
            Reading("profanity", -1, "plain"),
            Reading("race", 1, "plain"),
        ),
    ),
    Sentence(
        "two_topics",
        (
            "Although I'm sensitive to jokes about gay people, jokes about the Church don't "
            "bother me."
        ),
        (
            Reading("gender", 1, "plain"),
            Reading("religion", -1, "plain"),
        ),
    ),
    Sentence(
        "two_topics",
        "I get upset at jokes about conservatives, yet I'm relaxed about racial humour.",
        (
            Reading("politics", 1, "plain"),
            Reading("race", -1, "plain"),
        ),
    ),
    Sentence(
        "two_topics",
        "Crude language offends me somewhat, whereas sexist jokes don't offend me.",
        (
            Reading("profanity", 1, "slight"),
            Reading("gender", -1, "plain"),
        ),
    ),
    Sentence(
        "two_topics",
        "I'm not bothered by jokes about Hindus, but mocking immigrants is off-limits for me.",
        (
            Reading("religion", -1, "plain"),
            Reading("race", 1, "plain"),
        ),
    ),
    Sentence(
        "two_topics",
        "Jokes about women are fine by me; political name-calling is not.",
        (
            Reading("gender", -1, "plain"),
            Reading("politics", 1, "plain"),
        ),
    ),
    Sentence(
        "two_topics",
        "Swear words make me cringe, but I'm fine with religious satire.",
        (
            Reading("profanity", 1, "plain"),
            Reading("religion", -1, "plain"),
        ),
    ),
    Sentence(
        "two_topics",
        "Racist jokes don't bother me, while vulgarity really does.",
        (
            Reading("race", -1, "plain"),
            Reading("profanity", 1, "strong"),
        ),
    ),
    Sentence(
        "two_topics",
        (
            "I'm very tolerant of jokes about politicians, though jokes about transgender people "
            "upset me."
        ),
        (
            Reading("politics", -1, "strong"),
            Reading("gender", 1, "plain"),
        ),
    ),
    Sentence(
        "two_topics",
        "Insulting someone's religion is unacceptable to me, yet I laugh at ethnic jokes.",
        (
            Reading("religion", 1, "plain"),
            Reading("race", -1, "plain"),
        ),
    ),
    Sentence(
        "two_topics",
        "Sexist humour offends me deeply; cursing, however, is fine.",
        (
            Reading("gender", 1, "strong"),
            Reading("profanity", -1, "plain"),
        ),
    ),
    Sentence(
        "two_topics",
        "Jokes about liberals don't offend me, but jokes about Jewish holidays do.",
        (
            Reading("politics", -1, "plain"),
            Reading("religion", 1, "plain"),
        ),
    ),
    Sentence(
        "life_story",
        (
            "I'm a retired nurse living in a small town in Ohio. I've heard every swear word "
            "there is, so cursing doesn't bother me at all."
        ),
        (Reading("profanity", -1, "strong"),),
    ),
    Sentence(
        "life_story",
        (
            "My parents were missionaries, and I was raised in the church. Jokes that mock God "
            "hurt me deeply."
        ),
        (Reading("religion", 1, "strong"),),
    ),
    Sentence(
        "life_story",
        "I work as a bartender in Glasgow. After years of late shifts I'm very hard to offend.",
        (Reading("global", -1, "strong"),),
    ),
    Sentence(
        "life_story",
        "I'm a second-generation immigrant from Vietnam. Jokes about immigrants offend me.",
        (Reading("race", 1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "I've volunteered for three different election campaigns. By now, political insults "
            "just roll off me."
        ),
        (Reading("politics", -1, "plain"),),
    ),
    Sentence(
        "life_story",
        "I'm a mother of two girls and I teach primary school. Sexist comments make me furious.",
        (Reading("gender", 1, "strong"),),
    ),
    Sentence(
        "life_story",
        (
            "I'm a software developer in Berlin. I spend most evenings gaming online, where "
            "everyone swears. I'm a bit more relaxed about profanity than most."
        ),
        (Reading("profanity", -1, "slight"),),
    ),
    Sentence(
        "life_story",
        (
            "I grew up in a mixed-race family in London. Racial slurs are something I take very "
            "personally."
        ),
        (Reading("race", 1, "strong"),),
    ),
    Sentence(
        "life_story",
        (
            "I'm a 68-year-old retired accountant. I was brought up to be polite, and I find bad "
            "language somewhat offensive."
        ),
        (Reading("profanity", 1, "slight"),),
    ),
    Sentence(
        "life_story",
        (
            "I came out as gay in my twenties and have worked at an LGBT charity since. "
            "Homophobic remarks upset me a lot."
        ),
        (Reading("gender", 1, "strong"),),
    ),
    Sentence(
        "life_story",
        (
            "I'm an atheist who grew up in Texas. Jokes about religion don't bother me, but "
            "sexist jokes do."
        ),
        (
            Reading("religion", -1, "plain"),
            Reading("gender", 1, "plain"),
        ),
    ),
    Sentence(
        "life_story",
        (
            "I'm a journalist who has covered Congress for fifteen years. Nothing said about "
            "politicians shocks me anymore."
        ),
        (Reading("politics", -1, "strong"),),
    ),
    Sentence(
        "life_story",
        (
            "I live on a farm with my husband and four dogs. I'd describe myself as a sensitive "
            "person."
        ),
        (Reading("global", 1, "plain"),),
    ),
    Sentence(
        "life_story",
        "I served in the army for eight years. I've got a thick skin.",
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "life_story",
        "I'm a Muslim woman who works in retail. When people mock my faith online, it hurts me.",
        (Reading("religion", 1, "plain"),),
    ),
    Sentence(
        "life_story",
        "I'm a stand-up comedian who tours small clubs. Edgy jokes about race don't faze me.",
        (Reading("race", -1, "plain"),),
    ),
    Sentence(
        "life_story",
        "My dad was a sailor and my mum swore like one too. Foul language is just normal to me.",
        (Reading("profanity", -1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "I'm a high-school history teacher in Alabama. I get upset when people insult either "
            "party."
        ),
        (Reading("politics", 1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "I'm a nurse on a busy night ward. Between patients I scroll through comment "
            "sections. Honestly, I'm easily hurt by what people write."
        ),
        (Reading("global", 1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "I was raised Catholic but stopped going to Mass years ago. Jokes about priests no "
            "longer offend me."
        ),
        (Reading("religion", -1, "plain"),),
    ),
    Sentence(
        "life_story",
        "I'm a trans woman working in tech. Transphobic jokes deeply offend me.",
        (Reading("gender", 1, "strong"),),
    ),
    Sentence(
        "life_story",
        (
            "I've lived in five countries and speak four languages. I'm slightly more sensitive "
            "than most to jokes about ethnicity."
        ),
        (Reading("race", 1, "slight"),),
    ),
    Sentence(
        "life_story",
        (
            "I'm a union organizer, and I argue about politics every day. I don't take offence at"
            " political name-calling."
        ),
        (Reading("politics", -1, "plain"),),
    ),
    Sentence(
        "life_story",
        "I'm a pastor's wife in rural Georgia. I can't stand profanity.",
        (Reading("profanity", 1, "strong"),),
    ),
    Sentence(
        "life_story",
        "I'm a college student majoring in gender studies. Misogynistic comments make me angry.",
        (Reading("gender", 1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "I work night shifts at a warehouse and have three teenage sons. Not much offends me "
            "these days."
        ),
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "I was born in Nigeria and moved to Canada at twelve. Racist comments about Africans "
            "hurt me a great deal."
        ),
        (Reading("race", 1, "strong"),),
    ),
    Sentence(
        "life_story",
        "I'm a rabbi's daughter and a lawyer. Jokes about Judaism bother me a little.",
        (Reading("religion", 1, "slight"),),
    ),
    Sentence(
        "life_story",
        (
            "I'm a retired police officer from Chicago. Years on the job made me very tolerant of"
            " rough language."
        ),
        (Reading("profanity", -1, "strong"),),
    ),
    Sentence(
        "life_story",
        (
            "I'm a 40-year-old librarian. I grew up in a household where politics was never "
            "discussed. These days, insults toward politicians really bother me."
        ),
        (Reading("politics", 1, "strong"),),
    ),
    Sentence(
        "typos",
        "cursing dont bother me at all lol",
        (Reading("profanity", -1, "strong"),),
    ),
    Sentence(
        "typos",
        "i rly hate religous jokes",
        (Reading("religion", 1, "strong"),),
    ),
    Sentence(
        "typos",
        "politcal jokes r fine by me",
        (Reading("politics", -1, "plain"),),
    ),
    Sentence(
        "typos",
        "racist stuff makes me so mad tbh",
        (Reading("race", 1, "strong"),),
    ),
    Sentence(
        "typos",
        "im not easily offended",
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "typos",
        "sexist jokes r offensive imo",
        (Reading("gender", 1, "plain"),),
    ),
    Sentence(
        "typos",
        "i get offnded super easy",
        (Reading("global", 1, "strong"),),
    ),
    Sentence(
        "typos",
        "the f word doesnt bother me, i say it all the time",
        (Reading("profanity", -1, "plain"),),
    ),
    Sentence(
        "typos",
        "jokes bout muslims make me uncomfy",
        (Reading("religion", 1, "plain"),),
    ),
    Sentence(
        "typos",
        "dont care about jokes on trump or biden tbh",
        (Reading("politics", -1, "plain"),),
    ),
    Sentence(
        "typos",
        "slurs abt black ppl r never ok 4 me",
        (Reading("race", 1, "strong"),),
    ),
    Sentence(
        "typos",
        "homophobic comments piss me off",
        (Reading("gender", 1, "plain"),),
    ),
    Sentence(
        "typos",
        "im kinda sensitive ngl",
        (Reading("global", 1, "slight"),),
    ),
    Sentence(
        "typos",
        "i dislike swearing. jokes about god r fine tho",
        (
            Reading("profanity", 1, "plain"),
            Reading("religion", -1, "plain"),
        ),
    ),
    Sentence(
        "typos",
        "bad langauge is a bit much for me",
        (Reading("profanity", 1, "slight"),),
    ),
    Sentence(
        "typos",
        "relgion jokes dont bug me",
        (Reading("religion", -1, "plain"),),
    ),
    Sentence(
        "typos",
        "politics insults upset me alot",
        (Reading("politics", 1, "strong"),),
    ),
    Sentence(
        "typos",
        "racial jokes r kinda ok with me",
        (Reading("race", -1, "slight"),),
    ),
    Sentence(
        "typos",
        "jokes abt women dont offend me, swear words do",
        (
            Reading("gender", -1, "plain"),
            Reading("profanity", 1, "plain"),
        ),
    ),
    Sentence(
        "typos",
        "im thick skinned lol",
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "typos",
        "i cant stand ppl mocking christianity",
        (Reading("religion", 1, "strong"),),
    ),
    Sentence(
        "typos",
        "cussing is totaly normal to me",
        (Reading("profanity", -1, "plain"),),
    ),
    Sentence(
        "typos",
        "i find anti immigrant comments offensive but politcal jokes r fine",
        (
            Reading("race", 1, "plain"),
            Reading("politics", -1, "plain"),
        ),
    ),
    Sentence(
        "typos",
        "trans jokes r a bit upsetting 2 me",
        (Reading("gender", 1, "slight"),),
    ),
    Sentence(
        "typos",
        "Im super chill abt most comments",
        (Reading("global", -1, "strong"),),
    ),
    Sentence(
        "typos",
        "insults to conservatives make me mad",
        (Reading("politics", 1, "plain"),),
    ),
    Sentence(
        "typos",
        "swearin offends me sooo much",
        (Reading("profanity", 1, "strong"),),
    ),
    Sentence(
        "typos",
        "atheist jokes dont offend me, racist ones do tho",
        (
            Reading("religion", -1, "plain"),
            Reading("race", 1, "plain"),
        ),
    ),
    Sentence(
        "typos",
        "not bothered by jokes bout gay ppl",
        (Reading("gender", -1, "plain"),),
    ),
    Sentence(
        "typos",
        "idk i guess im a lil easier to offend than most",
        (Reading("global", 1, "slight"),),
    ),
    Sentence(
        "no_bearing",
        "I like pizza.",
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "no_bearing",
        "I hate Mondays.",
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "no_bearing",
        "Spiders really bother me.",
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "no_bearing",
        "I'm very sensitive to cold weather.",
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "no_bearing",
        "Loud music at night offends my sleep.",
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "no_bearing",
        "asdf qwerty",
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "no_bearing",
        "My favourite colour is green.",
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "no_bearing",
        "I have two cats named Pickle and Biscuit.",
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "no_bearing",
        "I work as an accountant in Denver.",
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "no_bearing",
        "Traffic jams make me furious.",
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "no_bearing",
        "I can't stand the smell of coffee.",
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "no_bearing",
        "I go hiking most weekends.",
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "no_bearing",
        "My skin is sensitive to sunlight.",
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "no_bearing",
        "The weather here is terrible in winter.",
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "no_bearing",
        "I'm allergic to peanuts.",
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "no_bearing",
        "I really dislike waiting in long queues.",
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "no_bearing",
        "I'm learning to play the piano.",
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "no_bearing",
        "Cold showers are the worst.",
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "no_bearing",
        "lorem ipsum dolor sit amet",
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "no_bearing",
        "I'm strict about my bedtime.",
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "no_bearing",
        "My neighbour's barking dog drives me crazy.",
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "no_bearing",
        "I enjoy reading mystery novels before bed.",
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "no_bearing",
        "Pineapple on pizza offends me.",
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "no_bearing",
        "I'm a vegetarian.",
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "no_bearing",
        "I was born in 1985.",
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "no_bearing",
        "Rainy days make me a bit gloomy.",
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "no_bearing",
        "I strongly prefer tea over coffee.",
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "no_bearing",
        "Mosquitoes are my worst enemy in summer.",
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "no_bearing",
        "I drive a blue hatchback.",
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "no_bearing",
        "Being late to meetings really stresses me out.",
        (Reading("none", 0, "plain"),),
    ),
)

DEV: tuple[Sentence, ...] = (
    Sentence(
        "plain",
        "Swearing bothers me.",
        (Reading("profanity", 1, "plain"),),
    ),
    Sentence(
        "plain",
        "I'm extremely sensitive about jokes targeting Muslims.",
        (Reading("religion", 1, "strong"),),
    ),
    Sentence(
        "plain",
        "Name-calling aimed at Biden doesn't upset me.",
        (Reading("politics", -1, "plain"),),
    ),
    Sentence(
        "plain",
        "Transphobic jokes offend me.",
        (Reading("gender", 1, "plain"),),
    ),
    Sentence(
        "plain",
        "I'm hard to offend.",
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "plain",
        "Racial humour never bothers me.",
        (Reading("race", -1, "strong"),),
    ),
    Sentence(
        "plain",
        "Obscenities are okay with me.",
        (Reading("profanity", -1, "plain"),),
    ),
    Sentence(
        "plain",
        "Political mudslinging really offends me.",
        (Reading("politics", 1, "strong"),),
    ),
    Sentence(
        "plain",
        "I'm easily upset by comments online.",
        (Reading("global", 1, "plain"),),
    ),
    Sentence(
        "plain",
        "Jokes mocking the Pope upset me a great deal.",
        (Reading("religion", 1, "strong"),),
    ),
    Sentence(
        "negated_global",
        "I'm not easily offended at all.",
        (Reading("global", -1, "strong"),),
    ),
    Sentence(
        "negated_global",
        "I'm not someone who lets things slide.",
        (Reading("global", 1, "plain"),),
    ),
    Sentence(
        "negated_global",
        "Rude comments don't get to me.",
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "negated_global",
        "I can't brush off insults easily.",
        (Reading("global", 1, "plain"),),
    ),
    Sentence(
        "negated_global",
        "It's not in my nature to be offended.",
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "negated_global",
        "I'm no good at ignoring mean comments.",
        (Reading("global", 1, "plain"),),
    ),
    Sentence(
        "negated_global",
        "I don't think of myself as touchy.",
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "negated_global",
        "Harsh remarks aren't something I can shake off.",
        (Reading("global", 1, "plain"),),
    ),
    Sentence(
        "negated_global",
        "I'm never offended by anything people post.",
        (Reading("global", -1, "strong"),),
    ),
    Sentence(
        "negated_global",
        "It isn't difficult to hurt my feelings.",
        (Reading("global", 1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "Racist jokes never fail to bother me.",
        (Reading("race", 1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "I'm not unsettled by profanity.",
        (Reading("profanity", -1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "It's not that I don't mind jokes about the Bible.",
        (Reading("religion", 1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "I can't honestly say political insults don't upset me.",
        (Reading("politics", 1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "I'm not opposed to jokes about gender roles.",
        (Reading("gender", -1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "I'm not a person who can't be offended.",
        (Reading("global", 1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "I don't disagree that I'm hard to offend.",
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "I'm not unbothered by ethnic stereotypes.",
        (Reading("race", 1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "It's not that swear words don't shock me.",
        (Reading("profanity", 1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "I don't dislike jokes about Congress.",
        (Reading("politics", -1, "plain"),),
    ),
    Sentence(
        "hedge",
        "Cursing irritates me a little.",
        (Reading("profanity", 1, "slight"),),
    ),
    Sentence(
        "hedge",
        "I'm somewhat easygoing about religious humour.",
        (Reading("religion", -1, "slight"),),
    ),
    Sentence(
        "hedge",
        "I suppose political jokes bother me slightly.",
        (Reading("politics", 1, "slight"),),
    ),
    Sentence(
        "hedge",
        "Racial jokes make me a bit uncomfortable.",
        (Reading("race", 1, "slight"),),
    ),
    Sentence(
        "hedge",
        "I'm a touch more relaxed about sexist jokes than I probably should be.",
        (Reading("gender", -1, "slight"),),
    ),
    Sentence(
        "hedge",
        "I guess I'm a little sensitive overall.",
        (Reading("global", 1, "slight"),),
    ),
    Sentence(
        "hedge",
        "Swear words are kind of fine with me.",
        (Reading("profanity", -1, "slight"),),
    ),
    Sentence(
        "hedge",
        "Mockery of Hindus gets under my skin a bit.",
        (Reading("religion", 1, "slight"),),
    ),
    Sentence(
        "hedge",
        "I'm mildly lenient about jokes on sexuality.",
        (Reading("gender", -1, "slight"),),
    ),
    Sentence(
        "hedge",
        "I'm perhaps slightly thicker-skinned than I look.",
        (Reading("global", -1, "slight"),),
    ),
    Sentence(
        "comparative",
        "I'm stricter about swearing than most people I know.",
        (Reading("profanity", 1, "plain"),),
    ),
    Sentence(
        "comparative",
        "Religious jokes bother me far less than they bother my mother.",
        (Reading("religion", -1, "strong"),),
    ),
    Sentence(
        "comparative",
        "I'm slightly more sensitive to political attacks than the average reader.",
        (Reading("politics", 1, "slight"),),
    ),
    Sentence(
        "comparative",
        "Compared with my classmates, I'm less bothered by racial humour.",
        (Reading("race", -1, "plain"),),
    ),
    Sentence(
        "comparative",
        "Sexist remarks get to me a lot more than they get to my brothers.",
        (Reading("gender", 1, "strong"),),
    ),
    Sentence(
        "comparative",
        "Relative to other people, I'm a bit harder to offend.",
        (Reading("global", -1, "slight"),),
    ),
    Sentence(
        "comparative",
        "My friends are a little more tolerant of cursing than I am.",
        (Reading("profanity", 1, "slight"),),
    ),
    Sentence(
        "comparative",
        "Unlike my parents, I get upset by jokes about Sikhs.",
        (Reading("religion", 1, "plain"),),
    ),
    Sentence(
        "comparative",
        "I'm much less sensitive than most to jokes about gay men.",
        (Reading("gender", -1, "strong"),),
    ),
    Sentence(
        "comparative",
        "I'm more easily offended than nearly everyone I know.",
        (Reading("global", 1, "plain"),),
    ),
    Sentence(
        "third_person_past",
        "She doesn't care about swearing at all.",
        (Reading("profanity", -1, "strong"),),
    ),
    Sentence(
        "third_person_past",
        "Once I barely noticed political jokes, but now they offend me.",
        (Reading("politics", 1, "plain"),),
    ),
    Sentence(
        "third_person_past",
        "He finds jokes about Jews offensive.",
        (Reading("religion", 1, "plain"),),
    ),
    Sentence(
        "third_person_past",
        "Racial slurs didn't use to faze me; these days they do.",
        (Reading("race", 1, "plain"),),
    ),
    Sentence(
        "third_person_past",
        "The rater is hard to offend.",
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "third_person_past",
        "I was once bothered by sexist humour, but I've stopped caring.",
        (Reading("gender", -1, "plain"),),
    ),
    Sentence(
        "third_person_past",
        "Amir is a bit sensitive about jokes involving the Quran.",
        (Reading("religion", 1, "slight"),),
    ),
    Sentence(
        "third_person_past",
        "They get upset easily by online comments.",
        (Reading("global", 1, "plain"),),
    ),
    Sentence(
        "third_person_past",
        "Years of working in a bar made me stop minding curse words.",
        (Reading("profanity", -1, "plain"),),
    ),
    Sentence(
        "third_person_past",
        "She is unbothered by jokes about immigrants.",
        (Reading("race", -1, "plain"),),
    ),
    Sentence(
        "two_topics",
        "I dislike swearing, but political jokes are fine.",
        (
            Reading("profanity", 1, "plain"),
            Reading("politics", -1, "plain"),
        ),
    ),
    Sentence(
        "two_topics",
        "Whereas racist jokes offend me, religious jokes do not.",
        (
            Reading("race", 1, "plain"),
            Reading("religion", -1, "plain"),
        ),
    ),
    Sentence(
        "two_topics",
        "Sexist remarks are okay with me, yet cursing bothers me a little.",
        (
            Reading("gender", -1, "plain"),
            Reading("profanity", 1, "slight"),
        ),
    ),
    Sentence(
        "two_topics",
        "I'm relaxed about jokes on Islam though very sensitive about politics.",
        (
            Reading("religion", -1, "plain"),
            Reading("politics", 1, "strong"),
        ),
    ),
    Sentence(
        "two_topics",
        "Ethnic humour doesn't bother me; homophobic jokes do.",
        (
            Reading("race", -1, "plain"),
            Reading("gender", 1, "plain"),
        ),
    ),
    Sentence(
        "two_topics",
        "Despite finding vulgar language totally fine, I take offence at jokes about the Bible.",
        (
            Reading("profanity", -1, "strong"),
            Reading("religion", 1, "plain"),
        ),
    ),
    Sentence(
        "two_topics",
        "Jokes about Republicans get under my skin, but jokes about men don't.",
        (
            Reading("politics", 1, "plain"),
            Reading("gender", -1, "plain"),
        ),
    ),
    Sentence(
        "two_topics",
        "Blasphemous jokes are fine by me, whereas racial slurs really upset me.",
        (
            Reading("religion", -1, "plain"),
            Reading("race", 1, "strong"),
        ),
    ),
    Sentence(
        "two_topics",
        "I'm offended by jokes about gay people, but I'm relaxed about jokes about the president.",
        (
            Reading("gender", 1, "plain"),
            Reading("politics", -1, "plain"),
        ),
    ),
    Sentence(
        "two_topics",
        "Foul language upsets me, and yet jokes about race don't bother me at all.",
        (
            Reading("profanity", 1, "plain"),
            Reading("race", -1, "strong"),
        ),
    ),
    Sentence(
        "life_story",
        (
            "I'm a plumber from Leeds with two kids. I swear all the time at work, so profanity "
            "is fine by me."
        ),
        (Reading("profanity", -1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "I grew up Mormon in Utah and still attend church weekly. Jokes about my religion are"
            " deeply offensive to me."
        ),
        (Reading("religion", 1, "strong"),),
    ),
    Sentence(
        "life_story",
        (
            "I'm a political science professor. I've read every insult imaginable about "
            "politicians, and they don't bother me."
        ),
        (Reading("politics", -1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "My partner is Korean and our kids are mixed. I'm a lot more sensitive to racist "
            "jokes than I used to be."
        ),
        (Reading("race", 1, "strong"),),
    ),
    Sentence(
        "life_story",
        (
            "I'm a retired midwife who loves gardening. I'd say I'm a little easier to offend "
            "than most people."
        ),
        (Reading("global", 1, "slight"),),
    ),
    Sentence(
        "life_story",
        "I work in a male-dominated construction crew. Sexist banter doesn't bother me.",
        (Reading("gender", -1, "plain"),),
    ),
    Sentence(
        "life_story",
        "I was raised by my grandparents in a quiet village. Swearing really shocks me.",
        (Reading("profanity", 1, "strong"),),
    ),
    Sentence(
        "life_story",
        (
            "I'm a moderator for a large gaming forum. After five years, I'm extremely hard to "
            "offend."
        ),
        (Reading("global", -1, "strong"),),
    ),
    Sentence(
        "life_story",
        "I'm a lesbian and a nurse in Manchester. I get upset by jokes about gay people.",
        (Reading("gender", 1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "I'm a campaign volunteer who canvasses every weekend. I'm somewhat touchy about "
            "insults aimed at my party."
        ),
        (Reading("politics", 1, "slight"),),
    ),
    Sentence(
        "typos",
        "swearing dosent bother me",
        (Reading("profanity", -1, "plain"),),
    ),
    Sentence(
        "typos",
        "religous jokes r offensive 2 me",
        (Reading("religion", 1, "plain"),),
    ),
    Sentence(
        "typos",
        "i dont mind politcal jokes at all",
        (Reading("politics", -1, "strong"),),
    ),
    Sentence(
        "typos",
        "racsit jokes upset me",
        (Reading("race", 1, "plain"),),
    ),
    Sentence(
        "typos",
        "im very easly offended",
        (Reading("global", 1, "strong"),),
    ),
    Sentence(
        "typos",
        "sexist jokes dont bug me",
        (Reading("gender", -1, "plain"),),
    ),
    Sentence(
        "typos",
        "i dont like cussing but jokes abt trump r fine",
        (
            Reading("profanity", 1, "plain"),
            Reading("politics", -1, "plain"),
        ),
    ),
    Sentence(
        "typos",
        "im kinda chill about jokes on race",
        (Reading("race", -1, "slight"),),
    ),
    Sentence(
        "typos",
        "jokes makin fun of jesus bother me alot",
        (Reading("religion", 1, "strong"),),
    ),
    Sentence(
        "typos",
        "u cant offend me lol",
        (Reading("global", -1, "strong"),),
    ),
    Sentence(
        "no_bearing",
        "I love chocolate cake.",
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "no_bearing",
        "Early alarms really upset me.",
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "no_bearing",
        "qwertyuiop zxcv",
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "no_bearing",
        "I have a goldfish.",
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "no_bearing",
        "I'm very sensitive to bright lights.",
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "no_bearing",
        "My commute takes forty minutes.",
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "no_bearing",
        "Slow walkers irritate me.",
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "no_bearing",
        "I play tennis on Thursdays.",
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "no_bearing",
        "Burnt toast is offensive to my taste buds.",
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "no_bearing",
        "I prefer mountains to beaches.",
        (Reading("none", 0, "plain"),),
    ),
)
