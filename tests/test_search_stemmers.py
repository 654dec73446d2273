"""The Python pipeline makes the same terms as lunr.js + lunr-languages in the browser.

If a single word stemmed differently on the two sides, a query for it would silently find
nothing, so this runs both over more than 10,000 English and 10,000 Russian words: real text,
real stems with every ending the stemmers know, random letter strings that poke at the rules'
corners, and possessives and apostrophes (' and ’). node runs the vendored lunr files the search
page loads, with search.js's own possessive step.
"""

from __future__ import annotations

import json
import random
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

from ssg.search import SearchConfig, article_terms
from ssg.search.analysis import DASHES, INVISIBLE, fold, stem, stopwords, term_of, tokenize, trim
from ssg.search.porter import stem_en
from ssg.search.russian import stem_ru

from .search_js import folded_by_search_js

HERE = Path(__file__).parent
NODE_PIPELINE = HERE / "search_support" / "lunr_pipeline.js"


@pytest.fixture(autouse=True)
def node_installed() -> None:
    """Missing node is a failure, not a skip: the parity checks run lunr.js itself, and CI has node."""
    assert shutil.which("node"), "these tests need node on PATH"


EN_STEMS = """
abandon abbrevi absorb accept access accommod accord account accur achiev acquir act activ adapt add
adjust administr admir adopt advanc advertis affect afford agre aid aim align alloc allow alter amaz
analys announc anticip appear appli appoint approach approv argu arm arrang arriv assembl assess assign
assist assum attach attack attempt attend attract author avail avoid award bake balanc ban bank bargain
base bear beat becom begin behav believ belong benefit bind blame blast block blow board boost borrow
bound break breath breed bring broadcast build burn call calcul cancel captur care carri cast catch
caus celebr certifi challeng chang charg chart chase check cheer choos circul claim classifi clean
clear climb close coach collaps collect combin comfort command comment commit communic compar compet
compil complain complet compon compos comput concentr concern conclud condit conduct confer confirm
conflict confus connect consid consist construct consult contain continu contract contribut control
convert convinc coordin cope correct cost count cover crash creat critic cross crowd cultiv cure
damag danc deal debat decid declar declin decor decreas dedic defeat defend defin deliv demand
demonstr deni depend deploy deriv describ design destroy detect determin develop devot differ dig
direct disappear discov discuss dismiss display dissolv distinguish distribut divid dock domin donat
doubt draft drag draw dream dress drill drink drive drop dump earn eas edit educ elect electr elimin
emerg emphas employ enabl encount encourag end endors enforc engag engin enhanc enjoy enrol ensur
enter entertain equip escap establish estim evalu evolv examin exceed exchang exclud execut exercis
exhibit exist expand expect experi explain explod explor export expos express extend extract fail
fall fascin favour fear feed feel fetch fight figur file fill film final financ find finish fire
fit fix flash flee float flood flow fly focus fold follow forc forecast forget form formul found
frame free freez frighten fuel function fund gain gather gener glanc govern grab grade grant greet
grow guarante guard guess guid halt handl hang happen harm head hear heat help hesit hide highlight
hire hit hold honour hope host hunt hurri identifi ignor illustr imag imagin impact implement impli
import impos impress improv includ incorpor increas indic influenc inform inherit initi injur insist
inspect inspir instal instruct integr intend interact interest interpret interrupt introduc invent
invest investig invit involv isol issu join judg jump justifi keep kick kill knock label land last
launch lay lead lean learn leav lend level licens lift limit link list listen live load locat lock
look lose love maintain manag manufactur map mark market match matter measur meet mention merg migrat
minim miss mix model modifi monitor motiv mount move navig need negoti neglect nomin note notic
notifi obey object oblig observ obtain occupi occur offend offer open oper oppos optim order organ
orient outlin overcom overlook own paint park particip pass pay perceiv perform permit persuad pick
pilot place plan plant play plead point pollut popul posit possess post postpon pour practis prais
predict prefer prepar present preserv press pretend prevent price print priorit probe proceed process
produc program progress prohibit project promis promot prompt propos protect prove provid publish pull
punish purchas pursu push qualifi question quot race rais rang rank rate reach react read realis
reason recal receiv recogn recommend record recov recruit reduc refer reflect reform refus regard
regist regul reject relat relax releas reli remain remark remov renew repair repeat replac repli
report repres request requir rescu research resembl reserv resign resist resolv respect respond rest
restor restrict result retain retir return reveal revers review revis reward ride ring rise risk
roll rotat rule run sail satisfi save scan schedul score search secur seek seiz select sell send
sens separ serv settl shake shape share shift shine shoot shop shout show shut sign simul sing sink
sit sketch ski skip sleep slide slip smile solv sort sound speak specifi spend split spoil sponsor
spread squeez stabil stage stand stare start state stay steal steer stick stimul stop store strengthen
stress stretch strike structur struggl studi submit succeed suffer suggest suit summar suppli support
suppos surfac surpris surround surviv suspect suspend sustain swallow swear sweep swim switch symbol
tackl talk target teach tear tell tend test thank think threaten throw toler touch tour trace track
trade train transfer transform translat transmit transport travel treat tri trigger trust turn type
undergo understand undertak unit unveil updat upgrad urg use valu vari verifi view visit vote wait
wake walk want warn wash watch weigh welcom wind wish withdraw wonder work worri wrap write yield
"""
EN_SUFFIXES = """
s es ies ed ing eed ly er est ness ment ments tion tions ation ations ational tional enci anci izer bli
alli entli eli ousli ization ator alism iveness fulness ousness aliti iviti biliti logi icate ative
alize iciti ical ful al ance ence ic able ible ant ement ent ou ism ate iti ous ive ize e ll y ings
edly ers ism ist ists ity ities ical ally ful fully less lessly ship hood ward wards able ably
"""
EN_WORDS = """
caresses ponies ties caress cats feed agreed plastered bled motoring sing conflated troubled sized
hopping tanned falling hissing fizzed failing filing happy sky relational conditional rational
valenci hesitanci digitizer conformabli radicalli differentli vileli analogousli vietnamization
predication operator feudalism decisiveness hopefulness callousness formaliti sensitiviti
sensibiliti triplicate formative formalize electriciti electrical hopeful goodness revival allowance
inference airliner gyroscopic adjustable defensible irritant replacement adjustment dependent adoption
homologou communism activate angulariti homologous effective bowdlerize probate rate cease controll
roll day days dying lying tying yelling yes yesterday you your yard by my sky skies cry cries dry
generalization oscillators spacecraft spacewalk cosmonaut cosmonauts astronaut astronauts launches
launched launching satellite satellites orbital orbiting rocket rockets rocketry engine engines
engineering aeronautics agency agencies station stations module modules docking docked undocking
"""
RU_STEMS = """
ракет самолёт самолет космонавт космодром запуск пуск станци спутник двигател орбит полёт полет
корабл экипаж испытани министерств оборон систем комплекс аппарат исследовани наблюдени звезд
звёзд телескоп обсерватори выход модул сегмент оборудовани материал образц груз топлив вод кислород
продукт посылк стыковк режим участи предприяти сборк образц огнев осен лёгк легк низк небольш школьник
жизн невесомост спорт сил мышц вопрос город земл ночь служб луна лун посадочн решени дат причин
замечани наземн провер специалист генеральн директор госкорпораци конц модернизаци регулярн
пассажирск российск аэродром авиационн завод небо час лётчик летчик машин управлени учён учен
институт космическ рентгеновск диапазон борт карт данн исследовател международн открыт продолжительност
нов внешн поверхност кассет иллюминатор обороны успешн зенитн ракетн воздушн цел крылат беспилотник
противник полигон област грузов тонн научн аппаратур член автоматическ стал стать читал говор
работ делал красив хорош бел син зелён зелен велик мал быстр медленн сильн слаб стар молод
"""
RU_ENDINGS = """
а я о е ы и у ю ь й ов ев ей ам ям ами ями ах ях ом ем ой ою ою ий ый ая яя ое ее ые ие ого его
ому ему ым им ых их ую юю ею ею ыми ими ость ости остью остей ост ение ения ением ении ений ениям
ениями ениях ание ания анием ании ать ять ить еть уть ал ала ало али ял яла яло яли ил ила ило или
ет ют ит ят ешь ишь ем им ете ите ут ат ят уют ает ают ует уют ся сь ться ться ался алась алось
ались ился илась илось ились ется ются ится ятся ив ивши ившись ыв ывши ывшись в вши вшись ав авши
авшись яв явши явшись ющий ющая ющее ющие ющего ющему ющим ющих ующий ующая ующих вший вшая вшее
вшие ивший ившая ывший нный нная нное нные енный енная енное анный анная ейший ейшая ейшее ейшие
айший айшая нн н ь ейш ейше нейш нейше е ие ье ии ия ья ию ью иям иях иями ией ием
"""
MIXED = [
    "", "-", "—", "«союз»", "(nasa)", "spacex’s", "2021", "2.1б", "МС-21", "ПД-14", "o'brien", "l'espace", "naïve",
    "café", "straße", "İstanbul", "ΟΔΟΣ", "ǅemal", "😀s", "a😀ing", "ракета😀", "yyy", "ye", "yes’", "ёлка", "Ёж",
    "ﬁnance", "x\u0301y", "tést", "über", "ʼабв", "abc_def", "__proto__", "constructor", "toString", "hasOwnProperty",
    "ѣть", "ґанок", "їжак", "ҷ", "ӓя", "кое-кто", "из-за", "бизнес-план", "e-mail", "covid19", "ru", "en",
    "it's", "he’s", "'s", "’s", "s's", "x''s", "x’'s", "’", "''", "nasa'S", "NASA’S", "o’clock", "rock'n'roll's",
    "м’ясо", "м'ясо", "мʼясо", "путин’s", "'europe's'", "‘europe’s’", "companies’", "(roscosmos').",
]  # fmt: skip
# German, French and Spanish words, with their accented letters at either end (lunr's trimmer took those off: Österreich
# was "sterreich", été "t"), and French elisions (l'Europe was the term "l'europ").
LATIN_WORDS = """
Österreich österreichischen Öl Ölpreis Über über Übersee Ärzte Ärztin Äpfel groß Großauftrag größten Straße Straßenbau
Münchner müssen Mädchen Grüße Fußball weiß heiß Bühne Schöße Satellit Satelliten Rakete Raketen Raumfahrtbehörde
été Été Île île Ça ça à À Œuvre œuvre où déjà voilà après très près fusée fusées lancé lancée décollé célèbre Noël
naïve naïf Hélène Éric élève été-là âme ô côté forêt être rôle hôtel spatiale européen européenne européennes
España español españoles año años Niñez niño éxito éxitos él satélite satélites lanzó lanzamiento también según
aquí allí está están más sí además energía Perú Bogotá órbita último árbol ñandú
l'Europe l'europe L'Europe d'orbite d'Orbital qu'il qu'elle jusqu'à jusqu’au lorsqu'il puisqu'on quoiqu'il l’espace
m'a t'es n'est s'il j'ai c'est d'Ariane l'été l'Île l'Œuvre d'Österreich aujourd'hui prud'homme o'clock c'mon d'you
"""
LATIN_LETTERS = "aeiouyéèêëàâäîïôöûüùÿçñßœæøåbcdlmnrstvzáíóúãõœ"
# Apostrophes a possessive or an elision is written with: ', ’ (U+2019) and ʼ (U+02BC).
POSSESSIVE_ENDINGS = ["'s", "’s", "'", "’", "ʼs", "'S"]


def _random_words(rng: random.Random, letters: str, n: int) -> list[str]:
    return ["".join(rng.choice(letters) for _ in range(rng.randint(1, 12))) for _ in range(n)]


def _possessives(words: list[str], rng: random.Random, n: int) -> set[str]:
    """Possessives ("europe's", "nasa’s", "roscosmos'") and inner apostrophes of either kind."""
    out = {w + rng.choice(POSSESSIVE_ENDINGS) for w in rng.sample(words, n)}
    for w in rng.sample(words, n // 4):
        at = rng.randint(1, max(1, len(w) - 1))
        out.add(w[:at] + rng.choice("'’ʼ") + w[at:])
    return out


def _english_words() -> list[str]:
    stems, suffixes = EN_STEMS.split(), EN_SUFFIXES.split()
    words = set(EN_WORDS.split()) | set(tokenize((HERE / "data" / "search_en.txt").read_text(encoding="utf-8")))
    words |= {s + x for s in stems for x in rng_sample(suffixes, 14, s)}
    words |= set(stems)
    words |= set(_random_words(random.Random(1), "aeiouyybcdlmnrstsszz", 2500))
    words |= _possessives(sorted(words), random.Random(3), 2000)
    return sorted(words)


def _russian_words() -> list[str]:
    stems, endings = RU_STEMS.split(), RU_ENDINGS.split()
    words = set(tokenize((HERE / "data" / "search_ru.txt").read_text(encoding="utf-8")))
    words |= {fold(s + e) for s in stems for e in endings}
    words |= {s + e for s in stems for e in endings if "ё" in s}  # unfolded: the stemmer sees ё too
    words |= set(_random_words(random.Random(2), "аеиоуыэюяйнвлстшщмьъёжчк", 2500))
    words |= _possessives(sorted(words), random.Random(4), 1000)
    return sorted(words)


def _latin_words() -> list[str]:
    """German, French and Spanish words (`LATIN_WORDS`), random words of accented and plain letters, elided articles on
    words (l'été, qu'Öl) and possessives."""
    words = {fold(w) for w in LATIN_WORDS.split()}
    words |= set(_random_words(random.Random(5), LATIN_LETTERS, 4000))
    rng = random.Random(6)
    words |= {rng.choice(["l", "d", "qu", "jusqu", "s", "c"]) + rng.choice("'’ʼ") + w for w in rng.sample(sorted(words), 1500)}
    words |= _possessives(sorted(words), random.Random(7), 1000)
    return sorted(words)


def rng_sample(items: list[str], k: int, seed: str) -> list[str]:
    return random.Random(seed).sample(items, k)


def _node(request: dict) -> dict:
    out = subprocess.run(["node", str(NODE_PIPELINE)], input=json.dumps(request), capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


@pytest.fixture(scope="module")
def word_lists() -> dict[str, list[str]]:
    return {"en": _english_words(), "ru": _russian_words(), "latin": _latin_words()}


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_word_list_is_large_enough(word_lists: dict[str, list[str]], lang: str) -> None:
    assert len(word_lists[lang]) >= 10_000
    assert len(word_lists["latin"]) >= 5_000


@pytest.mark.parametrize("lang", ["en", "ru", "latin"])
def test_stems_and_terms_match_lunr_js(word_lists: dict[str, list[str]], lang: str) -> None:
    words = [w.lower() for w in word_lists[lang] + MIXED]  # tokens reach the pipeline lower-cased
    result = _node({"words": words})["words"]
    term = term_of(("en", "ru"))
    mismatches = []
    for word, (js_en, js_ru, js_term) in zip(words, result, strict=True):
        ours = (stem(word, ("en",)), stem(word, ("ru",)), term(word))
        if ours != (js_en, js_ru, js_term):
            mismatches.append((word, ours, (js_en, js_ru, js_term)))
    assert not mismatches[:20], f"{len(mismatches)} of {len(words)} words differ (word, python, lunr.js)"


def test_tokenizer_matches_lunr_js() -> None:
    texts = [
        (HERE / "data" / "search_ru.txt").read_text(encoding="utf-8"),
        (HERE / "data" / "search_en.txt").read_text(encoding="utf-8"),
        "a\u00a0b\u2003c\u3000d\ufeffe\u2028f\u2029g\u205fh\u1680i\tj\vk\fl\rm\nn-o--p \x1cq\x85r\u200bs\u180et",
        "Самолёт ЁЛКА İstanbul ΟΔΟΣ",
    ]
    js = _node({"texts": [fold(t) for t in texts]})["texts"]
    assert [tokenize(t) for t in texts] == js


def test_known_differences_from_other_stemmers_are_gone() -> None:
    assert stem_en("day") == "day"  # lunr.py's Porter says "dai"
    assert stem_ru(fold("самолёт")) == stem_ru("самолет") == "самолет"
    assert term_of(("en", "ru"))("ракеты") == term_of(("en", "ru"))("ракета")


def test_tokens_with_punctuation_share_the_words_terms(word_lists: dict[str, list[str]]) -> None:
    """A token is trimmed before it is stemmed, and the pipeline remembers terms by trimmed word
    too ("ракеты," after "ракеты"): each form still gets lunr.js's term, stop words included."""
    words = [w.lower() for w in word_lists["en"][:1500] + word_lists["ru"][:1500] + word_lists["latin"][:1500]]
    words += ["the", "и", "—", "2.1"]
    tokens = [form for w in words for form in (w, f"{w},", f"«{w}»", f"({w}.")]
    result = _node({"words": tokens})["words"]
    term = term_of(("en", "ru"))
    mismatches = [(t, term(t), js[2]) for t, js in zip(tokens, result, strict=True) if term(t) != js[2]]
    assert not mismatches[:20], f"{len(mismatches)} of {len(tokens)} tokens differ (token, python, lunr.js)"


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_possessives_share_the_words_terms(word_lists: dict[str, list[str]], lang: str) -> None:
    """A possessive ("europe's", "europe’s", "roscosmos'") has its word's term, where lunr alone
    indexes "europe'": the step runs before the stemmers for both alphabets, and ’ is '."""
    term = term_of(("en", "ru"))
    words = [w for w in word_lists[lang] if trim(w) == w and not any(a in w for a in "'’ʼ")]  # words, not "14." or "«союз»"
    differ = [(w + end, term(w + end), term(w)) for w in words for end in POSSESSIVE_ENDINGS if term(w + end) != term(w)]
    assert not differ[:20], f"{len(differ)} possessives differ from their word (possessive, its term, the word's)"
    assert term("europe's") == term("europe") == "europ" and term("nasa’s") == term("nasa'S") == "nasa"
    assert term("roscosmos'") == term("roscosmos") and term("companies’") == term("companies")
    assert term("it's") is None and term("she’s") is None  # the stop words "it" and "she"
    assert term("o’clock") == term("oʼclock") == term("o'clock") == "o'clock"  # inner apostrophes stay, as one kind
    assert term("м’ясо") == term("м'ясо") != term("мясо")
    assert term("he'll") != term("hell")


def test_trim_takes_off_what_is_not_a_letter_mark_or_digit_of_any_script() -> None:
    """`trim` gives a token that starts and ends with a word character back at once, and any token comes out as taking
    off, at either end, each character outside Unicode's L, M and N categories (but "_"), a superscript or subscript
    digit, and a combining mark (but kana's voicing marks) that does not sit on a letter or digit (⚡️, ❗️)."""
    from ssg.search.analysis import CJK_CHARACTERS

    def letter(c: str) -> bool:
        if c in "\u00b2\u00b3\u00b9\u2070\u2074\u2075\u2076\u2077\u2078\u2079" or "\u2080" <= c <= "\u2089":
            return False
        return (
            c == "_"
            or unicodedata.category(c)[0] in "LN"
            or (unicodedata.category(c)[0] == "M" and bool(re.match(f"[{CJK_CHARACTERS}]", c)))
        )

    def mark(c: str) -> bool:
        return unicodedata.category(c)[0] == "M" and not letter(c)

    def reference(token: str) -> str:
        chars = list(token)
        while chars and not letter(chars[0]):
            chars.pop(0)
        while chars and not letter(chars[-1]):
            if mark(chars[-1]):
                below = len(chars) - 1
                while below and mark(chars[below - 1]):
                    below -= 1
                if below and letter(chars[below - 1]):
                    break
            chars.pop()
        return "".join(chars)

    rng = random.Random(3)
    pieces = ["a", "Z", "9", "_", "я", "ё", "\u0483", "\u1d2b", "\ua640", ".", "«", "(", "-", "'", "’", "😀", "é", "Ω", "ς",
              "月", "。", "「", "ー", "・", "ا", "\u064c", "\u0640", "ה", "\u05b4", "״", "२", "\u093e", "\u3099", "𠀋", "\u200b", "\ufe0f", "⚡", "\u0301", "²", "₂", "\u20e3"]  # fmt: skip
    for _ in range(20_000):
        token = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 6)))
        assert trim(token) == reference(token), repr(token)


def test_a_pasted_words_invisible_characters_are_not_part_of_its_term() -> None:
    """A clipping pasted from a news site holds soft hyphens (its &shy;) and zero-width characters inside words, and a
    PDF's й and ё are и and е with a combining mark: each word is indexed as the reader sees and types it (it was
    indexed with them, and a search for космодром did not find космо\\u00adдром)."""
    config = SearchConfig()
    pasted = "Космо\u00adдром Вос\u200bточный, Арте\u2060мида и Vanden\u00adberg: Юри\u0306 вышел на орбиту Земле\u0308"
    typed = "Космодром Восточный, Артемида и Vandenberg: Юрий вышел на орбиту Землё"
    assert article_terms("ru", pasted, [pasted], pasted, config) == article_terms("ru", typed, [typed], typed, config)
    assert fold("кос\u00adмо\u200dдр\ufeffом") == "космодром"


def test_the_query_is_folded_as_the_articles_are() -> None:
    """search.js's foldQuery and analysis.fold drop the same characters (`INVISIBLE`, one list in each language), join
    a combining mark to its letter and drop a word's final ъ: a query word typed or pasted as an article holds it
    finds it."""
    texts = [f"кос{c}мо{c}дром" for c in INVISIBLE] + ["Юри\u0306 Земле\u0308", "Коммерсантъ-Деньги объявил Коммерсантъ", "ЁЛКА"]
    texts += [f"Луна{c}25" for c in DASHES]
    assert folded_by_search_js(texts) == [fold(t) for t in texts]


def test_a_words_final_hard_sign_is_dropped_as_readers_type_it_without() -> None:
    """Коммерсантъ, an outlet's name in the old spelling, was found by no query but itself: Коммерсант and коммерсанта
    stem to коммерсант, and the stemmers keep the ъ. A ъ inside a word stays."""
    term = term_of(("en", "ru"))
    assert {term(fold(w)) for w in ("Коммерсантъ", "«КОММЕРСАНТЪ»", "Коммерсант", "коммерсанта")} == {"коммерсант"}
    assert fold("Коммерсантъ-Деньги объявил съезд") == "коммерсант-деньги объявил съезд"


def test_a_dash_inside_a_word_parts_it_as_the_hyphen_does() -> None:
    """A reader's trial: Russian text writes ranges and names with dashes other than the hyphen (2031–2035, an en dash;
    Ту‑214, a non-breaking hyphen; Москва—Пекин), which lunr's tokenizer took for letters: the article was found by
    neither 2035 nor Ту-214, and a query typed with such a dash (Луна–25) found nothing."""
    config = SearchConfig()
    dashed = "Программа на 2031\u20132035 годы: Ту\u2011214, Москва\u2014Пекин, Ил\u2010114, Луна\u201225 и Союз\u2015МС \u2212 в работе"
    hyphened = "Программа на 2031-2035 годы: Ту-214, Москва-Пекин, Ил-114, Луна-25 и Союз-МС - в работе"
    assert article_terms("ru", dashed, [dashed], dashed, config) == article_terms("ru", hyphened, [hyphened], hyphened, config)
    assert {"2035", "214", "пекин"} <= {trim(token) for token in tokenize(dashed)}


def test_the_page_leaves_out_the_stop_words_the_index_does() -> None:
    """search.js tells a query's stop words by its own copy of the index's Russian list (Snowball's): lunr-languages'
    list left out words news are searched by (год, мира, первый), so станция «Мир», written «Мира», was found by no
    form of it, and «год» was told to be a word the index leaves out."""
    script = (Path(__file__).parent.parent / "themes/default/static/assets/search.js").read_text(encoding="utf-8")
    listed = re.search(r'var RUSSIAN_STOP_WORDS = "([^"]*)";', script)
    assert listed is not None and frozenset(listed[1].split(" ")) == stopwords("ru")
    terms = term_of(("en", "ru"))
    assert [terms(word) for word in ("и", "в", "что", "год", "мира", "первый", "процентов")] == [
        None, None, None, "год", "мир", "перв", "процент",
    ]  # fmt: skip


def test_the_trimmer_keeps_the_same_characters_in_the_index_and_the_query() -> None:
    """A character the index's trimmer keeps at a word's end and search.js's takes off (or the other way round) makes
    every word ending with it a term no query finds: each character of the Basic Multilingual Plane, alone and at
    either end of a word, is trimmed alike by `analysis.trim` and search.js's trimmer (`trimmerOf`)."""
    # (Every character node's Unicode has, not only Python's: the index tells categories by the `regex` module's Unicode,
    # at least as new as node's, where Python 3.11's, Unicode 14, called CJK Extension H's letters unassigned.)
    unassigned = subprocess.run(
        ["node", "-e", "const a = []; for (let c = 0; c < 0x10000; c++) if (/\\p{Cn}/u.test(String.fromCodePoint(c))) a.push(c); process.stdout.write(JSON.stringify(a));"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    unassigned_in_node = set(json.loads(unassigned.stdout))
    chars = [chr(c) for c in range(0x10000) if unicodedata.category(chr(c)) != "Cs" and c not in unassigned_in_node]
    chars += ["\U0002ebf0", "\U00031350", "a\U0002ebf0"]  # (CJK Extension H and I: Unicode 15, 15.1)
    tokens = chars + [f"a{c}" for c in chars[::7]] + [f"{c}a" for c in chars[::7]]
    js = _node({"trim": tokens})["trimmed"]
    assert [js[tokens.index(c)] for c in "éÖßœ«"] == ["é", "Ö", "ß", "œ", ""]  # (the accented letters are kept)
    differ = [(t, trim(t), j) for t, j in zip(tokens, js, strict=True) if trim(t) != j]
    assert not differ[:20], f"{len(differ)} of {len(tokens)} tokens trim otherwise (token, python, search.js)"


def test_a_latin_letter_with_an_accent_is_part_of_its_word() -> None:
    """A trial of a German, French and Spanish archive: the trimmer kept only ASCII letters, so Österreich was indexed as
    "sterreich", über "ber", été "t", Île "le" and Ça nothing; `Öl` found Spanish "él" and `Île` every "le". Letters of
    the Latin script are word characters (lunr-languages' own for de, fr, es)."""
    term = term_of(("en", "ru"))
    assert [term(w) for w in tokenize("Österreich über groß été Île Ça à Œuvre Niñez éxito")] == [
        "österreich", "über", "groß", "été", "île", "ça", "à", "œuvr", "niñez", "éxito",
    ]  # fmt: skip
    assert term("öl") != term("él") and term("île") != term("le")
    assert trim("«österreich»") == "österreich" and trim("(ça).") == "ça" and trim("¿qué?") == "qué"


def test_a_french_elided_article_is_not_part_of_its_word() -> None:
    """`Europe` did not find "l'Europe" (the index held `l'europ`, `d'orbit`): the article written onto a word with an
    apostrophe goes, as Lucene's ElisionFilter takes it off, in the index and in the query (search.js's `elision`);
    other apostrophes stay."""
    term = term_of(("en", "ru"))
    assert term("l'europe") == term("l’europe") == term("lʼeurope") == term("europe") == "europ"
    assert [term(w) for w in ("d'orbite", "qu'il", "jusqu'à", "lorsqu'il", "s'il", "n'est", "c'est")] == [
        "orbit", "il", "à", "il", "il", "est", "est",
    ]  # fmt: skip
    assert term("aujourd'hui") == "aujourd'hui" and term("o'clock") == "o'clock" and term("м'ясо") == "м'яс"
    assert term("l'europe's") == "europ" and term("l'it") is None  # (then the possessive and the stop words, as before)
    config = SearchConfig()
    assert article_terms("fr", "l'Europe", [], "d'orbite", config)["fields"]["title"][0] == "europ"
