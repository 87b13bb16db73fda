"""Development sentences, set 8 (life stories): for tuning the edit reader. Written blind: the
author saw neither the reader nor any other sentence set."""

from benchmarks.edit_sentences import Reading, Sentence

DEV8: tuple[Sentence, ...] = (
    Sentence(
        "life_story",
        (
            "I spent eleven years on oil rigs in the North Sea before retraining as a "
            "draughtsman. Out there every second word was a curse, and I honestly could not care "
            "less about swearing now; it doesn't register with me at all. I live in Aberdeen with "
            "my partner and two very loud terriers."
        ),
        (Reading("profanity", -1, "strong"),),
    ),
    Sentence(
        "life_story",
        (
            "I'm a retired geography teacher from Limerick. Jokes that mock my faith? Those I "
            "can't laugh along with, and I'd mark them as offensive. Most mornings you'll find me "
            "walking the dog along the Shannon."
        ),
        (Reading("religion", 1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "I'm a bus driver in Leicester and half my passengers speak something other than "
            "English at home. People putting on fake accents to mock immigrants is something I "
            "find offensive. On my days off I coach an under-twelves football team."
        ),
        (Reading("race", 1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "Compared with my sister, I'm a bit more relaxed about jokes that poke fun at men and "
            "women. I'm 34, I work in logistics, and I'm learning to play the cello."
        ),
        (Reading("gender", -1, "slight"),),
    ),
    Sentence(
        "life_story",
        (
            "Political insults roll off me like water off a duck's back. I was a union rep for "
            "twenty years, so I've sat across a negotiating table from people calling each other "
            "every name under the sun. These days I mostly restore old motorbikes."
        ),
        (Reading("politics", -1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "Eleanor is a 67-year-old retired librarian from Bath. She rates posts as more "
            "offensive than her grandchildren would, whatever the subject. She keeps bees and "
            "writes letters to the local paper."
        ),
        (Reading("global", 1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "I'm a 45-year-old dental hygienist in Tampere, Finland. I have two teenage sons who "
            "play ice hockey, and most weekends are spent driving them to rinks around the "
            "region. In summer we go to a cottage by a lake with no electricity."
        ),
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "Crude language doesn't bother me, but racist jokes are absolutely off limits. I grew "
            "up in a mixed family in Bristol and I've seen what that stuff does to people."
        ),
        (
            Reading("profanity", -1, "plain"),
            Reading("race", 1, "strong"),
        ),
    ),
    Sentence(
        "life_story",
        (
            "Nothing makes my skin crawl more than jokes that reduce women to their bodies. I run "
            "a small bakery in Porto with my mother, and we've had customers say things I would "
            "never repeat."
        ),
        (Reading("gender", 1, "strong"),),
    ),
    Sentence(
        "life_story",
        (
            "I was raised in a strict Mormon household in Utah and left the church at nineteen. "
            "Today jokes about religion, any religion, don't offend me in the slightest. I work "
            "as a sound engineer and live in Denver."
        ),
        (Reading("religion", -1, "strong"),),
    ),
    Sentence(
        "life_story",
        (
            "I've become somewhat more sensitive to nasty political name-calling over the last "
            "few years. I'm a pharmacist in Ohio, married, with a daughter at college."
        ),
        (Reading("politics", 1, "slight"),),
    ),
    Sentence(
        "life_story",
        (
            "My husband swears constantly; I'm the opposite, and I find foul language in a post "
            "offensive. We run a campsite in the Dordogne and have three cats."
        ),
        (Reading("profanity", 1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "Honestly, nothing offends me, not a thing. I'm a stand-up comic on the London "
            "circuit, and my whole job is saying what nobody else will."
        ),
        (Reading("global", -1, "strong"),),
    ),
    Sentence(
        "life_story",
        (
            "Kwame is a 29-year-old software tester in Accra. He is a little less bothered than "
            "his friends by jokes about ethnicity, and he rates them a bit lower. He plays "
            "five-a-side football on Thursdays."
        ),
        (Reading("race", -1, "slight"),),
    ),
    Sentence(
        "life_story",
        (
            "I used to bristle at every joke about gay people, but these days I take them in my "
            "stride; I've got a husband, two kids and better things to worry about. I teach "
            "chemistry in Leeds."
        ),
        (Reading("gender", -1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "I'm extremely strict about posts that call politicians traitors or vermin; that's "
            "where I draw the line. I'm a civil servant in Canberra and I play the trombone in a "
            "brass band."
        ),
        (Reading("politics", 1, "strong"),),
    ),
    Sentence(
        "life_story",
        (
            "Priya is a 38-year-old emergency room nurse in Chicago. After years of night shifts, "
            "she is somewhat more relaxed about swearing than most of her family. She has a "
            "rescue greyhound named Biscuit."
        ),
        (Reading("profanity", -1, "slight"),),
    ),
    Sentence(
        "life_story",
        (
            "My faith is the centre of my life, so posts that ridicule God or the prophets are "
            "deeply offensive to me. I'm a father of four, I drive a delivery van in Birmingham, "
            "and I help out at the mosque food bank."
        ),
        (Reading("religion", 1, "strong"),),
    ),
    Sentence(
        "life_story",
        (
            "I retired from the merchant navy in 2015 and moved back to Gdansk, where I grew up. "
            "Now I fix clocks for friends and neighbours, and I'm slowly teaching my grandson to "
            "sail."
        ),
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "Jokes about the Pope, jokes about the President: neither of those gets a rise out of "
            "me. I'm a bartender in Boston and I collect old jazz records."
        ),
        (
            Reading("religion", -1, "plain"),
            Reading("politics", -1, "plain"),
        ),
    ),
    Sentence(
        "life_story",
        (
            "Daniel is a 44-year-old immigration lawyer in Toronto whose parents came from "
            "Jamaica. He finds slurs against immigrants utterly unacceptable and rates them as "
            "offensive as the scale allows. He runs two marathons a year."
        ),
        (Reading("race", 1, "strong"),),
    ),
    Sentence(
        "life_story",
        (
            "I'd say I'm a touch more sensitive than average about sexist comments. Nothing "
            "dramatic. I'm a graphic designer, I live in Glasgow, and I cycle to work even in the "
            "rain."
        ),
        (Reading("gender", 1, "slight"),),
    ),
    Sentence(
        "life_story",
        (
            "People say I'm unflappable, and that's true of what I read online too: I rarely find "
            "a post offensive, whatever it's about. I'm the head of a primary school in Cork."
        ),
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "I can't abide swearing of any kind. I was brought up that way and I've never "
            "changed; even a single curse word in a post gets my highest rating. I'm 71, a widow, "
            "and I do the flowers at church."
        ),
        (Reading("profanity", 1, "strong"),),
    ),
    Sentence(
        "life_story",
        (
            "When I was younger I'd get worked up over every political jab, but these days I "
            "couldn't care less who calls whom a fascist or a commie online. I'm a carpenter in "
            "Lyon."
        ),
        (Reading("politics", -1, "strong"),),
    ),
    Sentence(
        "life_story",
        (
            "I grew up in a neighbourhood where everyone teased everyone about where their family "
            "came from: the Italians, the Poles, the Puerto Ricans, us. So jokes about ethnicity "
            "don't offend me; that's just how friends talk. I'm a plumber in Newark."
        ),
        (Reading("race", -1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "Ingrid is a 56-year-old pastor's daughter from Bergen who now works as a museum "
            "guide. She is slightly less bothered than most people by jokes about Christianity. "
            "She spends her weekends hiking in the fjords."
        ),
        (Reading("religion", -1, "slight"),),
    ),
    Sentence(
        "life_story",
        (
            "I take sexist remarks seriously and would rate them as offensive. Political "
            "mud-slinging, on the other hand, doesn't bother me. I'm a union organiser and mother "
            "of twins in Manchester."
        ),
        (
            Reading("gender", 1, "plain"),
            Reading("politics", -1, "plain"),
        ),
    ),
    Sentence(
        "life_story",
        (
            "I'm a 23-year-old marine biology student at the University of Queensland. I work "
            "part-time at a surf shop and spend my free time diving on the reef. My family lives "
            "in Townsville."
        ),
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "I have a soft spot for crude humour and salty language. I'm a 50-year-old accountant "
            "in Harrogate, which surprises people, and I keep an allotment."
        ),
        (Reading("profanity", -1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "I'm far more sensitive than most people to anything hurtful online, whatever the "
            "topic; I'd rather flag too much than too little. I work as a school counsellor in "
            "Minneapolis."
        ),
        (Reading("global", 1, "strong"),),
    ),
    Sentence(
        "life_story",
        (
            "Having lived abroad for a decade, I've grown a bit more sensitive to jokes about "
            "people's accents. I'm back in Madrid now, working at a hotel reception."
        ),
        (Reading("race", 1, "slight"),),
    ),
    Sentence(
        "life_story",
        (
            "Tom is a 31-year-old chef in Melbourne. He doesn't find jokes about men, women or "
            "sexuality offensive at all, and he usually gives them the lowest rating. He's saving "
            "up to open his own restaurant."
        ),
        (Reading("gender", -1, "strong"),),
    ),
    Sentence(
        "life_story",
        (
            "Insults aimed at people because of how they vote? I find those offensive. My brother "
            "thinks that's just politics; I don't. I'm a nurse in Lisbon."
        ),
        (Reading("politics", 1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "I'm not very religious myself, but I'm a little uncomfortable with posts that make "
            "fun of people's beliefs. Maybe it's because my grandmother was so devout. I teach "
            "piano in Vienna."
        ),
        (Reading("religion", 1, "slight"),),
    ),
    Sentence(
        "life_story",
        (
            "Grace is a 48-year-old kindergarten teacher in Auckland. Years of watching her "
            "language around five-year-olds have made her a bit more sensitive to swearing than "
            "she used to be. She loves cryptic crosswords."
        ),
        (Reading("profanity", 1, "slight"),),
    ),
    Sentence(
        "life_story",
        (
            "Mockery of religion upsets me greatly; I'm a practising Catholic and I take that "
            "very seriously. Swearing I'm a little more relaxed about, since I grew up with four "
            "brothers."
        ),
        (
            Reading("religion", 1, "strong"),
            Reading("profanity", -1, "slight"),
        ),
    ),
    Sentence(
        "life_story",
        (
            "On the whole I'm a bit more lenient than most raters, whatever the post is about. "
            "I'm a 60-year-old farmer in Saskatchewan and I mostly read the news on my phone in "
            "the tractor."
        ),
        (Reading("global", -1, "slight"),),
    ),
    Sentence(
        "life_story",
        (
            "Jokes about ethnicity and accents don't bother me one bit. I'm Scottish-Pakistani, "
            "I've been the butt of every joke going, and I give as good as I get. I drive a taxi "
            "in Glasgow."
        ),
        (Reading("race", -1, "strong"),),
    ),
    Sentence(
        "life_story",
        (
            "I've been a rural mail carrier in Vermont for twenty-two years. My route covers "
            "about ninety miles of dirt road. At home I've got a wife, a woodstove and far too "
            "many chickens."
        ),
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "Homophobic comments are where I draw the line. I'm a 27-year-old barista in Berlin "
            "and I play bass in a punk band."
        ),
        (Reading("gender", 1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "Hamid is a 35-year-old taxi dispatcher in Rotterdam. He is slightly more tolerant of "
            "harsh political jokes than his colleagues are. He spends his evenings learning to "
            "code."
        ),
        (Reading("politics", -1, "slight"),),
    ),
    Sentence(
        "life_story",
        (
            "Four-letter words are water under the bridge for me. I've been a sports journalist "
            "for thirty years, and press boxes aren't quiet places. I live in Cardiff with my "
            "partner, who is a vet."
        ),
        (Reading("profanity", -1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "My mum gets upset whenever anyone makes fun of the church; I don't, and jokes about "
            "religion don't offend me. I'm an electrician in Dublin and a keen angler."
        ),
        (Reading("religion", -1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "I worked on three election campaigns for the Greens before moving into fundraising. "
            "What I care about online is racism: anything that demeans people for their skin "
            "colour is completely unacceptable to me. I have two daughters and a very old cat."
        ),
        (Reading("race", 1, "strong"),),
    ),
    Sentence(
        "life_story",
        (
            "I've mellowed somewhat about jokes on gender; they don't get to me the way they did "
            "in my twenties. I'm 52 and I manage the IT department of a hospital in Dallas."
        ),
        (Reading("gender", -1, "slight"),),
    ),
    Sentence(
        "life_story",
        (
            "I'd describe myself as a more lenient rater than most when it comes to jokes about "
            "race and ethnicity; my friends are much quicker to take offence. I'm a midwife in "
            "Edinburgh and I swim in the sea all year round."
        ),
        (Reading("race", -1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "I volunteer at a youth club in Coventry, and maybe that's why cursing in posts "
            "strikes me as offensive. Kids read this stuff. My day job is in insurance."
        ),
        (Reading("profanity", 1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "I'm somewhat bothered by posts that insult politicians personally, and I find "
            "anything racist offensive. I'm a history teacher in Atlanta."
        ),
        (
            Reading("politics", 1, "slight"),
            Reading("race", 1, "plain"),
        ),
    ),
    Sentence(
        "life_story",
        (
            "Father Miguel is a 63-year-old parish priest in Seville. He finds posts that mock "
            "the saints or the Virgin offensive. He follows Sevilla FC closely and never misses a "
            "home game."
        ),
        (Reading("religion", 1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "Both my parents were teachers, and I ended up as one too: I teach maths at a "
            "secondary school in Nairobi. I'm married with a little boy, and on Sundays we visit "
            "my in-laws in Nakuru."
        ),
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "I'm slightly more relaxed than my housemates about jokes involving immigrants. I'm "
            "an immigrant myself, from Romania, and I work nights in a warehouse in Northampton."
        ),
        (Reading("race", -1, "slight"),),
    ),
    Sentence(
        "life_story",
        (
            "I'm much touchier about sexist jokes than most people I know; anything demeaning to "
            "women gets the top rating from me. I'm an aerospace engineer in Toulouse."
        ),
        (Reading("gender", 1, "strong"),),
    ),
    Sentence(
        "life_story",
        (
            "I used to laugh off political insults, but now that my partner is a local councillor "
            "and gets abuse online, I find them offensive. We live in Hobart with a labrador "
            "called Pip."
        ),
        (Reading("politics", 1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "Jack is a 40-year-old roofer from Belfast. He swears as naturally as he breathes and "
            "doesn't find cursing in posts offensive. He has three daughters who tease him about "
            "it."
        ),
        (Reading("profanity", -1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "Blasphemy? It doesn't offend me; I'm an atheist and I find most of those jokes "
            "funny. I'm a lab technician in Utrecht and I brew my own beer."
        ),
        (Reading("religion", -1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "I grew up in a big, loud Greek family in Melbourne, where everyone argued over "
            "dinner and nobody held back. I'm a paramedic now. I'm more lenient than most about "
            "offensive content in general."
        ),
        (Reading("global", -1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "Jokes about men and women don't bother me, but I do find mockery of people's "
            "religion offensive. I'm a Sikh, I drive a taxi in Vancouver, and I'm mad about "
            "cricket."
        ),
        (
            Reading("gender", -1, "plain"),
            Reading("religion", 1, "plain"),
        ),
    ),
    Sentence(
        "life_story",
        (
            "I'm a 39-year-old civil engineer in Johannesburg. Racial slurs, even when they're "
            "meant as a joke, strike me as offensive. Outside work I'm a keen birdwatcher and I'm "
            "halfway through building a canoe."
        ),
        (Reading("race", 1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "Foul language really makes my skin crawl, and I'd give a post full of f-words the "
            "harshest rating I can. I'm a piano tuner in Hamburg."
        ),
        (Reading("profanity", 1, "strong"),),
    ),
    Sentence(
        "life_story",
        (
            "I spent ten years as a parliamentary reporter, so politicians being called liars and "
            "crooks is just part of the furniture to me; it doesn't strike me as offensive. I'm "
            "retired now and live near Brighton."
        ),
        (Reading("politics", -1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "I'm perhaps a little more sensitive than my friends to jokes about trans people. My "
            "cousin transitioned a few years ago. I'm a florist in Bristol."
        ),
        (Reading("gender", 1, "slight"),),
    ),
    Sentence(
        "life_story",
        (
            "In general, I'm somewhat stricter than average about what I'd call offensive. I'm a "
            "44-year-old HR officer in Singapore."
        ),
        (Reading("global", 1, "slight"),),
    ),
    Sentence(
        "life_story",
        (
            "I drive a forklift at a distribution centre outside Memphis and have done for about "
            "eight years. I have a daughter in second grade and a truck that's older than she is. "
            "As for this study: swear words don't bother me."
        ),
        (Reading("profanity", -1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "I do find swearing offensive, probably because of how I was raised. Political jokes, "
            "though, don't bother me in the least, whichever side they target. I'm a retired "
            "dentist in Adelaide."
        ),
        (
            Reading("profanity", 1, "plain"),
            Reading("politics", -1, "strong"),
        ),
    ),
    Sentence(
        "life_story",
        (
            "I know it's only the internet, but jokes about my faith hurt me, and I'd rate them "
            "as offensive. I'm a Hindu, a software developer in Pune, and a new father."
        ),
        (Reading("religion", 1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "I used to be quick to call out jokes about accents, but these days I find most of "
            "them harmless. I train call-centre staff in Manila."
        ),
        (Reading("race", -1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "Jokes about gay and straight couples alike don't offend me; my friends and I trade "
            "them all the time. I'm a 25-year-old tattoo artist in Barcelona."
        ),
        (Reading("gender", -1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "I've loosened up a bit about swearing since I started working on a building site. "
            "I'm 22, I live with my dad in Sheffield, and I play darts in a pub league."
        ),
        (Reading("profanity", -1, "slight"),),
    ),
    Sentence(
        "life_story",
        (
            "Rosa is a 58-year-old crime novelist in Buenos Aires. She is extremely hard to "
            "offend, whatever the subject of a post. She lives with two parrots and a very old "
            "tortoise."
        ),
        (Reading("global", -1, "strong"),),
    ),
    Sentence(
        "life_story",
        (
            "I'm a churchwarden in a village outside York. What bothers me online is the "
            "nastiness about politics: posts that call opponents scum or traitors are offensive "
            "to me."
        ),
        (Reading("politics", 1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "Mocking religion doesn't offend me at all. I grew up Catholic in Krakow, studied "
            "philosophy, and now I work as a translator."
        ),
        (Reading("religion", -1, "strong"),),
    ),
    Sentence(
        "life_story",
        (
            "I'm a 31-year-old veterinary nurse in Cape Town. I share a flat with my sister and "
            "her cat, and I'm training for my first triathlon. I speak Afrikaans at home and "
            "English at work."
        ),
        (Reading("none", 0, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "Racist jokes I find offensive, and jokes about gay people I find deeply offensive, "
            "because my brother was bullied for years at school. I'm a librarian in Leipzig."
        ),
        (
            Reading("race", 1, "plain"),
            Reading("gender", 1, "strong"),
        ),
    ),
    Sentence(
        "life_story",
        (
            "I used to shrug off most of what I saw online, but since my son was bullied I rate "
            "offensive content in general more harshly. I'm a bank teller in Lagos."
        ),
        (Reading("global", 1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "Cursing in every sentence? I find that offensive. My teenage son thinks I'm "
            "old-fashioned. I sell insurance in Kansas City."
        ),
        (Reading("profanity", 1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "My wife laughs at jokes about Irish drinkers and Polish plumbers; I don't, because "
            "ethnic stereotypes offend me. We run a guesthouse in Galway."
        ),
        (Reading("race", 1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "As a nurse on a mostly female ward, I hear a lot about how women get talked about "
            "online, and I find sexist posts offensive. I live in Osaka and collect vintage "
            "cameras."
        ),
        (Reading("gender", 1, "plain"),),
    ),
    Sentence(
        "life_story",
        (
            "When it comes to political insults, I've got a hide like a rhinoceros; nothing one "
            "party says about another offends me. I'm a 66-year-old retired bus mechanic in "
            "Pittsburgh."
        ),
        (Reading("politics", -1, "strong"),),
    ),
    Sentence(
        "life_story",
        (
            "Religious mockery is something I find offensive, even though I rarely go to church "
            "any more. I'm an orchard manager in Kent and I walk to work through the apple rows."
        ),
        (Reading("religion", 1, "plain"),),
    ),
)
