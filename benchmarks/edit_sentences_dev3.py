"""A third development set, written by hand by an author who saw neither the reader
nor the other sentence sets."""

from benchmarks.edit_sentences import Reading, Sentence

DEV3: tuple[Sentence, ...] = (
    Sentence(
        "double_negative",
        "I'm not exactly unbothered by swearing.",
        (Reading("profanity", 1, "slight"),),
    ),
    Sentence(
        "double_negative",
        "There isn't a single ethnic slur I don't object to.",
        (Reading("race", 1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "I can't say crude language has never bothered me.",
        (Reading("profanity", 1, "slight"),),
    ),
    Sentence(
        "double_negative",
        ("It's not as if jokes about Muslims leave me unmoved; they really get under my skin."),
        (Reading("religion", 1, "strong"),),
    ),
    Sentence(
        "double_negative",
        "I wouldn't say I'm not sensitive to sexist remarks.",
        (Reading("gender", 1, "slight"),),
    ),
    Sentence(
        "double_negative",
        "No insult aimed at women fails to annoy me.",
        (Reading("gender", 1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "I'm not immune to the sting of a racist joke.",
        (Reading("race", 1, "slight"),),
    ),
    Sentence(
        "double_negative",
        "It would be false to claim that mocking the Bible doesn't bother me.",
        (Reading("religion", 1, "plain"),),
    ),
    Sentence(
        "double_negative",
        ("I've never read a partisan hit piece in a comment thread that didn't irritate me."),
        (Reading("politics", 1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "I'm not someone who can't handle a few four-letter words.",
        (Reading("profanity", -1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "It's not that I can't laugh at a joke about the pope; I usually do.",
        (Reading("religion", -1, "plain"),),
    ),
    Sentence(
        "double_negative",
        ("I doubt there's a political insult out there that I couldn't shrug off."),
        (Reading("politics", -1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "I never fail to be offended by comments that demean gay people.",
        (Reading("gender", 1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "It isn't true that nothing gets to me; most nasty comments do.",
        (Reading("global", 1, "plain"),),
    ),
    Sentence(
        "double_negative",
        (
            "I'm not one of those people who never get upset by what they read "
            "online. I get upset a lot."
        ),
        (Reading("global", 1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "There's hardly a swear word that doesn't make me wince.",
        (Reading("profanity", 1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "I'd hardly call myself indifferent to jokes mocking atheists.",
        (Reading("religion", 1, "plain"),),
    ),
    Sentence(
        "double_negative",
        ("It's not like I don't mind slurs about Asians. I mind them a great deal."),
        (Reading("race", 1, "strong"),),
    ),
    Sentence(
        "double_negative",
        "I can't think of a curse word that I don't find harmless.",
        (Reading("profanity", -1, "plain"),),
    ),
    Sentence(
        "double_negative",
        ("It's not uncommon for me to shrug at sexist jokes that other people report."),
        (Reading("gender", -1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "I'm not unaccustomed to rough political banter, so it rarely fazes me.",
        (Reading("politics", -1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "Not once have I failed to flag a racist comment as offensive.",
        (Reading("race", 1, "plain"),),
    ),
    Sentence(
        "double_negative",
        "It's not that trans jokes don't bother me; they do bother me a little.",
        (Reading("gender", 1, "slight"),),
    ),
    Sentence(
        "double_negative",
        "I can't say I dislike edgy jokes about religion.",
        (Reading("religion", -1, "slight"),),
    ),
    Sentence(
        "double_negative",
        "It's not impossible to offend me, but it's far from easy.",
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "double_negative",
        ("There's no topic on which I'm not a little more sensitive than the average reader."),
        (Reading("global", 1, "slight"),),
    ),
    Sentence(
        "double_negative",
        "I'm not uncomfortable with vulgar language in the least.",
        (Reading("profanity", -1, "strong"),),
    ),
    Sentence(
        "double_negative",
        ("I wouldn't say jokes about Hindus don't offend me; they offend me a lot."),
        (Reading("religion", 1, "strong"),),
    ),
    Sentence(
        "double_negative",
        "It's not unusual for me to let insults about politicians slide.",
        (Reading("politics", -1, "plain"),),
    ),
    Sentence(
        "double_negative",
        ("I wouldn't say I'm not thick-skinned. Most rude comments don't faze me."),
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "negated_global",
        "I'm not easily offended.",
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "negated_global",
        "I'm not a very thick-skinned person.",
        (Reading("global", 1, "slight"),),
    ),
    Sentence(
        "negated_global",
        "Not much offends me, honestly.",
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "negated_global",
        "I don't let what people write online get to me.",
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "negated_global",
        "I'm not someone who can brush off a nasty comment.",
        (Reading("global", 1, "plain"),),
    ),
    Sentence(
        "negated_global",
        "I don't find much of anything offensive, really.",
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "negated_global",
        "I don't take offense easily at all.",
        (Reading("global", -1, "strong"),),
    ),
    Sentence(
        "negated_global",
        "I never really get worked up over comments.",
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "negated_global",
        ("I'm not the type to laugh off rude comments; they tend to stay with me."),
        (Reading("global", 1, "plain"),),
    ),
    Sentence(
        "negated_global",
        "I wouldn't describe myself as tolerant of nasty remarks in general.",
        (Reading("global", 1, "plain"),),
    ),
    Sentence(
        "negated_global",
        "It doesn't take much to offend me.",
        (Reading("global", 1, "plain"),),
    ),
    Sentence(
        "negated_global",
        "Very little gets under my skin.",
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "negated_global",
        "I'm not particularly sensitive.",
        (Reading("global", -1, "slight"),),
    ),
    Sentence(
        "negated_global",
        "I don't have a thick skin at all.",
        (Reading("global", 1, "strong"),),
    ),
    Sentence(
        "negated_global",
        "I'm not bothered by much.",
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "negated_global",
        "I can't shrug off offensive comments the way most people seem to.",
        (Reading("global", 1, "plain"),),
    ),
    Sentence(
        "negated_global",
        "Nobody would call me prudish.",
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "negated_global",
        "I don't offend easily, but I'm not made of stone either.",
        (Reading("global", -1, "slight"),),
    ),
    Sentence(
        "negated_global",
        "Insulting comments never just slide off me.",
        (Reading("global", 1, "plain"),),
    ),
    Sentence(
        "negated_global",
        "I hardly ever find comments offensive.",
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "negated_global",
        "I'm not good at letting ugly remarks go.",
        (Reading("global", 1, "plain"),),
    ),
    Sentence(
        "negated_global",
        "I don't scandalize easily.",
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "negated_global",
        "I'm not one to clutch my pearls over a comment.",
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "negated_global",
        "No one has ever accused me of being oversensitive.",
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "negated_global",
        ("I'm not at all relaxed about offensive content; it gets to me every time."),
        (Reading("global", 1, "strong"),),
    ),
    Sentence(
        "negated_global",
        "Nothing people post really ruffles my feathers.",
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "negated_global",
        "I don't think I'm a harsh judge of comments.",
        (Reading("global", -1, "slight"),),
    ),
    Sentence(
        "negated_global",
        "I wouldn't say I'm hard to offend.",
        (Reading("global", 1, "slight"),),
    ),
    Sentence(
        "negated_global",
        ("I wouldn't last a day moderating comments; I'm nowhere near tough enough."),
        (Reading("global", 1, "strong"),),
    ),
    Sentence(
        "negated_global",
        "I wouldn't call myself laid-back when it comes to hateful posts.",
        (Reading("global", 1, "plain"),),
    ),
    Sentence(
        "typos",
        "im not realy botherd by swaering",
        (Reading("profanity", -1, "plain"),),
    ),
    Sentence(
        "typos",
        "raceist coments make me soooo angry",
        (Reading("race", 1, "strong"),),
    ),
    Sentence(
        "typos",
        "sexsit jokes r kinda offensve to me tbh",
        (Reading("gender", 1, "slight"),),
    ),
    Sentence(
        "typos",
        "i dont care abt politcal insults lol",
        (Reading("politics", -1, "plain"),),
    ),
    Sentence(
        "typos",
        "religon jokes dont bother me but racist ones def do",
        (
            Reading("religion", -1, "plain"),
            Reading("race", 1, "plain"),
        ),
    ),
    Sentence(
        "typos",
        "cussing is no big deal 2 me",
        (Reading("profanity", -1, "plain"),),
    ),
    Sentence(
        "typos",
        "ppl making fun of muslims is rly anoying, i hate it",
        (Reading("religion", 1, "strong"),),
    ),
    Sentence(
        "typos",
        "honestly i get ofended by alot of stuff",
        (Reading("global", 1, "plain"),),
    ),
    Sentence(
        "typos",
        "idc about swear words, but sexist stuff bugs me a lil",
        (
            Reading("profanity", -1, "plain"),
            Reading("gender", 1, "slight"),
        ),
    ),
    Sentence(
        "typos",
        "im pretty chill abt most things ppl post",
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "typos",
        "homophobic coments r the worst, cant stand em",
        (Reading("gender", 1, "strong"),),
    ),
    Sentence(
        "typos",
        "dont mind politicans getting roasted at all",
        (Reading("politics", -1, "strong"),),
    ),
    Sentence(
        "typos",
        "blasfemy kinda bugs me ngl",
        (Reading("religion", 1, "slight"),),
    ),
    Sentence(
        "typos",
        "the f word doesnt phase me",
        (Reading("profanity", -1, "plain"),),
    ),
    Sentence(
        "typos",
        "jokes abt immigrants r so not ok w me",
        (Reading("race", 1, "strong"),),
    ),
    Sentence(
        "typos",
        "i am extremly sensative to misogny",
        (Reading("gender", 1, "strong"),),
    ),
    Sentence(
        "typos",
        "im a lil more sensitve than most ppl overall",
        (Reading("global", 1, "slight"),),
    ),
    Sentence(
        "typos",
        "polotics jokes r fine by me",
        (Reading("politics", -1, "plain"),),
    ),
    Sentence(
        "typos",
        "atheist bashing = super offensve imo",
        (Reading("religion", 1, "strong"),),
    ),
    Sentence(
        "typos",
        "i rly dont get botherd by rude stuff online",
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "typos",
        "ethnic slurs r a hard no 4 me",
        (Reading("race", 1, "strong"),),
    ),
    Sentence(
        "typos",
        "swearin is fine, i do it all the time lmao",
        (Reading("profanity", -1, "plain"),),
    ),
    Sentence(
        "typos",
        "feminist bashing makes me mad tbh but i dont care bout cursing",
        (
            Reading("gender", 1, "plain"),
            Reading("profanity", -1, "plain"),
        ),
    ),
    Sentence(
        "typos",
        "insults about jews r rly upseting",
        (Reading("religion", 1, "strong"),),
    ),
    Sentence(
        "typos",
        "i get kinda triggerd by politcal trolls",
        (Reading("politics", 1, "slight"),),
    ),
    Sentence(
        "typos",
        "nothin bothers me much tbh",
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "typos",
        "racial jokes dont ofend me, im prety thick skined",
        (Reading("race", -1, "plain"),),
    ),
    Sentence(
        "typos",
        "cant stand vulger languge",
        (Reading("profanity", 1, "strong"),),
    ),
    Sentence(
        "typos",
        "gay jokes r whatever 2 me, but i h8 when ppl trash the goverment",
        (
            Reading("gender", -1, "plain"),
            Reading("politics", 1, "strong"),
        ),
    ),
    Sentence(
        "typos",
        "offensve stuff abt christians gets 2 me a bit",
        (Reading("religion", 1, "slight"),),
    ),
    Sentence(
        "life_story",
        (
            "I grew up on a farm in Nebraska and spent twenty years driving trucks."
            " Cussing was just part of the language out there, so it doesn't "
            "register with me at all. I'm retired now and spend my days fishing."
        ),
        (Reading("profanity", -1, "strong"),),
    ),
    Sentence(
        "life_story",
        (
            "My grandmother survived the Holocaust, and I was raised on her "
            "stories. Jokes about Jews hit me hard. I teach high school history now"
            " and love my students."
        ),
        (Reading("religion", 1, "strong"),),
    ),
    Sentence(
        "life_story",
        (
            "I'm a nurse on night shifts, which is exhausting but rewarding. I hate"
            " seeing patients mistreated. Online, though, sexist comments only "
            "bother me a little."
        ),
        (Reading("gender", 1, "slight"),),
    ),
    Sentence(
        "life_story",
        (
            "As a political science professor, I read vicious partisan takes every "
            "day, and I've become pretty numb to them. I have two kids and a very "
            "lazy dog."
        ),
        (Reading("politics", -1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "I moved here from Nigeria when I was twelve. Racist remarks are "
            "something I'm extremely sensitive to. I work in IT and play football "
            "on weekends."
        ),
        (Reading("race", 1, "strong"),),
    ),
    Sentence(
        "life_story",
        (
            "I'm a pastor's daughter, but I left the church in college. People "
            "mocking religion doesn't bother me anymore. I still sing in a "
            "community choir, which I adore."
        ),
        (Reading("religion", -1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "Swearing makes me uncomfortable, probably because my parents never "
            "used a single bad word at home. I work as a kindergarten teacher, and "
            "I'm proud of it. My brother teases me about it constantly."
        ),
        (Reading("profanity", 1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "I served in the Navy for eight years. You hear every curse word "
            "imaginable on a ship, so foul language is water off a duck's back to "
            "me. What does get to me is slurs against Latinos; half my crew was "
            "Latino."
        ),
        (
            Reading("profanity", -1, "plain"),
            Reading("race", 1, "plain"),
        ),
    ),
    Sentence(
        "life_story",
        (
            "I'm a trans woman living in a small town in Ohio. Transphobic comments"
            " wound me deeply. I run a bakery and I'm happiest kneading bread at "
            "five in the morning."
        ),
        (Reading("gender", 1, "strong"),),
    ),
    Sentence(
        "life_story",
        (
            "I've been a stand-up comic for fifteen years. Honestly, hardly "
            "anything offends me; I've told worse jokes than most of what I read "
            "online. I'm also a huge fan of gardening."
        ),
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "After my divorce I moved back in with my parents for a while. It was "
            "humbling. These days I find misogynistic comments a lot more upsetting"
            " than I used to, and I rate them harshly."
        ),
        (Reading("gender", 1, "strong"),),
    ),
    Sentence(
        "life_story",
        (
            "I work for a campaign, so I've been called every name in the book by "
            "voters. Insults aimed at politicians really don't faze me. I do get "
            "anxious before big debates, though."
        ),
        (Reading("politics", -1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "My husband is from India and we're raising our kids Hindu. When "
            "someone mocks Hindu gods, it stings a bit. Otherwise I'm pretty "
            "easygoing about what people say online; I'm a landscape architect and "
            "love the outdoors."
        ),
        (
            Reading("religion", 1, "slight"),
            Reading("global", -1, "plain"),
        ),
    ),
    Sentence(
        "life_story",
        (
            "I'm a retired police officer. I've seen real cruelty, and it still "
            "makes me angry. Crude language in comments, though, I don't give a "
            "second thought."
        ),
        (Reading("profanity", -1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "My family is Irish Catholic and very devout. Comments mocking "
            "Catholics offend me more than most things do. I coach my son's soccer "
            "team on Saturdays."
        ),
        (Reading("religion", 1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "I'm a gay man who came out at nineteen. Homophobic slurs don't bother "
            "me much anymore; I've heard them all. I live in Chicago with my "
            "partner and two cats."
        ),
        (Reading("gender", -1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "I'm a librarian and a mother of three. I can't stand rudeness of any "
            "kind, and I'll mark almost any nasty comment as highly offensive. My "
            "kids say I'm strict about bedtimes too."
        ),
        (Reading("global", 1, "strong"),),
    ),
    Sentence(
        "life_story",
        (
            "I spent a decade as an immigration lawyer. Anti-immigrant comments "
            "make me furious. My weekends are spent hiking with my wife."
        ),
        (Reading("race", 1, "strong"),),
    ),
    Sentence(
        "life_story",
        (
            "Growing up in Glasgow, swearing was basically punctuation. I don't "
            "think twice about it. I'm a chef now, and my kitchen is louder than "
            "any comment section."
        ),
        (Reading("profanity", -1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "I'm an atheist from a very religious town in Texas. Jokes about "
            "Christianity don't offend me in the slightest, but racist comments "
            "really bother me because my best friend growing up was Black and got "
            "harassed constantly. I work as an electrician."
        ),
        (
            Reading("religion", -1, "strong"),
            Reading("race", 1, "strong"),
        ),
    ),
    Sentence(
        "life_story",
        (
            "I was born in Seoul and adopted by a family in Minnesota. I'm mildly "
            "sensitive to jokes about Asians. I love my family dearly and visit "
            "Korea every few years."
        ),
        (Reading("race", 1, "slight"),),
    ),
    Sentence(
        "life_story",
        (
            "I'm a sixty-eight-year-old widow who volunteers at the food bank. I "
            "find today's profanity shocking. My grandchildren think this is "
            "hilarious."
        ),
        (Reading("profanity", 1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "I'm a union electrician and I've voted in every election since 1980. "
            "I'm thick-skinned about political arguments; you have to be. I'm also "
            "a proud grandfather of four."
        ),
        (Reading("politics", -1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "My sister was harassed out of her job by a sexist boss, and I watched "
            "it break her. Since then, misogynistic comments make my blood boil. I "
            "work in accounting, which is pretty dull."
        ),
        (Reading("gender", 1, "strong"),),
    ),
    Sentence(
        "life_story",
        (
            "I teach comparative religion at a university. Blasphemous jokes don't "
            "really bother me; I find them more interesting than offensive. I'm "
            "also an avid cyclist."
        ),
        (Reading("religion", -1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "I've been sober for six years, and I'm grateful every day. I'm a bit "
            "more sensitive to harsh comments in general than I used to be. I paint"
            " watercolors in the evenings."
        ),
        (Reading("global", 1, "slight"),),
    ),
    Sentence(
        "life_story",
        (
            "I'm a high school football coach in Alabama. Locker rooms are full of "
            "cussing, so I'm used to it. I'm not used to politics getting so nasty,"
            " though, and vicious partisan comments upset me."
        ),
        (
            Reading("profanity", -1, "plain"),
            Reading("politics", 1, "plain"),
        ),
    ),
    Sentence(
        "life_story",
        (
            "I'm a Muslim convert and I work as a pharmacist. Islamophobic comments"
            " hurt me a lot. I'm also training for my first marathon, which "
            "terrifies me."
        ),
        (Reading("religion", 1, "strong"),),
    ),
    Sentence(
        "life_story",
        (
            "I grew up in a military family and moved eleven times before I turned "
            "eighteen. I learned to shrug off just about anything, nasty comments "
            "online included. These days I design video games."
        ),
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "My mom is a feminist activist and my dad is a Baptist minister, so "
            "dinner was always lively. Attacks on feminists bother me a little; "
            "attacks on the church don't bother me at all. I'm studying to be a "
            "veterinarian."
        ),
        (
            Reading("gender", 1, "slight"),
            Reading("religion", -1, "strong"),
        ),
    ),
    Sentence(
        "comparative",
        "My husband gets much more worked up over political insults than I do.",
        (Reading("politics", -1, "strong"),),
    ),
    Sentence(
        "comparative",
        "I'm a little more sensitive to racist jokes than most people I know.",
        (Reading("race", 1, "slight"),),
    ),
    Sentence(
        "comparative",
        "Compared to my friends, I'm way more relaxed about cursing.",
        (Reading("profanity", -1, "strong"),),
    ),
    Sentence(
        "comparative",
        "I'm stricter about sexist comments than the average rater.",
        (Reading("gender", 1, "plain"),),
    ),
    Sentence(
        "comparative",
        "Most people seem to find blasphemy more offensive than I do.",
        (Reading("religion", -1, "plain"),),
    ),
    Sentence(
        "comparative",
        (
            "I used to laugh off jokes about immigrants, but now I find them far "
            "more offensive than I did."
        ),
        (Reading("race", 1, "strong"),),
    ),
    Sentence(
        "comparative",
        "Swearing bothers me less than it did when I was younger.",
        (Reading("profanity", -1, "plain"),),
    ),
    Sentence(
        "comparative",
        ("My teenage son shrugs off homophobic remarks, but I'm much harder on them than he is."),
        (Reading("gender", 1, "strong"),),
    ),
    Sentence(
        "comparative",
        "I'm somewhat less touchy about religious humor than my parents.",
        (Reading("religion", -1, "slight"),),
    ),
    Sentence(
        "comparative",
        ("Few people I know are as easygoing as I am about offensive comments in general."),
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "comparative",
        (
            "Out of everyone on the panel, I'm the one who flags the most political"
            " comments as offensive."
        ),
        (Reading("politics", 1, "strong"),),
    ),
    Sentence(
        "comparative",
        "My coworkers get upset by vulgar language far more readily than I do.",
        (Reading("profanity", -1, "strong"),),
    ),
    Sentence(
        "comparative",
        ("I take anti-Muslim remarks a bit more seriously than most raters probably do."),
        (Reading("religion", 1, "slight"),),
    ),
    Sentence(
        "comparative",
        ("Over the years I've become a lot less sensitive to everything, honestly."),
        (Reading("global", -1, "strong"),),
    ),
    Sentence(
        "comparative",
        "My roommate doesn't care about ethnic slurs nearly as much as I do.",
        (Reading("race", 1, "plain"),),
    ),
    Sentence(
        "comparative",
        "I find misogynistic jokes slightly less offensive than my sisters do.",
        (Reading("gender", -1, "slight"),),
    ),
    Sentence(
        "comparative",
        ("Next to my very devout mother, I'm practically unbothered by jokes about God."),
        (Reading("religion", -1, "strong"),),
    ),
    Sentence(
        "comparative",
        ("I'm harsher on partisan name-calling than most of the people I've talked to."),
        (Reading("politics", 1, "plain"),),
    ),
    Sentence(
        "comparative",
        "I'm more offended by pretty much everything than the average person.",
        (Reading("global", 1, "plain"),),
    ),
    Sentence(
        "comparative",
        (
            "My dad treats the f-word like the end of the world; I'm much less "
            "fussed about it than he is."
        ),
        (Reading("profanity", -1, "strong"),),
    ),
    Sentence(
        "comparative",
        "I'm not as quick as others to call a racial joke offensive.",
        (Reading("race", -1, "plain"),),
    ),
    Sentence(
        "comparative",
        (
            "Where my friends see a harmless joke about trans people, I see "
            "something offensive, and I rate it higher than they would."
        ),
        (Reading("gender", 1, "plain"),),
    ),
    Sentence(
        "comparative",
        ("These days I'm a bit more easily offended overall than I was in my twenties."),
        (Reading("global", 1, "slight"),),
    ),
    Sentence(
        "comparative",
        ("Other raters tend to be much stricter about political trolling than me."),
        (Reading("politics", -1, "strong"),),
    ),
    Sentence(
        "comparative",
        "I'm a lot more put off by crude language than my husband is.",
        (Reading("profanity", 1, "strong"),),
    ),
    Sentence(
        "comparative",
        (
            "My brother's a pretty tolerant guy, but I'm even more relaxed than he "
            "is about jokes targeting Christians."
        ),
        (Reading("religion", -1, "plain"),),
    ),
    Sentence(
        "comparative",
        ("Most of my friends are more sensitive than I am to comments about race."),
        (Reading("race", -1, "plain"),),
    ),
    Sentence(
        "comparative",
        ("I'm a touch more protective of women in comment threads than most people seem to be."),
        (Reading("gender", 1, "slight"),),
    ),
    Sentence(
        "comparative",
        ("I rate offensive comments in general more severely than most of my colleagues."),
        (Reading("global", 1, "plain"),),
    ),
    Sentence(
        "comparative",
        "Compared to how I was five years ago, cussing barely bothers me now.",
        (Reading("profanity", -1, "plain"),),
    ),
    Sentence(
        "two_topics",
        "Swearing doesn't bother me, but racist jokes really do.",
        (
            Reading("profanity", -1, "plain"),
            Reading("race", 1, "strong"),
        ),
    ),
    Sentence(
        "two_topics",
        "I'm touchy about sexism, whereas political jabs roll right off me.",
        (
            Reading("gender", 1, "plain"),
            Reading("politics", -1, "plain"),
        ),
    ),
    Sentence(
        "two_topics",
        ("While I can laugh at a joke about the pope, slurs about Mexicans are off-limits for me."),
        (
            Reading("religion", -1, "plain"),
            Reading("race", 1, "plain"),
        ),
    ),
    Sentence(
        "two_topics",
        "Political insults make me furious; crude language I barely notice.",
        (
            Reading("politics", 1, "strong"),
            Reading("profanity", -1, "plain"),
        ),
    ),
    Sentence(
        "two_topics",
        (
            "I find homophobic remarks mildly offensive, yet jokes about atheists "
            "don't register at all."
        ),
        (
            Reading("gender", 1, "slight"),
            Reading("religion", -1, "strong"),
        ),
    ),
    Sentence(
        "two_topics",
        "Cursing is totally fine by me, though misogyny is not.",
        (
            Reading("profanity", -1, "strong"),
            Reading("gender", 1, "plain"),
        ),
    ),
    Sentence(
        "two_topics",
        (
            "Unlike most people, I don't mind ethnic humor, but attacks on "
            "someone's faith bother me a lot."
        ),
        (
            Reading("race", -1, "plain"),
            Reading("religion", 1, "strong"),
        ),
    ),
    Sentence(
        "two_topics",
        ("Give me all the four-letter words you want; just keep the sexist garbage away from me."),
        (
            Reading("profanity", -1, "plain"),
            Reading("gender", 1, "plain"),
        ),
    ),
    Sentence(
        "two_topics",
        (
            "Anti-Semitic jokes upset me deeply, while I'm pretty relaxed about "
            "jokes at politicians' expense."
        ),
        (
            Reading("religion", 1, "strong"),
            Reading("politics", -1, "plain"),
        ),
    ),
    Sentence(
        "two_topics",
        ("I'm not fussed about blasphemy; racism, on the other hand, I can't stand."),
        (
            Reading("religion", -1, "plain"),
            Reading("race", 1, "strong"),
        ),
    ),
    Sentence(
        "two_topics",
        (
            "Bad language is a pet peeve of mine, although jokes about men and "
            "women don't bother me."
        ),
        (
            Reading("profanity", 1, "plain"),
            Reading("gender", -1, "plain"),
        ),
    ),
    Sentence(
        "two_topics",
        (
            "Mocking Democrats or Republicans is fair game to me, but mocking "
            "someone's skin color is not."
        ),
        (
            Reading("politics", -1, "plain"),
            Reading("race", 1, "plain"),
        ),
    ),
    Sentence(
        "two_topics",
        ("I'm oddly sensitive to profanity and oddly unbothered by religious satire."),
        (
            Reading("profanity", 1, "plain"),
            Reading("religion", -1, "plain"),
        ),
    ),
    Sentence(
        "two_topics",
        (
            "Even a mild slur against Asians upsets me, but I'm totally fine with "
            "politicians being torn apart."
        ),
        (
            Reading("race", 1, "strong"),
            Reading("politics", -1, "strong"),
        ),
    ),
    Sentence(
        "two_topics",
        ("Jokes about feminists crack me up; jokes about Hindus make me wince a little."),
        (
            Reading("gender", -1, "plain"),
            Reading("religion", 1, "slight"),
        ),
    ),
    Sentence(
        "two_topics",
        ("I don't care much about swearing, yet anything racist gets a 5 from me."),
        (
            Reading("profanity", -1, "plain"),
            Reading("race", 1, "strong"),
        ),
    ),
    Sentence(
        "two_topics",
        ("Partisan mudslinging gets on my nerves a bit, but gay jokes don't offend me."),
        (
            Reading("politics", 1, "slight"),
            Reading("gender", -1, "plain"),
        ),
    ),
    Sentence(
        "two_topics",
        ("Sexism is the one thing that really gets to me; religion jokes, not so much."),
        (
            Reading("gender", 1, "strong"),
            Reading("religion", -1, "plain"),
        ),
    ),
    Sentence(
        "two_topics",
        "Where I'm strict about jokes mocking Islam, I'm lenient about cursing.",
        (
            Reading("religion", 1, "plain"),
            Reading("profanity", -1, "plain"),
        ),
    ),
    Sentence(
        "two_topics",
        ("Racial stereotypes I can shrug off, but attacks on trans people I take very seriously."),
        (
            Reading("race", -1, "plain"),
            Reading("gender", 1, "strong"),
        ),
    ),
    Sentence(
        "two_topics",
        "The f-word is nothing to me, but jabs at the Catholic Church hurt.",
        (
            Reading("profanity", -1, "strong"),
            Reading("religion", 1, "plain"),
        ),
    ),
    Sentence(
        "two_topics",
        ("I'm slightly bothered by vulgarity and completely fine with jokes about immigrants."),
        (
            Reading("profanity", 1, "slight"),
            Reading("race", -1, "strong"),
        ),
    ),
    Sentence(
        "two_topics",
        (
            "Comments trashing the government don't faze me in the least, whereas "
            "insults to women bother me."
        ),
        (
            Reading("politics", -1, "strong"),
            Reading("gender", 1, "plain"),
        ),
    ),
    Sentence(
        "two_topics",
        ("Misogynist comments I rate harshly; plain old swearing I rate leniently."),
        (
            Reading("gender", 1, "plain"),
            Reading("profanity", -1, "plain"),
        ),
    ),
    Sentence(
        "two_topics",
        (
            "Although blasphemy offends me a great deal, I'm pretty laid-back about"
            " political insults."
        ),
        (
            Reading("religion", 1, "strong"),
            Reading("politics", -1, "plain"),
        ),
    ),
    Sentence(
        "two_topics",
        (
            "I let racist banter slide more than I probably should, but I come down"
            " hard on sexist remarks."
        ),
        (
            Reading("race", -1, "plain"),
            Reading("gender", 1, "strong"),
        ),
    ),
    Sentence(
        "two_topics",
        "Swear all you like around me, but leave God out of it.",
        (
            Reading("profanity", -1, "plain"),
            Reading("religion", 1, "plain"),
        ),
    ),
    Sentence(
        "two_topics",
        (
            "Jokes about liberals don't bother me a bit, but jokes about Black "
            "people bother me enormously."
        ),
        (
            Reading("politics", -1, "strong"),
            Reading("race", 1, "strong"),
        ),
    ),
    Sentence(
        "two_topics",
        (
            "Cussing gets under my skin more than most things, while sexist humor "
            "mostly washes over me."
        ),
        (
            Reading("profanity", 1, "plain"),
            Reading("gender", -1, "plain"),
        ),
    ),
    Sentence(
        "two_topics",
        (
            "Despite being pretty chill about jokes on Christianity, I'm really "
            "bothered by jokes about Latinos."
        ),
        (
            Reading("religion", -1, "plain"),
            Reading("race", 1, "strong"),
        ),
    ),
    Sentence(
        "no_bearing",
        "I can't stand people who show up late to meetings.",
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "no_bearing",
        "The sound of someone chewing with their mouth open drives me nuts.",
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "no_bearing",
        "I'm extremely sensitive to cold; I wear a sweater in July.",
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "no_bearing",
        "I really dislike jazz, especially the free-form stuff.",
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "no_bearing",
        "Cilantro tastes like soap to me, and I hate it.",
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "no_bearing",
        "I work as a dental hygienist in Portland.",
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "no_bearing",
        "My favorite hobby is restoring old motorcycles.",
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "no_bearing",
        "Heights don't bother me at all; I go rock climbing most weekends.",
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "no_bearing",
        "Traffic on my commute makes me furious every single morning.",
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "no_bearing",
        "I'm allergic to cats, which is tragic because I adore them.",
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "no_bearing",
        "I'm very strict about my sleep schedule.",
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "no_bearing",
        "Horror movies don't scare me in the slightest.",
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "no_bearing",
        "I'm a morning person and I run five miles before work.",
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "no_bearing",
        "Nothing annoys me more than a slow Wi-Fi connection.",
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "no_bearing",
        "I have two daughters and a golden retriever named Biscuit.",
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "no_bearing",
        "As a teacher, I'm pretty lenient about late homework.",
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "no_bearing",
        "Crowded shopping malls make me anxious.",
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "no_bearing",
        "I'm very picky about coffee and only drink it black.",
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "no_bearing",
        "I grew up in Maine, so hot summers are hard on me.",
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "no_bearing",
        "Typos on restaurant menus are a pet peeve of mine.",
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "no_bearing",
        "I get irritated when someone cuts in line at the grocery store.",
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "no_bearing",
        "I've been vegetarian for ten years, mostly for ethical reasons.",
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "no_bearing",
        "Loud motorcycles revving at midnight really get under my skin.",
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "no_bearing",
        "Reality TV isn't my thing.",
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "no_bearing",
        "I'm very forgiving when friends cancel plans at the last minute.",
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "no_bearing",
        "My cousin is a swim coach who swears by ice baths.",
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "no_bearing",
        "Sad movies make me cry every time, and I'm not ashamed of it.",
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "no_bearing",
        "I don't mind doing the dishes, but I hate folding laundry.",
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "no_bearing",
        ("I voted early this year because the lines on election day are always long."),
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "no_bearing",
        ("I read about three mystery novels a month and listen to podcasts on my commute."),
        (Reading("none", 0, "plain"),),
    ),
)
