"""The diplokg vocabulary as Python names.

Generated from ontology/diplokg.ttl by kg.generate.gen_vocab; do not edit. Change the ontology,
then run ``python -m kg.generate.gen_vocab``.

>>> DKG.Person
rdflib.term.URIRef('https://w3id.org/diplokg/ontology#Person')
"""
from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef

__all__ = ["DKG", "DKGR", "ONTOLOGY_IRI", "PREFIXES"]

ONTOLOGY_IRI = URIRef("https://w3id.org/diplokg/ontology")
DKGR = Namespace("https://w3id.org/diplokg/id/")

# The prefixes every export declares (ONTOLOGY.md, Namespaces).
PREFIXES: dict[str, str] = {
    "dkg": "https://w3id.org/diplokg/ontology#",
    "dkgr": "https://w3id.org/diplokg/id/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
}


class DKG(DefinedNamespace):
    """Classes, properties, concept schemes and concepts of the dkg: namespace.

    Generated from ontology/diplokg.ttl by kg.generate.gen_vocab; do not edit. A name the
    ontology does not define raises AttributeError.
    """

    _fail = True
    _NS = Namespace("https://w3id.org/diplokg/ontology#")

    Actor: URIRef  # Actor: Anything that acts in foreign policy: a person, a country or an institution. The export types every Person, Country and Institution as an Actor too, so queries without a reasoner find them all.
    Agreement: URIRef  # Agreement: A joint statement, declaration, treaty, memorandum or agreement, signed or under negotiation; its dkg:status says which.
    AidAmount: URIRef  # aid amount: Money given as aid, assistance or grants.
    AllWeatherStrategicCooperativePartnership: URIRef  # all-weather strategic cooperative partnership: A strategic cooperative partnership declared to hold whatever happens, as between China and Pakistan.
    ApprovalRate: URIRef  # approval rate: The share of people who approve of a leader, a government or a policy, as a percentage.
    Article: URIRef  # Article: One input document, usually a news article, described by dcterms:title, dcterms:date, dcterms:publisher and dcterms:source.
    BanDuration: URIRef  # ban duration: How long a ban lasts (a duration, as the text gives it).
    BorderLength: URIRef  # border length: The length of a border between states.
    BudgetDeficit: URIRef  # budget deficit: A government's budget deficit, in money or as a share of output.
    CasualtyCount: URIRef  # casualty count: The number of people killed or injured.
    CeasefireDuration: URIRef  # ceasefire duration: How long a ceasefire lasts.
    ChapterCount: URIRef  # chapter count: The number of chapters of a document, such as a draft agreement.
    CoastlineLength: URIRef  # coastline length: The length of a state's coastline.
    CompanyCount: URIRef  # company count: The number of companies or enterprises, such as those of one country operating in another.
    ComprehensivePartnership: URIRef  # comprehensive partnership: A partnership declared to cover all areas of cooperation.
    ComprehensiveStrategicCooperativePartnership: URIRef  # comprehensive strategic cooperative partnership: A strategic cooperative partnership declared to cover all areas of cooperation.
    ComprehensiveStrategicPartnership: URIRef  # comprehensive strategic partnership: A strategic partnership declared to cover all areas of cooperation.
    Conference: URIRef  # Conference: A summit, forum, session, briefing or press conference.
    ContractValue: URIRef  # contract value: The value of a contract.
    Country: URIRef  # Country: A sovereign state.
    CountryCount: URIRef  # country count: The number of countries, such as those taking part in an initiative or a meeting.
    CurrentAccountDeficit: URIRef  # current account deficit: A state's current account deficit.
    DiplomaticRelations: URIRef  # diplomatic relations: Formal diplomatic relations between two states.
    DisapprovalRate: URIRef  # disapproval rate: The share of people who disapprove of a leader, a government or a policy, as a percentage.
    DisplacedPersonCount: URIRef  # displaced person count: The number of people displaced within their own country.
    DocumentCount: URIRef  # document count: The number of agreements, memoranda and other documents signed.
    DomesticDebt: URIRef  # domestic debt: What a government owes to creditors in its own country.
    EconomicOutputGrowth: URIRef  # economic output growth: The change in economic output other than GDP, such as industrial or a sector's output, usually a percentage.
    EvacueeCount: URIRef  # evacuee count: The number of people evacuated.
    Event: URIRef  # Event: Something that happened at a time. The export types every state visit, meeting and conference as an Event too.
    ExportGrowth: URIRef  # export growth: The change in export value, usually a percentage.
    ExportShare: URIRef  # export share: A state's share of another's exports, or exports' share of output.
    ExportValue: URIRef  # export value: The value of goods exported by a country, to a partner where the text says.
    ExportVolume: URIRef  # export volume: Exports counted in quantity (tonnes, units) rather than money.
    ExternalDebt: URIRef  # external debt: What a country owes to foreign creditors.
    ExternalDebtShare: URIRef  # external debt share: A creditor's share of a state's external debt.
    FlightCount: URIRef  # flight count: The number of flights, usually scheduled flights a week.
    GDP: URIRef  # gross domestic product: A country's gross domestic product in money.
    GDPGrowth: URIRef  # GDP growth: The change in a country's gross domestic product, usually a percentage.
    ImportGrowth: URIRef  # import growth: The change in import value, usually a percentage.
    ImportShare: URIRef  # import share: A state's share of another's imports.
    ImportValue: URIRef  # import value: The value of goods imported by a country, from a partner where the text says.
    ImportVolume: URIRef  # import volume: Imports counted in quantity (tonnes, units) rather than money.
    InflationRate: URIRef  # inflation rate: The rate of inflation.
    Initiative: URIRef  # Initiative: A named initiative, programme, corridor, project or principle, such as the Belt and Road Initiative, the Middle Corridor or the one-China principle.
    Institution: URIRef  # Institution: An organisation: an international body (SCO, UN), an organ of a government (ministry, parliament, customs), a company, a university or a news agency.
    InvestmentFlow: URIRef  # investment flow: Investment made in the period, or pledged.
    InvestmentGrowth: URIRef  # investment growth: The change of investment between states over a period.
    InvestmentStock: URIRef  # investment stock: The accumulated value of one country's investment in another, to date.
    JobsCreated: URIRef  # jobs created: The number of jobs created.
    LeaseDuration: URIRef  # lease duration: How long a lease lasts.
    LoanAmount: URIRef  # loan amount: Money lent or credit extended, granted or pledged.
    LoanCount: URIRef  # loan count: The number of loans.
    Measure: URIRef  # Measures: What a reported figure measures, the values of dkg:measure.
    Meeting: URIRef  # Meeting: Talks, a meeting or a phone call between actors.
    MeetingCount: URIRef  # meeting count: The number of meetings, talks or visits.
    Observation: URIRef  # Observation: A reported figure: a value of a measure, with its unit and period, about some actors. Figures that disagree stay separate observations, each with its source.
    Partnership: URIRef  # partnership: A declared partnership between two states, of any kind; the general concept above every named partnership.
    PeopleInNeedCount: URIRef  # people in need count: The number of people in need of humanitarian assistance.
    Person: URIRef  # Person: A named person: a head of state, a minister, a spokesperson, a diplomat.
    PilgrimCount: URIRef  # pilgrim count: The number of pilgrims.
    PipelineLength: URIRef  # pipeline length: The length of a pipeline.
    Place: URIRef  # Place: A city or a region that is not a country.
    PoliticalPrisonerCount: URIRef  # political prisoner count: The number of political prisoners.
    Population: URIRef  # population: The number of people living in a country or place.
    Position: URIRef  # Position: An office, such as President of Azerbaijan: held by a person, within a country or an institution.
    PrisonerCount: URIRef  # prisoner count: The number of prisoners, detainees or captives, such as those exchanged or released.
    ProjectCount: URIRef  # project count: The number of projects.
    ProjectValue: URIRef  # project value: The value of a project.
    PublicDebt: URIRef  # public debt: What a government owes in total, or as a percentage of GDP.
    RailwayLength: URIRef  # railway length: The length of a railway.
    RefugeeCount: URIRef  # refugee count: The number of refugees.
    Relationship: URIRef  # Relationship: A state of relations between countries, such as diplomatic relations or a strategic partnership, typed by dkg:relationshipType.
    RelationshipType: URIRef  # Relationship types: The kinds of relations between countries that the news names, the values of dkg:relationshipType.
    RulesOfOriginThreshold: URIRef  # rules of origin threshold: The share of a good's value that rules of origin require to be local.
    SpecialAndPrivilegedStrategicPartnership: URIRef  # special and privileged strategic partnership: A strategic partnership declared special and privileged, as between India and Russia.
    StateVisit: URIRef  # State visit: An official visit of a head of state, head of government or minister to another country, with visitors and hosts.
    StrategicCooperativePartnership: URIRef  # strategic cooperative partnership: A strategic partnership framed as cooperation, as China names several of its partnerships.
    StrategicPartnership: URIRef  # strategic partnership: A partnership declared strategic: long-term cooperation on matters both sides hold essential.
    StudentCount: URIRef  # student count: The number of students, such as those of one country studying in another.
    TariffEliminationShare: URIRef  # tariff elimination share: The share of tariff lines an agreement eliminates.
    TariffRate: URIRef  # tariff rate: A tariff or duty on goods, as a percentage of their value.
    TariffRevenue: URIRef  # tariff revenue: Money a government collects in tariffs and customs duties.
    Topic: URIRef  # Topic: An area of cooperation or an issue, such as green energy, the digital economy or transport.
    TouristArrivals: URIRef  # tourist arrivals: The number of tourists or visitor trips.
    TouristArrivalsGrowth: URIRef  # tourist arrivals growth: The change in tourist arrivals, usually a percentage.
    TradeDeficit: URIRef  # trade deficit: How much a country's imports exceed its exports, with a partner where the text says.
    TradeGrowth: URIRef  # trade growth: The change in trade volume: a percentage, or an amount of money where the text gives one.
    TradeShare: URIRef  # trade share: A partner's share of a state's trade.
    TradeSurplus: URIRef  # trade surplus: How much a country's exports exceed its imports, with a partner where the text says.
    TradeVolume: URIRef  # trade volume: Bilateral trade in money: the value of goods traded between the countries in the period.
    UnemploymentRate: URIRef  # unemployment rate: The rate of unemployment.
    VisaCount: URIRef  # visa count: The number of visas issued.
    VisitCount: URIRef  # visit count: The number of visits made.
    about: URIRef  # about: An actor the figure is about, usually the countries whose trade or economy it gives.
    date: URIRef  # date: When the event took place, or the agreement or relationship was made: a day, a month or a year, as precise as the text allows.
    dateline: URIRef  # dateline: The place named in the article's dateline, as BAKU in "BAKU, April 21 (Xinhua)".
    endDate: URIRef  # end date: When the event ended, or the agreement or relationship ceased: a day, a month or a year, as precise as the text allows.
    establishedBy: URIRef  # established by: The agreement or event that established or upgraded the relationship.
    evidence: URIRef  # evidence: The sentence a node or a fact was read from, verbatim. Events, agreements, relationships, observations and rdf:Statement nodes carry it beside prov:wasDerivedFrom, which names the article.
    holdsPosition: URIRef  # holds position: The person holds (or held, at the article's date) this office.
    host: URIRef  # host: An actor who receives the state visit.
    locatedIn: URIRef  # located in: The country a city or region is in.
    location: URIRef  # location: Where the event took place: a city, a region or a country.
    measure: URIRef  # measure: What the figure measures, a concept of the scheme dkg:Measure, such as dkg:TradeVolume.
    memberOf: URIRef  # member of: The actor is a member of the institution, as a country is of the SCO.
    mentions: URIRef  # mentions: An entity the article names, whether or not a fact of the graph involves it: which articles mention X.
    opposes: URIRef  # opposes: A stated position: the actor opposes, rejects or condemns the resource.
    outcome: URIRef  # outcome: What the event produced: an agreement signed or a relationship established at it.
    partOf: URIRef  # part of: An institution is part of a country or another institution (a ministry of a state); an event is part of another event (a meeting held during a visit).
    participant: URIRef  # participant: An actor taking part in the event; asserted for every visitor and host of a state visit too.
    participatesIn: URIRef  # participates in: The actor takes part in the initiative, programme or corridor.
    party: URIRef  # party: An actor bound by the agreement or sharing in the relationship.
    period: URIRef  # period: The time the figure covers, in ISO 8601: a year (2023), a month, a day, or an interval (2024-01/2024-10).
    positionIn: URIRef  # position in: The country or institution in which the office exists.
    relationshipType: URIRef  # relationship type: The kind of relationship, a concept of the scheme dkg:RelationshipType, such as dkg:StrategicPartnership.
    reportedBy: URIRef  # reported by: The actor who gave the figure, where the text says so.
    role: URIRef  # role: The kind of office, without its country or institution: "President", "Premier", "Foreign Minister", "Spokesperson".
    signatory: URIRef  # signatory: A person who signed the agreement.
    startDate: URIRef  # start date: When the event began, the agreement took effect or the relationship was established: a day, a month or a year, as precise as the text allows.
    status: URIRef  # status: How far the agreement has come, one of "proposed", "planned" (to be negotiated or signed), "under negotiation", "agreed" (reached, not yet signed), "signed", "in force", "suspended", "terminated".
    supports: URIRef  # supports: A stated position: the actor supports, backs or welcomes the resource (a country, a policy, an initiative, a principle).
    topic: URIRef  # topic: An area of cooperation that the agreement, event or relationship is about.
    unit: URIRef  # unit: The unit of the value: an ISO 4217 currency code (USD), "percent", or "times" for a multiple ("increased 4.2 times", "doubled" = 2); absent for a plain count.
    value: URIRef  # value: The figure as a plain decimal number, scale words applied: 3.1 billion is 3100000000.
    visitor: URIRef  # visitor: An actor who makes the state visit.
