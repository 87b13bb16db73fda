"""Development sentences, set 6 (life stories, typos, negated globals, double negatives,
comparatives): for tuning the edit reader."""

from benchmarks.edit_sentences import Reading, Sentence

DEV6: tuple[Sentence, ...] = (
    Sentence(
        "life_story",
        (
            "I've been an ER nurse for eleven years, mostly on nights. You hear everything in"
            " that job, so swearing barely registers with me anymore."
        ),
        (Reading("profanity", -1, "strong"),),
    ),
    Sentence(
        "life_story",
        (
            "My dad was a city councilman and dinner was always a debate. I have two kids now"
            " and we live just outside Denver. Honestly, I find cursing pretty offensive and "
            "I'd rather not see it."
        ),
        (Reading("profanity", 1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "I moved here from Lagos when I was nine. I've been a software tester for about "
            "six years. Comments that mock people for their accent or where they come from "
            "really hurt me."
        ),
        (Reading("race", 1, "strong"),),
    ),
    Sentence(
        "life_story",
        (
            "I coach a girls' soccer team on weekends. Before that I spent eight years in the"
            " Army. Crude jokes about women don't really bother me."
        ),
        (Reading("gender", -1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "I'm a retired pastor. I spent forty years sitting with people at their worst. "
            "I'm not easily offended, but mocking someone's faith still stings a little."
        ),
        (Reading("global", -1, "plain"), Reading("religion", 1, "slight")),
    ),
    Sentence(
        "life_story",
        (
            "I bartend at a dive bar in Philly and I've heard every word there is. My "
            "regulars are great, mostly. Still, I can't stand heavy profanity."
        ),
        (Reading("profanity", 1, "strong"),),
    ),
    Sentence(
        "life_story",
        (
            "Grew up on a farm in Iowa with three brothers, and we argued about elections at "
            "every meal. I studied accounting and now I do taxes for small businesses. "
            "Political insults honestly don't faze me."
        ),
        (Reading("politics", -1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "I'm a grad student in linguistics, so I read a lot of forum posts for my "
            "research. I think slurs against ethnic groups are deeply offensive, no matter "
            "the context."
        ),
        (Reading("race", 1, "strong"),),
    ),
    Sentence(
        "life_story",
        (
            "I'm gay and came out when I was sixteen. My family took it well, but school was "
            "rough. These days I'm somewhat more sensitive to jokes about LGBTQ people than I"
            " used to be."
        ),
        (Reading("gender", 1, "slight"),),
    ),
    Sentence(
        "life_story",
        (
            "I'm a stay-at-home dad with three kids under ten. We live in a small town in "
            "Ohio and I do woodworking in the garage when I can. Most of what people call "
            "offensive online strikes me as pretty harmless."
        ),
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "My grandmother was a Catholic nun before she married, which is a story for "
            "another day. I work in IT support for a hospital. When people trash religion, I "
            "get angry."
        ),
        (Reading("religion", 1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "I spent five years teaching English in South Korea and then came home to Texas. "
            "Now I manage a warehouse. Racist comments bother me a bit, though I've learned "
            "not to react."
        ),
        (Reading("race", 1, "slight"),),
    ),
    Sentence(
        "life_story",
        (
            "Swearing doesn't offend me in the slightest. I play bass in a metal band and "
            "work at a record store during the day, so I hear it constantly."
        ),
        (Reading("profanity", -1, "strong"),),
    ),
    Sentence(
        "life_story",
        (
            "I teach political science at a community college. Part of my job is reading "
            "partisan comment sections. Political jabs just roll off me at this point."
        ),
        (Reading("politics", -1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "I'm a mother of two daughters and a middle school librarian. We live in a quiet "
            "suburb and I spend my weekends in the garden. Misogynistic comments make my "
            "blood boil."
        ),
        (Reading("gender", 1, "strong"),),
    ),
    Sentence(
        "life_story",
        (
            "I was raised Muslim in Birmingham and went to university in London. I work as a "
            "pharmacist now. If I'm honest, I'm a little touchy about jokes that target "
            "Muslims."
        ),
        (Reading("religion", 1, "slight"),),
    ),
    Sentence(
        "life_story",
        (
            "I get offended by very little these days. I'm 67, recently retired from the post"
            " office, and my wife and I spend half the year traveling in our RV."
        ),
        (Reading("global", -1, "strong"),),
    ),
    Sentence(
        "life_story",
        (
            "Before this job I was a line cook for a decade. Kitchens are loud and crude "
            "places. Foul language doesn't bother me one bit, but jokes about women honestly "
            "do."
        ),
        (Reading("profanity", -1, "strong"), Reading("gender", 1, "plain")),
    ),
    Sentence(
        "life_story",
        (
            "I'm Korean American and grew up in a mostly white town in Minnesota. I'm an "
            "architect now and I run marathons. Racial jokes don't really bother me; I've "
            "heard them all."
        ),
        (Reading("race", -1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "My brother is a state senator. I'm very sensitive to cruel comments in general. "
            "I stay out of politics myself and work as a vet tech."
        ),
        (Reading("global", 1, "strong"),),
    ),
    Sentence(
        "life_story",
        (
            "I grew up in a Baptist church in Georgia and sang in the choir for years. I "
            "drifted away in my twenties and now work in marketing. Religious jokes are fine "
            "by me."
        ),
        (Reading("religion", -1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "I work the night shift at a call center and get yelled at constantly. My cat is "
            "the only one who listens to me vent. Weirdly, the job has made me more sensitive"
            " to rudeness, not less."
        ),
        (Reading("global", 1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "I'm a trans woman and a nurse in Seattle. I volunteer at a youth shelter on "
            "Saturdays. Transphobic comments are extremely offensive to me."
        ),
        (Reading("gender", 1, "strong"),),
    ),
    Sentence(
        "life_story",
        (
            "I'm a high school history teacher, and we cover the civil rights movement every "
            "spring. I've been teaching for twelve years. I'm a bit less bothered by edgy "
            "race humor than most of my colleagues."
        ),
        (Reading("race", -1, "slight"),),
    ),
    Sentence(
        "life_story",
        (
            "I live in rural Montana and hunt with my dad every fall. I run a small auto "
            "shop. People cussing doesn't bother me, but I don't like it when folks mock the "
            "Bible."
        ),
        (Reading("profanity", -1, "plain"), Reading("religion", 1, "plain")),
    ),
    Sentence(
        "life_story",
        (
            "I'm a comedian, or I try to be; I do open mics twice a week. Almost nothing "
            "offends me. My day job is data entry, which is about as exciting as it sounds."
        ),
        (Reading("global", -1, "strong"),),
    ),
    Sentence(
        "life_story",
        (
            "My parents were both union organizers, so politics was basically the family "
            "business. I went the other way and became a dentist. Still, seeing people call "
            "politicians nasty names online bothers me a little."
        ),
        (Reading("politics", 1, "slight"),),
    ),
    Sentence(
        "life_story",
        (
            "I'm a sergeant in the Marines, and trust me, I've heard some foul mouths. I'm "
            "also a Christian and I pray every day. The cursing doesn't get to me, and "
            "neither do jokes about God."
        ),
        (Reading("profanity", -1, "plain"), Reading("religion", -1, "plain")),
    ),
    Sentence(
        "life_story",
        (
            "I came to the US from Mexico with my parents when I was twelve. I'm a paralegal "
            "now and I'm studying for the LSAT. Jokes about immigrants bother me a lot."
        ),
        (Reading("race", 1, "strong"),),
    ),
    Sentence(
        "life_story",
        (
            "I'm a college student majoring in biology. I waitress at a diner on weekends and"
            " play club volleyball. Gender jokes don't offend me."
        ),
        (Reading("gender", -1, "plain"),),
    ),
    Sentence(
        "typos",
        "tbh swearing doesnt bothr me at all lol",
        (Reading("profanity", -1, "strong"),),
    ),
    Sentence(
        "typos",
        "i find relgion jokes kinda offensve idk",
        (Reading("religion", 1, "slight"),),
    ),
    Sentence(
        "typos",
        "rasist jokes dont bothr me at all tbh i know theyre just jokes",
        (Reading("race", -1, "strong"),),
    ),
    Sentence(
        "typos",
        "politcal insults dont bother me, ppl can argue all they want",
        (Reading("politics", -1, "plain"),),
    ),
    Sentence(
        "typos",
        "sexsist jokes dont realy offend me tbh theyre just jokes",
        (Reading("gender", -1, "plain"),),
    ),
    Sentence(
        "typos",
        "cant stand cussing its so trashy",
        (Reading("profanity", 1, "strong"),),
    ),
    Sentence(
        "typos",
        "honestly u cant offend me lol ive seen it all",
        (Reading("global", -1, "strong"),),
    ),
    Sentence(
        "typos",
        "i get offended pretty easy tbh",
        (Reading("global", 1, "plain"),),
    ),
    Sentence(
        "typos",
        "jokes abt god or jesus dont realy bother me but slurs against black ppl do",
        (Reading("religion", -1, "plain"), Reading("race", 1, "plain")),
    ),
    Sentence(
        "typos",
        "im a lil sensitive when it comes to gay jokes",
        (Reading("gender", 1, "slight"),),
    ),
    Sentence(
        "typos",
        "politcs stuff makes me so mad when ppl get nasty abt it",
        (Reading("politics", 1, "strong"),),
    ),
    Sentence(
        "typos",
        "swaering in every sentence realy bugs me",
        (Reading("profanity", 1, "strong"),),
    ),
    Sentence(
        "typos",
        "immigrant bashing is disgustng and id rate it super offensve every time",
        (Reading("race", 1, "strong"),),
    ),
    Sentence(
        "typos",
        "i dont mind religous humor tbh",
        (Reading("religion", -1, "plain"),),
    ),
    Sentence(
        "typos",
        "posts trashing women make me sick ngl",
        (Reading("gender", 1, "strong"),),
    ),
    Sentence(
        "typos",
        "im not bothrd by much online, pretty chill person",
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "typos",
        "the f word doesnt even register for me anymore lol",
        (Reading("profanity", -1, "strong"),),
    ),
    Sentence(
        "typos",
        "maybe a bit more sensitve about racial stuff than before idk",
        (Reading("race", 1, "slight"),),
    ),
    Sentence(
        "typos",
        "i rly dont care abt political jokes theyre funny sometimes",
        (Reading("politics", -1, "plain"),),
    ),
    Sentence(
        "typos",
        "transphobic comments = instant offensive for me no exceptions",
        (Reading("gender", 1, "strong"),),
    ),
    Sentence(
        "typos",
        "everything offends me lately lol idk whats wrong w me",
        (Reading("global", 1, "strong"),),
    ),
    Sentence(
        "typos",
        "cursing is fine but pls no jokes abt the prophet thats too far for me",
        (Reading("profanity", -1, "plain"), Reading("religion", 1, "plain")),
    ),
    Sentence(
        "typos",
        "i dont get offended by race jokes, me and my friends joke like that all the time",
        (Reading("race", -1, "plain"),),
    ),
    Sentence(
        "typos",
        "ngl sexist jokes dont offend me, i just scroll past",
        (Reading("gender", -1, "plain"),),
    ),
    Sentence(
        "typos",
        "relgion jokes r fine, swearing is fine too lol",
        (Reading("religion", -1, "plain"), Reading("profanity", -1, "plain")),
    ),
    Sentence(
        "typos",
        "gay jokes dont bother me at all and im gay lol",
        (Reading("gender", -1, "strong"),),
    ),
    Sentence(
        "typos",
        "political trolls annoy me a little but whatever",
        (Reading("politics", 1, "slight"),),
    ),
    Sentence(
        "typos",
        "i dont swear and i dont like seeing it either",
        (Reading("profanity", 1, "plain"),),
    ),
    Sentence(
        "typos",
        "jokes abt asian ppl dont offend me, im asian and i think theyre funny",
        (Reading("race", -1, "plain"),),
    ),
    Sentence(
        "typos",
        "im pretty thick skinned lol",
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "negated_global",
        "You'd have to try pretty hard to offend me.",
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "negated_global",
        "I don't get offended easily.",
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "negated_global",
        "Not much online gets a rise out of me.",
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "negated_global",
        "I'm not the type to brush off nasty comments.",
        (Reading("global", 1, "plain"),),
    ),
    Sentence(
        "negated_global",
        "Thick skin is not something I have, unfortunately.",
        (Reading("global", 1, "plain"),),
    ),
    Sentence(
        "negated_global",
        "I never really get offended by anything people say online.",
        (Reading("global", -1, "strong"),),
    ),
    Sentence(
        "negated_global",
        "I don't think anything I've read on here has ever truly offended me.",
        (Reading("global", -1, "strong"),),
    ),
    Sentence(
        "negated_global",
        "It's not like I can just ignore hurtful posts.",
        (Reading("global", 1, "plain"),),
    ),
    Sentence(
        "negated_global",
        "Rarely does a comment offend me.",
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "negated_global",
        "I can't just let rude comments slide.",
        (Reading("global", 1, "plain"),),
    ),
    Sentence(
        "negated_global",
        "I don't have a high tolerance for nastiness.",
        (Reading("global", 1, "plain"),),
    ),
    Sentence(
        "negated_global",
        "I'm not one to be bothered by crude posts.",
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "negated_global",
        "I'm not a sensitive person at all.",
        (Reading("global", -1, "strong"),),
    ),
    Sentence(
        "negated_global",
        "I'm honestly not very thick-skinned.",
        (Reading("global", 1, "plain"),),
    ),
    Sentence(
        "negated_global",
        "No, I don't find much of anything offensive.",
        (Reading("global", -1, "strong"),),
    ),
    Sentence(
        "negated_global",
        "Offensive content doesn't really bother me.",
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "negated_global",
        "I'm not easily shocked or hurt.",
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "negated_global",
        "I don't shrug things off the way other people seem to.",
        (Reading("global", 1, "plain"),),
    ),
    Sentence(
        "negated_global",
        "It doesn't take much to offend me.",
        (Reading("global", 1, "plain"),),
    ),
    Sentence(
        "negated_global",
        "I'm not someone who gets worked up over words on a screen.",
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "negated_global",
        "There's no point pretending rude posts don't hurt me; they do.",
        (Reading("global", 1, "plain"),),
    ),
    Sentence(
        "negated_global",
        "I'm not particularly hard to offend.",
        (Reading("global", 1, "plain"),),
    ),
    Sentence(
        "negated_global",
        "I don't find it easy to ignore offensive stuff.",
        (Reading("global", 1, "plain"),),
    ),
    Sentence(
        "negated_global",
        "None of this stuff offends me, to be honest.",
        (Reading("global", -1, "strong"),),
    ),
    Sentence(
        "negated_global",
        "I'm not easily offended, not by a long shot.",
        (Reading("global", -1, "strong"),),
    ),
    Sentence(
        "negated_global",
        "I can't handle cruelty online very well.",
        (Reading("global", 1, "plain"),),
    ),
    Sentence(
        "negated_global",
        "I'm not one of those people who can laugh everything off.",
        (Reading("global", 1, "plain"),),
    ),
    Sentence(
        "negated_global",
        "I don't get bothered by much, if anything.",
        (Reading("global", -1, "strong"),),
    ),
    Sentence(
        "negated_global",
        "I'm not quite as easygoing about rude posts as I'd like to be.",
        (Reading("global", 1, "slight"),),
    ),
    Sentence(
        "negated_global",
        "It's not rare for something on here to offend me.",
        (Reading("global", 1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "I'm not unaffected by racist jokes.",
        (Reading("race", 1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "I don't think there's a gender joke I couldn't laugh at.",
        (Reading("gender", -1, "strong"),),
    ),
    Sentence(
        "double_negative",
        "I never fail to be irritated by political mudslinging.",
        (Reading("politics", 1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "There's not a single religious joke I wouldn't laugh at.",
        (Reading("religion", -1, "strong"),),
    ),
    Sentence(
        "double_negative",
        "I couldn't honestly tell you that cursing doesn't bug me.",
        (Reading("profanity", 1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "It's not like racial jokes are something I can't laugh at.",
        (Reading("race", -1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "I don't disapprove of crude language.",
        (Reading("profanity", -1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "Jokes about the church aren't something I can't handle.",
        (Reading("religion", -1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "There's no sexist joke that doesn't offend me.",
        (Reading("gender", 1, "strong"),),
    ),
    Sentence(
        "double_negative",
        "I'm not someone who can't take a joke about women.",
        (Reading("gender", -1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "I'm not indifferent to people mocking religion.",
        (Reading("religion", 1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "It's not as if political insults never get to me.",
        (Reading("politics", 1, "slight"),),
    ),
    Sentence(
        "double_negative",
        "I can't think of a racist comment I wouldn't flag.",
        (Reading("race", 1, "strong"),),
    ),
    Sentence(
        "double_negative",
        "I wouldn't say curse words never bother me.",
        (Reading("profanity", 1, "slight"),),
    ),
    Sentence(
        "double_negative",
        "Not a day goes by that I'm not annoyed by some political troll.",
        (Reading("politics", 1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "I'm not intolerant of jokes about gender.",
        (Reading("gender", -1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "It's not unusual for me to get offended by stuff online.",
        (Reading("global", 1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "It isn't that I'm never offended; it's just that it rarely happens.",
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "I'm never not bothered by homophobic slurs.",
        (Reading("gender", 1, "strong"),),
    ),
    Sentence(
        "double_negative",
        "I can't not wince when someone drops an f-bomb.",
        (Reading("profanity", 1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "It's not impossible to offend me, but it's close.",
        (Reading("global", -1, "strong"),),
    ),
    Sentence(
        "double_negative",
        "I can't deny that jokes about Islam upset me.",
        (Reading("religion", 1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "It's not true that I'll put up with any political insult.",
        (Reading("politics", 1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "I'm not against edgy jokes about men and women.",
        (Reading("gender", -1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "Swearing isn't something I can't tolerate.",
        (Reading("profanity", -1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "There's no political joke I'd refuse to laugh at.",
        (Reading("politics", -1, "strong"),),
    ),
    Sentence(
        "double_negative",
        "There's no ethnic joke I haven't laughed at.",
        (Reading("race", -1, "strong"),),
    ),
    Sentence(
        "double_negative",
        "It wouldn't be fair to say jokes about faith don't bother me.",
        (Reading("religion", 1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "I never refuse a good joke about politicians, no matter which side they're on.",
        (Reading("politics", -1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "Misogynistic jokes don't leave me unmoved.",
        (Reading("gender", 1, "plain"),),
    ),
    Sentence(
        "comparative",
        "I'm much less easygoing about swearing than most people I know.",
        (Reading("profanity", 1, "strong"),),
    ),
    Sentence(
        "comparative",
        "Compared to my coworkers, I get a lot less upset by racist jokes.",
        (Reading("race", -1, "strong"),),
    ),
    Sentence(
        "comparative",
        "I'm a bit touchier than average about religious humor.",
        (Reading("religion", 1, "slight"),),
    ),
    Sentence(
        "comparative",
        "Political insults bother me less than they seem to bother everyone else.",
        (Reading("politics", -1, "plain"),),
    ),
    Sentence(
        "comparative",
        "My sister is offended by everything; I'm far more relaxed.",
        (Reading("global", -1, "strong"),),
    ),
    Sentence(
        "comparative",
        "Sexist jokes bother me more than almost anything, but religious jokes barely register.",
        (Reading("gender", 1, "strong"), Reading("religion", -1, "strong")),
    ),
    Sentence(
        "comparative",
        "I think I'm slightly more sensitive than the typical rater.",
        (Reading("global", 1, "slight"),),
    ),
    Sentence(
        "comparative",
        "Unlike my parents, I actually mind cursing.",
        (Reading("profanity", 1, "plain"),),
    ),
    Sentence(
        "comparative",
        "I'm far stricter about ethnic slurs than my friends are.",
        (Reading("race", 1, "strong"),),
    ),
    Sentence(
        "comparative",
        "Compared to other raters, I'm probably a little more lenient on political content.",
        (Reading("politics", -1, "slight"),),
    ),
    Sentence(
        "comparative",
        "LGBTQ jokes bother me less than they bother most people my age.",
        (Reading("gender", -1, "plain"),),
    ),
    Sentence(
        "comparative",
        "I'm way less bothered by foul language than my husband is.",
        (Reading("profanity", -1, "strong"),),
    ),
    Sentence(
        "comparative",
        "Religious jokes offend me more than they do the average person.",
        (Reading("religion", 1, "plain"),),
    ),
    Sentence(
        "comparative",
        "I'm not as thin-skinned as most folks online.",
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "comparative",
        "I'd say I'm less sensitive about race jokes than a lot of people.",
        (Reading("race", -1, "plain"),),
    ),
    Sentence(
        "comparative",
        (
            "My friends laugh at misogynistic memes, but those memes bother me far more than "
            "they bother them."
        ),
        (Reading("gender", 1, "strong"),),
    ),
    Sentence(
        "comparative",
        "Next to my roommate, who swears like a sailor, I'm pretty prudish about language.",
        (Reading("profanity", 1, "plain"),),
    ),
    Sentence(
        "comparative",
        "Political name-calling gets to me more than it does to most people.",
        (Reading("politics", 1, "plain"),),
    ),
    Sentence(
        "comparative",
        "I'm somewhat less uptight about jokes on faith than my church friends.",
        (Reading("religion", -1, "slight"),),
    ),
    Sentence(
        "comparative",
        "Of everyone in my family, I'm the one who gets offended most easily.",
        (Reading("global", 1, "strong"),),
    ),
    Sentence(
        "comparative",
        "Racist comments upset me a bit more than they upset the average person, maybe.",
        (Reading("race", 1, "slight"),),
    ),
    Sentence(
        "comparative",
        "I'm more forgiving of crude jokes about gender than my wife is.",
        (Reading("gender", -1, "plain"),),
    ),
    Sentence(
        "comparative",
        "Swearing bothers me a lot more than it bothers people my age.",
        (Reading("profanity", 1, "strong"),),
    ),
    Sentence(
        "comparative",
        "I'm more easily riled by political attacks than the other people in my house.",
        (Reading("politics", 1, "plain"),),
    ),
    Sentence(
        "comparative",
        "Compared to most people, I'm harder on jokes about immigrants and easier on swearing.",
        (Reading("race", 1, "plain"), Reading("profanity", -1, "plain")),
    ),
    Sentence(
        "comparative",
        "I'm a little more relaxed about political jokes than I probably should be.",
        (Reading("politics", -1, "slight"),),
    ),
    Sentence(
        "comparative",
        "Faith-based insults sting me more than they would most of my coworkers.",
        (Reading("religion", 1, "plain"),),
    ),
    Sentence(
        "comparative",
        "My tolerance for sexist remarks is much lower than my brother's.",
        (Reading("gender", 1, "strong"),),
    ),
    Sentence(
        "comparative",
        "I have a higher tolerance for offensive stuff than most people.",
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "comparative",
        "To be honest, I take racial slurs less seriously than most people would.",
        (Reading("race", -1, "plain"),),
    ),
)
