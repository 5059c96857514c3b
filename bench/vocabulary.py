"""Word lists for bench/gen.py: names in many languages, titles, and plan phrases."""

from __future__ import annotations


def _words(text: str) -> tuple[str, ...]:
    return tuple(word.strip() for word in text.split(",") if word.strip())


FIRST_NAMES = _words(
    """
    Zoë, Björn, José, François, Łukasz, Søren, Chloé, Ana, Mateus, Ingrid, Jürgen, Élodie,
    Niamh, Siobhán, Kenji, Yuki, Aiko, Minh, Thảo, Olusegun, Chiamaka, Aarav, Priya,
    Ólafur, Dagný, Tomás, Inês, Maëlle, Radu, Ștefan, Agnieszka, Kateřina, Emre, Ayşe,
    Hana, Seo-yeon, Dmitri, Анна, Γιώργος, 美咲, Fatima, Omar, Lucía, Joaquín, Maja, Henrik,
    Pietro, Giulia, Noémi, Ádám
    """
)
LAST_NAMES = _words(
    """
    Müller, Øvergaard, García, Dubois, Kowalczyk, Nguyễn, Đặng, Öztürk, Çelik, Dvořák,
    Novák, Sørensen, O'Brien, Ó Súilleabháin, Yamamoto, Tanaka, Adeyemi, Okonkwo, Sharma,
    Iyer, Guðmundsdóttir, Jónsson, Gonçalves, Fernández, Lefèvre, Popescu, Wiśniewska, Kim,
    Park, Иванова, Παπαδόπουλος, 佐藤, Rossi, Ferrari, Nagy, Kovács, Haddad, El-Amin,
    Lindqvist, Bergström, Van der Berg, De Vries
    """
)
COMPANY_CORES = _words(
    """
    Nordhafen, Rivière, Horizonte, Tokai, Kestrel, Aurora, Cascadia, Halvorsen, Verdant,
    Meridian, Lumen, Prairie, Pixelforge, Continental, Harbor, Solvang, Brückner, Łódź,
    Città Alta, São Bento, Żuraw, Fjällbacka, Köln-Deutz, Sakura, Hanami, Mekong, Atacama,
    Patagonia, Karoo, Zambezi, Ballarat, Tasman, Uppsala, Bergen, Porto, Sevilla, Nantes,
    Graz, Brno, Cluj, İzmir, Daejeon, Ōsaka
    """
)
COMPANY_KINDS = (
    ("Logistik GmbH", "Logistics", "logistik"),
    ("Hôtels SA", "Hospitality", "hotels"),
    ("Banco", "Banking", "banco"),
    ("Motor Co.", "Automotive", "motor"),
    ("Robotics", "Manufacturing", "robotics"),
    ("Biopharma", "Life sciences", "biopharma"),
    ("Transit Authority", "Public transport", "transit"),
    ("Department Stores", "Retail", "stores"),
    ("Energy", "Utilities", "energy"),
    ("Telecom", "Telecommunications", "telecom"),
    ("Insurance", "Insurance", "insurance"),
    ("Health System", "Healthcare", "health"),
    ("University", "Education", "university"),
    ("Games", "Media and games", "games"),
    ("Agri Coop", "Agriculture", "agri"),
)
ROLES = (
    ("ceo", "Chief Executive Officer"),
    ("coo", "Chief Operating Officer"),
    ("cfo", "Chief Financial Officer"),
    ("cio", "Chief Information Officer"),
    ("cto", "Chief Technology Officer"),
    ("ciso", "Chief Information Security Officer"),
    ("cpo", "Chief Procurement Officer"),
    ("evp-ops", "Executive Vice President, Operations"),
    ("vp-eng", "Vice President of Engineering"),
    ("vp-data", "Vice President, Data and Analytics"),
    ("vp-finance", "Vice President of Finance"),
    ("dir-infra", "Director of Infrastructure"),
    ("dir-apps", "Director of Business Applications"),
    ("dir-security", "Director of Security Operations"),
    ("head-procurement", "Head of Procurement"),
    ("head-legal", "Head of Legal and Compliance"),
    ("head-platform", "Head of Platform Engineering"),
    ("it-manager", "IT Service Manager"),
    ("architect", "Lead Cloud Architect"),
    ("controller", "Group Controller"),
    ("dpo", "Data Protection Officer"),
    ("pm-migration", "Migration Programme Manager"),
)
ADVISERS = (
    ("consultant", "Partner", "Larch Advisory"),
    ("auditor", "Audit Director", "Fjord & Partners"),
    ("integrator", "Account Director", "Brightpath Systems Integration"),
)
LEVELS = ("low", "medium", "high")
ATTITUDES = ("champion", "supporter", "neutral", "skeptic", "blocker")
RELATIONSHIPS = ("strong", "good", "weak", "none")
BUYING_ROLES = ("decision_maker", "buyer", "influencer", "user", "gatekeeper", "champion")
STAGES = ("exploratory", "basic", "cooperative", "interdependent", "integrated")
ONBOARDING = ("not_started", "in_progress", "done")
OBJECTIVE_STATUS = ("planned", "on_track", "at_risk", "done", "dropped")
NEED_KINDS = ("upsell", "cross_sell", "renewal", "service")
NEED_STATUS = ("open", "won", "lost")
WHATS = (
    ("data-centre-exit", "Move the remaining workloads out of their own data centres"),
    ("security-audit", "Pass the yearly security audit with no major finding"),
    ("exec-sponsor", "Win an executive sponsor above the IT organisation"),
    ("nps-40", "Raise the NPS of their engineering teams to 40"),
    ("premium-upgrade", "Move the analytics workloads to the premium plan"),
    ("multi-region", "Run their customer portal in two regions with automatic failover"),
    ("cost-review", "Cut their monthly spend by a tenth through a joint cost review"),
    ("reference", "Publish a joint reference case and speak at our summit"),
    ("training", "Certify forty of their engineers on our platform"),
    ("renewal-3y", "Sign a three-year renewal before the budget freeze"),
)
WHYS = (
    "Makes us their platform rather than one supplier among three",
    "Their board wants the savings shown before the next budget cycle",
    "Without it the expansion stalls at procurement",
    "The reference opens a whole vertical for us",
    "Their regulator asks for it from next year",
)
HOWS = (
    "Joint workshops with their architects every second week",
    "A savings case built with their finance team",
    "Introduction through our own executive sponsor",
    "Pilot on one business unit, then a staged roll-out",
    "Floor walkers and office hours during every go-live",
)
METRICS = ("revenue_growth", "csat", "nps", "adoption", "workloads_live")
NEED_WHATS = (
    ("voice-ai", "Voice transcription for their front-line staff"),
    ("dr-runbook", "Cross-region disaster recovery runbook and a yearly failover test"),
    ("new-sites", "Landing zones for the sites they open next year"),
    ("support-renewal", "Renewal of the enterprise support plan"),
    ("data-platform", "A managed data platform for their analytics team"),
    ("edge", "Edge nodes in their warehouses and branches"),
)
SWOT_LINES = {
    "strengths": (
        "Strong relationships with the CIO and the infrastructure team",
        "A clean audit record on the workloads we already run",
        "Our engineers sit with theirs two days a week",
    ),
    "weaknesses": (
        "No direct line to the executive who decides",
        "Latency complaints from two of their regional offices",
        "Our pricing is the highest of the three vendors they use",
    ),
    "opportunities": (
        "Two new sites opening next year",
        "Their adviser's savings case lands on the board's desk in December",
        "A merger that doubles the workloads to migrate",
    ),
    "threats": (
        "A hyperscaler offering three years of free credits",
        "The CFO may pause migrations during the budget cycle",
        "A new CIO who brings a competitor with them",
    ),
}
NOTE_LINES = (
    "The usual contacts love us; the decision is not theirs.",
    "Work through the adviser, not around the CIO.",
    "Quarterly business reviews alternate between their offices and ours.",
    "Procurement runs a tender every three years; the next one is in spring.",
    "Their engineers prefer chat to e-mail; answer within the hour.",
    "Once the migration is signed the account moves one stage up.",
)
EVIDENCE = (
    "Opening two sites next year and still running their core systems in-house",
    "Signed the data-processing agreement; the regions they need are all ours",
    "Largest company in its region and the reference its peers ask for",
    "Profitable for ten years running, with a long-term plan they shared with us",
    "Their platform team already built on our managed Kubernetes",
)


TAGS = (
    "cloud-migration",
    "reference-candidate",
    "dach",
    "nordics",
    "public-sector",
    "regulated",
    "acquisition",
    "expansion",
    "renewal-2027",
    "multi-region",
)
