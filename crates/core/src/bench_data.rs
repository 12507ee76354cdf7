//! The benchmark archive (`pejling bench-data`): twenty years of an invented Danish
//! municipality's committee work, so the benchmarks (`make bench`) measure Pejling at the
//! size a real municipality reaches, not at the size of a test.
//!
//! Why it is built this way:
//!
//! * **Through the app's own code path.** Every committee, member, meeting, agenda item, note,
//!   position and question to the administration is written by the same [`Db`] methods the
//!   app calls — same validation, same triggers (audit log, search index), same approval with
//!   its fingerprint. The writes are grouped with [`Db::batch`] (one commit for the import
//!   instead of one `fsync` per edit); nothing else differs from a secretary's edits.
//! * **Deterministic.** A seeded generator ([`fastrand`]) makes the same archive from the
//!   same seed and [`GENERATOR_VERSION`], so an archive cached by the benchmarks is valid
//!   until the generator changes.
//! * **Realistic text.** Resumé, Baggrund, Indstilling and Beslutning are Danish sentences in
//!   the register of municipal minutes, assembled from templates with varying subjects,
//!   places, sums and dates, at the length real items have (a Baggrund of a few paragraphs;
//!   the formal items — approval of the agenda, Eventuelt — short). Every name is invented.
//!
//! The default [`Scale::FULL`] is the archive: 30 committees × 20 years × 10 meetings
//! × 15 items (90 000 items); two of each committee's ten yearly meetings are temamøder, where
//! one item is walked through KL's TESK questions and the six organisation questions with a
//! note on every step, positions of the seven politicians on every continuum question, and
//! questions to the administration (follow-up items). All meetings are approved except the
//! last year's final two. Two more meetings serve the benchmarks: an upcoming meeting with 30
//! items ([`Summary::meeting_30_items`]) and an approved temamøde with 20 items
//! ([`Summary::meeting_20_items`]).

use std::path::Path;
use std::time::Instant;

use serde::Serialize;

use crate::domain::*;
use crate::error::Result;
use crate::store::Db;

/// Bump when the generated archive changes; cached archives are keyed by it.
pub const GENERATOR_VERSION: u32 = 1;

/// The seed `pejling bench-data` uses unless told otherwise.
pub const DEFAULT_SEED: u64 = 20_261_126;

/// How big an archive to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Scale {
    pub committees: u32,
    pub years: u32,
    pub meetings_per_year: u32,
    pub items_per_meeting: u32,
    /// Of each committee's meetings in a year, this many are temamøder with a walk.
    pub theme_meetings_per_year: u32,
}

impl Scale {
    /// The archive: 90 000 agenda items.
    pub const FULL: Scale =
        Scale { committees: 30, years: 20, meetings_per_year: 10, items_per_meeting: 15, theme_meetings_per_year: 2 };

    /// A small archive for tests.
    pub const SMALL: Scale =
        Scale { committees: 2, years: 2, meetings_per_year: 3, items_per_meeting: 6, theme_meetings_per_year: 1 };
}

/// What was written, and the meetings the benchmarks use.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    pub generator_version: u32,
    pub seed: u64,
    pub scale: Scale,
    pub committees: u64,
    pub people: u64,
    pub meetings: u64,
    pub theme_meetings: u64,
    pub agenda_items: u64,
    pub notes: u64,
    pub positions: u64,
    pub questions_to_administration: u64,
    /// Meetings whose minutes are approved (locked).
    pub approved_meetings: u64,
    /// An upcoming (draft) meeting with 30 items: loaded and edited by the benchmarks.
    pub meeting_30_items: Id,
    /// An approved temamøde with 20 items, one of them walked: its referat is exported.
    pub meeting_20_items: Id,
    /// A word the benchmarks search for.
    pub search_words: Vec<String>,
    pub seconds: f64,
}

/// The first year of the archive; the last is `FIRST_YEAR + years - 1`.
const FIRST_YEAR: i32 = 2007;

/// The months committees meet (no meetings in July and December).
const MONTHS: [u32; 10] = [1, 2, 3, 4, 5, 6, 8, 9, 10, 11];

const COMMITTEES: &[(&str, CommitteeKind)] = &[
    ("Økonomiudvalget", CommitteeKind::Finance),
    ("Børne- og Skoleudvalget", CommitteeKind::Standing),
    ("Social- og Sundhedsudvalget", CommitteeKind::Standing),
    ("Teknik- og Miljøudvalget", CommitteeKind::Standing),
    ("Kultur- og Fritidsudvalget", CommitteeKind::Standing),
    ("Beskæftigelsesudvalget", CommitteeKind::Standing),
    ("Ældreudvalget", CommitteeKind::Standing),
    ("Klima- og Planudvalget", CommitteeKind::Standing),
    ("Erhvervs- og Turismeudvalget", CommitteeKind::Standing),
    ("Integrationsudvalget", CommitteeKind::Standing),
    ("Folkeoplysningsudvalget", CommitteeKind::Other),
    ("Børne- og Familieudvalget", CommitteeKind::Standing),
    ("By- og Boligudvalget", CommitteeKind::Standing),
    ("Natur- og Friluftsudvalget", CommitteeKind::Standing),
    ("Trafik- og Mobilitetsudvalget", CommitteeKind::Standing),
    ("Sundheds- og Forebyggelsesudvalget", CommitteeKind::Standing),
    ("Uddannelses- og Ungeudvalget", CommitteeKind::Standing),
    ("Landdistrikts- og Øudvalget", CommitteeKind::Standing),
    ("Forsynings- og Ejendomsudvalget", CommitteeKind::Standing),
    ("Idræts- og Bevægelsesudvalget", CommitteeKind::Standing),
    ("Opgaveudvalget for digitalisering og teknologi", CommitteeKind::Task),
    ("Opgaveudvalget for borgerinddragelse", CommitteeKind::Task),
    ("Opgaveudvalget for grøn omstilling", CommitteeKind::Task),
    ("Opgaveudvalget for fremtidens velfærd", CommitteeKind::Task),
    ("Opgaveudvalget for bosætning", CommitteeKind::Task),
    ("Opgaveudvalget for frivillighed og foreningsliv", CommitteeKind::Task),
    ("Opgaveudvalget for sammenhængende ungeindsats", CommitteeKind::Task),
    ("Opgaveudvalget for kunstig intelligens i forvaltningen", CommitteeKind::Task),
    ("Opgaveudvalget for tryghed i byen", CommitteeKind::Task),
    ("Opgaveudvalget for klimatilpasning", CommitteeKind::Task),
];

// Invented people: first and last names combined by the seed.
const FIRST_NAMES: &[&str] = &[
    "Anne", "Birgitte", "Camilla", "Dorthe", "Ellen", "Freja", "Gitte", "Hanne", "Ida", "Jette", "Karin", "Lone",
    "Maja", "Nanna", "Pernille", "Rikke", "Signe", "Tina", "Ulla", "Vibeke", "Anders", "Bo", "Carsten", "Dennis",
    "Erik", "Frederik", "Gustav", "Henning", "Jakob", "Kasper", "Lars", "Mads", "Niels", "Ole", "Palle", "Rasmus",
    "Søren", "Thomas", "Ulrik", "Villads", "Yasmin", "Zainab", "Ahmad", "Emre",
];
const LAST_NAMES: &[&str] = &[
    "Abildgaard",
    "Bruun",
    "Dalsgaard",
    "Eskildsen",
    "Fogh",
    "Grønbech",
    "Holst",
    "Iversen",
    "Juhl",
    "Kjærgaard",
    "Lindberg",
    "Munk",
    "Nørgaard",
    "Overgaard",
    "Poulsgaard",
    "Quist",
    "Refsgaard",
    "Skov",
    "Thygesen",
    "Uldall",
    "Vinther",
    "Winther-Bech",
    "Østergaard",
    "Aagesen",
    "Bisgaard",
    "Damsgaard",
    "Frost",
    "Hvidberg",
    "Krogh",
    "Lyngsø",
    "Mølgaard",
    "Nyborg",
    "Rask",
    "Storgaard",
    "Toft",
    "Vestergaard-Hald",
];
const PARTIES: &[&str] =
    &["Fælleslisten", "Borgerlisten", "Grøn Fremtid", "Lokallisten", "Sognelisten", "Kystlisten", "Byens Parti"];

const PLACES: &[&str] = &[
    "Rådhuset, udvalgsværelse 1",
    "Rådhuset, udvalgsværelse 2",
    "Rådhuset, byrådssalen",
    "Borgerservicecentret, mødelokale A",
    "Kulturhuset, sal 3",
    "Teknisk forvaltning, mødelokale Engen",
];

const AREAS: &[&str] = &[
    "Nørreby",
    "Søndermark",
    "Vesterhavn",
    "Østskoven",
    "Bakkedal",
    "Lyngby Enge",
    "Holmstrup",
    "Kirkebjerg",
    "Stationsbyen",
    "Fjordsiden",
    "Møllebakken",
    "Havnekvarteret",
];

/// A subject of agenda items: its title and the words its text is about.
struct Topic {
    title: &'static str,
    /// What the matter is, as a noun phrase ("en ny skolestruktur").
    thing: &'static str,
    /// Who it is for ("elever og forældre").
    whom: &'static str,
    /// The department responsible.
    dept: &'static str,
}

const TOPICS: &[Topic] = &[
    Topic { title: "Skolestruktur", thing: "en ny skolestruktur", whom: "elever og forældre", dept: "Børn og Unge" },
    Topic {
        title: "Budgetopfølgning",
        thing: "budgetopfølgningen pr. kvartal",
        whom: "udvalgets område",
        dept: "Økonomi",
    },
    Topic {
        title: "Cykelstier",
        thing: "en udbygning af cykelstinettet",
        whom: "pendlere og skolebørn",
        dept: "Teknik og Miljø",
    },
    Topic {
        title: "Hjemmepleje",
        thing: "en ny organisering af hjemmeplejen",
        whom: "ældre borgere",
        dept: "Sundhed og Omsorg",
    },
    Topic {
        title: "Velfærdsteknologi",
        thing: "afprøvning af velfærdsteknologi",
        whom: "borgere i eget hjem",
        dept: "Sundhed og Omsorg",
    },
    Topic {
        title: "Kunstig intelligens i sagsbehandlingen",
        thing: "brug af kunstig intelligens i sagsbehandlingen",
        whom: "borgere og medarbejdere",
        dept: "Digitalisering",
    },
    Topic { title: "Lokalplan", thing: "et forslag til lokalplan", whom: "grundejere og naboer", dept: "Plan og Byg" },
    Topic {
        title: "Klimahandleplan",
        thing: "kommunens klimahandleplan",
        whom: "virksomheder og husstande",
        dept: "Klima",
    },
    Topic { title: "Spildevand", thing: "separering af regn- og spildevand", whom: "grundejere", dept: "Forsyning" },
    Topic { title: "Dagtilbud", thing: "normeringer i dagtilbud", whom: "børn og forældre", dept: "Børn og Unge" },
    Topic {
        title: "Ungdomsuddannelse",
        thing: "en styrket overgang til ungdomsuddannelse",
        whom: "unge mellem 15 og 25 år",
        dept: "Uddannelse",
    },
    Topic { title: "Jobcenter", thing: "en ny indsats i jobcentret", whom: "ledige borgere", dept: "Beskæftigelse" },
    Topic {
        title: "Integration",
        thing: "en styrket integrationsindsats",
        whom: "nyankomne familier",
        dept: "Beskæftigelse",
    },
    Topic {
        title: "Bibliotek",
        thing: "udvidede åbningstider på bibliotekerne",
        whom: "borgere i alle aldre",
        dept: "Kultur og Fritid",
    },
    Topic {
        title: "Idrætsfaciliteter",
        thing: "renovering af idrætshallerne",
        whom: "foreninger og skoler",
        dept: "Kultur og Fritid",
    },
    Topic {
        title: "Vejvedligeholdelse",
        thing: "vedligeholdelse af kommunens veje",
        whom: "trafikanter",
        dept: "Teknik og Miljø",
    },
    Topic {
        title: "Affaldssortering",
        thing: "en ny ordning for affaldssortering",
        whom: "husstande",
        dept: "Forsyning",
    },
    Topic {
        title: "Borgerinddragelse",
        thing: "en model for borgerinddragelse",
        whom: "borgere og foreninger",
        dept: "Borgerservice",
    },
    Topic {
        title: "Digital post",
        thing: "overgangen til digital post",
        whom: "borgere, der er fritaget",
        dept: "Borgerservice",
    },
    Topic {
        title: "Kollektiv trafik",
        thing: "en ny busplan",
        whom: "borgere i landdistrikterne",
        dept: "Teknik og Miljø",
    },
    Topic {
        title: "Plejeboliger",
        thing: "behovet for plejeboliger",
        whom: "ældre borgere og pårørende",
        dept: "Sundhed og Omsorg",
    },
    Topic {
        title: "Forebyggelse",
        thing: "en forebyggelsesindsats mod ensomhed",
        whom: "ældre borgere",
        dept: "Sundhed og Omsorg",
    },
    Topic {
        title: "Erhvervsservice",
        thing: "en samlet erhvervsservice",
        whom: "små og mellemstore virksomheder",
        dept: "Erhverv",
    },
    Topic {
        title: "Turisme",
        thing: "en turismestrategi for kysten",
        whom: "turister og lokale erhvervsdrivende",
        dept: "Erhverv",
    },
    Topic { title: "Naturpleje", thing: "en plan for naturpleje", whom: "lodsejere og friluftsbrugere", dept: "Natur" },
    Topic {
        title: "Klimatilpasning",
        thing: "klimatilpasning mod skybrud",
        whom: "boligejere i lavtliggende områder",
        dept: "Klima",
    },
    Topic {
        title: "Frivillighed",
        thing: "en frivillighedspolitik",
        whom: "foreninger og frivillige",
        dept: "Kultur og Fritid",
    },
    Topic {
        title: "Udsatte børn",
        thing: "en tidlig indsats for udsatte børn",
        whom: "børn og familier",
        dept: "Børn og Familie",
    },
    Topic {
        title: "Handicappolitik",
        thing: "en revideret handicappolitik",
        whom: "borgere med handicap",
        dept: "Social",
    },
    Topic { title: "Tryghed", thing: "en tryghedsindsats i boligområderne", whom: "beboere", dept: "Social" },
    Topic {
        title: "Energirenovering",
        thing: "energirenovering af kommunale bygninger",
        whom: "brugere af bygningerne",
        dept: "Ejendomme",
    },
    Topic {
        title: "It-sikkerhed",
        thing: "en ny politik for informationssikkerhed",
        whom: "medarbejdere og borgere",
        dept: "Digitalisering",
    },
    Topic {
        title: "Datadrevet ledelse",
        thing: "brug af data i styringen af skolerne",
        whom: "skoleledere og lærere",
        dept: "Digitalisering",
    },
    Topic {
        title: "Sundhedshus",
        thing: "etablering af et sundhedshus",
        whom: "borgere med kroniske sygdomme",
        dept: "Sundhed og Omsorg",
    },
    Topic { title: "Vandløb", thing: "regulativer for kommunens vandløb", whom: "lodsejere", dept: "Natur" },
    Topic {
        title: "Boligsocial helhedsplan",
        thing: "en boligsocial helhedsplan",
        whom: "beboere i de almene boligområder",
        dept: "Social",
    },
];

const SUMMARY: &[&str] = &[
    "Udvalget skal tage stilling til {thing} i {area}.",
    "Forvaltningen fremlægger forslag om {thing} med virkning fra {year}.",
    "Sagen forelægges, fordi {thing} har betydning for {whom}.",
    "Udvalget orienteres om status for {thing} og om de økonomiske konsekvenser.",
    "Der er modtaget en henvendelse fra {whom} i {area} om {thing}.",
    "Sagen handler om {thing} og om, hvordan {whom} inddrages i det videre arbejde.",
    "Forvaltningen anbefaler, at der afsættes {sum} kr. til {thing}.",
];

const BACKGROUND: &[&str] = &[
    "Byrådet vedtog i budgetaftalen for {year} at prioritere {thing}.",
    "{dept} har i samarbejde med de berørte parter udarbejdet et oplæg, som er vedlagt sagen.",
    "Oplægget bygger på erfaringer fra andre kommuner og på en dialog med {whom}.",
    "I {area} er der i dag {count} borgere, som direkte berøres af forslaget.",
    "Udgifterne til {thing} anslås til {sum} kr. årligt, som finansieres inden for udvalgets ramme.",
    "Der er tale om en løbende driftsudgift, som ikke tidligere har været budgetlagt.",
    "Forvaltningen vurderer, at forslaget kan gennemføres inden for den eksisterende normering.",
    "Høringssvarene fra {whom} er gennemgået, og de væsentligste bemærkninger er indarbejdet.",
    "Flere høringssvar peger på, at tidsplanen er stram, og at der bør sikres god information undervejs.",
    "Handicaprådet og Ældrerådet har haft sagen i høring og har ingen bemærkninger ud over det anførte.",
    "Sagen har været drøftet i MED-udvalget, som bakker op om forslaget.",
    "Forvaltningen har gennemført en risikovurdering, der viser en lav til moderat risiko.",
    "Det forventes, at de første resultater kan evalueres i løbet af {year2}.",
    "Der følges op på indsatsen med en årlig status til udvalget.",
    "Lovgrundlaget er blandt andet serviceloven og kommunestyrelsesloven.",
    "Forslaget indebærer, at medarbejderne skal opkvalificeres, hvilket sker i samarbejde med de faglige organisationer.",
    "I perioden fra {year} til {year2} er antallet af henvendelser steget med {pct} procent.",
    "Det er forvaltningens vurdering, at {thing} vil styrke kvaliteten og sammenhængen i indsatsen.",
    "Der er ikke tidligere truffet beslutning om {thing} i denne form.",
    "Sagen er koordineret med de øvrige fagudvalg, der har berøring med området.",
    "Borgermødet i {area} havde deltagelse af omkring {small} borgere, og der var generel opbakning.",
    "Enkelte borgere udtrykte bekymring for trafikken og for støj i anlægsperioden.",
    "Økonomiafdelingen har gennemgået beregningerne og har ingen bemærkninger.",
    "Projektet gennemføres i tre faser: forberedelse, afprøvning og evaluering.",
    "Data behandles i overensstemmelse med databeskyttelsesforordningen, og der er udarbejdet en konsekvensanalyse.",
    "Løsningen skal kunne bruges af alle borgere, også dem, der ikke er digitale.",
    "Erfaringerne fra pilotprojektet viser, at {whom} oplever en hurtigere og mere sammenhængende service.",
    "Der er indgået aftale med en ekstern leverandør efter et udbud med {small} tilbudsgivere.",
    "Kontrakten løber i fire år med mulighed for forlængelse i to år.",
    "Forvaltningen vil løbende orientere udvalget om fremdriften.",
];

const RECOMMENDATION: &[&str] = &[
    "Forvaltningen indstiller, at udvalget godkender {thing}.",
    "Forvaltningen indstiller, at udvalget godkender, at der afsættes {sum} kr. til formålet, og at sagen oversendes til Økonomiudvalget.",
    "Forvaltningen indstiller, at orienteringen tages til efterretning.",
    "Forvaltningen indstiller, at udvalget drøfter oplægget og giver input til det videre arbejde.",
    "Forvaltningen indstiller, at forslaget sendes i offentlig høring i otte uger.",
];

const DECISION: &[&str] = &[
    "Godkendt.",
    "Indstillingen godkendt.",
    "Taget til efterretning.",
    "Godkendt med den bemærkning, at {whom} inddrages tidligt i processen.",
    "Udvalget drøftede sagen og bad forvaltningen om at vende tilbage med et revideret forslag.",
    "Anbefales over for Økonomiudvalget og byrådet.",
    "Godkendt. {name} kunne ikke medvirke og tog forbehold.",
    "Sagen blev udsat til næste møde.",
];

const NOTE: &[&str] = &[
    "Udvalget drøftede, hvordan {thing} kan gavne {whom}. Flere medlemmer lagde vægt på, at løsningen skal være enkel at bruge.",
    "{name} spurgte til de økonomiske konsekvenser på længere sigt. Forvaltningen svarede, at de afhænger af omfanget.",
    "Der var enighed om, at data kun må bruges til det formål, de er indsamlet til.",
    "Udvalget ønsker, at medarbejderne inddrages tidligt, og at erfaringerne deles med de øvrige udvalg.",
    "Drøftelsen viste forskellige holdninger til, hvor hurtigt {thing} skal indføres.",
    "Udvalget lagde vægt på gennemsigtighed: borgerne skal kunne se, hvordan en afgørelse er truffet.",
    "Det blev nævnt, at {whom} i {area} bør høres, før der træffes endelig beslutning.",
];

const QUESTIONS: &[&str] = &[
    "Hvad koster {thing} over en fireårig periode?",
    "Hvordan sikres det, at {whom} ikke stilles ringere end i dag?",
    "Hvilke erfaringer har andre kommuner med {thing}?",
    "Hvordan vil forvaltningen måle, om indsatsen virker?",
    "Hvem har ansvaret, hvis løsningen fejler?",
];

/// The seeded source of every choice.
struct Gen {
    rng: fastrand::Rng,
}

impl Gen {
    fn pick<'a, T>(&mut self, list: &'a [T]) -> &'a T {
        &list[self.rng.usize(..list.len())]
    }

    fn person_name(&mut self) -> String {
        format!("{} {}", self.pick(FIRST_NAMES), self.pick(LAST_NAMES))
    }

    /// Fill a template's slots for `topic` in `year`.
    fn fill(&mut self, template: &str, topic: &Topic, year: i32) -> String {
        let mut out = template
            .replace("{thing}", topic.thing)
            .replace("{whom}", topic.whom)
            .replace("{dept}", topic.dept)
            .replace("{year2}", &(year + 1 + self.rng.i32(0..3)).to_string())
            .replace("{year}", &year.to_string());
        if out.contains("{area}") {
            let area = *self.pick(AREAS);
            out = out.replace("{area}", area);
        }
        if out.contains("{sum}") {
            let sum = self.rng.u32(1..400) * 25_000;
            out = out.replace("{sum}", &thousands(sum));
        }
        if out.contains("{count}") {
            out = out.replace("{count}", &thousands(self.rng.u32(200..12_000)));
        }
        if out.contains("{small}") {
            out = out.replace("{small}", &self.rng.u32(3..120).to_string());
        }
        if out.contains("{pct}") {
            out = out.replace("{pct}", &self.rng.u32(4..40).to_string());
        }
        if out.contains("{name}") {
            let name = self.person_name();
            out = out.replace("{name}", &name);
        }
        // The first letter of a sentence that starts with a slot.
        let mut chars = out.chars();
        match chars.next() {
            Some(c) if c.is_lowercase() => c.to_uppercase().chain(chars).collect(),
            _ => out,
        }
    }

    /// `n` sentences from `templates`, joined as one paragraph.
    fn paragraph(&mut self, templates: &[&str], n: usize, topic: &Topic, year: i32) -> String {
        (0..n).map(|_| self.fill_from(templates, topic, year)).collect::<Vec<_>>().join(" ")
    }

    /// One template of `list`, filled.
    fn fill_from(&mut self, list: &[&str], topic: &Topic, year: i32) -> String {
        let template = list[self.rng.usize(..list.len())];
        self.fill(template, topic, year)
    }
}

/// "1.250.000" as Danish writes it.
fn thousands(n: u32) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// A committee as generated: its id, its politicians (who take positions) and its chair.
struct GenCommittee {
    id: Id,
    politicians: Vec<Id>,
}

/// Write an archive of `scale` into `db` (normally a new, empty file). The whole import is
/// one [`Db::batch`].
pub fn generate(db: &mut Db, scale: Scale, seed: u64) -> Result<Summary> {
    let started = Instant::now();
    let mut g = Gen { rng: fastrand::Rng::with_seed(seed) };
    let mut s = Summary {
        generator_version: GENERATOR_VERSION,
        seed,
        scale,
        committees: 0,
        people: 0,
        meetings: 0,
        theme_meetings: 0,
        agenda_items: 0,
        notes: 0,
        positions: 0,
        questions_to_administration: 0,
        approved_meetings: 0,
        meeting_30_items: 0,
        meeting_20_items: 0,
        search_words: vec!["cykelstinettet".into(), "hjemmeplejen".into(), "klimatilpasning".into()],
        seconds: 0.0,
    };
    db.set_actor("Benchmark-generator")?;
    db.batch(|db| {
        let mut committees = Vec::new();
        for c in 0..scale.committees as usize {
            committees.push(committee(db, &mut g, &mut s, c)?);
        }
        for (c, committee) in committees.iter().enumerate() {
            for y in 0..scale.years {
                let year = FIRST_YEAR + y as i32;
                let last_year = y + 1 == scale.years;
                for m in 0..scale.meetings_per_year {
                    let theme = m % (scale.meetings_per_year / scale.theme_meetings_per_year.max(1)).max(1) == 1
                        && scale.theme_meetings_per_year > 0;
                    let month = MONTHS[(m as usize * MONTHS.len() / scale.meetings_per_year as usize) % MONTHS.len()];
                    let approve = !(last_year && m + 2 >= scale.meetings_per_year);
                    let spec = MeetingSpec {
                        year,
                        month,
                        day: 3 + (c as u32 % 20),
                        theme,
                        items: scale.items_per_meeting,
                        approve,
                    };
                    meeting(db, &mut g, &mut s, committee, spec)?;
                }
            }
        }
        // The two meetings the benchmarks use, in the first committee.
        if let Some(first) = committees.first() {
            let year = FIRST_YEAR + scale.years as i32 - 1;
            let spec = MeetingSpec { year, month: 12, day: 10, theme: false, items: 30, approve: false };
            s.meeting_30_items = meeting(db, &mut g, &mut s, first, spec)?;
            let spec = MeetingSpec { year, month: 6, day: 24, theme: true, items: 20, approve: true };
            s.meeting_20_items = meeting(db, &mut g, &mut s, first, spec)?;
        }
        Ok(())
    })?;
    // The saves queued their documents for the search index (schema 18): indexed now, as the
    // app does once the saves pause, so the archive is as a clean close leaves it.
    db.flush_search_index()?;
    s.seconds = started.elapsed().as_secs_f64();
    Ok(s)
}

/// Write a new archive to `out`: into `out.partial` first, renamed into place once complete,
/// so an interrupted run never leaves something that looks like a finished archive.
pub fn generate_file(out: &Path, scale: Scale, seed: u64) -> Result<Summary> {
    let partial = out.with_extension("partial");
    for p in [&partial, out] {
        for suffix in ["", "-wal", "-shm"] {
            let mut name = p.as_os_str().to_owned();
            name.push(suffix);
            match std::fs::remove_file(&name) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e.into()),
                _ => {}
            }
        }
    }
    let summary = {
        let mut db = Db::open(&partial)?;
        let summary = generate(&mut db, scale, seed)?;
        db.connection().execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")?;
        summary
    };
    std::fs::rename(&partial, out)?;
    // The import's one automatic backup was taken next to the partial file: it is a backup of
    // this archive, so it stays in the same backups/ directory.
    Ok(summary)
}

fn committee(db: &mut Db, g: &mut Gen, s: &mut Summary, index: usize) -> Result<GenCommittee> {
    let (name, kind) = COMMITTEES[index % COMMITTEES.len()];
    let name =
        if index < COMMITTEES.len() { name.to_owned() } else { format!("{name} {}", index / COMMITTEES.len() + 1) };
    let c = db.create_committee(&NewCommittee {
        name,
        kind,
        description: "Udvalget varetager den umiddelbare forvaltning af sit område og forbereder sager til \
Økonomiudvalget og byrådet. Udvalget holder normalt ti ordinære møder om året, heraf to temamøder."
            .into(),
    })?;
    s.committees += 1;
    let roles = [Role::Chair, Role::ViceChair, Role::Member, Role::Member, Role::Member, Role::Member, Role::Member];
    let mut politicians = Vec::new();
    for role in roles {
        let name = g.person_name();
        let party = g.pick(PARTIES).to_string();
        let m = db.add_member(c.id, &NewMember { name, role, party: Some(party) })?;
        politicians.push(m.person_id);
    }
    for role in [Role::Secretary, Role::Official] {
        let name = g.person_name();
        db.add_member(c.id, &NewMember { name, role, party: None })?;
    }
    s.people += roles.len() as u64 + 2;
    Ok(GenCommittee { id: c.id, politicians })
}

struct MeetingSpec {
    year: i32,
    month: u32,
    day: u32,
    theme: bool,
    items: u32,
    approve: bool,
}

/// One meeting with its agenda, its walk (temamøde) and, when `approve`, approved minutes.
fn meeting(db: &mut Db, g: &mut Gen, s: &mut Summary, c: &GenCommittee, spec: MeetingSpec) -> Result<Id> {
    let date = format!("{:04}-{:02}-{:02}", spec.year, spec.month, spec.day.min(28));
    let topic_of_theme = g.pick(TOPICS);
    let (title, kind) = if spec.theme {
        (format!("Temamøde: {}", topic_of_theme.title), MeetingKind::Theme)
    } else {
        ("Ordinært møde".to_owned(), MeetingKind::Ordinary)
    };
    let m = db.create_meeting(&NewMeeting {
        committee_id: c.id,
        title,
        kind,
        starts_at: format!("{date}T16:00"),
        ends_at: format!("{date}T{}:00", if spec.theme { 19 } else { 18 }),
        place: g.pick(PLACES).to_string(),
    })?;
    s.meetings += 1;
    s.theme_meetings += spec.theme as u64;
    let mut walked = None;
    for n in 0..spec.items {
        let last = n + 1 == spec.items;
        let item_title: String;
        let mut patch = AgendaItemPatch::default();
        let topic = if spec.theme && n == 1 { topic_of_theme } else { g.pick(TOPICS) };
        if n == 0 {
            item_title = "Godkendelse af dagsorden".into();
            patch.recommendation = Some("Forvaltningen indstiller, at dagsordenen godkendes.".into());
            patch.decision = Some("Godkendt.".into());
        } else if last {
            item_title = "Eventuelt".into();
            patch.decision = Some(if g.rng.bool() { "Intet.".into() } else { g.fill(NOTE[6], topic, spec.year) });
        } else if n == 1 && !spec.theme {
            item_title = "Meddelelser".into();
            patch.summary = Some(g.paragraph(SUMMARY, 2, topic, spec.year));
            patch.decision = Some("Taget til efterretning.".into());
        } else if n + 2 == spec.items && spec.items > 4 {
            // The usual closed item near the end of an agenda.
            item_title = "Lukket punkt: Personalesag".into();
            patch.openness = Some(Openness::Closed);
            patch.summary = Some("Punktet behandles for lukkede døre.".into());
            patch.decision = Some("Godkendt.".into());
        } else {
            item_title = format!("{}: {}", topic.title, g.pick(AREAS));
            patch.case_id = Some(format!("{}-{:05}", spec.year, g.rng.u32(1..60_000)));
            patch.summary = Some(g.paragraph(SUMMARY, 2, topic, spec.year));
            let paragraphs = g.rng.usize(3..7);
            let background: Vec<String> = (0..paragraphs)
                .map(|_| {
                    let n = g.rng.usize(3..6);
                    g.paragraph(BACKGROUND, n, topic, spec.year)
                })
                .collect();
            patch.background = Some(background.join("\n\n"));
            patch.recommendation = Some(g.fill_from(RECOMMENDATION, topic, spec.year));
            if g.rng.u8(0..4) == 0 {
                patch.previous_decisions = Some(format!(
                    "Udvalget behandlede sagen den {}. {} {}, hvor den blev sendt i høring.",
                    g.rng.u32(1..28),
                    ["januar", "marts", "maj", "september", "november"][g.rng.usize(0..5)],
                    spec.year - 1
                ));
            }
            if spec.approve {
                patch.decision = Some(g.fill_from(DECISION, topic, spec.year));
            }
        }
        let item = db.add_agenda_item(m.id, &item_title)?;
        db.update_agenda_item(item.id, &patch)?;
        s.agenda_items += 1;
        if spec.theme && n == 1 {
            walked = Some((item.id, topic));
        }
    }
    if let Some((item_id, topic)) = walked {
        walk(db, g, s, c, m.id, item_id, topic, spec.year)?;
    }
    if spec.approve {
        // One politician sends apologies now and then.
        if g.rng.u8(0..3) == 0 {
            let who = *g.pick(&c.politicians[2..]);
            db.set_attendance(m.id, who, Attendance::Apologies)?;
        }
        db.update_meeting(
            m.id,
            &MeetingPatch {
                began_at: Some(format!("{date}T16:0{}", g.rng.u8(0..10))),
                adjourned_at: Some(format!("{date}T{}:{:02}", if spec.theme { 18 } else { 17 }, g.rng.u8(10..60))),
                ..Default::default()
            },
        )?;
        for status in [MeetingStatus::AgendaSent, MeetingStatus::InProgress, MeetingStatus::Closed] {
            db.set_meeting_status(m.id, status)?;
        }
        db.approve_minutes(m.id, c.politicians[0])?;
        s.approved_meetings += 1;
    } else if spec.month < 12 {
        db.set_meeting_status(m.id, MeetingStatus::AgendaSent)?;
    }
    Ok(m.id)
}

/// The temamøde's walk of one item: TESK and the six organisation questions, a note on every
/// step, every politician's position on every continuum step (revealed), and questions to
/// the administration.
#[allow(clippy::too_many_arguments)]
fn walk(
    db: &mut Db,
    g: &mut Gen,
    s: &mut Summary,
    c: &GenCommittee,
    meeting_id: Id,
    item_id: Id,
    topic: &Topic,
    year: i32,
) -> Result<()> {
    let mut plan = crate::demo::case_walk_plan();
    plan.case_technology = format!("Teknologi til {}", topic.thing);
    plan.case_problem = g.paragraph(SUMMARY, 2, topic, year);
    let walk = db.set_walk_plan(item_id, &plan)?;
    if g.rng.bool() {
        db.set_positions_named(meeting_id, true)?;
    }
    let asked_at = [g.rng.u32(0..walk.steps.len() as u32), g.rng.u32(0..walk.steps.len() as u32)];
    for step in &walk.steps {
        db.set_current_step(meeting_id, item_id, step.index)?;
        let sentences = g.rng.usize(1..4);
        let note = g.paragraph(NOTE, sentences, topic, year);
        db.save_step_note(item_id, step.index, &note)?;
        s.notes += 1;
        if step.is_continuum {
            for person in &c.politicians {
                db.set_position(item_id, step.index, *person, &PositionInput::Value(g.rng.u8(0..=100)))?;
                s.positions += 1;
            }
            db.reveal_positions(item_id, step.index)?;
        }
        for _ in asked_at.iter().filter(|a| **a == step.index) {
            let text = g.fill_from(QUESTIONS, topic, year);
            let by = *g.pick(&c.politicians);
            db.add_question_to_administration(item_id, step.index, &text, Some(by))?;
            s.questions_to_administration += 1;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn danish_thousands() {
        assert_eq!(thousands(7), "7");
        assert_eq!(thousands(1_250_000), "1.250.000");
        assert_eq!(thousands(25_000), "25.000");
    }

    #[test]
    fn a_small_archive_is_complete_and_deterministic() {
        let mut a = Db::open_in_memory().unwrap();
        let sa = generate(&mut a, Scale::SMALL, 7).unwrap();
        let mut b = Db::open_in_memory().unwrap();
        let sb = generate(&mut b, Scale::SMALL, 7).unwrap();
        let sc = Scale::SMALL;
        let regular = (sc.committees * sc.years * sc.meetings_per_year) as u64;
        assert_eq!(sa.meetings, regular + 2);
        assert_eq!(sa.agenda_items, regular * sc.items_per_meeting as u64 + 50);
        assert_eq!(sa.theme_meetings, (sc.committees * sc.years) as u64 + 1);
        // Every temamøde's walk: 6 continuum steps × 7 politicians.
        assert_eq!(sa.positions, sa.theme_meetings * 6 * 7);
        assert!(sa.notes >= sa.theme_meetings * 21);
        assert!(sa.questions_to_administration >= sa.theme_meetings);
        // Same seed, same archive (timestamps aside).
        let texts = |db: &Db| -> Vec<(String, String, String)> {
            let mut st =
                db.connection().prepare("SELECT title, background, decision FROM agenda_item ORDER BY id").unwrap();
            st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).unwrap().map(|r| r.unwrap()).collect()
        };
        assert_eq!(texts(&a), texts(&b));
        assert_eq!((sa.meetings, sa.positions, sa.notes), (sb.meetings, sb.positions, sb.notes));
        // The meetings the benchmarks use.
        let m30 = a.get_meeting(sa.meeting_30_items).unwrap();
        assert_eq!(m30.items.len(), 30);
        assert!(!m30.meeting.status.is_locked());
        let m20 = a.get_meeting(sa.meeting_20_items).unwrap();
        assert_eq!(m20.items.len(), 20);
        assert_eq!(m20.meeting.status, MeetingStatus::MinutesApproved);
        assert!(a.verify_minutes(sa.meeting_20_items).unwrap().unchanged);
        // Approved minutes carry their walk; the search finds the generated text.
        let walked = a.walk_summary(m20.items[1].id).unwrap();
        assert!(walked.steps.len() >= 21, "TESK and the six organisation questions");
        assert!(walked.steps.iter().all(|st| !st.note.is_empty()), "a note on every step");
        let revealed: Vec<_> = walked.steps.iter().filter_map(|st| st.result.as_ref()).collect();
        assert_eq!(revealed.len(), 6);
        assert!(revealed.iter().all(|r| r.revealed && r.values.len() == 7));
        assert!(!a.search("borgere", 5).unwrap().is_empty());
    }

    #[test]
    fn a_failed_batch_writes_nothing() {
        let mut db = Db::open_in_memory().unwrap();
        let r: Result<()> = db.batch(|db| {
            db.create_committee(&NewCommittee {
                name: "Prøveudvalget".into(),
                kind: CommitteeKind::Other,
                description: String::new(),
            })?;
            // A duplicate name is refused inside the batch as it is outside it.
            db.create_committee(&NewCommittee {
                name: "prøveudvalget ".into(),
                kind: CommitteeKind::Other,
                description: String::new(),
            })?;
            Ok(())
        });
        assert!(r.is_err());
        assert!(db.list_committees().unwrap().is_empty());
    }

    #[test]
    fn a_refused_write_inside_a_batch_is_undone_alone() {
        let mut db = Db::open_in_memory().unwrap();
        db.batch(|db| {
            let c = db.create_committee(&NewCommittee {
                name: "Prøveudvalget".into(),
                kind: CommitteeKind::Other,
                description: String::new(),
            })?;
            let m = db.create_meeting(&NewMeeting {
                committee_id: c.id,
                title: "Møde".into(),
                kind: MeetingKind::Ordinary,
                starts_at: "2026-01-05T16:00".into(),
                ends_at: "2026-01-05T18:00".into(),
                place: String::new(),
            })?;
            // Refused: the title is required. The refusal leaves the batch usable.
            assert!(db.add_agenda_item(m.id, "  ").is_err());
            db.add_agenda_item(m.id, "Godkendelse af dagsorden")?;
            Ok(())
        })
        .unwrap();
        let all = db.list_meetings(None).unwrap();
        assert_eq!(all.len(), 1);
        assert_eq!(all[0].item_count, 1);
    }
}
