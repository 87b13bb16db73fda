"""Development sentences, set 7 (life stories, typos and the other families): for tuning the
edit reader. Written blind: the author saw neither the reader nor any other sentence set."""

from benchmarks.edit_sentences import Reading, Sentence

DEV7: tuple[Sentence, ...] = (
    Sentence(
        "life_story",
        (
            "I've been a long-haul trucker for twenty-two years and spent most of that on the"
            " CB radio with guys from every corner of the country. Cursing is basically "
            "punctuation out there. Foul language doesn't register with me at all anymore."
        ),
        (Reading("profanity", -1, "strong"),),
    ),
    Sentence(
        "life_story",
        (
            "I teach religious studies at a community college and I've got two teenage "
            "daughters. What gets under my skin is when men talk about women like they're "
            "objects."
        ),
        (Reading("gender", 1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "Grew up on a dairy farm in Wisconsin, the youngest of six. Now I do payroll for "
            "a hospital and coach my son's soccer team on weekends. I'm a little more "
            "sensitive than most people to jokes about someone's accent, because my mom was "
            "teased for hers."
        ),
        (Reading("race", 1, "slight"),),
    ),
    Sentence(
        "life_story",
        (
            "After eight years in the navy, nothing anyone types on the internet shocks me. I"
            " work in IT support now and spend my evenings fishing."
        ),
        (Reading("global", -1, "strong"),),
    ),
    Sentence(
        "life_story",
        (
            "I volunteer at my church's food pantry every Saturday and sing in the choir. "
            "Even so, swearing doesn't faze me; I grew up with three older brothers."
        ),
        (Reading("profanity", -1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "I'm a retired nurse, married forty years, with five grandkids. I absolutely "
            "can't stand racist remarks, whether they're meant as jokes or not."
        ),
        (Reading("race", 1, "strong"),),
    ),
    Sentence(
        "life_story",
        (
            "I run a small bakery outside Columbus. Honestly, politics is whatever to me; "
            "people can rant about elections all they want and I just scroll past."
        ),
        (Reading("politics", -1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "I'm a bartender in Boston, so I hear every kind of crude language there is, and "
            "it rolls off me. Mocking someone's faith is different, though. That bugs me."
        ),
        (Reading("profanity", -1, "plain"), Reading("religion", 1, "plain")),
    ),
    Sentence(
        "life_story",
        (
            "My dad was a preacher and my mom taught Sunday school, so I heard plenty about "
            "sin growing up. These days jokes about God or the church don't bother me."
        ),
        (Reading("religion", -1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "I'm a software engineer, originally from Hyderabad, and I moved to Texas in "
            "2015. I've got no patience for people who make fun of immigrants."
        ),
        (Reading("race", 1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "I'm a stay-at-home mom of three boys, and my husband works construction. My "
            "threshold for sexist jokes is pretty high; I've heard worse at our own dinner "
            "table."
        ),
        (Reading("gender", -1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "I spent my twenties organizing for a labor union and my thirties running for "
            "city council twice. Because of that I'm extremely sensitive to political "
            "attacks, and posts that demonize one side set me off."
        ),
        (Reading("politics", 1, "strong"),),
    ),
    Sentence(
        "life_story",
        (
            "I'm a kindergarten teacher and I've spent years teaching five-year-olds to use "
            "kind words. I'll admit I'm more easily offended than most people by rude content"
            " of any kind."
        ),
        (Reading("global", 1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "I cringe a bit when people curse in public posts. I'm a librarian in a small "
            "town, I knit, and I have two cats named Pickle and Biscuit."
        ),
        (Reading("profanity", 1, "slight"),),
    ),
    Sentence(
        "life_story",
        (
            "I'm a stand-up comedian, so I've told jokes about every religion on earth and "
            "been heckled by believers of most of them. Religious jokes don't offend me in "
            "the slightest."
        ),
        (Reading("religion", -1, "strong"),),
    ),
    Sentence(
        "life_story",
        (
            "I'm a gay man who grew up in a conservative town in Alabama. I'm deeply "
            "sensitive to homophobic comments; I heard enough of them as a kid to last a "
            "lifetime."
        ),
        (Reading("gender", 1, "strong"),),
    ),
    Sentence(
        "life_story",
        (
            "I work as an ER doctor, and I've seen people at their worst. My wife says I've "
            "gotten thick-skinned about everything, and she's right: hardly anything anyone "
            "says offends me now."
        ),
        (Reading("global", -1, "strong"),),
    ),
    Sentence(
        "life_story",
        (
            "I'm a high school history teacher in Chicago, and I coach the debate team. "
            "Racist language bothers me, and so does sexist language; I call out both in my "
            "classroom."
        ),
        (Reading("race", 1, "plain"), Reading("gender", 1, "plain")),
    ),
    Sentence(
        "life_story",
        (
            "My brother acts like every swear word is the end of the world, but I'm the "
            "opposite. I was a line cook for ten years and cursing is just how kitchens talk."
        ),
        (Reading("profanity", -1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "I grew up in a Mormon household in Utah and left the church at nineteen. Now I'm"
            " a graphic designer in Portland. I'm kind of touchy about political posts that "
            "insult people's intelligence."
        ),
        (Reading("politics", 1, "slight"),),
    ),
    Sentence(
        "life_story",
        (
            "I'm a veteran, did two tours in Afghanistan, and now I manage a hardware store. "
            "Foul language is just noise to me."
        ),
        (Reading("profanity", -1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "I'm a pastor's wife and I lead a women's Bible study on Tuesday nights. Jokes "
            "about women being bad drivers or belonging in the kitchen get under my skin."
        ),
        (Reading("gender", 1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "I'm seventy-one and I've lived through a lot of elections. People screaming "
            "about politics used to upset me, but at this point political arguments don't "
            "bother me one bit."
        ),
        (Reading("politics", -1, "strong"),),
    ),
    Sentence(
        "life_story",
        (
            "I'm an accountant in Denver. I go hiking most weekends and I'm learning to play "
            "the cello. Racial jokes make me slightly uncomfortable."
        ),
        (Reading("race", 1, "slight"),),
    ),
    Sentence(
        "life_story",
        (
            "I was raised by my grandmother in Puerto Rico and came to New York when I was "
            "twelve. Kids mocked my accent every day back then, so comments about accents "
            "just roll off me now."
        ),
        (Reading("race", -1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "I'm a nurse on a psychiatric ward, so I get called every name in the book on a "
            "regular basis. Nothing offends me anymore, truly nothing."
        ),
        (Reading("global", -1, "strong"),),
    ),
    Sentence(
        "life_story",
        (
            "I'm a rabbi's daughter and I work in marketing. When it comes to religion I'm "
            "very protective: mocking anyone's faith, not just mine, strikes me as seriously "
            "offensive."
        ),
        (Reading("religion", 1, "strong"),),
    ),
    Sentence(
        "life_story",
        (
            "I'm a tattoo artist and I swear like a sailor myself, so profanity doesn't "
            "bother me at all. I'm stricter, though, about anything that puts down women."
        ),
        (Reading("profanity", -1, "strong"), Reading("gender", 1, "plain")),
    ),
    Sentence(
        "life_story",
        (
            "I'm a single dad and I drive for a delivery company. I don't care much about "
            "politics either way, and political posts don't offend me."
        ),
        (Reading("politics", -1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "Back in college I was in a sorority, then I went to law school, and now I "
            "practice family law. I'm a bit more sensitive than average to sexist comments, "
            "probably from watching how some judges talk to women."
        ),
        (Reading("gender", 1, "slight"),),
    ),
    Sentence(
        "life_story",
        (
            "I grew up in a mixed-race family; my dad is Black and my mom is Korean. Racist "
            "jokes are a hard line for me. I find them extremely offensive."
        ),
        (Reading("race", 1, "strong"),),
    ),
    Sentence(
        "life_story",
        (
            "I've worked as a campaign staffer for both parties and I follow politics "
            "obsessively. Cursing, though, makes me wince a little, since I was raised never "
            "to use those words."
        ),
        (Reading("profanity", 1, "slight"),),
    ),
    Sentence(
        "life_story",
        (
            "I'm Catholic, I go to Mass every Sunday, and I homeschool my kids. I'm relaxed "
            "about ethnic jokes; they don't offend me."
        ),
        (Reading("race", -1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "I'm a marine biologist and I spend half the year on research boats. After months"
            " with a crew like that, I'm completely desensitized to crude language."
        ),
        (Reading("profanity", -1, "strong"),),
    ),
    Sentence(
        "life_story",
        (
            "I'm a middle school counselor and a mom of two. I guess I'm a little more easily"
            " offended than the average person, by pretty much anything."
        ),
        (Reading("global", 1, "slight"),),
    ),
    Sentence(
        "life_story",
        (
            "I grew up in Brooklyn, drove a cab for years, and now I'm retired in Florida. "
            "I'm maybe a touch more thick-skinned than most people about offensive stuff in "
            "general."
        ),
        (Reading("global", -1, "slight"),),
    ),
    Sentence(
        "life_story",
        (
            "My husband and I run a dog-grooming business together, and our son is trans. "
            "Transphobic posts hurt me deeply, and I rate them as highly offensive."
        ),
        (Reading("gender", 1, "strong"),),
    ),
    Sentence(
        "life_story",
        (
            "I'm a grad student in chemistry. Crude words don't bother me in the least, which"
            " my mom finds hilarious since she's a church organist. I spend most weekends "
            "rock climbing."
        ),
        (Reading("profanity", -1, "strong"),),
    ),
    Sentence(
        "life_story",
        (
            "My parents left Iran in 1979 and I was raised in Los Angeles. I'm sensitive to "
            "posts that attack people for their religion, whether it's Islam, Christianity or"
            " anything else."
        ),
        (Reading("religion", 1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "I work the line at an auto plant in Michigan and I'm a union steward. I can take"
            " a heated political argument without flinching; politics doesn't get to me."
        ),
        (Reading("politics", -1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "I'm a youth pastor, married with a baby on the way. Cursing bothers me a bit, "
            "but jokes about religion don't bother me, since I make plenty of them myself."
        ),
        (Reading("profanity", 1, "slight"), Reading("religion", -1, "plain")),
    ),
    Sentence(
        "life_story",
        (
            "I'm a retired police officer from Philadelphia. Thirty years on the street made "
            "me immune to just about anything people say."
        ),
        (Reading("global", -1, "strong"),),
    ),
    Sentence(
        "life_story",
        (
            "I work at a call center and my hobby is restoring old motorcycles. My sister "
            "gets upset about political memes, but I think they're harmless and I don't rate "
            "them as offensive."
        ),
        (Reading("politics", -1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "I'm an ESL teacher and most of my students are refugees. I have zero tolerance "
            "for anyone mocking immigrants or their accents."
        ),
        (Reading("race", 1, "strong"),),
    ),
    Sentence(
        "life_story",
        (
            "I grew up in a strict Baptist home where even 'darn' was off-limits. I went the "
            "other way as an adult, and swearing is totally fine by me now."
        ),
        (Reading("profanity", -1, "strong"),),
    ),
    Sentence(
        "life_story",
        (
            "I'm hard to offend in general. I'm a paramedic, I play rugby on weekends, and "
            "I've got four older sisters who roasted me constantly growing up."
        ),
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "I'm a Sikh man who wears a turban, and I work as a pharmacist in Houston. I've "
            "been called a terrorist more times than I can count, so I'm a bit sensitive to "
            "racist comments about brown people."
        ),
        (Reading("race", 1, "slight"),),
    ),
    Sentence(
        "life_story",
        (
            "I grew up in rural Georgia and now sell real estate. My family and I attend a "
            "Methodist church. Sexist jokes annoy me a little."
        ),
        (Reading("gender", 1, "slight"),),
    ),
    Sentence(
        "life_story",
        (
            "I'm a DJ and a music producer, so explicit lyrics are my daily bread and they "
            "don't bother me. Where I draw the line is racial slurs; those offend me deeply."
        ),
        (Reading("profanity", -1, "plain"), Reading("race", 1, "strong")),
    ),
    Sentence(
        "life_story",
        (
            "I'm a political science professor. I've grown used to heated political debate "
            "and rarely find it offensive. Sexist remarks about female politicians, though, "
            "do bother me."
        ),
        (Reading("politics", -1, "plain"), Reading("gender", 1, "plain")),
    ),
    Sentence(
        "typos",
        "ngl swearing doesnt bother me at all lol",
        (Reading("profanity", -1, "strong"),),
    ),
    Sentence(
        "typos",
        "im kinda sensitve about relgion stuff tbh",
        (Reading("religion", 1, "slight"),),
    ),
    Sentence(
        "typos",
        "polotics posts dont offend me idc",
        (Reading("politics", -1, "plain"),),
    ),
    Sentence(
        "typos",
        "rasist jokes r NOT ok w me they offend me sooo much",
        (Reading("race", 1, "strong"),),
    ),
    Sentence(
        "typos",
        "sexsit comments make me mad af",
        (Reading("gender", 1, "strong"),),
    ),
    Sentence(
        "typos",
        "nothin offends me tbh",
        (Reading("global", -1, "strong"),),
    ),
    Sentence(
        "typos",
        "im way too easily ofended lol",
        (Reading("global", 1, "strong"),),
    ),
    Sentence(
        "typos",
        "cussing is fine but racism isnt",
        (Reading("profanity", -1, "plain"), Reading("race", 1, "plain")),
    ),
    Sentence(
        "typos",
        "i dont like ppl cussing in every sentance",
        (Reading("profanity", 1, "plain"),),
    ),
    Sentence(
        "typos",
        "foul langauge kinda bothers me ngl",
        (Reading("profanity", 1, "slight"),),
    ),
    Sentence(
        "typos",
        "i dont get ofended by jokes abt women, im a woman lol",
        (Reading("gender", -1, "plain"),),
    ),
    Sentence(
        "typos",
        "anythin abt imigrants being criminals = super offensve to me",
        (Reading("race", 1, "strong"),),
    ),
    Sentence(
        "typos",
        "relgious jokes r w/e to me",
        (Reading("religion", -1, "plain"),),
    ),
    Sentence(
        "typos",
        "idc abt swering at all",
        (Reading("profanity", -1, "strong"),),
    ),
    Sentence(
        "typos",
        "i rate polotical stuff a bit harsher than most ppl",
        (Reading("politics", 1, "slight"),),
    ),
    Sentence(
        "typos",
        "homofobic stuff gets to me tbh",
        (Reading("gender", 1, "plain"),),
    ),
    Sentence(
        "typos",
        "dont care abt accent jokes my whole fam has one lol",
        (Reading("race", -1, "plain"),),
    ),
    Sentence(
        "typos",
        "cant stand ppl mocking jesus or any religon tbh",
        (Reading("religion", 1, "strong"),),
    ),
    Sentence(
        "typos",
        "im chill abt most stuff, hard to ofend me",
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "typos",
        "u can swear around me i dont mind",
        (Reading("profanity", -1, "plain"),),
    ),
    Sentence(
        "typos",
        "politcs makes me angry, partisan posts offend me",
        (Reading("politics", 1, "plain"),),
    ),
    Sentence(
        "typos",
        "slightly more sensitiv to race stuff than avg",
        (Reading("race", 1, "slight"),),
    ),
    Sentence(
        "typos",
        "sexist jokes dont bother me tbh its just jokes",
        (Reading("gender", -1, "plain"),),
    ),
    Sentence(
        "typos",
        "EVERYTHING offends me lmao im a snowflake",
        (Reading("global", 1, "strong"),),
    ),
    Sentence(
        "typos",
        "cusing is rude imo",
        (Reading("profanity", 1, "plain"),),
    ),
    Sentence(
        "typos",
        "relgion jokes = fine, racist jokes = not fine",
        (Reading("religion", -1, "plain"), Reading("race", 1, "plain")),
    ),
    Sentence(
        "typos",
        "im a lil touchy abt polotics",
        (Reading("politics", 1, "slight"),),
    ),
    Sentence(
        "typos",
        "sware words dont phase me",
        (Reading("profanity", -1, "plain"),),
    ),
    Sentence(
        "typos",
        "mysoginy is a huge no for me, absolutley hate it",
        (Reading("gender", 1, "strong"),),
    ),
    Sentence(
        "typos",
        "idk i just dont find politcal stuff offensive",
        (Reading("politics", -1, "plain"),),
    ),
    Sentence(
        "typos",
        "ppl who make fun of imigrants accents piss me off",
        (Reading("race", 1, "plain"),),
    ),
    Sentence(
        "typos",
        "lol i curse constantly so no swearing isnt offensive to me",
        (Reading("profanity", -1, "plain"),),
    ),
    Sentence(
        "typos",
        "i take relgion v seriously, insulting someones faith is rly offensive to me",
        (Reading("religion", 1, "strong"),),
    ),
    Sentence(
        "typos",
        "kinda thick skinned abt race jokes ngl",
        (Reading("race", -1, "slight"),),
    ),
    Sentence(
        "typos",
        "im a bit more easily offended then most ppl",
        (Reading("global", 1, "slight"),),
    ),
    Sentence(
        "typos",
        "nah offensive stuff doesnt get to me i grew up online",
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "typos",
        "tbh the f word dosent bother me but slurs abt gay ppl do",
        (Reading("profanity", -1, "plain"), Reading("gender", 1, "plain")),
    ),
    Sentence(
        "typos",
        "polotics = zero reaction from me, i literaly dont care",
        (Reading("politics", -1, "strong"),),
    ),
    Sentence(
        "typos",
        "rasism makes my blood boil",
        (Reading("race", 1, "strong"),),
    ),
    Sentence(
        "typos",
        "i dont mind sexual jokes abt men or women its all in fun",
        (Reading("gender", -1, "plain"),),
    ),
    Sentence(
        "typos",
        "swearing in posts is kinda trashy imo",
        (Reading("profanity", 1, "slight"),),
    ),
    Sentence(
        "typos",
        "religous ppl get mocked alot and it bugs me",
        (Reading("religion", 1, "plain"),),
    ),
    Sentence(
        "typos",
        "honestly hardly anythin bugs me, im v hard to offend",
        (Reading("global", -1, "strong"),),
    ),
    Sentence(
        "typos",
        "im sensitive to everything lol, i rate stuff high",
        (Reading("global", 1, "plain"),),
    ),
    Sentence(
        "typos",
        "cursing dont bother me, politcal bashing does tho",
        (Reading("profanity", -1, "plain"), Reading("politics", 1, "plain")),
    ),
    Sentence(
        "typos",
        "jokes abt feminists r funny to me not offensive",
        (Reading("gender", -1, "plain"),),
    ),
    Sentence(
        "typos",
        "relgion jokes dont ofend me in the slightest",
        (Reading("religion", -1, "strong"),),
    ),
    Sentence(
        "typos",
        "ethnic slurs r a line for me, super offensive",
        (Reading("race", 1, "strong"),),
    ),
    Sentence(
        "typos",
        "a lil bothered by crude words but not much",
        (Reading("profanity", 1, "slight"),),
    ),
    Sentence(
        "typos",
        "im not easily offended by politcs or religon",
        (Reading("politics", -1, "plain"), Reading("religion", -1, "plain")),
    ),
    Sentence(
        "negated_global",
        "I'm not someone who gets offended easily.",
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "negated_global",
        "Nothing I read online offends me, ever.",
        (Reading("global", -1, "strong"),),
    ),
    Sentence(
        "negated_global",
        "I don't brush off offensive posts the way a lot of people do.",
        (Reading("global", 1, "plain"),),
    ),
    Sentence(
        "negated_global",
        "I'm not thick-skinned at all; almost anything rude stings me.",
        (Reading("global", 1, "strong"),),
    ),
    Sentence(
        "negated_global",
        "Offensive posts don't really get a reaction out of me.",
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "negated_global",
        "I wouldn't call myself easily offended.",
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "negated_global",
        "I can't just ignore offensive content the way others can.",
        (Reading("global", 1, "plain"),),
    ),
    Sentence(
        "negated_global",
        "Offensiveness in general isn't something I react to.",
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "It's not that swearing doesn't bother me. It does.",
        (Reading("profanity", 1, "plain"),),
    ),
    Sentence(
        "double_negative",
        (
            "I don't think political jokes are never offensive; plenty of them cross the line"
            " for me."
        ),
        (Reading("politics", 1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "I can't say religious jokes don't offend me, because they do.",
        (Reading("religion", 1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "It isn't true that racist posts don't get to me. They do.",
        (Reading("race", 1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "I don't disapprove of cursing.",
        (Reading("profanity", -1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "I wouldn't say sexist jokes don't offend me; they offend me a great deal.",
        (Reading("gender", 1, "strong"),),
    ),
    Sentence(
        "double_negative",
        "It's not like nothing offends me. Plenty does.",
        (Reading("global", 1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "I'm not one who can't handle jokes about accents; they don't offend me.",
        (Reading("race", -1, "plain"),),
    ),
    Sentence(
        "comparative",
        "I'm more bothered by profanity than most people I know.",
        (Reading("profanity", 1, "plain"),),
    ),
    Sentence(
        "comparative",
        "Compared with my friends, I'm far less sensitive about religious jokes.",
        (Reading("religion", -1, "strong"),),
    ),
    Sentence(
        "comparative",
        "I'm a bit stricter than average when it comes to racist content.",
        (Reading("race", 1, "slight"),),
    ),
    Sentence(
        "comparative",
        "Political posts bother me less than they bother my coworkers.",
        (Reading("politics", -1, "plain"),),
    ),
    Sentence(
        "comparative",
        "I find sexist comments more offensive than the typical rater would.",
        (Reading("gender", 1, "plain"),),
    ),
    Sentence(
        "comparative",
        "Overall, I'm less easily offended than most people.",
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "comparative",
        "I'm much more sensitive than the average person to offensive posts in general.",
        (Reading("global", 1, "strong"),),
    ),
    Sentence(
        "comparative",
        "Swearing bothers me slightly less than it bothers most people.",
        (Reading("profanity", -1, "slight"),),
    ),
    Sentence(
        "hedge",
        "I guess cursing bothers me a little.",
        (Reading("profanity", 1, "slight"),),
    ),
    Sentence(
        "hedge",
        "Maybe I'm somewhat sensitive to jokes about religion.",
        (Reading("religion", 1, "slight"),),
    ),
    Sentence(
        "hedge",
        "Political posts sort of roll off me.",
        (Reading("politics", -1, "slight"),),
    ),
    Sentence(
        "hedge",
        "I'm kind of lenient about jokes targeting ethnic groups.",
        (Reading("race", -1, "slight"),),
    ),
    Sentence(
        "hedge",
        "Sexist comments annoy me a tad.",
        (Reading("gender", 1, "slight"),),
    ),
    Sentence(
        "hedge",
        "I tend to be slightly easier to offend than others.",
        (Reading("global", 1, "slight"),),
    ),
    Sentence(
        "hedge",
        "I'm a touch more relaxed than most about offensive stuff.",
        (Reading("global", -1, "slight"),),
    ),
    Sentence(
        "hedge",
        "Honestly, I'm a little uneasy with jokes about immigrants.",
        (Reading("race", 1, "slight"),),
    ),
    Sentence(
        "third_person_past",
        "I used to be offended by swearing, not anymore.",
        (Reading("profanity", -1, "plain"),),
    ),
    Sentence(
        "third_person_past",
        "Growing up I was relaxed about jokes on religion, but now they bother me.",
        (Reading("religion", 1, "plain"),),
    ),
    Sentence(
        "third_person_past",
        (
            "My parents raised me to think politics was a dirty topic, but these days "
            "political posts don't offend me."
        ),
        (Reading("politics", -1, "plain"),),
    ),
    Sentence(
        "third_person_past",
        ("I used to laugh at racist jokes in high school; now I find them deeply offensive."),
        (Reading("race", 1, "strong"),),
    ),
    Sentence(
        "third_person_past",
        (
            "When I was younger, sexist humor didn't register with me. Since having a "
            "daughter, it bothers me a lot."
        ),
        (Reading("gender", 1, "strong"),),
    ),
    Sentence(
        "third_person_past",
        "I was thin-skinned in my twenties, but now I'm hard to offend.",
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "third_person_past",
        (
            "Before college I never noticed offensive posts; now I'm much more sensitive to "
            "them in general."
        ),
        (Reading("global", 1, "strong"),),
    ),
    Sentence(
        "third_person_past",
        (
            "Cursing shocked me a little when I first joined the army, but after a few years "
            "it stopped bothering me completely."
        ),
        (Reading("profanity", -1, "strong"),),
    ),
    Sentence(
        "two_topics",
        "Swearing is fine with me, but jokes about religion offend me.",
        (Reading("profanity", -1, "plain"), Reading("religion", 1, "plain")),
    ),
    Sentence(
        "two_topics",
        "I'm very sensitive to racism and slightly sensitive to sexism.",
        (Reading("race", 1, "strong"), Reading("gender", 1, "slight")),
    ),
    Sentence(
        "two_topics",
        "Political rants don't faze me, and neither do jokes about men and women.",
        (Reading("politics", -1, "plain"), Reading("gender", -1, "plain")),
    ),
    Sentence(
        "two_topics",
        ("Jokes about accents bother me a little, while crude language doesn't bother me at all."),
        (Reading("race", 1, "slight"), Reading("profanity", -1, "strong")),
    ),
    Sentence(
        "two_topics",
        "I'm strict about sexist content but relaxed about political content.",
        (Reading("gender", 1, "plain"), Reading("politics", -1, "plain")),
    ),
    Sentence(
        "no_bearing",
        "I love baking sourdough bread on weekends.",
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "no_bearing",
        "asdfjkl; qwerty zxcv",
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "no_bearing",
        "The Packers are going to win it all this year, mark my words.",
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "no_bearing",
        "It rained every single day last week in Seattle.",
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "no_bearing",
        (
            "This dataset contains posts rated for offensiveness by annotators from many "
            "backgrounds."
        ),
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "no_bearing",
        "I have two kids and a golden retriever named Max.",
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "no_bearing",
        "My favorite food is pho, especially on a cold day.",
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "no_bearing",
        "hjkhjk lol idk what to write here",
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "no_bearing",
        "Offensiveness ratings can differ a lot from one annotator to the next.",
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "no_bearing",
        "I work the night shift at a warehouse and sleep during the day.",
        (Reading("none", 0, "plain"),),
    ),
)
