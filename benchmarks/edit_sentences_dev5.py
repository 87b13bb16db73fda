"""Development sentences, set 5 (double negatives, life stories, typos): for tuning the edit
reader."""

from benchmarks.edit_sentences import Reading, Sentence

DEV5: tuple[Sentence, ...] = (
    Sentence(
        "double_negative",
        "I can't say that racist jokes don't bother me.",
        (Reading("race", 1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "Sexist remarks never fail to offend me.",
        (Reading("gender", 1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "I'm not at all unbothered by slurs aimed at immigrants.",
        (Reading("race", 1, "strong"),),
    ),
    Sentence(
        "double_negative",
        "I'm not OK with people cursing in every other sentence.",
        (Reading("profanity", 1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "It isn't true that swearing doesn't offend me.",
        (Reading("profanity", 1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "There's no joke mocking someone's faith that doesn't upset me.",
        (Reading("religion", 1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "I'd be lying if I said partisan name-calling didn't offend me.",
        (Reading("politics", 1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "I'm not entirely unbothered by crude language.",
        (Reading("profanity", 1, "slight"),),
    ),
    Sentence(
        "double_negative",
        "I never read jokes ridiculing Muslims without feeling offended.",
        (Reading("religion", 1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "Homophobic comments are not something I'm indifferent to.",
        (Reading("gender", 1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "Rarely do I come across a nasty comment online that doesn't offend me.",
        (Reading("global", 1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "Not a single attack on a politician's family fails to disgust me.",
        (Reading("politics", 1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "I wouldn't say I don't mind jokes about skin colour.",
        (Reading("race", 1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "I'm not completely unfazed by misogynistic banter.",
        (Reading("gender", 1, "slight"),),
    ),
    Sentence(
        "double_negative",
        "I can hardly stay unoffended when someone mocks Jews.",
        (Reading("religion", 1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "I'm not one of those people who are impervious to offensive comments.",
        (Reading("global", 1, "plain"),),
    ),
    Sentence(
        "double_negative",
        (
            "Being uninterested in politics doesn't mean I'm not deeply offended by insults to "
            "politicians."
        ),
        (Reading("politics", 1, "strong"),),
    ),
    Sentence(
        "double_negative",
        "I'm never not bothered when someone drops an ethnic slur.",
        (Reading("race", 1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "I'm not someone who can't handle swearing.",
        (Reading("profanity", -1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "I don't dislike a good joke at a politician's expense.",
        (Reading("politics", -1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "Religious satire isn't something I'm unable to laugh at.",
        (Reading("religion", -1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "I'm not intolerant of crude language in comments.",
        (Reading("profanity", -1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "There's no joke about men or women that I can't take in stride.",
        (Reading("gender", -1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "I'm not uncomfortable with edgy humour about race.",
        (Reading("race", -1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "I'm not in the least uneasy about political satire.",
        (Reading("politics", -1, "strong"),),
    ),
    Sentence(
        "double_negative",
        "It's not unusual for me to laugh off comments other people find offensive.",
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "I can't remember a joke about atheists that didn't go down fine with me.",
        (Reading("religion", -1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "I don't disapprove of jokes about gender roles at all.",
        (Reading("gender", -1, "strong"),),
    ),
    Sentence(
        "double_negative",
        "I'm not incapable of taking a joke, whatever the topic.",
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "Far from being unsettled by vulgar language, I barely notice it.",
        (Reading("profanity", -1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "I can't say jokes about nationalities have ever failed to make me laugh.",
        (Reading("race", -1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "I'm not quite as unforgiving as most people about swearing.",
        (Reading("profanity", -1, "slight"),),
    ),
    Sentence(
        "double_negative",
        "It's not as if I'm unable to cope with jokes about Christianity.",
        (Reading("religion", -1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "It's not that I don't notice sexist banter; it just doesn't offend me.",
        (Reading("gender", -1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "I don't think there's anything I'd be unable to shrug off.",
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "I grew up in a strict Catholic household and went to church every Sunday. These days"
            " I'm not religious at all, but jokes that mock believers still offend me."
        ),
        (Reading("religion", 1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "I worked as a bartender for ten years. You hear every curse word under the sun in "
            "that job. Swearing doesn't bother me anymore."
        ),
        (Reading("profanity", -1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "My parents emigrated from Vietnam when I was three. Growing up, kids at school "
            "called me names. Because of that, racist comments hit me very hard."
        ),
        (Reading("race", 1, "strong"),),
    ),
    Sentence(
        "life_story",
        (
            "My sister is a campaign manager, and she gets furious whenever anyone insults her "
            "candidate. Political insults, on the other hand, roll right off me."
        ),
        (Reading("politics", -1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "I served in the navy for six years, where crude talk was everywhere. Still, slurs "
            "against women really offend me."
        ),
        (Reading("gender", 1, "strong"),),
    ),
    Sentence(
        "life_story",
        (
            "I used to be offended by jokes about Islam. Then I spent two years in Cairo and made"
            " Muslim friends who joke about their own faith all the time. Now those jokes don't "
            "bother me."
        ),
        (Reading("religion", -1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "I'm a high school teacher, so I spend all day telling teenagers not to swear. "
            "Outside of work, though, I don't mind profanity."
        ),
        (Reading("profanity", -1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "My grandfather was a pastor and my mother teaches Sunday school. I'm an atheist "
            "myself. Honestly, I'm not easily offended by anything."
        ),
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "I moved from Nigeria to the UK for university. I've heard plenty of comments about "
            "my accent and my skin. They bother me a bit, but swearing doesn't bother me at all."
        ),
        (
            Reading("race", 1, "slight"),
            Reading("profanity", -1, "strong"),
        ),
    ),
    Sentence(
        "life_story",
        (
            "I'm a trans woman and I work in tech. Transphobic comments offend me deeply. "
            "Political arguments, on the other hand, I can shrug off."
        ),
        (
            Reading("gender", 1, "strong"),
            Reading("politics", -1, "plain"),
        ),
    ),
    Sentence(
        "life_story",
        (
            "My husband is a lifelong Republican and I vote Democrat. We tease each other about "
            "politics at dinner. So political jokes don't offend me in the slightest."
        ),
        (Reading("politics", -1, "strong"),),
    ),
    Sentence(
        "life_story",
        (
            "I taught English in Japan for five years and came home with a very different "
            "perspective. I've become much more sensitive to jokes about foreigners."
        ),
        (Reading("race", 1, "strong"),),
    ),
    Sentence(
        "life_story",
        (
            "I'm a nurse on the night shift in the ER. Drunk patients yell obscenities at me "
            "every weekend. None of it offends me anymore."
        ),
        (Reading("profanity", -1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "My dad used to laugh at racist jokes on TV, and I thought nothing of it as a kid. "
            "Now that I'm older, I find them deeply offensive."
        ),
        (Reading("race", 1, "strong"),),
    ),
    Sentence(
        "life_story",
        (
            "I grew up in a small town where everyone went to the same church. When I moved to "
            "the city, I met people of every faith and none. Mockery of any faith now bothers me "
            "a little."
        ),
        (Reading("religion", 1, "slight"),),
    ),
    Sentence(
        "life_story",
        (
            "My brother is gay, and he gets a lot of nasty comments online. He laughs most of "
            "them off. Homophobic remarks upset me, though."
        ),
        (Reading("gender", 1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "I spent twenty years as a political reporter in Washington. I've seen every kind of "
            "smear campaign. Nothing politicians say about each other offends me now."
        ),
        (Reading("politics", -1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "My mum is Jewish and my dad is Muslim, so religion was a big topic at our dinner "
            "table. Jokes about either faith make me uncomfortable."
        ),
        (Reading("religion", 1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "I'm a stand-up comedian. My act is full of crude language and I poke fun at "
            "everyone, politicians included. Generally speaking, I don't get offended by much."
        ),
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "When I was a teenager I thought swearing was cool. Now I have two small kids, and "
            "seeing the f-word all over my feed makes me cringe."
        ),
        (Reading("profanity", 1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "My best friend is from Mexico and she tells jokes about Mexicans all the time; she "
            "finds them hilarious. Personally, they make me slightly uncomfortable."
        ),
        (Reading("race", 1, "slight"),),
    ),
    Sentence(
        "life_story",
        (
            "I was raised by a single mother who worked two jobs. I saw how people talked down to"
            " her because she was a woman. Sexist comments really offend me, but I don't care "
            "about swearing."
        ),
        (
            Reading("gender", 1, "strong"),
            Reading("profanity", -1, "plain"),
        ),
    ),
    Sentence(
        "life_story",
        (
            "I've lived in five countries and speak four languages. Everywhere I've lived, people"
            " curse in their own way, and I've never been offended by it."
        ),
        (Reading("profanity", -1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "I'm a retired police officer. I used to hear racial slurs daily on the job, and back"
            " then I was numb to them. Since retiring, I've become a lot more sensitive to that "
            "kind of language."
        ),
        (Reading("race", 1, "strong"),),
    ),
    Sentence(
        "life_story",
        (
            "My wife is a pastor, and people assume I must be touchy about religion. In fact, "
            "jokes about God don't offend me."
        ),
        (Reading("religion", -1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "I grew up on a farm in Iowa where nobody talked about politics. In college I got "
            "very involved in activism. Now I get really offended when people insult the "
            "candidates I support."
        ),
        (Reading("politics", 1, "strong"),),
    ),
    Sentence(
        "life_story",
        (
            "Both my parents are deaf, so I grew up signing. I was the family interpreter at "
            "every doctor's appointment and parent-teacher meeting. I'm a calm person and I don't"
            " take offense easily."
        ),
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "I'm a moderator for a large gaming forum. Over the years I've read thousands of "
            "slurs, insults and threats. Swear words don't register with me at all now, but "
            "racist slurs still bother me a lot."
        ),
        (
            Reading("profanity", -1, "strong"),
            Reading("race", 1, "strong"),
        ),
    ),
    Sentence(
        "life_story",
        (
            "My uncle is a priest and he hates it when people swear. Cursing doesn't bother me, "
            "though."
        ),
        (Reading("profanity", -1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "I came to this country as a refugee from Syria. People have said awful things to me "
            "about being an immigrant and a Muslim. Anti-immigrant comments offend me deeply. "
            "Attacks on Islam upset me too."
        ),
        (
            Reading("race", 1, "strong"),
            Reading("religion", 1, "plain"),
        ),
    ),
    Sentence(
        "life_story",
        (
            "I spent my twenties in a punk band. We swore, we mocked politicians, we mocked the "
            "church. I've mellowed since then, and today I find jokes about religion somewhat "
            "offensive."
        ),
        (Reading("religion", 1, "slight"),),
    ),
    Sentence(
        "life_story",
        (
            "My daughter recently came out as nonbinary. Before that, I never thought twice about"
            " jokes about gender. Now they really bother me."
        ),
        (Reading("gender", 1, "strong"),),
    ),
    Sentence(
        "life_story",
        (
            "I work in customer service at a call centre. People yell and swear at me all day, "
            "and some say nasty things about my accent. After eight years of that, I've grown a "
            "thick skin and I'm hard to offend."
        ),
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "I was born in Belfast during the Troubles. My family lost friends to sectarian "
            "violence. Jokes about Catholics or Protestants still offend me."
        ),
        (Reading("religion", 1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "My mother was an English teacher who never allowed a bad word in the house. I "
            "rebelled against that for years. These days swearing bothers me slightly less than "
            "it bothers most people."
        ),
        (Reading("profanity", -1, "slight"),),
    ),
    Sentence(
        "typos",
        "swaering doesnt bothr me",
        (Reading("profanity", -1, "plain"),),
    ),
    Sentence(
        "typos",
        "raciest jokes r offesnive to me",
        (Reading("race", 1, "plain"),),
    ),
    Sentence(
        "typos",
        "i dont care abt politcs jokes lol",
        (Reading("politics", -1, "plain"),),
    ),
    Sentence(
        "typos",
        "relgion jokes make me sooo mad",
        (Reading("religion", 1, "strong"),),
    ),
    Sentence(
        "typos",
        "sexsit stuff really gets to me tbh",
        (Reading("gender", 1, "strong"),),
    ),
    Sentence(
        "typos",
        "im not easly offnded",
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "typos",
        "cursing is fine w me but racism isnt",
        (
            Reading("profanity", -1, "plain"),
            Reading("race", 1, "plain"),
        ),
    ),
    Sentence(
        "typos",
        "idc about swear words at all",
        (Reading("profanity", -1, "strong"),),
    ),
    Sentence(
        "typos",
        "jokes abt muslims kinda bother me",
        (Reading("religion", 1, "slight"),),
    ),
    Sentence(
        "typos",
        "i get offended rly easy",
        (Reading("global", 1, "strong"),),
    ),
    Sentence(
        "typos",
        "polticians get roasted all the time n it dont bother me",
        (Reading("politics", -1, "plain"),),
    ),
    Sentence(
        "typos",
        "homophobic coments r offensive 2 me",
        (Reading("gender", 1, "plain"),),
    ),
    Sentence(
        "typos",
        "ethnic slrus make me rlly uncomfy",
        (Reading("race", 1, "strong"),),
    ),
    Sentence(
        "typos",
        "f words dont faze me neither does blasphmey",
        (
            Reading("profanity", -1, "plain"),
            Reading("religion", -1, "plain"),
        ),
    ),
    Sentence(
        "typos",
        "jokes about women r a lil offensive imo",
        (Reading("gender", 1, "slight"),),
    ),
    Sentence(
        "typos",
        "im a bit more chill than most abt politcal insults",
        (Reading("politics", -1, "slight"),),
    ),
    Sentence(
        "typos",
        "idk why ppl get so upset over cussing it doesnt bug me",
        (Reading("profanity", -1, "plain"),),
    ),
    Sentence(
        "typos",
        "anti immigrant stuff realy pisses me off",
        (Reading("race", 1, "strong"),),
    ),
    Sentence(
        "typos",
        "i am sooo not bothered by relgious jokes",
        (Reading("religion", -1, "strong"),),
    ),
    Sentence(
        "typos",
        "mysoginy bugs me more than it bugs most ppl",
        (Reading("gender", 1, "plain"),),
    ),
    Sentence(
        "typos",
        "tbh i find alot of things offensive",
        (Reading("global", 1, "plain"),),
    ),
    Sentence(
        "typos",
        "dont mind swearin but sexist jokes r not ok",
        (
            Reading("profanity", -1, "plain"),
            Reading("gender", 1, "plain"),
        ),
    ),
    Sentence(
        "typos",
        "rasism upsets me alot",
        (Reading("race", 1, "strong"),),
    ),
    Sentence(
        "typos",
        "politcal jokes r whatever to me",
        (Reading("politics", -1, "plain"),),
    ),
    Sentence(
        "typos",
        "jokes abt athiests or christians dnt offend me",
        (Reading("religion", -1, "plain"),),
    ),
    Sentence(
        "typos",
        "swearing offneds me slighty",
        (Reading("profanity", 1, "slight"),),
    ),
    Sentence(
        "typos",
        "i rarely get offened by stuff online",
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "typos",
        "trans jokes r super offensive to me",
        (Reading("gender", 1, "strong"),),
    ),
    Sentence(
        "typos",
        "im ok w crude langauge",
        (Reading("profanity", -1, "plain"),),
    ),
    Sentence(
        "typos",
        "jokes bout black ppl r not cool w me",
        (Reading("race", 1, "plain"),),
    ),
    Sentence(
        "typos",
        "polotics jokes dont bother me but religon ones do",
        (
            Reading("politics", -1, "plain"),
            Reading("religion", 1, "plain"),
        ),
    ),
    Sentence(
        "typos",
        "i dont take offense at gender stuff at all lol",
        (Reading("gender", -1, "strong"),),
    ),
    Sentence(
        "typos",
        "i get kinda touchy when ppl trash my relgion",
        (Reading("religion", 1, "slight"),),
    ),
    Sentence(
        "typos",
        "cusing n vulgarity r totaly fine",
        (Reading("profanity", -1, "strong"),),
    ),
    Sentence(
        "typos",
        "racial slurs r offensiv but lefty vs righty insults dont bothr me",
        (
            Reading("race", 1, "plain"),
            Reading("politics", -1, "plain"),
        ),
    ),
    Sentence(
        "plain",
        "Racist comments offend me.",
        (Reading("race", 1, "plain"),),
    ),
    Sentence(
        "plain",
        "I don't mind swearing.",
        (Reading("profanity", -1, "plain"),),
    ),
    Sentence(
        "plain",
        "Jokes about politicians bother me.",
        (Reading("politics", 1, "plain"),),
    ),
    Sentence(
        "plain",
        "I find sexist humour offensive.",
        (Reading("gender", 1, "plain"),),
    ),
    Sentence(
        "plain",
        "Mocking someone's religion doesn't bother me.",
        (Reading("religion", -1, "plain"),),
    ),
    Sentence(
        "negated_global",
        "I'm not easily offended.",
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "negated_global",
        "Not much offends me.",
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "negated_global",
        "I don't have thin skin when it comes to online comments.",
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "negated_global",
        "I can't shrug off nasty comments the way other people can.",
        (Reading("global", 1, "plain"),),
    ),
    Sentence(
        "negated_global",
        "I'm not at all sensitive to offensive content.",
        (Reading("global", -1, "strong"),),
    ),
    Sentence(
        "hedge",
        "Swearing bothers me a little.",
        (Reading("profanity", 1, "slight"),),
    ),
    Sentence(
        "hedge",
        "I'm somewhat more relaxed than most about political jokes.",
        (Reading("politics", -1, "slight"),),
    ),
    Sentence(
        "hedge",
        "Jokes about Muslims slightly offend me.",
        (Reading("religion", 1, "slight"),),
    ),
    Sentence(
        "hedge",
        "I'm mildly bothered by sexist remarks.",
        (Reading("gender", 1, "slight"),),
    ),
    Sentence(
        "hedge",
        "I'm a bit less sensitive than average to jokes about ethnicity.",
        (Reading("race", -1, "slight"),),
    ),
    Sentence(
        "comparative",
        "I find racist jokes more offensive than most people do.",
        (Reading("race", 1, "plain"),),
    ),
    Sentence(
        "comparative",
        "Compared to my friends, I'm much more relaxed about swearing.",
        (Reading("profanity", -1, "strong"),),
    ),
    Sentence(
        "comparative",
        "Political insults bother me less than they bother the average person.",
        (Reading("politics", -1, "plain"),),
    ),
    Sentence(
        "comparative",
        "I'm more sensitive to jokes about religion than most.",
        (Reading("religion", 1, "plain"),),
    ),
    Sentence(
        "comparative",
        "I take sexist comments more seriously than the average rater.",
        (Reading("gender", 1, "plain"),),
    ),
    Sentence(
        "third_person_past",
        "My mother always found religious jokes offensive.",
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "third_person_past",
        "Swearing used to offend me, but it no longer does.",
        (Reading("profanity", -1, "plain"),),
    ),
    Sentence(
        "third_person_past",
        "My coworkers think political jokes are hilarious.",
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "third_person_past",
        "As a teenager I laughed at sexist jokes; now they offend me.",
        (Reading("gender", 1, "plain"),),
    ),
    Sentence(
        "third_person_past",
        "Most people in my town were upset by the crude language in that film.",
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "two_topics",
        "Swearing is fine by me, but jokes about race are not.",
        (
            Reading("profanity", -1, "plain"),
            Reading("race", 1, "plain"),
        ),
    ),
    Sentence(
        "two_topics",
        "I'm very sensitive to sexist remarks and slightly sensitive to political ones.",
        (
            Reading("gender", 1, "strong"),
            Reading("politics", 1, "slight"),
        ),
    ),
    Sentence(
        "two_topics",
        "Blasphemy doesn't offend me, and neither do jokes about politicians.",
        (
            Reading("religion", -1, "plain"),
            Reading("politics", -1, "plain"),
        ),
    ),
    Sentence(
        "two_topics",
        "Homophobic slurs upset me, though cursing in general is fine.",
        (
            Reading("gender", 1, "plain"),
            Reading("profanity", -1, "plain"),
        ),
    ),
    Sentence(
        "two_topics",
        "I'm offended by attacks on immigrants and by mockery of any faith.",
        (
            Reading("race", 1, "plain"),
            Reading("religion", 1, "plain"),
        ),
    ),
    Sentence(
        "no_bearing",
        "I've been annotating comments for about three months.",
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "no_bearing",
        "I live in Toronto with my partner and two cats.",
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "no_bearing",
        "I read a lot of political news every morning.",
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "no_bearing",
        "My favourite part of this job is the flexible hours.",
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "no_bearing",
        "I was raised Catholic and still go to Mass at Christmas.",
        (Reading("none", 0, "plain"),),
    ),
)
