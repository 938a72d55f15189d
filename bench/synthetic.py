"""Deterministic synthetic news articles for the scale benchmarks.

The seed articles' sentences become templates (entity names, places, days and numbers turned into slots);
each synthetic article draws its own "world" (countries, cities, people, outlets) and recombines 16-20
template sentences into paragraphs. The pools leave out the seeds' own names (Iran, Iraq, Syria, Mosul, ISIS, the
Quds Forces, ...) and sentences without any slot are not reused, so no synthetic article states a seed fact:
the seed questions keep one right answer, surrounded by many look-alike stories.

Same seed number -> same articles, so runs are comparable. The names vary enough that BM25 and dense
retrieval both have something to rank, and the articles chunk like real copy (~2,700 characters, ~10 chunks
of <= 400 characters each).
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterator
from pathlib import Path

from qa.ingest.chunking import chunk_document, split_sentences
from qa.ingest.readers import load_seed_documents
from qa.schema import Document
from qa.sources import is_known

# Seed strings -> slot names. Matched longest first, on word boundaries.
_SLOTS = {
    "Islamic State of Iraq and al-Shams": "group", "Islamic State of Iraq and Syria": "group", "ISIS": "group_short",
    "Revolutionary Guards": "force", "Revolutionary Guard": "force", "Guards": "force", "Quds Forces": "unit",
    "Esmail Ahmadi-Moghaddam": "p1", "Nouri al-Maliki": "p2", "Hassan Rouhani": "p3", "Rouhani": "p3_last",
    "William Hague": "p4", "Saddam Hussein": "p5", "Rear Admiral John Kirby": "p6", "John Kirby": "p6",
    "Brigadier General Saad Maan": "p7", "Saad Maan": "p7", "Maan": "p7_last", "Barack Obama": "p9",
    "Obama": "p9_last",
    "Iranian": "A_adj", "Iran": "A", "Iraqi": "B_adj", "Iraq": "B", "Baghdad": "B_cap", "Syria": "D",
    "United States": "C", "U.S.": "C_adj", "U.S": "C_adj", "American": "C_adj",
    "the South Lawn of the White House": "C_seat",
    "Pentagon": "defense", "UK": "E", "British": "E_adj", "China": "F",
    "Mosul": "c1", "Tikrit": "c2", "Samarra": "c5", "Diyala": "c7", "Sunni": "f1", "Shiite": "f2",
    "Monday": "day", "Tuesday": "day", "Wednesday": "day", "Thursday": "day", "Friday": "day",
    "Saturday": "day", "Sunday": "day", "June": "month",
}
_SLOT_RE = re.compile(r"(?<![\w.])(" + "|".join(re.escape(k) for k in sorted(_SLOTS, key=len, reverse=True))
                      + r")(?!\w)")
_NUMBER_RE = re.compile(r"\d[\d,]*")
_FILL_RE = re.compile(r"\{(\w+)\}")

COUNTRIES = [
    ("Turkey", "Turkish", "Ankara"), ("Egypt", "Egyptian", "Cairo"), ("Jordan", "Jordanian", "Amman"),
    ("Lebanon", "Lebanese", "Beirut"), ("Libya", "Libyan", "Tripoli"), ("Yemen", "Yemeni", "Sanaa"),
    ("Sudan", "Sudanese", "Khartoum"), ("Kenya", "Kenyan", "Nairobi"), ("Nigeria", "Nigerian", "Abuja"),
    ("Mali", "Malian", "Bamako"), ("Ukraine", "Ukrainian", "Kyiv"), ("Georgia", "Georgian", "Tbilisi"),
    ("Armenia", "Armenian", "Yerevan"), ("Pakistan", "Pakistani", "Islamabad"), ("Somalia", "Somali", "Mogadishu"),
    ("Ethiopia", "Ethiopian", "Addis Ababa"), ("Algeria", "Algerian", "Algiers"), ("Tunisia", "Tunisian", "Tunis"),
    ("Chad", "Chadian", "N'Djamena"), ("Niger", "Nigerien", "Niamey"), ("Azerbaijan", "Azerbaijani", "Baku"),
]
POWERS = [("Spain", "Spanish", "Madrid"),
          ("France", "French", "Paris"), ("Germany", "German", "Berlin"), ("Japan", "Japanese", "Tokyo"),
          ("Canada", "Canadian", "Ottawa"), ("Australia", "Australian", "Canberra"), ("Italy", "Italian", "Rome")]
CITIES = """Aleppo Homs Hama Latakia Raqqa Idlib Daraa Kirkuk Erbil Basra Fallujah Ramadi Haditha Baqubah Hilla
Kut Amara Nasiriyah Tabriz Shiraz Isfahan Mashhad Qom Ahvaz Kerman Izmir Bursa Konya Adana Gaziantep Alexandria
Aswan Luxor Suez Ismailia Zarqa Irbid Aqaba Sidon Tyre Byblos Zahle Benghazi Misrata Sirte Tobruk Derna Aden Taiz
Hodeidah Mukalla Marib Omdurman Kosti Kassala Mombasa Kisumu Nakuru Kano Lagos Ibadan Maiduguri Timbuktu Gao
Mopti Kharkiv Odesa Lviv Dnipro Kherson Batumi Kutaisi Gyumri Lahore Karachi Peshawar Quetta Kismayo Baidoa
Gondar Mekelle Oran Constantine Sfax Sousse Abeche Agadez Zinder Ganja""".split()
FIRST = """Ali Omar Yusuf Karim Samir Hassan Tariq Nabil Rami Fadi Walid Khalid Amir Reza Dariush Mehdi Kamal Emre
Mustafa Ahmet Selim John Mark Peter David Michael Robert James Thomas Laura Anna Maria Sarah Helen Claire Sofia
Elena Irina Olga Nadia Layla Yasmin Amina Fatima Zainab Leila Miriam Grace Ruth Joseph Daniel Paul Simon Victor
Ivan Pavel Andrei Nikolai Kofi Kwame Musa Ibrahim Aliyu Chinedu Tunde Haruki Kenji Pierre Jean Luc Marco Luca
Hans Klaus Stefan""".split()
LAST = """Haddad Khalil Nasser Saleh Mansour Rahimi Karimi Tehrani Hosseini Moradi Yilmaz Kaya Demir Aksoy Farouk
Hamdan Abboud Barakat Darwish Haidari Jaber Khoury Qasim Rashid Sabbagh Taha Zayed Miller Walker Carter Bennett
Hughes Foster Morgan Reed Porter Ward Coleman Ellis Grant Shaw Petrov Ivanov Sokolov Kovalenko Shevchenko Bondar
Mensah Okafor Adeyemi Balogun Diallo Traore Keita Toure Tanaka Sato Dubois Moreau Laurent Rossi Bianchi Weber
Fischer Schmidt Novak Horvat""".split()
FORCES = [("Republican Guard", "National Republican "
          "Guard", "NRG"), ("Border Legion", "Border Legion Command", "BLC"), ("Presidential Guard", "Presidential "
          "Guard Brigade", "PGB"), ("Rapid Support Forces", "Rapid Support Forces Command", "RSF"),
          ("Mountain Rangers", "Mountain Ranger Corps", "MRC"), ("Coastal Guard", "Coastal Guard Corps", "CGC")]
UNITS = ["Saber Battalion", "Falcon Brigade", "Crescent Force", "Storm Division", "Lion Regiment",
         "Shield Brigade", "Thunder Unit", "Arrow Battalion"]
GROUPS = [("Northern Liberation Front", "NLF"),
          ("Army of the Free Valley", "AFV"), ("Desert Vanguard Movement", "DVM"), ("United Resistance Council",
          "URC"), ("Brigades of the Black Banner", "BBB"), ("Southern Revolutionary Army", "SRA"),
          ("Popular Mobilisation of the East", "PME")]
FACTIONS = [("northern", "southern"), ("rebel", "loyalist"), ("tribal", "urban"),
            ("highland", "lowland"), ("secular", "religious")]
DEFENSE = ["Defence Ministry", "War Ministry", "General Staff", "Joint Command"]
OUTLETS = ["Reuters", "Associated Press", "AFP", "BBC News", "Al Jazeera", "The Guardian", "The Independent",
           "Daily Telegraph", "Washington Post", "New York Times", "Le Monde", "Deutsche Welle"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


# Headlines for synthetic articles when the seeds' own titles are unknown (none is a seed headline).
TITLE_TEMPLATES = [
    "{B_adj} forces brace for {group_short} advance on {B_cap}", "{A} sends {force} to {B}, officials say",
    "{defense} briefs reporters on {B}", "{group} seizes {c1} and {c2}",
    "{p9} weighs options on {B}",
]


def _templates() -> tuple[list[str], list[str]]:
    """(sentence templates, title templates) made from the seed articles."""
    def slot(m: re.Match[str]) -> str:
        return "{" + _SLOTS[m.group(1)] + "}"

    def template(text: str) -> str:
        text = text.replace("{", "(").replace("}", ")")
        text = _NUMBER_RE.sub(lambda m: "{num" + str(len(m.group(0).replace(",", ""))) + "}", text)
        return _SLOT_RE.sub(slot, text)

    sentences, titles = [], []
    for doc in load_seed_documents():
        if is_known(doc.title):
            titles.append(template(doc.title))
        # A sentence without slots would repeat a seed verbatim in every article that draws it.
        sentences.extend(t for t in (template(doc.text[s:e]) for s, e in split_sentences(doc.text)) if "{" in t)
    return sentences, titles or TITLE_TEMPLATES


def _person(rng: random.Random) -> tuple[str, str]:
    last = rng.choice(LAST)
    return f"{rng.choice(FIRST)} {last}", last


def _world(rng: random.Random) -> dict[str, str]:
    """One article's cast: every slot -> a value."""
    a, b, d = rng.sample(COUNTRIES, 3)
    c, e, f = rng.sample(POWERS, 3)
    force = rng.choice(FORCES)
    group = rng.choice(GROUPS)
    f1, f2 = rng.choice(FACTIONS)
    world = {"A": a[0], "A_adj": a[1], "A_cap": a[2], "B": b[0], "B_adj": b[1], "B_cap": b[2],
             "C": c[0], "C_adj": c[1], "C_cap": c[2], "C_seat": f"the presidential palace in {c[2]}", "D": d[0],
             "E": e[0], "E_adj": e[1], "F": f[0], "force": force[0], "force_full": force[1],
             "force_short": force[2], "unit": rng.choice(UNITS), "group": group[0], "group_short": group[1],
             "f1": f1, "f2": f2, "defense": rng.choice(DEFENSE),
             "month": rng.choice(MONTHS)}
    for i, city in enumerate(rng.sample(CITIES, 7), start=1):
        world[f"c{i}"] = city
    for i in range(1, 10):
        world[f"p{i}"], world[f"p{i}_last"] = _person(rng)
    return world


def _fill(template: str, world: dict[str, str], rng: random.Random) -> str:
    def value(m: re.Match[str]) -> str:
        name = m.group(1)
        if name.startswith("num"):
            digits = int(name[3:])
            if digits == 4:  # years
                return str(rng.randint(1990, 2023))
            n = rng.randint(10 ** (digits - 1) if digits > 1 else 2, 10 ** digits - 1)
            return f"{n:,}" if digits > 4 else str(n)
        if name == "day":
            return rng.choice(DAYS)
        return world[name]

    return _FILL_RE.sub(value, template)


def generate_documents(n: int, seed: int = 13) -> Iterator[Document]:
    """`n` deterministic synthetic articles (ids syn-000000, ...)."""
    sentences, titles = _templates()
    rng = random.Random(seed)
    for i in range(n):
        world = _world(rng)
        picked = rng.sample(sentences, rng.randint(16, 20))
        paragraphs, pos = [], 0
        while pos < len(picked):
            size = rng.randint(2, 4)
            paragraphs.append(" ".join(_fill(t, world, rng) for t in picked[pos:pos + size]))
            pos += size
        published = f"{rng.randint(2012, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        yield Document(doc_id=f"syn-{i:06d}", text="\n\n".join(paragraphs),
                       title=_fill(rng.choice(titles), world, rng), source=rng.choice(OUTLETS), published=published)


def documents_for_chunks(target_chunks: int, chunk_size: int = 400, overlap: int = 1, seed: int = 13
                         ) -> tuple[list[Document], int]:
    """Synthetic articles until they make at least `target_chunks` chunks (counting the two seeds, which
    are always included so quality can be checked at every size); returns (documents, chunk count)."""
    docs = list(load_seed_documents())
    total = sum(len(chunk_document(d, chunk_size=chunk_size, overlap=overlap)) for d in docs)
    for doc in generate_documents(10 ** 7, seed=seed):
        if total >= target_chunks:
            break
        docs.append(doc)
        total += len(chunk_document(doc, chunk_size=chunk_size, overlap=overlap))
    return docs, total


def write_jsonl(docs: list[Document], folder: Path, per_file: int = 500) -> list[Path]:
    """Write documents as JSONL files (ingestible with `python -m qa.ingest`; each file stays under the
    5 MB per-file limit)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for start in range(0, len(docs), per_file):
        path = folder / f"articles-{start // per_file:04d}.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for d in docs[start:start + per_file]:
                fh.write(json.dumps({"id": d.doc_id, "title": d.title, "source": d.source,
                                     "published": d.published, "text": d.text}) + "\n")
        paths.append(path)
    return paths


QUESTION_TEMPLATES = [
    "How many {force} soldiers did {A} send to {B}?",
    "Who confirmed that the {force} were deployed to {B}?",
    "What did {p6} say about {A_adj} special forces?",
    "Which group captured {c1}?",
    "How far is {c5} from {B_cap}?",
    "How much of {c2} did the troops take back?",
    "What would the National Security Council consider, according to {p1}?",
    "What did {p4} say about {E_adj} military involvement?",
    "What did {p3} call the {group_short}?",
    "Did {p9_last} send combat troops back to {B}?",
    "How does {p7} plan to protect {B_cap}?",
    "When did the last {C_adj} troops withdraw from {B}?",
    "What did {F} offer the {B_cap} government?",
    "How many battalions of the {unit} were fighting?",
    "Which cities did the {group} seize?",
]


def questions(n: int, seed: int = 7) -> list[str]:
    """`n` deterministic questions in the synthetic articles' vocabulary."""
    rng = random.Random(seed)
    return [_fill(rng.choice(QUESTION_TEMPLATES), _world(rng), rng) for _ in range(n)]
