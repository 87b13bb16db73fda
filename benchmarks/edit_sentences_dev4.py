"""Development sentences, set 4 (double negatives, life stories, typos).

Written for tuning the edit reader.
"""

from benchmarks.edit_sentences import Reading, Sentence

DEV4: tuple[Sentence, ...] = (
    # double_negative
    Sentence(
        "double_negative",
        "I'm not unbothered by racist jokes.",
        (Reading("race", 1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "There's no slur against gay people that I don't object to.",
        (Reading("gender", 1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "It's not that jokes about politicians don't bother me. They do.",
        (Reading("politics", 1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "Sexist comments never fail to get under my skin.",
        (Reading("gender", 1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "There's hardly a joke about Muslims that doesn't make me uncomfortable.",
        (Reading("religion", 1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "I'm not insensitive to remarks about people's skin colour.",
        (Reading("race", 1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "I'm not OK with comments that mock someone's faith.",
        (Reading("religion", 1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "I'm not fine with people making fun of trans folks.",
        (Reading("gender", 1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "I'm not one to let a racist remark slide.",
        (Reading("race", 1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "I'm no stranger to being upset by crude language.",
        (Reading("profanity", 1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "I'm not thick-skinned at all.",
        (Reading("global", 1, "strong"),),
    ),
    Sentence(
        "double_negative",
        "Rarely does a day go by when I don't find some comment online offensive.",
        (Reading("global", 1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "I'm not immune to feeling hurt by jokes about immigrants.",
        (Reading("race", 1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "Not a single slur against Jewish people gets a pass from me.",
        (Reading("religion", 1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "I can't not flinch when someone uses the n-word.",
        (Reading("race", 1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "Political insults aren't something I can just ignore.",
        (Reading("politics", 1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "I've never not been annoyed by people cursing in comment sections.",
        (Reading("profanity", 1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "I'm anything but relaxed about homophobic comments.",
        (Reading("gender", 1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "I'd be lying if I said swearing didn't bother me.",
        (Reading("profanity", 1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "Mockery of people's religion doesn't leave me indifferent.",
        (Reading("religion", 1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "I find it hard not to take offence at the name-calling in election campaigns.",
        (Reading("politics", 1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "I can't say I've ever minded people cursing.",
        (Reading("profanity", -1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "Swearing isn't something I'm uncomfortable with.",
        (Reading("profanity", -1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "I ain't never been bothered by jokes about preachers.",
        (Reading("religion", -1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "I'd never say no to a good joke about the church.",
        (Reading("religion", -1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "It isn't unusual for me to laugh at jokes about different nationalities.",
        (Reading("race", -1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "I can't think of a political joke I couldn't laugh at.",
        (Reading("politics", -1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "I'm not against edgy humour, not at all.",
        (Reading("global", -1, "strong"),),
    ),
    Sentence(
        "double_negative",
        "I'm not unwilling to laugh at jokes about Republicans and Democrats alike.",
        (Reading("politics", -1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "I don't disapprove of jokes about gender stereotypes.",
        (Reading("gender", -1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "It's not like nothing offends me, but it takes a lot.",
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "I'm not one of those people who can't take a joke.",
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "I don't object to jokes about the Irish or the Scots.",
        (Reading("race", -1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "No joke at men's expense is unacceptable to me.",
        (Reading("gender", -1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "Nobody could call me prudish about dirty words.",
        (Reading("profanity", -1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "Blasphemy doesn't strike me as unacceptable.",
        (Reading("religion", -1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "It's not a problem for me when commenters trash politicians.",
        (Reading("politics", -1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "Jokes about accents aren't off-limits for me.",
        (Reading("race", -1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "I'm not in the least put off by jokes about feminists.",
        (Reading("gender", -1, "strong"),),
    ),
    Sentence(
        "double_negative",
        "I never disliked satire about the prime minister.",
        (Reading("politics", -1, "plain"),),
    ),
    # life_story
    Sentence(
        "life_story",
        (
            "I grew up in a very religious family. These days jokes about the church don't "
            "bother me."
        ),
        (Reading("religion", -1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "I'm a nurse and I work night shifts in A&E. People swear at me all the time, so "
            "cursing doesn't register with me anymore."
        ),
        (Reading("profanity", -1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "My dad swore constantly when I was a kid. Maybe that's why I really can't stand "
            "foul language now."
        ),
        (Reading("profanity", 1, "strong"),),
    ),
    Sentence(
        "life_story",
        (
            "I moved to the UK from Nigeria when I was twelve. At school I heard a lot of "
            "comments about my accent and my skin. Racist remarks still upset me, even "
            "online."
        ),
        (Reading("race", 1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "I used to be offended by jokes about politicians. After ten years working in "
            "local government, I find them harmless."
        ),
        (Reading("politics", -1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "I'm a retired teacher from a small town in Ohio. I taught for thirty-five years "
            "and heard every word in the book. I'm not easily offended."
        ),
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "My sister is trans and came out when she was nineteen. I watched her get "
            "harassed online for years. Comments mocking trans people offend me deeply."
        ),
        (Reading("gender", 1, "strong"),),
    ),
    Sentence(
        "life_story",
        (
            "I work in a pub in Glasgow. Swearing is just how people talk here, and it "
            "doesn't faze me in the slightest."
        ),
        (Reading("profanity", -1, "strong"),),
    ),
    Sentence(
        "life_story",
        (
            "I'm an atheist, and my partner is a practising Catholic. We joke about each "
            "other's beliefs all the time. Religious humour doesn't offend me."
        ),
        (Reading("religion", -1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "I spent six years in the army. Crude banter doesn't bother me at all, but sexist"
            " comments do."
        ),
        (Reading("profanity", -1, "strong"), Reading("gender", 1, "plain")),
    ),
    Sentence(
        "life_story",
        "My grandparents survived the Holocaust. I find antisemitic jokes very offensive.",
        (Reading("religion", 1, "strong"),),
    ),
    Sentence(
        "life_story",
        (
            "I'm a political journalist and have covered four general elections. Insults "
            "aimed at politicians don't offend me one bit."
        ),
        (Reading("politics", -1, "strong"),),
    ),
    Sentence(
        "life_story",
        (
            "I'm a stay-at-home mum with three kids under ten. Most of my time online is "
            "spent in parenting groups. Foul language in comments upsets me."
        ),
        (Reading("profanity", 1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "I grew up in Texas in a family of Republicans. I'm a Democrat now, and we argue "
            "every Thanksgiving. Political jokes from either side make me laugh."
        ),
        (Reading("politics", -1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "I'm a software developer in Berlin. I moved here from India five years ago. "
            "Jokes about immigrants bother me somewhat."
        ),
        (Reading("race", 1, "slight"),),
    ),
    Sentence(
        "life_story",
        (
            "My mother was a vicar. I stopped going to church at sixteen, but I still find "
            "blasphemy a bit hurtful."
        ),
        (Reading("religion", 1, "slight"),),
    ),
    Sentence(
        "life_story",
        (
            "I used to laugh along with sexist jokes at work. Then my daughter was born, and "
            "now I find them really offensive."
        ),
        (Reading("gender", 1, "strong"),),
    ),
    Sentence(
        "life_story",
        (
            "I'm a stand-up comedian and have been gigging for fifteen years. I'm really hard"
            " to offend."
        ),
        (Reading("global", -1, "strong"),),
    ),
    Sentence(
        "life_story",
        "I was bullied at school for being gay. Homophobic slurs upset me a great deal.",
        (Reading("gender", 1, "strong"),),
    ),
    Sentence(
        "life_story",
        (
            "My husband is from Pakistan and our kids are mixed race. Since we married, "
            "racist remarks have started to offend me."
        ),
        (Reading("race", 1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "I'm seventy-two and grew up on a farm in Iowa. My father and his friends cursed "
            "like sailors. I honestly don't notice swearing."
        ),
        (Reading("profanity", -1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "I teach gender studies at a university. Most of my students spend more time on "
            "Reddit than I do. Misogynistic comments offend me."
        ),
        (Reading("gender", 1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "I was raised Muslim in Birmingham. My family is fairly relaxed about religion. "
            "Even so, jokes about the Prophet offend me a great deal."
        ),
        (Reading("religion", 1, "strong"),),
    ),
    Sentence(
        "life_story",
        (
            "I'm a police officer and I hear abuse every shift. At this point I'm thick-"
            "skinned about almost everything."
        ),
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "I live in Northern Ireland, where politics and religion are tangled together. "
            "I've learned to laugh at jokes about both."
        ),
        (Reading("politics", -1, "plain"), Reading("religion", -1, "plain")),
    ),
    Sentence(
        "life_story",
        (
            "My brother is a Baptist minister and my best friend is an atheist. I hear "
            "arguments about God all the time. Neither side's jokes offend me."
        ),
        (Reading("religion", -1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "I'm a single dad and work as an electrician. Sexist jokes about men don't bother"
            " me, but jokes about women do, a little."
        ),
        (Reading("gender", -1, "plain"), Reading("gender", 1, "slight")),
    ),
    Sentence(
        "life_story",
        (
            "I studied history and wrote my thesis on the civil rights movement. Racial slurs"
            " offend me deeply, even in jokes."
        ),
        (Reading("race", 1, "strong"),),
    ),
    Sentence(
        "life_story",
        (
            "I used to work on a building site. Everyone there swore and told dirty jokes. I "
            "don't mind crude language."
        ),
        (Reading("profanity", -1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "I'm originally from Poland and I've lived in London for eight years. People make"
            " jokes about Polish plumbers all the time. Honestly, they don't offend me."
        ),
        (Reading("race", -1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "My mum is deeply religious and my dad is an atheist. I'm somewhere in between. I"
            " get a bit annoyed by people mocking believers."
        ),
        (Reading("religion", 1, "slight"),),
    ),
    Sentence(
        "life_story",
        (
            "I ran for city council in 2018 and lost. I got a lot of abuse online during the "
            "campaign. Personal attacks on candidates offend me a lot now."
        ),
        (Reading("politics", 1, "strong"),),
    ),
    Sentence(
        "life_story",
        (
            "I'm a music producer, and most of the rap I work on is full of explicit lyrics. "
            "Profanity doesn't offend me in the least."
        ),
        (Reading("profanity", -1, "strong"),),
    ),
    Sentence(
        "life_story",
        (
            "I'm a grandmother of six. I was brought up to believe that ladies don't swear. I"
            " still find swearing offensive."
        ),
        (Reading("profanity", 1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "I grew up in rural Kenya and came to the US for college. Jokes about Africans "
            "used to hurt me. Now I just find them stupid, not offensive."
        ),
        (Reading("race", -1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "My partner and I are both women, and we've been together twelve years. Jokes "
            "about lesbians don't bother me; we make them ourselves."
        ),
        (Reading("gender", -1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "I'm a social worker, and I deal with families in crisis every day. My colleagues"
            " get offended by the slightest thing. I'm not like that at all."
        ),
        (Reading("global", -1, "strong"),),
    ),
    Sentence(
        "life_story",
        (
            "I was in a punk band in the eighties. We swore on stage and offended everyone we"
            " could. These days, funnily enough, I'm easily offended myself."
        ),
        (Reading("global", 1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "My father was a union organiser and my mother a Labour councillor. Politics was "
            "discussed at every meal. I find jokes about left-wing politicians slightly "
            "offensive, but jokes about the right don't bother me."
        ),
        (Reading("politics", 1, "slight"), Reading("politics", -1, "plain")),
    ),
    Sentence(
        "life_story",
        (
            "I'm a moderator for a gaming forum. I've seen thousands of reported comments. "
            "Swearing doesn't bother me at all, but I'm strict about racism."
        ),
        (Reading("profanity", -1, "strong"), Reading("race", 1, "plain")),
    ),
    # typos
    Sentence(
        "typos",
        "religous jokes dont bother me",
        (Reading("religion", -1, "plain"),),
    ),
    Sentence(
        "typos",
        "im not offended by swearing tbh",
        (Reading("profanity", -1, "plain"),),
    ),
    Sentence(
        "typos",
        "racist stuff really gets to me ngl",
        (Reading("race", 1, "strong"),),
    ),
    Sentence(
        "typos",
        "idc about politics jokes lol",
        (Reading("politics", -1, "plain"),),
    ),
    Sentence(
        "typos",
        "sexist coments r definately offensve to me",
        (Reading("gender", 1, "plain"),),
    ),
    Sentence(
        "typos",
        "swearing doesnt bothr me at all",
        (Reading("profanity", -1, "strong"),),
    ),
    Sentence(
        "typos",
        "i hate when ppl make fun of gay ppl",
        (Reading("gender", 1, "plain"),),
    ),
    Sentence(
        "typos",
        "im sooo easily offended its not even funny",
        (Reading("global", 1, "strong"),),
    ),
    Sentence(
        "typos",
        "political jokes r fine w/ me but racist ones arent",
        (Reading("politics", -1, "plain"), Reading("race", 1, "plain")),
    ),
    Sentence(
        "typos",
        "cursing is whatever 2 me",
        (Reading("profanity", -1, "plain"),),
    ),
    Sentence(
        "typos",
        "i get kinda upset w jokes about muslims",
        (Reading("religion", 1, "slight"),),
    ),
    Sentence(
        "typos",
        "tbh i dont care about swear words",
        (Reading("profanity", -1, "plain"),),
    ),
    Sentence(
        "typos",
        "jokes abt trump n biden dont offend me",
        (Reading("politics", -1, "plain"),),
    ),
    Sentence(
        "typos",
        "im a bit sensitve about racial slurs",
        (Reading("race", 1, "slight"),),
    ),
    Sentence(
        "typos",
        "blasphemy rly offends me",
        (Reading("religion", 1, "strong"),),
    ),
    Sentence(
        "typos",
        "i dont mind curse words slurs against women do bother me tho",
        (Reading("profanity", -1, "plain"), Reading("gender", 1, "plain")),
    ),
    Sentence(
        "typos",
        "nothing offends me tbh",
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "typos",
        "ppl who joke about immigrants piss me off",
        (Reading("race", 1, "plain"),),
    ),
    Sentence(
        "typos",
        "im definately more offended by sexism than most ppl",
        (Reading("gender", 1, "plain"),),
    ),
    Sentence(
        "typos",
        "religion jokes r ok w me",
        (Reading("religion", -1, "plain"),),
    ),
    Sentence(
        "typos",
        "swearing offends me alot",
        (Reading("profanity", 1, "strong"),),
    ),
    Sentence(
        "typos",
        "jokes about trans ppl r not ok",
        (Reading("gender", 1, "plain"),),
    ),
    Sentence(
        "typos",
        "im not bothred by political stuff at all",
        (Reading("politics", -1, "strong"),),
    ),
    Sentence(
        "typos",
        "racism is never ok in my book",
        (Reading("race", 1, "plain"),),
    ),
    Sentence(
        "typos",
        "swearing is sooo not a big deal lol",
        (Reading("profanity", -1, "strong"),),
    ),
    Sentence(
        "typos",
        "the f word doesnt phase me",
        (Reading("profanity", -1, "plain"),),
    ),
    Sentence(
        "typos",
        "misogyny makes me so mad",
        (Reading("gender", 1, "strong"),),
    ),
    Sentence(
        "typos",
        "im chill about most things online",
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "typos",
        "jokes about black ppl r not ok w me",
        (Reading("race", 1, "plain"),),
    ),
    Sentence(
        "typos",
        "politicans get roasted all the time and i think its funny",
        (Reading("politics", -1, "plain"),),
    ),
    Sentence(
        "typos",
        "idk i guess sexist jokes bother me a little",
        (Reading("gender", 1, "slight"),),
    ),
    Sentence(
        "typos",
        "dont care abt cussing, do care abt racism",
        (Reading("profanity", -1, "plain"), Reading("race", 1, "plain")),
    ),
    Sentence(
        "typos",
        "im super sensitive to anything anti-semitic",
        (Reading("religion", 1, "strong"),),
    ),
    Sentence(
        "typos",
        "honestly im way less easily offended than my freinds",
        (Reading("global", -1, "strong"),),
    ),
    Sentence(
        "typos",
        "jokes about christians r fine but not abt jews",
        (Reading("religion", -1, "plain"), Reading("religion", 1, "plain")),
    ),
    Sentence(
        "typos",
        "u can swear all u want i wont be offended",
        (Reading("profanity", -1, "plain"),),
    ),
    Sentence(
        "typos",
        "gay jokes used 2 be ok w me but now they bother me",
        (Reading("gender", 1, "plain"),),
    ),
    Sentence(
        "typos",
        "i get offended by political attacks more then i should",
        (Reading("politics", 1, "plain"),),
    ),
    Sentence(
        "typos",
        "racist coments upset me bc my familys from mexico",
        (Reading("race", 1, "plain"),),
    ),
    Sentence(
        "typos",
        "bad language dosent bother me jokes about politicians dont either",
        (Reading("profanity", -1, "plain"), Reading("politics", -1, "plain")),
    ),
    # plain
    Sentence(
        "plain",
        "Jokes about Muslims offend me.",
        (Reading("religion", 1, "plain"),),
    ),
    Sentence(
        "plain",
        "Swearing doesn't bother me.",
        (Reading("profanity", -1, "plain"),),
    ),
    Sentence(
        "plain",
        "I find racist comments offensive.",
        (Reading("race", 1, "plain"),),
    ),
    Sentence(
        "plain",
        "I'm fine with jokes about politicians.",
        (Reading("politics", -1, "plain"),),
    ),
    Sentence(
        "plain",
        "Sexist remarks upset me.",
        (Reading("gender", 1, "plain"),),
    ),
    Sentence(
        "plain",
        "I'm easily offended.",
        (Reading("global", 1, "plain"),),
    ),
    Sentence(
        "plain",
        "Crude language is acceptable to me.",
        (Reading("profanity", -1, "plain"),),
    ),
    Sentence(
        "plain",
        "I have no problem with jokes about men.",
        (Reading("gender", -1, "plain"),),
    ),
    # negated_global
    Sentence(
        "negated_global",
        "I'm not easily offended.",
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "negated_global",
        "I don't take offensive comments lightly.",
        (Reading("global", 1, "plain"),),
    ),
    Sentence(
        "negated_global",
        "I don't get offended by things people post online.",
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "negated_global",
        "Nothing I read online offends me.",
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "negated_global",
        "I'm not the type to get upset over comments.",
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "negated_global",
        "I don't have a thick skin.",
        (Reading("global", 1, "plain"),),
    ),
    Sentence(
        "negated_global",
        "I can't brush off offensive comments the way others can.",
        (Reading("global", 1, "plain"),),
    ),
    Sentence(
        "negated_global",
        "I'm not at all sensitive to offensive content.",
        (Reading("global", -1, "strong"),),
    ),
    # hedge
    Sentence(
        "hedge",
        "Jokes about religion bother me a bit.",
        (Reading("religion", 1, "slight"),),
    ),
    Sentence(
        "hedge",
        "I'm slightly more tolerant of swearing than most.",
        (Reading("profanity", -1, "slight"),),
    ),
    Sentence(
        "hedge",
        "Racist jokes somewhat offend me.",
        (Reading("race", 1, "slight"),),
    ),
    Sentence(
        "hedge",
        "I'm mildly annoyed by political insults.",
        (Reading("politics", 1, "slight"),),
    ),
    Sentence(
        "hedge",
        "Sexist humour is a little off-putting to me.",
        (Reading("gender", 1, "slight"),),
    ),
    Sentence(
        "hedge",
        "I suppose I'm a bit thin-skinned.",
        (Reading("global", 1, "slight"),),
    ),
    Sentence(
        "hedge",
        "I'm a bit lenient about crude language.",
        (Reading("profanity", -1, "slight"),),
    ),
    Sentence(
        "hedge",
        "Jokes about atheists mildly amuse me rather than offend me.",
        (Reading("religion", -1, "slight"),),
    ),
    # comparative
    Sentence(
        "comparative",
        "I'm more offended by racist jokes than most people.",
        (Reading("race", 1, "plain"),),
    ),
    Sentence(
        "comparative",
        "Compared to other people, swearing bothers me less.",
        (Reading("profanity", -1, "plain"),),
    ),
    Sentence(
        "comparative",
        "I'm stricter than average about sexist comments.",
        (Reading("gender", 1, "plain"),),
    ),
    Sentence(
        "comparative",
        "I rate political jokes as less offensive than most raters would.",
        (Reading("politics", -1, "plain"),),
    ),
    Sentence(
        "comparative",
        "I'm much more sensitive to religious insults than my friends are.",
        (Reading("religion", 1, "strong"),),
    ),
    Sentence(
        "comparative",
        "I'm less easily offended than the average person.",
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "comparative",
        "Slurs about gay people upset me more than they upset most people.",
        (Reading("gender", 1, "plain"),),
    ),
    Sentence(
        "comparative",
        "I'm far more relaxed about crude language than most annotators.",
        (Reading("profanity", -1, "strong"),),
    ),
    # third_person_past
    Sentence(
        "third_person_past",
        "My mother was offended by swearing.",
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "third_person_past",
        "My brother used to find racist jokes funny.",
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "third_person_past",
        "My friends think political jokes are harmless.",
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "third_person_past",
        "As a teenager I found blasphemy upsetting, and I still do.",
        (Reading("religion", 1, "plain"),),
    ),
    Sentence(
        "third_person_past",
        "My wife hates sexist comments, but they don't bother me.",
        (Reading("gender", -1, "plain"),),
    ),
    Sentence(
        "third_person_past",
        "My dad found jokes about atheists hilarious.",
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "third_person_past",
        "I used to be easily offended, but not anymore.",
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "third_person_past",
        "Most of my coworkers are easily offended.",
        (Reading("none", 0, "plain"),),
    ),
    # two_topics
    Sentence(
        "two_topics",
        "Jokes about religion offend me, but I don't mind swearing.",
        (Reading("religion", 1, "plain"), Reading("profanity", -1, "plain")),
    ),
    Sentence(
        "two_topics",
        "I'm relaxed about political humour and strict about racist humour.",
        (Reading("politics", -1, "plain"), Reading("race", 1, "plain")),
    ),
    Sentence(
        "two_topics",
        "Sexist and racist comments both upset me.",
        (Reading("gender", 1, "plain"), Reading("race", 1, "plain")),
    ),
    Sentence(
        "two_topics",
        "Swearing is fine, and so are jokes about politicians.",
        (Reading("profanity", -1, "plain"), Reading("politics", -1, "plain")),
    ),
    Sentence(
        "two_topics",
        ("While slurs against women offend me deeply, jokes about Christians don't bother me."),
        (Reading("gender", 1, "strong"), Reading("religion", -1, "plain")),
    ),
    Sentence(
        "two_topics",
        "I find crude language slightly offensive and homophobia very offensive.",
        (Reading("profanity", 1, "slight"), Reading("gender", 1, "strong")),
    ),
    Sentence(
        "two_topics",
        "Neither political insults nor religious jokes bother me.",
        (Reading("politics", -1, "plain"), Reading("religion", -1, "plain")),
    ),
    Sentence(
        "two_topics",
        "Anti-immigrant comments make me angry; crude jokes make me laugh.",
        (Reading("race", 1, "plain"), Reading("profanity", -1, "plain")),
    ),
    # no_bearing
    Sentence(
        "no_bearing",
        "I have two cats and a dog.",
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "no_bearing",
        "I live in Manchester and work as an accountant.",
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "no_bearing",
        "My favourite food is Thai curry.",
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "no_bearing",
        "I usually annotate comments in the evening after work.",
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "no_bearing",
        "I studied linguistics at university.",
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "no_bearing",
        "I read the news every morning before breakfast.",
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "no_bearing",
        "My sister is getting married in June at a church in Dublin.",
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "no_bearing",
        "I've been a member of the Labour Party for ten years.",
        (Reading("none", 0, "plain"),),
    ),
)
