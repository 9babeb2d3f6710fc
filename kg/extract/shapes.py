"""How news English shapes names: the head words that say what an unknown name is.

"… Organization", "… University" name an institution; "… Initiative", "… Corridor" an
initiative; "Joint Declaration on …", "… Convention on …" an agreement; "… Summit",
"… Forum" a conference. These describe the language, not any one article.
"""
from __future__ import annotations

INSTITUTION_HEADS = frozenset({
    "Organization", "Organisation", "Council", "Committee", "Commission", "Ministry", "University",
    "Universities", "Institute", "Institutes", "Agency", "Bank", "Fund", "Party", "Parliament",
    "Court", "Union", "League", "Association", "Authority", "Administration", "Bureau",
    "Department", "Academy", "Corporation", "Foundation", "Secretariat", "Federation", "Chamber",
    "Army", "Navy", "Directorate", "Inspectorate", "Office", "Company", "College", "School",
    "Assembly", "Senate", "Cabinet", "Alliance", "Coalition", "Movement", "Front", "Forces",
    "Mission", "Embassy", "Consulate", "Delegation", "Agency", "Service", "Guard", "Police",
})
INITIATIVE_HEADS = frozenset({
    "Initiative", "Initiatives", "Corridor", "Corridors", "Route", "Express", "Programme", "Program",
    "Project", "Strategy", "Vision", "Plan", "Principle", "Policy", "Process", "Doctrine", "Agenda",
    "Railway", "Highway", "Pipeline", "Compact", "Mechanism", "Goals", "Tunnel", "Bridge", "Dam",
    "Road", "Line", "Link", "Interconnector", "Plant", "Scheme",
})
AGREEMENT_WORDS = frozenset({
    "Agreement", "Treaty", "Convention", "Declaration", "Memorandum", "Protocol", "Accord",
    "Accords", "Charter", "Pact", "Statement", "Communique", "Communiqué", "Roadmap", "Deal",
})
EVENT_HEADS = frozenset({
    "Summit", "Forum", "Conference", "Session", "Expo", "Exposition", "Dialogue", "Games",
    "Symposium", "Fair", "Festival", "Talks", "Meeting", "Olympics", "Congress",
})
PLACE_HEADS = frozenset({
    "Hall", "Palace", "Square", "Airport", "Port", "Stadium", "Island", "Islands", "Mountains",
    "Sea", "Ocean", "River", "Lake", "Valley", "Strait", "Peninsula", "Province", "Oblast",
    "District", "Region", "Street", "Avenue", "Park", "Canal", "Desert", "Basin", "Harbor",
    "Harbour", "Residence", "Zone", "Camp",
})
#: Capitalised words that never start or make up a person's name.
NOT_NAME = frozenset({
    "The", "A", "An", "He", "She", "It", "They", "We", "I", "His", "Her", "Its", "Their", "Our",
    "This", "That", "These", "Those", "In", "On", "At", "By", "For", "With", "From", "To", "As",
    "And", "But", "Or", "If", "When", "While", "During", "After", "Before", "Since", "Under",
    "Over", "Also", "Both", "Despite", "Meanwhile", "However", "Moreover", "Furthermore",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
    "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep",
    "Oct", "Nov", "Dec", "Mr", "Mrs", "Ms", "Dr", "Chinese", "President", "Premier", "Minister",
    "Speaking", "According", "Noting", "Recalling", "Regarding", "Considering", "Following",
    "Interview", "Leave", "Review", "Read", "More", "Xinhua", "Reuters", "Global", "International",
    "National", "Foreign", "Ministry", "Trade", "Economic", "Strategic", "Historic", "Enhanced",
    "Weekly", "Direct", "Political", "Bilateral", "Prestigious", "Rapid", "Humanitarian",
    "Conversely", "Connectivity", "Considered", "Together", "Countries", "Nearly", "Over",
    "Plans", "Senior", "Economic", "Multilateral", "Pragmatic", "Sound", "Year", "Today",
    "Yesterday", "Tomorrow", "Chairman", "Spokesperson", "Ambassador", "King", "Queen", "Prince",
    "Party", "State", "Government", "Council", "Committee", "Congress", "People", "Republic",
})
SPEECH_VERBS = frozenset({
    "said", "says", "told", "noted", "notes", "added", "adds", "stressed", "stresses", "emphasized",
    "emphasised", "emphasizes", "highlighted", "highlights", "stated", "states", "underlined",
    "pointed", "remarked", "concluded", "explained", "expressed", "announced", "declared",
    "urged", "called", "reiterated", "affirmed", "reaffirmed", "assured", "projected", "commended",
    "hailed", "praised", "welcomed", "warned", "recalled", "insisted", "argued", "wrote",
})
#: Words for a country's people or side when a text speaks of two at once.
GROUP_PHRASES = (
    ("the", "two", "countries"), ("both", "countries"), ("the", "two", "nations"), ("both", "nations"),
    ("both", "sides"), ("the", "two", "sides"), ("the", "two", "states"), ("both", "states"),
    ("the", "two", "governments"), ("both", "governments"), ("the", "two", "parties"),
    ("both", "parties"), ("the", "two", "neighbours"), ("the", "two", "neighbors"),
    ("the", "countries"), ("two", "countries"), ("the", "two", "peoples"), ("both", "peoples"),
    ("the", "two", "economies"),
)
LEADER_GROUPS = (
    ("the", "two", "leaders"), ("both", "leaders"), ("the", "leaders", "of", "the", "two", "countries"),
    ("the", "two", "heads", "of", "state"), ("the", "countries", "'", "leaders"),
)
PRESIDENT_GROUPS = (
    ("the", "two", "presidents"), ("both", "presidents"), ("the", "presidents", "of", "the", "two", "countries"),
)
