"""A second development set, written by hand by an author who saw neither the reader nor the
held-out set."""

from benchmarks.edit_sentences import Reading, Sentence

DEV2: tuple[Sentence, ...] = (
    # ---- plain ----
    Sentence(
        "plain", "People swearing sets my teeth on edge.", (Reading("profanity", 1, "plain"),)
    ),
    Sentence("plain", "I have zero patience for racist remarks.", (Reading("race", 1, "strong"),)),
    Sentence(
        "plain",
        "Jokes about religion are water off a duck's back to me.",
        (Reading("religion", -1, "plain"),),
    ),
    Sentence("plain", "Sexist comments make me bristle.", (Reading("gender", 1, "plain"),)),
    Sentence(
        "plain", "I'm unmoved by political name-calling.", (Reading("politics", -1, "plain"),)
    ),
    Sentence("plain", "I'm hard to offend.", (Reading("global", -1, "plain"),)),
    Sentence("plain", "I'm an extremely sensitive soul.", (Reading("global", 1, "strong"),)),
    Sentence("plain", "Blasphemy absolutely infuriates me.", (Reading("religion", 1, "strong"),)),
    Sentence(
        "plain",
        "I couldn't care less about people cursing online.",
        (Reading("profanity", -1, "strong"),),
    ),
    Sentence(
        "plain",
        "Comments mocking gay people make my blood boil.",
        (Reading("gender", 1, "strong"),),
    ),
    Sentence(
        "plain", "I find slurs about immigrants deeply offensive.", (Reading("race", 1, "strong"),)
    ),
    Sentence(
        "plain",
        "I find political trash talk entertaining rather than offensive.",
        (Reading("politics", -1, "plain"),),
    ),
    Sentence("plain", "I take offence at crude language.", (Reading("profanity", 1, "plain"),)),
    Sentence(
        "plain",
        "Honestly, I'm relaxed about jokes at the expense of the church.",
        (Reading("religion", -1, "plain"),),
    ),
    Sentence("plain", "Misogynistic remarks get under my skin.", (Reading("gender", 1, "plain"),)),
    Sentence(
        "plain",
        "I'm thick-skinned when it comes to political banter.",
        (Reading("politics", -1, "plain"),),
    ),
    Sentence("plain", "Racial stereotypes bother me.", (Reading("race", 1, "plain"),)),
    Sentence("plain", "I shrug off F-bombs.", (Reading("profanity", -1, "plain"),)),
    Sentence(
        "plain",
        "I'm quick to take offence at things, to be honest.",
        (Reading("global", 1, "plain"),),
    ),
    Sentence(
        "plain", "Mockery of Islam upsets me a great deal.", (Reading("religion", 1, "strong"),)
    ),
    Sentence(
        "plain",
        "I'm totally unfazed by jokes about men and women.",
        (Reading("gender", -1, "strong"),),
    ),
    Sentence("plain", "Election mudslinging irritates me.", (Reading("politics", 1, "plain"),)),
    Sentence(
        "plain",
        "Jokes about skin colour strike me as harmless fun.",
        (Reading("race", -1, "plain"),),
    ),
    Sentence(
        "plain",
        "I'm easygoing about pretty much everything people post.",
        (Reading("global", -1, "plain"),),
    ),
    Sentence("plain", "Vulgar language makes me wince.", (Reading("profanity", 1, "plain"),)),
    # ---- negated_global ----
    Sentence("negated_global", "Not a lot rattles me.", (Reading("global", -1, "plain"),)),
    Sentence(
        "negated_global",
        "I'd never describe myself as thick-skinned.",
        (Reading("global", 1, "plain"),),
    ),
    Sentence(
        "negated_global",
        "You don't have to try hard to offend me.",
        (Reading("global", 1, "plain"),),
    ),
    Sentence(
        "negated_global",
        "I don't shock easily, whatever I'm reading.",
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "negated_global",
        "Sensitive is not a word anyone would use for me.",
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "negated_global", "There's not much that offends me.", (Reading("global", -1, "plain"),)
    ),
    Sentence(
        "negated_global", "I don't have a thick skin at all.", (Reading("global", 1, "strong"),)
    ),
    Sentence(
        "negated_global", "Hardly anything gets under my skin.", (Reading("global", -1, "plain"),)
    ),
    Sentence(
        "negated_global",
        "I'm not someone who lets comments slide.",
        (Reading("global", 1, "plain"),),
    ),
    Sentence(
        "negated_global",
        "I rarely take offence at what strangers write online.",
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "negated_global",
        "I'm not the sort of person who shrugs things off.",
        (Reading("global", 1, "plain"),),
    ),
    Sentence(
        "negated_global",
        "I don't get offended at the drop of a hat.",
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "negated_global", "I wouldn't say I'm hard to offend.", (Reading("global", 1, "plain"),)
    ),
    Sentence(
        "negated_global",
        "It's not like I'm made of stone; stuff gets to me.",
        (Reading("global", 1, "plain"),),
    ),
    Sentence(
        "negated_global",
        "Generally, I don't get worked up about online comments.",
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "negated_global", "I'm not at all easy to offend.", (Reading("global", -1, "strong"),)
    ),
    Sentence(
        "negated_global",
        "You won't find many things that get a rise out of me.",
        (Reading("global", -1, "plain"),),
    ),
    Sentence("negated_global", "I can't just brush things off.", (Reading("global", 1, "plain"),)),
    Sentence("negated_global", "I'm no delicate flower.", (Reading("global", -1, "plain"),)),
    Sentence("negated_global", "I don't let much bother me.", (Reading("global", -1, "plain"),)),
    Sentence(
        "negated_global",
        "I'm not one of those people with nerves of steel.",
        (Reading("global", 1, "plain"),),
    ),
    Sentence(
        "negated_global", "Nothing whatsoever offends me.", (Reading("global", -1, "strong"),)
    ),
    Sentence(
        "negated_global", "I can't laugh off nasty comments.", (Reading("global", 1, "plain"),)
    ),
    Sentence(
        "negated_global", "It isn't hard to hurt my feelings.", (Reading("global", 1, "plain"),)
    ),
    Sentence("negated_global", "I'm not touchy.", (Reading("global", -1, "plain"),)),
    # ---- double_negative ----
    Sentence(
        "double_negative",
        "There isn't a racist joke out there that doesn't bother me.",
        (Reading("race", 1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "I've never met a curse word I couldn't live with.",
        (Reading("profanity", -1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "I wouldn't claim that sexist jokes leave me unmoved.",
        (Reading("gender", 1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "It's not true that political attacks don't irritate me.",
        (Reading("politics", 1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "I never fail to laugh at crude language.",
        (Reading("profanity", -1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "I can't imagine a religious joke I wouldn't laugh at.",
        (Reading("religion", -1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "I'm not someone who doesn't notice racism; it always gets to me.",
        (Reading("race", 1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "It isn't uncommon for homophobic comments to upset me.",
        (Reading("gender", 1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "I don't find it unacceptable when people swear.",
        (Reading("profanity", -1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "Nobody could say I'm not bothered by misogyny.",
        (Reading("gender", 1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "Not one political insult has ever failed to roll off me.",
        (Reading("politics", -1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "It's not as if blasphemy doesn't offend me.",
        (Reading("religion", 1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "Not once have I not winced at a slur aimed at Black people.",
        (Reading("race", 1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "Swearing is never not okay with me.",
        (Reading("profanity", -1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "There's no sexist remark that I don't find objectionable.",
        (Reading("gender", 1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "I'm not unable to take a joke about the Pope.",
        (Reading("religion", -1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "It's not that I don't care about racism in comments. I care a lot.",
        (Reading("race", 1, "strong"),),
    ),
    Sentence(
        "double_negative",
        "No, it isn't true that I don't mind swearing.",
        (Reading("profanity", 1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "There's nothing people say online that I can't handle.",
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "It's not that I don't get offended; I get offended easily.",
        (Reading("global", 1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "Never have I not been irritated by jokes mocking immigrants.",
        (Reading("race", 1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "I don't know of any insult about Democrats or Republicans that I couldn't laugh off.",
        (Reading("politics", -1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "I'm not one to not speak up when I see sexism, because it bothers me.",
        (Reading("gender", 1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "It's not unusual for me to shrug off atheist-bashing.",
        (Reading("religion", -1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "No joke mocking religion fails to offend me.",
        (Reading("religion", 1, "plain"),),
    ),
    # ---- hedge ----
    Sentence("hedge", "Swearing bugs me a tad.", (Reading("profanity", 1, "slight"),)),
    Sentence(
        "hedge",
        "I reckon religion is a mildly sore spot for me.",
        (Reading("religion", 1, "slight"),),
    ),
    Sentence("hedge", "Racist jokes bother me a little, I guess.", (Reading("race", 1, "slight"),)),
    Sentence("hedge", "I'm kind of chill about cursing.", (Reading("profanity", -1, "slight"),)),
    Sentence(
        "hedge",
        "I'd say I'm somewhat easygoing about sexist banter.",
        (Reading("gender", -1, "slight"),),
    ),
    Sentence(
        "hedge", "Political mudslinging irks me only a little.", (Reading("politics", 1, "slight"),)
    ),
    Sentence(
        "hedge",
        "I might be a bit on the sensitive side overall.",
        (Reading("global", 1, "slight"),),
    ),
    Sentence("hedge", "Maybe I'm a touch thin-skinned.", (Reading("global", 1, "slight"),)),
    Sentence(
        "hedge", "Jokes about Christians mildly annoy me.", (Reading("religion", 1, "slight"),)
    ),
    Sentence(
        "hedge",
        "I'm sort of lenient when it comes to rude words.",
        (Reading("profanity", -1, "slight"),),
    ),
    Sentence(
        "hedge", "I'm a wee bit relaxed about ethnic jokes.", (Reading("race", -1, "slight"),)
    ),
    Sentence(
        "hedge",
        "Comments about trans people can sting me a bit.",
        (Reading("gender", 1, "slight"),),
    ),
    Sentence(
        "hedge",
        "I lean toward being unbothered by political insults.",
        (Reading("politics", -1, "slight"),),
    ),
    Sentence("hedge", "To some extent, I'm hard to offend.", (Reading("global", -1, "slight"),)),
    Sentence(
        "hedge", "Blasphemy rubs me the wrong way, slightly.", (Reading("religion", 1, "slight"),)
    ),
    Sentence(
        "hedge", "I'm mildly tolerant of foul language.", (Reading("profanity", -1, "slight"),)
    ),
    Sentence(
        "hedge",
        "Jokes about women can get on my nerves a little.",
        (Reading("gender", 1, "slight"),),
    ),
    Sentence(
        "hedge",
        "I'm somewhat desensitised to racial remarks, if I'm honest.",
        (Reading("race", -1, "slight"),),
    ),
    Sentence(
        "hedge",
        "Talk of politicians being crooks faintly annoys me.",
        (Reading("politics", 1, "slight"),),
    ),
    Sentence(
        "hedge",
        "Religious humour is kinda fine by me, mostly.",
        (Reading("religion", -1, "slight"),),
    ),
    Sentence(
        "hedge",
        "It's possible I'm a bit quick to take offence in general.",
        (Reading("global", 1, "slight"),),
    ),
    Sentence(
        "hedge",
        "In general I'm a little laid-back about what people say.",
        (Reading("global", -1, "slight"),),
    ),
    Sentence(
        "hedge", "Slurs aimed at immigrants bother me somewhat.", (Reading("race", 1, "slight"),)
    ),
    Sentence(
        "hedge", "I'm a bit relaxed about jokes on sexuality.", (Reading("gender", -1, "slight"),)
    ),
    Sentence(
        "hedge",
        "I'm a touch lenient toward partisan name-calling.",
        (Reading("politics", -1, "slight"),),
    ),
    # ---- comparative ----
    Sentence(
        "comparative",
        "I'm far touchier than my colleagues about racist jokes.",
        (Reading("race", 1, "strong"),),
    ),
    Sentence(
        "comparative",
        "My husband hates cursing way more than I do.",
        (Reading("profanity", -1, "plain"),),
    ),
    Sentence(
        "comparative",
        "Compared to most people, I'm relaxed about jokes on religion.",
        (Reading("religion", -1, "plain"),),
    ),
    Sentence(
        "comparative",
        "I'm less relaxed than the average person about political insults.",
        (Reading("politics", 1, "plain"),),
    ),
    Sentence(
        "comparative",
        "I'm not as prudish as my parents about bad language.",
        (Reading("profanity", -1, "plain"),),
    ),
    Sentence(
        "comparative",
        "I get offended by sexist comments more easily than most of my friends.",
        (Reading("gender", 1, "plain"),),
    ),
    Sentence(
        "comparative",
        "Most raters would flag anti-Muslim jokes sooner than I would.",
        (Reading("religion", -1, "plain"),),
    ),
    Sentence(
        "comparative",
        "I'm much stricter than the average reader about homophobic remarks.",
        (Reading("gender", 1, "strong"),),
    ),
    Sentence(
        "comparative",
        "I'm less bothered by swearing than I was as a teenager.",
        (Reading("profanity", -1, "plain"),),
    ),
    Sentence(
        "comparative",
        "My friends think nothing of racial jokes, but I find them harder to take than they do.",
        (Reading("race", 1, "plain"),),
    ),
    Sentence(
        "comparative",
        "I'm slightly more sensitive than most people in general.",
        (Reading("global", 1, "slight"),),
    ),
    Sentence(
        "comparative",
        "Other people tend to get offended faster than I do.",
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "comparative",
        "I'm a lot thicker-skinned than my brother.",
        (Reading("global", -1, "strong"),),
    ),
    Sentence(
        "comparative",
        "Compared to my church group, I'm relaxed about blasphemy.",
        (Reading("religion", -1, "plain"),),
    ),
    Sentence(
        "comparative",
        "Politicians being mocked bothers me less than it bothers most.",
        (Reading("politics", -1, "plain"),),
    ),
    Sentence(
        "comparative",
        "Unlike my roommate, I find jokes about trans people offensive.",
        (Reading("gender", 1, "plain"),),
    ),
    Sentence(
        "comparative",
        "I'm more bothered by ethnic slurs than the typical person.",
        (Reading("race", 1, "plain"),),
    ),
    Sentence(
        "comparative",
        "I'm a little less strict about swearing than most people.",
        (Reading("profanity", -1, "slight"),),
    ),
    Sentence(
        "comparative",
        "My mother is more easily shocked by jokes about atheists than I am.",
        (Reading("religion", -1, "plain"),),
    ),
    Sentence(
        "comparative",
        "Election trolling annoys me more than it annoys my coworkers.",
        (Reading("politics", 1, "plain"),),
    ),
    Sentence(
        "comparative",
        "I'm not as easygoing as my friends are about misogynistic jokes.",
        (Reading("gender", 1, "plain"),),
    ),
    Sentence(
        "comparative",
        "I find vulgarity more offensive than the average person does.",
        (Reading("profanity", 1, "plain"),),
    ),
    Sentence(
        "comparative",
        "I'm far less sensitive than my classmates.",
        (Reading("global", -1, "strong"),),
    ),
    Sentence(
        "comparative",
        "Compared with my older relatives, I'm much more tolerant of jokes about immigrants.",
        (Reading("race", -1, "strong"),),
    ),
    Sentence(
        "comparative",
        "Most people are stricter about religious satire than I am, though only slightly.",
        (Reading("religion", -1, "slight"),),
    ),
    # ---- third_person_past ----
    Sentence("third_person_past", "He dislikes cursing.", (Reading("profanity", 1, "plain"),)),
    Sentence(
        "third_person_past",
        "The annotator goes easy on political insults.",
        (Reading("politics", -1, "plain"),),
    ),
    Sentence(
        "third_person_past",
        "She takes jokes about Judaism personally.",
        (Reading("religion", 1, "plain"),),
    ),
    Sentence(
        "third_person_past", "Keisha laughs off sexist remarks.", (Reading("gender", -1, "plain"),)
    ),
    Sentence(
        "third_person_past",
        "I've loosened up about swearing since my twenties.",
        (Reading("profanity", -1, "plain"),),
    ),
    Sentence(
        "third_person_past",
        "I've gotten numb to racist comments over time.",
        (Reading("race", -1, "plain"),),
    ),
    Sentence(
        "third_person_past",
        "Blasphemy didn't use to register with me, but lately it grates on me.",
        (Reading("religion", 1, "plain"),),
    ),
    Sentence(
        "third_person_past",
        "This annotator is extremely sensitive overall.",
        (Reading("global", 1, "strong"),),
    ),
    Sentence("third_person_past", "She's very hard to offend.", (Reading("global", -1, "strong"),)),
    Sentence(
        "third_person_past",
        "Over the years I've grown more sensitive to misogyny.",
        (Reading("gender", 1, "plain"),),
    ),
    Sentence(
        "third_person_past",
        "Tom gets angry at anything that mocks immigrants.",
        (Reading("race", 1, "plain"),),
    ),
    Sentence(
        "third_person_past",
        "The person rates political content harshly.",
        (Reading("politics", 1, "plain"),),
    ),
    Sentence(
        "third_person_past",
        "My grandfather, who is the rater here, laughs at jokes about the church.",
        (Reading("religion", -1, "plain"),),
    ),
    Sentence(
        "third_person_past",
        "Since college, bad language has stopped bothering me.",
        (Reading("profanity", -1, "plain"),),
    ),
    Sentence(
        "third_person_past",
        "They used to laugh at slurs, but now they find them deeply offensive.",
        (Reading("race", 1, "strong"),),
    ),
    Sentence(
        "third_person_past",
        "He's become more relaxed about political jokes lately.",
        (Reading("politics", -1, "plain"),),
    ),
    Sentence(
        "third_person_past",
        "She finds homophobic jokes deeply hurtful.",
        (Reading("gender", 1, "strong"),),
    ),
    Sentence(
        "third_person_past",
        "This rater doesn't get bothered by much of anything.",
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "third_person_past",
        "Priya used to be easily offended; now she lets most things slide.",
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "third_person_past",
        "Jokes about atheists used to make me laugh, but now they annoy me.",
        (Reading("religion", 1, "plain"),),
    ),
    Sentence(
        "third_person_past",
        "He is mildly put off by crude language.",
        (Reading("profanity", 1, "slight"),),
    ),
    Sentence(
        "third_person_past",
        "The rater takes offence whenever the president is insulted.",
        (Reading("politics", 1, "plain"),),
    ),
    Sentence(
        "third_person_past",
        "Ever since my daughter came out, jokes about gay people have upset me.",
        (Reading("gender", 1, "plain"),),
    ),
    Sentence(
        "third_person_past",
        "These days she's totally unbothered by ethnic stereotypes.",
        (Reading("race", -1, "strong"),),
    ),
    Sentence(
        "third_person_past",
        "He used to flag every swear word, but he has mellowed out about it.",
        (Reading("profanity", -1, "plain"),),
    ),
    # ---- two_topics ----
    Sentence(
        "two_topics",
        "Swearing? Whatever. Racial slurs? Those I object to.",
        (Reading("profanity", -1, "plain"), Reading("race", 1, "plain")),
    ),
    Sentence(
        "two_topics",
        "Sexist jabs upset me even though political ones roll right off.",
        (Reading("gender", 1, "plain"), Reading("politics", -1, "plain")),
    ),
    Sentence(
        "two_topics",
        "When it comes to religion I'm pretty lax, but I'm a stickler about profanity.",
        (Reading("religion", -1, "plain"), Reading("profanity", 1, "plain")),
    ),
    Sentence(
        "two_topics",
        "Cursing bothers me, but jokes about politicians don't.",
        (Reading("profanity", 1, "plain"), Reading("politics", -1, "plain")),
    ),
    Sentence(
        "two_topics",
        "I get extremely worked up over misogyny; blasphemy, on the other hand, "
        "I couldn't care less about.",
        (Reading("gender", 1, "strong"), Reading("religion", -1, "strong")),
    ),
    Sentence(
        "two_topics",
        "Mock the government all you like, just keep the slurs about immigrants out of it.",
        (Reading("politics", -1, "plain"), Reading("race", 1, "plain")),
    ),
    Sentence(
        "two_topics",
        "I'm fine with foul language, whereas comments about race make me uneasy.",
        (Reading("profanity", -1, "plain"), Reading("race", 1, "plain")),
    ),
    Sentence(
        "two_topics",
        "While religious jokes offend me, I don't blink at political ones.",
        (Reading("religion", 1, "plain"), Reading("politics", -1, "plain")),
    ),
    Sentence(
        "two_topics",
        "Gay jokes don't bug me, but partisan insults do.",
        (Reading("gender", -1, "plain"), Reading("politics", 1, "plain")),
    ),
    Sentence(
        "two_topics",
        "Racial humour I can take, but swearing grates on me.",
        (Reading("race", -1, "plain"), Reading("profanity", 1, "plain")),
    ),
    Sentence(
        "two_topics",
        "I'm tough as nails about politics and soft as butter about religion.",
        (Reading("politics", -1, "plain"), Reading("religion", 1, "plain")),
    ),
    Sentence(
        "two_topics",
        "Profanity is part of my everyday vocabulary, but sexist remarks anger me.",
        (Reading("profanity", -1, "plain"), Reading("gender", 1, "plain")),
    ),
    Sentence(
        "two_topics",
        "Not much about religion offends me, although racial slurs definitely do.",
        (Reading("religion", -1, "plain"), Reading("race", 1, "plain")),
    ),
    Sentence(
        "two_topics",
        "I'm relaxed when people swear and uptight when they joke about women.",
        (Reading("profanity", -1, "plain"), Reading("gender", 1, "plain")),
    ),
    Sentence(
        "two_topics",
        "Bashing politicians is fair game to me; bashing someone's faith is not.",
        (Reading("politics", -1, "plain"), Reading("religion", 1, "plain")),
    ),
    Sentence(
        "two_topics",
        "Ethnic slurs hit me hard, whereas cursing slides right past me.",
        (Reading("race", 1, "strong"), Reading("profanity", -1, "plain")),
    ),
    Sentence(
        "two_topics",
        "I don't mind crude words, but I do mind crude jokes about trans people.",
        (Reading("profanity", -1, "plain"), Reading("gender", 1, "plain")),
    ),
    Sentence(
        "two_topics",
        "Blasphemy upsets me, unlike swearing, which I'm okay with.",
        (Reading("religion", 1, "plain"), Reading("profanity", -1, "plain")),
    ),
    Sentence(
        "two_topics",
        "Jokes at the expense of conservatives make me cringe, though jokes about race don't.",
        (Reading("politics", 1, "plain"), Reading("race", -1, "plain")),
    ),
    Sentence(
        "two_topics",
        "On gender I'm a hardliner; on politics I'm very forgiving.",
        (Reading("gender", 1, "plain"), Reading("politics", -1, "strong")),
    ),
    Sentence(
        "two_topics",
        "Call a politician an idiot and I won't care; "
        "call someone a racial slur and I'll be furious.",
        (Reading("politics", -1, "plain"), Reading("race", 1, "strong")),
    ),
    Sentence(
        "two_topics",
        "Any mockery of Islam offends me, while jokes about men leave me unbothered.",
        (Reading("religion", 1, "plain"), Reading("gender", -1, "plain")),
    ),
    Sentence(
        "two_topics",
        "I'm lenient on F-words but harsh on anything mocking Christians.",
        (Reading("profanity", -1, "plain"), Reading("religion", 1, "plain")),
    ),
    Sentence(
        "two_topics",
        "I won't bat an eye at racist jokes, yet a single swear word makes me flinch.",
        (Reading("race", -1, "plain"), Reading("profanity", 1, "plain")),
    ),
    Sentence(
        "two_topics",
        "Election-season trash talk? I'm used to it. Misogynistic trolling? That gets to me.",
        (Reading("politics", -1, "plain"), Reading("gender", 1, "plain")),
    ),
    # ---- life_story ----
    Sentence(
        "life_story",
        "I'm a vegan and I feel strongly about animal cruelty. My mother was a Sunday school "
        "teacher, so I grew up hearing a lot about sin. Even so, jokes about religion don't "
        "bother me at all.",
        (Reading("religion", -1, "strong"),),
    ),
    Sentence(
        "life_story",
        "I work night shifts as a nurse and I've seen pretty much everything. Honestly, after "
        "that, not much that people write online can shock me.",
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "life_story",
        "My grandmother emigrated from Nigeria in the seventies and faced a lot of hostility. "
        "Because of her, racist comments hit me hard.",
        (Reading("race", 1, "strong"),),
    ),
    Sentence(
        "life_story",
        "I spent ten years in the navy, where everyone swore constantly. Cursing is just "
        "background noise to me now.",
        (Reading("profanity", -1, "plain"),),
    ),
    Sentence(
        "life_story",
        "I'm a devout Catholic and I go to Mass every week. I'm passionate about social justice. "
        "Blasphemous comments offend me, and so do sexist ones.",
        (Reading("religion", 1, "plain"), Reading("gender", 1, "plain")),
    ),
    Sentence(
        "life_story",
        "I hate wasting food and I get upset when people litter. When it comes to online "
        "comments, though, I'm pretty laid-back.",
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "life_story",
        "I'm a political science teacher, and I love a heated debate. Insults about politicians "
        "don't faze me one bit. Slurs about gay people, on the other hand, make me angry.",
        (Reading("politics", -1, "strong"), Reading("gender", 1, "plain")),
    ),
    Sentence(
        "life_story",
        "My best friend is trans and I've watched her deal with awful harassment. I've become "
        "very protective of her, and transphobic jokes upset me a great deal.",
        (Reading("gender", 1, "strong"),),
    ),
    Sentence(
        "life_story",
        "I grew up in a very strict household where we weren't allowed to watch TV. I rebelled "
        "hard as a teen. These days swearing doesn't bother me in the slightest.",
        (Reading("profanity", -1, "strong"),),
    ),
    Sentence(
        "life_story",
        "I'm a stand-up comedian. My whole job is pushing boundaries and I'm proud of it. So I'm "
        "very hard to offend.",
        (Reading("global", -1, "strong"),),
    ),
    Sentence(
        "life_story",
        "I have two young kids and I'm always worried about what they see on screens. I'm "
        "sensitive to crude language.",
        (Reading("profanity", 1, "plain"),),
    ),
    Sentence(
        "life_story",
        "I lost my job last year and I was furious at my old boss for months. I'm still bitter "
        "about it. But political comments leave me cold; I've heard it all.",
        (Reading("politics", -1, "plain"),),
    ),
    Sentence(
        "life_story",
        "My parents fled a civil war, and I'm the first in my family to go to university. I feel "
        "strongly about fairness. Ethnic slurs are something I have zero tolerance for.",
        (Reading("race", 1, "strong"),),
    ),
    Sentence(
        "life_story",
        "I used to be an atheist activist, and I still think organised religion does harm. That "
        "said, I'm a bit touchy about people mocking Muslims.",
        (Reading("religion", 1, "slight"),),
    ),
    Sentence(
        "life_story",
        "I'm a librarian and I'm quite shy. I get anxious at parties. I'm an easy person to "
        "offend, to be honest.",
        (Reading("global", 1, "plain"),),
    ),
    Sentence(
        "life_story",
        "I run a small farm and I'm up at five every morning. I don't have time to be outraged "
        "about crude language or political bickering.",
        (Reading("profanity", -1, "plain"), Reading("politics", -1, "plain")),
    ),
    Sentence(
        "life_story",
        "As a woman working in construction, I've heard every sexist line in the book. It rolls "
        "off me now. Racist stuff is another story: it still makes me sick.",
        (Reading("gender", -1, "plain"), Reading("race", 1, "strong")),
    ),
    Sentence(
        "life_story",
        "I'm a recovering alcoholic, five years sober, and I'm very grateful for my support "
        "group. I'm a sensitive person in general.",
        (Reading("global", 1, "plain"),),
    ),
    Sentence(
        "life_story",
        "My brother was bullied relentlessly in school for being gay. I still feel guilty that I "
        "didn't step in. Homophobic comments get to me.",
        (Reading("gender", 1, "plain"),),
    ),
    Sentence(
        "life_story",
        "I'm deeply ashamed of how I treated my ex, and I'm working on it in therapy. As for "
        "swearing, I honestly couldn't care less.",
        (Reading("profanity", -1, "strong"),),
    ),
    Sentence(
        "life_story",
        "I moved here from Poland ten years ago and people sometimes make remarks about my "
        "accent. It used to hurt, but now I just laugh at jokes about immigrants.",
        (Reading("race", -1, "plain"),),
    ),
    Sentence(
        "life_story",
        "I'm a pastor's wife and I volunteer at the food bank. I love my community. Profanity "
        "makes me uncomfortable, but I'm not bothered by political jokes.",
        (Reading("profanity", 1, "plain"), Reading("politics", -1, "plain")),
    ),
    Sentence(
        "life_story",
        "I have strong opinions about climate change and I'm angry about how little is being "
        "done. My friends say I'm intense. When it comes to rating comments, though, I'm "
        "pretty easygoing overall.",
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "life_story",
        "I'm a retired judge. I spent decades listening to the worst things people do to each "
        "other. Foul language doesn't faze me at all.",
        (Reading("profanity", -1, "strong"),),
    ),
    Sentence(
        "life_story",
        "I'm Jewish, and my great-grandparents survived the Holocaust. I don't keep kosher and "
        "I'm not very observant. Still, jokes mocking Judaism offend me deeply.",
        (Reading("religion", 1, "strong"),),
    ),
    # ---- typos ----
    Sentence("typos", "swearin doesnt bug me tbh", (Reading("profanity", -1, "plain"),)),
    Sentence("typos", "racist jokes realy get 2 me", (Reading("race", 1, "plain"),)),
    Sentence("typos", "im kinda touchy abt religon stuff lol", (Reading("religion", 1, "slight"),)),
    Sentence("typos", "politcs posts dont phase me at all", (Reading("politics", -1, "strong"),)),
    Sentence("typos", "sexist crap makes me so mad ngl", (Reading("gender", 1, "strong"),)),
    Sentence("typos", "im super easy 2 offend", (Reading("global", 1, "strong"),)),
    Sentence("typos", "honestly nothin offends me lmao", (Reading("global", -1, "strong"),)),
    Sentence("typos", "f words r fine by me", (Reading("profanity", -1, "plain"),)),
    Sentence("typos", "jokes bout muslims r not ok w me", (Reading("religion", 1, "plain"),)),
    Sentence("typos", "homophobic coments bother me alot", (Reading("gender", 1, "strong"),)),
    Sentence("typos", "idc about politicians gettin roasted", (Reading("politics", -1, "plain"),)),
    Sentence("typos", "slurs about mexicans r a hard no 4 me", (Reading("race", 1, "strong"),)),
    Sentence("typos", "im prety thick skinned overall", (Reading("global", -1, "plain"),)),
    Sentence("typos", "blasphemy dosent offend me", (Reading("religion", -1, "plain"),)),
    Sentence("typos", "cussing kinda annoys me i guess", (Reading("profanity", 1, "slight"),)),
    Sentence("typos", "i dont care abt jokes on gender stuff", (Reading("gender", -1, "plain"),)),
    Sentence("typos", "im a lil sensitive tbh", (Reading("global", 1, "slight"),)),
    Sentence(
        "typos", "when ppl trash immigrants it makes me sooo angry", (Reading("race", 1, "strong"),)
    ),
    Sentence(
        "typos", "tbh political hate comments r whatever to me", (Reading("politics", -1, "plain"),)
    ),
    Sentence("typos", "jesus jokes? lol fine w me", (Reading("religion", -1, "plain"),)),
    Sentence("typos", "i cant deal w vulgar stuff its gross", (Reading("profanity", 1, "plain"),)),
    Sentence(
        "typos", "misogynist comments = instant rage for me", (Reading("gender", 1, "strong"),)
    ),
    Sentence("typos", "racist jokes dont bother me", (Reading("race", -1, "plain"),)),
    Sentence("typos", "not bothered by much ngl, pretty chill", (Reading("global", -1, "plain"),)),
    Sentence("typos", "trump/biden insults annoy me a bit", (Reading("politics", 1, "slight"),)),
    # ---- no_bearing ----
    Sentence(
        "no_bearing",
        "Being stuck in traffic makes me absolutely livid.",
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "no_bearing",
        "Spicy food is too much for me; I'm sensitive to chilli.",
        (Reading("none", 0, "plain"),),
    ),
    Sentence("no_bearing", "My dog is terrified of thunderstorms.", (Reading("none", 0, "plain"),)),
    Sentence(
        "no_bearing", "I can't stand waking up before sunrise.", (Reading("none", 0, "plain"),)
    ),
    Sentence(
        "no_bearing",
        "I love hiking on weekends, especially in autumn.",
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "no_bearing", "I'm allergic to peanuts and shellfish.", (Reading("none", 0, "plain"),)
    ),
    Sentence("no_bearing", "My favourite colour is green.", (Reading("none", 0, "plain"),)),
    Sentence("no_bearing", "asdf qwerty lorem ipsum", (Reading("none", 0, "plain"),)),
    Sentence(
        "no_bearing", "I work as an accountant in a mid-sized firm.", (Reading("none", 0, "plain"),)
    ),
    Sentence("no_bearing", "Loud chewing drives me up the wall.", (Reading("none", 0, "plain"),)),
    Sentence(
        "no_bearing",
        "I'm strict about getting eight hours of sleep.",
        (Reading("none", 0, "plain"),),
    ),
    Sentence("no_bearing", "Rainy Mondays put me in a bad mood.", (Reading("none", 0, "plain"),)),
    Sentence("no_bearing", "I get upset when my houseplants die.", (Reading("none", 0, "plain"),)),
    Sentence(
        "no_bearing",
        "I've been learning to play the cello for two years.",
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "no_bearing", "The smell of fresh bread makes me happy.", (Reading("none", 0, "plain"),)
    ),
    Sentence(
        "no_bearing", "I'm a huge fan of old detective novels.", (Reading("none", 0, "plain"),)
    ),
    Sentence(
        "no_bearing", "Mosquitoes are my worst enemy in the summer.", (Reading("none", 0, "plain"),)
    ),
    Sentence(
        "no_bearing",
        "I cried at the end of that movie about the dog.",
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "no_bearing",
        "My neighbour's leaf blower gets on my nerves every Saturday morning.",
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "no_bearing",
        "I have a low tolerance for heat; anything above 30 degrees and I'm miserable.",
        (Reading("none", 0, "plain"),),
    ),
    Sentence("no_bearing", "I prefer tea to coffee.", (Reading("none", 0, "plain"),)),
    Sentence("no_bearing", "Spiders give me the creeps.", (Reading("none", 0, "plain"),)),
    Sentence(
        "no_bearing", "I'm very squeamish about blood and needles.", (Reading("none", 0, "plain"),)
    ),
    Sentence(
        "no_bearing",
        "Our team lost the final and I'm still heartbroken.",
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "no_bearing", "The quick brown fox jumps over the lazy dog.", (Reading("none", 0, "plain"),)
    ),
)
