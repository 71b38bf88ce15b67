// samverkan::synthetic::generate: a deterministic, national-scale samverkan/1 model, written as a stream.
//
//     samverkan::synthetic::generator_options opts{.municipalities = 290, .seed = 1};
//     std::ofstream file{"/tmp/sverige.json", std::ios::binary};
//     auto stats = samverkan::synthetic::generate(file, opts);   // ~1e6 duties, ~1e7 relations
//     std::cout << stats.relation_count() << " relations, " << stats.bytes << " bytes\n";
//
// What it writes (the structure is the one of shared/domain.md; every legal basis marked "[V]" there is
// written with "(ej verifierad)"):
//   - the shared PBL stages (översiktsplan ... förvaltning) and the Lag (2023:196) cycle (lägesbild ->
//     åtgärdsplan -> åtgärder -> uppföljning), as two parallel chains;
//   - scopes län ⊃ kommun ⊃ stadsdel ⊃ planområde, with the 21 counties and their real numbers of
//     municipalities (interleaved, so the first 21 municipalities lie in 21 different counties);
//   - national actors (Polismyndigheten, Brå, Boverket, Lantmäteriet, Trafikverket), a länsstyrelse per
//     county in use, and per municipality KF, KS, byggnadsnämnd, teknisk nämnd, socialnämnd, BUN,
//     fritidsnämnd, the samordningsfunktion, an SSPF-koordinator, the lokalpolisområde, räddningstjänsten
//     and the allmännyttiga bostadsbolaget; per stadsdel a fastighetsägarförening and a förening; per
//     detaljplan its fastighetsägare (one per fastighet) and byggherrar;
//   - shared national mandates and per-municipality ones (trygghetsbudget, överenskommelse, lokala
//     ordningsföreskrifter, one exploateringsavtal per plan), holdings with scopes and stages, bare and
//     explicit delegations (KF -> BN, KS -> samordningsfunktion, Polismyndigheten -> LPO, TN -> byggherre);
//   - duties with stage, scope, requires, needs and RACI: the 2023:196 cycle per municipality, EST
//     (weekly reports, lägesbild, quarterly analyses, measures and their follow-up) per stadsdel, SSPF cases,
//     and per detaljplan the PBL process down to bygglov, startbesked, slutbesked, handover and förvaltning
//     of every fastighet;
//   - forums: a brottsförebyggande råd (samverkansöverenskommelse), an SSPF group and a planning dialogue
//     with the länsstyrelse per municipality, an EST group per stadsdel, a project group per detaljplan.
//
// Size: at 290 municipalities about 1.0e6 duties and 1.0e7 relations (holdings, delegations, RACI entries,
// requires, needs, after, within, members, coordinators, covers), about 0.5 GB of JSON. Generation is
// O(output) in time and O(municipalities x plans) in memory: no document is built.
//
// Defects: with defect_rate = 0 the model is clean (the audit finds nothing). Each detaljplan carries at
// most one defect; each of the 20 kinds (`defect`) occurs in a plan with probability defect_rate (kinds are
// dealt round-robin from a random start per municipality, so every kind appears once a municipality has
// enough defective plans). Each kind makes exactly the findings listed at `defect` below, so
// generator_stats::expected_findings is exact: an audit of the output must report those counts.
//
// Determinism: the output depends only on the options; the same options give byte-identical output on
// every platform (own random generator, no floating-point functions beyond exact IEEE arithmetic), and
// municipality k is the same whatever the number of municipalities generated.
#ifndef SAMVERKAN_SYNTHETIC_GENERATOR_HPP
#define SAMVERKAN_SYNTHETIC_GENERATOR_HPP

#include <samverkan/diagnostics/rule_id.hpp>
#include <samverkan/error.hpp>
#include <samverkan/model/ids.hpp>
#include <samverkan/model/relations.hpp>
#include <samverkan/synthetic/json_text.hpp>
#include <samverkan/synthetic/random.hpp>

#include <algorithm>
#include <array>
#include <bitset>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace samverkan::synthetic {

/// The kinds of defect the generator plants, one per detaljplan at most, and the findings each makes.
/// "f1" is fastighet 1 of the plan, "fa1" its owner, "bh1" its byggherre.
enum class defect : std::uint8_t {
    unassigned_duty,      ///< bygglov f1 has no R and no A                 unassigned-duty
    no_accountable,       ///< byggnation f1 loses its A                    no-accountable
    no_responsible,       ///< startbesked f1 loses its R                   no-responsible
    multiple_accountable, ///< antagande accountable: BN and KF             multiple-accountable
    missing_not_held, ///< slutbesked f1 done by TN (no bygglov mandate) mandate-missing, accountable-without-mandate
    missing_scope,    ///< antagande by KS, which holds "anta detaljplan" only for a planreserv: the same two
    missing_stage,    ///< antagande by TN, which holds it only at the FÖP stage: the same two
    missing_invalid_delegation, ///< antagande by the samordningsfunktion, given the mandate by the fritidsnämnd
                                ///< (which does not hold it): the same two, plus one invalid-delegation per
                                ///< municipality
    mandate_unheld, ///< förvaltning f1 also requires "egna tekniska egenskapskrav" (PBL 8:4 a): mandate-unheld
    responsible_without_mandate, ///< bh1 stays responsible for förvaltning f1         responsible-without-mandate
    stage_order,                 ///< bygglovsansökan f1 needs förvaltning f2          stage-order
    dependency_cycle,            ///< förvaltning f1 and trygghetsbesiktning f1 need each other: dependency-cycle
    coordination_gap,            ///< fa1 left out of the plan's project group: coordination-gap x2 (with BN, with bh1)
    coordinator_without_mandate, ///< the project group coordinated by the lokalpolisområde: coordinator-without-mandate
    forum_without_coordinator,   ///< the project group has no coordinator             forum-without-coordinator
    invalid_delegation,          ///< one invalid delegation in the plan (the five reasons in turn): invalid-delegation
    delegation_cycle,            ///< fa1 and fa2 delegate förvaltning to each other  delegation-cycle
    exclusive_overlap,           ///< bh1 holds fastighetsbildning next to Lantmäteriet: exclusive-overlap
    idle_actor,                  ///< an extra sakägare with no role                  idle-actor
    unused_mandate,              ///< the plan's exploateringsavtal mandate is neither held nor required: unused-mandate
};
inline constexpr std::size_t defect_count = 20;

/// Changes whenever the generator's output for the same options changes (caches of generated files use it).
inline constexpr int generator_version = 1;

/// The defect's name as used in documentation and in the generator's statistics.
[[nodiscard]] constexpr std::string_view to_string(defect d) noexcept {
    constexpr std::array<std::string_view, defect_count> names{"unassigned-duty",
                                                               "no-accountable",
                                                               "no-responsible",
                                                               "multiple-accountable",
                                                               "missing-not-held",
                                                               "missing-scope",
                                                               "missing-stage",
                                                               "missing-invalid-delegation",
                                                               "mandate-unheld",
                                                               "responsible-without-mandate",
                                                               "stage-order",
                                                               "dependency-cycle",
                                                               "coordination-gap",
                                                               "coordinator-without-mandate",
                                                               "forum-without-coordinator",
                                                               "invalid-delegation",
                                                               "delegation-cycle",
                                                               "exclusive-overlap",
                                                               "idle-actor",
                                                               "unused-mandate"};
    return names[static_cast<std::size_t>(d)];
}

/// What to generate.
struct generator_options {
    std::size_t municipalities = 290; ///< 1 or more; the 290 of Sweden at 290 (more repeat the counties)
    std::uint64_t seed = 1;
    /// Probability that a detaljplan carries a given kind of defect; clamped to [0, 1/20] (at most one
    /// defect per plan). 0 gives a model without findings.
    double defect_rate = 0.01;
    std::string name{}; ///< the model's "name"; empty: "Syntetisk nationell samverkansmodell (N kommuner, frö S)"
};

/// What was generated: counts as the model will hold them after loading, and the exact findings expected.
struct generator_stats {
    std::array<std::uint64_t, 6> elements{};   ///< by element_kind (stage, scope, actor, mandate, duty, forum)
    std::array<std::uint64_t, 10> relations{}; ///< by relation_kind
    std::array<std::uint64_t, rule_count> expected_findings{}; ///< by rule_id
    std::array<std::uint64_t, defect_count> defects{};         ///< by defect
    std::uint64_t municipalities = 0;
    std::uint64_t plans = 0;
    std::uint64_t bytes = 0; ///< bytes written

    [[nodiscard]] std::uint64_t element_count() const noexcept { return sum(elements); }
    [[nodiscard]] std::uint64_t relation_count() const noexcept { return sum(relations); }
    [[nodiscard]] std::uint64_t count(element_kind k) const noexcept { return elements[static_cast<std::size_t>(k)]; }
    [[nodiscard]] std::uint64_t count(relation_kind k) const noexcept { return relations[static_cast<std::size_t>(k)]; }
    [[nodiscard]] std::uint64_t expected(rule_id r) const noexcept {
        return expected_findings[static_cast<std::size_t>(r)];
    }
    [[nodiscard]] std::uint64_t expected_total() const noexcept { return sum(expected_findings); }

private:
    template <std::size_t N>
    static std::uint64_t sum(std::array<std::uint64_t, N> const& a) noexcept {
        std::uint64_t n = 0;
        for (auto v : a) n += v;
        return n;
    }
};

namespace detail {

// ---- fixed data ------------------------------------------------------------------------------------------

struct county_info {
    std::string_view code;
    std::string_view name;
    std::uint32_t municipalities;
};
// The 21 counties (län) with their official codes and numbers of municipalities (sum 290).
inline constexpr std::array<county_info, 21> counties{{
    {"01", "Stockholms län", 26},    {"03", "Uppsala län", 8},        {"04", "Södermanlands län", 9},
    {"05", "Östergötlands län", 13}, {"06", "Jönköpings län", 13},    {"07", "Kronobergs län", 8},
    {"08", "Kalmar län", 12},        {"09", "Gotlands län", 1},       {"10", "Blekinge län", 5},
    {"12", "Skåne län", 33},         {"13", "Hallands län", 6},       {"14", "Västra Götalands län", 49},
    {"17", "Värmlands län", 16},     {"18", "Örebro län", 12},        {"19", "Västmanlands län", 10},
    {"20", "Dalarnas län", 15},      {"21", "Gävleborgs län", 10},    {"22", "Västernorrlands län", 7},
    {"23", "Jämtlands län", 8},      {"24", "Västerbottens län", 15}, {"25", "Norrbottens län", 14},
}};

// The county of municipality k: a smooth weighted round robin over the counties (weights = their real
// numbers of municipalities), so any prefix is spread over the country and all 290 match the real counts.
inline std::uint32_t county_of(std::size_t k) {
    static std::array<std::uint8_t, 290> const table = [] {
        std::array<std::uint8_t, 290> t{};
        std::array<std::int64_t, 21> current{};
        for (std::size_t i = 0; i < t.size(); ++i) {
            std::size_t best = 0;
            for (std::size_t c = 0; c < counties.size(); ++c) {
                current[c] += counties[c].municipalities;
                if (current[c] > current[best]) best = c;
            }
            current[best] -= 290;
            t[i] = static_cast<std::uint8_t>(best);
        }
        return t;
    }();
    return table[k % table.size()];
}

inline constexpr std::array<std::string_view, 16> name_heads{"Björk", "Ek",   "Sjö",    "Berg",   "Ås",    "Lind",
                                                             "Hög",   "Norr", "Sör",    "Väster", "Öster", "Al",
                                                             "Gran",  "Hag",  "Strand", "Kungs"};
inline constexpr std::array<std::string_view, 16> name_tails{"köping", "by",   "holm",  "sund", "vik", "torp",
                                                             "stad",   "hult", "fors",  "ås",   "näs", "ryd",
                                                             "berga",  "tuna", "valla", "mark"};
inline constexpr std::array<std::string_view, 16> district_names{
    "Centrum",   "Norr",        "Söder",     "Öster",    "Väster", "Hamnen",   "Stationsområdet", "Gamla staden",
    "Sjöstaden", "Skogsbacken", "Ängsbacka", "Hagaberg", "Lindö",  "Kvarnbyn", "Tallbacken",      "Industriområdet"};
inline constexpr std::array<std::string_view, 12> block_names{"Björken", "Eken",   "Linden", "Almen",
                                                              "Granen",  "Tallen", "Rönnen", "Aspen",
                                                              "Häggen",  "Lönnen", "Sälgen", "Idegranen"};

// ---- the shape of a municipality: everything random, drawn once; text is written from it ----------------

struct plan_shape {
    std::uint8_t properties = 2;        // fastigheter (one owner each), 2..10
    std::uint8_t builders = 1;          // byggherrar, 1..3
    bool principle = false;             // of principle: KF adopts it
    bool near_state_road = false;       // Trafikverket is consulted
    bool builder_builds_public = false; // TN delegates allmän plats to bh1 (exploateringsavtal)
    bool optional_inspection = false;   // trygghetsbesiktning is optional
    std::uint8_t fault = defect_count;  // a defect, or defect_count for none
    std::uint8_t variant = 0;           // invalid_delegation: which reason
    [[nodiscard]] bool has(defect d) const noexcept { return fault == static_cast<std::uint8_t>(d); }
};

struct district_shape {
    std::uint32_t first_plan = 0;
    std::uint32_t plans = 0;
    std::uint32_t measures = 0;     // EST åtgärder
    std::uint32_t measure_kind = 0; // first kind of measure (round robin)
};

struct municipality_shape {
    std::uint32_t number = 0; // 1-based
    std::uint32_t county = 0; // index into counties
    std::string id;           // "k017"
    std::string name;         // "Björkholm"
    std::vector<district_shape> districts;
    std::vector<plan_shape> plans;
    std::uint32_t sspf_cases = 0;
    std::bitset<defect_count> faults; // kinds present in some plan
};

struct size_class {
    double share;
    std::uint32_t districts_lo, districts_hi, plans_lo, plans_hi, sspf_lo, sspf_hi;
};
// tätort classes: from the smallest municipalities to the big cities (the mean municipality has ~3,400 duties)
inline constexpr std::array<size_class, 5> size_classes{{
    {0.25, 2, 3, 3, 6, 6, 14},
    {0.35, 3, 5, 5, 9, 14, 26},
    {0.25, 5, 8, 7, 11, 30, 50},
    {0.12, 8, 14, 9, 14, 60, 100},
    {0.03, 15, 30, 12, 18, 150, 250},
}};

inline municipality_shape make_shape(generator_options const& opt, std::size_t k) {
    municipality_shape m;
    m.number = static_cast<std::uint32_t>(k + 1);
    m.county = county_of(k);
    token id{"k"};
    id.num(m.number, 3);
    m.id = std::string{id.view()};
    splitmix64 rng = stream(opt.seed, k);
    m.name = std::string{name_heads[rng.between(0, 15)]} + std::string{name_tails[rng.between(0, 15)]};
    double const u = rng.unit();
    double acc = 0;
    size_class cls = size_classes.back();
    for (auto const& c : size_classes) {
        acc += c.share;
        if (u < acc) {
            cls = c;
            break;
        }
    }
    std::uint32_t const districts = rng.between(cls.districts_lo, cls.districts_hi);
    m.sspf_cases = rng.between(cls.sspf_lo, cls.sspf_hi);
    double const rate = std::clamp(opt.defect_rate, 0.0, 1.0 / static_cast<double>(defect_count));
    double const p_fault = rate * static_cast<double>(defect_count);
    std::uint32_t next_fault = rng.between(0, defect_count - 1);
    std::uint32_t next_variant = rng.between(0, 4);
    for (std::uint32_t d = 0; d < districts; ++d) {
        district_shape ds;
        ds.first_plan = static_cast<std::uint32_t>(m.plans.size());
        ds.plans = rng.between(cls.plans_lo, cls.plans_hi);
        ds.measures = rng.between(3, 8);
        ds.measure_kind = rng.between(0, 3);
        for (std::uint32_t p = 0; p < ds.plans; ++p) {
            plan_shape ps;
            ps.properties = static_cast<std::uint8_t>(rng.between(2, 10));
            ps.builders = static_cast<std::uint8_t>(std::min<std::uint32_t>(ps.properties, rng.between(1, 3)));
            ps.principle = rng.chance(0.2);
            ps.near_state_road = rng.chance(0.2);
            ps.builder_builds_public = rng.chance(0.4);
            ps.optional_inspection = rng.chance(0.5);
            if (rng.chance(p_fault)) {
                ps.fault = static_cast<std::uint8_t>(next_fault++ % defect_count);
                m.faults.set(ps.fault);
                if (ps.has(defect::invalid_delegation)) ps.variant = static_cast<std::uint8_t>(next_variant++ % 5);
            }
            m.plans.push_back(ps);
        }
        m.districts.push_back(ds);
    }
    return m;
}

// ---- the generator -------------------------------------------------------------------------------------

using ids = std::initializer_list<token>;

class generator {
public:
    generator(std::ostream& os, generator_options const& opt) : out_{&os}, opt_{opt} {
        if (opt_.municipalities == 0) throw error{"synthetic: at least one municipality is needed"};
        if (opt_.municipalities > 99999) throw error{"synthetic: at most 99999 municipalities"};
        shapes_.reserve(opt_.municipalities);
        for (std::size_t k = 0; k < opt_.municipalities; ++k) {
            shapes_.push_back(make_shape(opt_, k));
            county_used_.set(shapes_.back().county);
        }
        for (auto const& m : shapes_) {
            stats_.plans += m.plans.size();
            for (auto const& p : m.plans)
                if (p.fault < defect_count) ++stats_.defects[p.fault];
            if (m.faults.test(static_cast<std::size_t>(defect::missing_invalid_delegation)))
                ++stats_.expected_findings[static_cast<std::size_t>(rule_id::invalid_delegation)];
        }
        stats_.municipalities = shapes_.size();
        tally_expected();
    }

    generator_stats run() {
        header();
        section("stages", &generator::stages);
        section("scopes", &generator::scopes);
        section("actors", &generator::actors);
        section("mandates", &generator::mandates);
        section("holds", &generator::holdings);
        section("delegations", &generator::delegations);
        section("duties", &generator::duties);
        section("forums", &generator::forums);
        out_.append("\n}\n");
        out_.finish();
        stats_.bytes = out_.bytes();
        return stats_;
    }

private:
    void count(element_kind k) { ++stats_.elements[static_cast<std::size_t>(k)]; }
    void count(relation_kind k, std::size_t n = 1) { stats_.relations[static_cast<std::size_t>(k)] += n; }
    void expect(rule_id r, std::uint64_t n) { stats_.expected_findings[static_cast<std::size_t>(r)] += n; }

    void tally_expected() {
        auto n = [&](defect d) { return stats_.defects[static_cast<std::size_t>(d)]; };
        expect(rule_id::unassigned_duty, n(defect::unassigned_duty));
        expect(rule_id::no_accountable, n(defect::no_accountable));
        expect(rule_id::no_responsible, n(defect::no_responsible));
        expect(rule_id::multiple_accountable, n(defect::multiple_accountable));
        std::uint64_t const missing = n(defect::missing_not_held) + n(defect::missing_scope) +
                                      n(defect::missing_stage) + n(defect::missing_invalid_delegation);
        expect(rule_id::mandate_missing, missing);
        expect(rule_id::accountable_without_mandate, missing);
        expect(rule_id::mandate_unheld, n(defect::mandate_unheld));
        expect(rule_id::responsible_without_mandate, n(defect::responsible_without_mandate));
        expect(rule_id::stage_order, n(defect::stage_order));
        expect(rule_id::dependency_cycle, n(defect::dependency_cycle));
        expect(rule_id::coordination_gap, 2 * n(defect::coordination_gap));
        expect(rule_id::coordinator_without_mandate, n(defect::coordinator_without_mandate));
        expect(rule_id::forum_without_coordinator, n(defect::forum_without_coordinator));
        expect(rule_id::invalid_delegation, n(defect::invalid_delegation));
        expect(rule_id::delegation_cycle, n(defect::delegation_cycle));
        expect(rule_id::exclusive_overlap, n(defect::exclusive_overlap));
        expect(rule_id::idle_actor, n(defect::idle_actor));
        expect(rule_id::unused_mandate, n(defect::unused_mandate));
    }

    // ---- text helpers ----------------------------------------------------------------------------------

    void header() {
        std::string name = opt_.name;
        if (name.empty()) {
            name = "Syntetisk nationell samverkansmodell (" + std::to_string(opt_.municipalities) + " kommuner, frö " +
                   std::to_string(opt_.seed) + ")";
        }
        out_.append("{\n\"format\":\"samverkan/1\",\n\"name\":");
        io::detail::append_string(out_, name, io::detail::invalid_utf8::replace);
        out_.append(",\n\"description\":");
        io::detail::append_string(
            out_, "Syntetisk modell skapad av samverkan::synthetic::generate för prestandamätning och test: "
                  "PBL-processen per detaljplan, Lag (2023:196) per kommun, EST per stadsdel, SSPF-ärenden. "
                  "Kommunnamn och ärenden är påhittade; lagrum markerade (ej verifierad) är inte kontrollerade.");
        std::array<char, 32> rate{};
        auto const [end, ec] = std::to_chars(rate.data(), rate.data() + rate.size(), opt_.defect_rate);
        (void)ec;
        out_.append(",\n\"attributes\":{\"generator\":\"samverkan::synthetic\",\"generator_version\":");
        out_.append(std::to_string(generator_version));
        out_.append(",\"municipalities\":");
        out_.append(std::to_string(opt_.municipalities));
        out_.append(",\"seed\":");
        out_.append(std::to_string(opt_.seed));
        out_.append(",\"defect_rate\":");
        out_.append(std::string_view{rate.data(), static_cast<std::size_t>(end - rate.data())});
        out_.append("}");
    }

    template <class F>
    void section(std::string_view key, F f) {
        out_.append(",\n\"");
        out_.append(key);
        out_.append("\":[");
        first_ = true;
        (this->*f)();
        out_.append("\n]");
    }
    object element() {
        out_.append(first_ ? "\n" : ",\n");
        first_ = false;
        return object{out_};
    }
    /// A name made of parts: name("Pröva bygglov", ", ", plan) without building a string.
    void text_key(object& o, std::string_view key, std::initializer_list<std::string_view> parts) {
        scratch_.clear();
        for (auto p : parts) scratch_ += p;
        o.text(key, scratch_);
    }

    // ---- stages --------------------------------------------------------------------------------------------

    void stage(std::string_view id, std::string_view name, std::string_view after) {
        object o = element();
        o.text("id", id).text("name", name);
        if (!after.empty()) {
            token const a{after};
            o.list("after", std::span<token const>{&a, 1});
            count(relation_kind::after);
        }
        o.close();
        count(element_kind::stage);
    }
    void stages() {
        stage("op", "Översiktsplan (ÖP)", "");
        stage("fop", "Fördjupad översiktsplan och planprogram", "op");
        stage("planbesked", "Planbesked", "fop");
        stage("samrad", "Samråd om detaljplan", "planbesked");
        stage("granskning", "Granskning", "samrad");
        stage("antagande", "Antagande", "granskning");
        stage("laga-kraft", "Överprövning och laga kraft", "antagande");
        stage("genomforande", "Genomförande", "laga-kraft");
        stage("bygglov", "Bygglov", "genomforande");
        stage("byggskede", "Startbesked och byggskede", "bygglov");
        stage("slutbesked", "Slutbesked", "byggskede");
        stage("forvaltning", "Förvaltning och användning", "slutbesked");
        stage("lagesbild", "Lägesbild", "");
        stage("atgardsplan", "Åtgärdsplan", "lagesbild");
        stage("atgarder", "Genomförande av åtgärder", "atgardsplan");
        stage("uppfoljning", "Uppföljning", "atgarder");
    }

    // ---- scopes ----------------------------------------------------------------------------------------------

    static token county_id(std::uint32_t c) { return token{"lan"}.with(counties[c].code); }
    static token district_id(municipality_shape const& m, std::size_t d) { return token{m.id}.with(".sd", d + 1, 2); }
    static token plan_id(token const& district, std::size_t p) { return district.with(".p", p, 2); }
    static std::string_view district_name(std::size_t d) { return district_names[d % district_names.size()]; }

    void scope(std::string_view id, std::initializer_list<std::string_view> name, std::string_view within,
               std::string_view attributes = {}) {
        object o = element();
        o.text("id", id);
        text_key(o, "name", name);
        if (!within.empty()) {
            o.text("within", within);
            count(relation_kind::within);
        }
        if (!attributes.empty()) o.verbatim("attributes", attributes);
        o.close();
        count(element_kind::scope);
    }
    void scopes() {
        for (std::uint32_t c = 0; c < counties.size(); ++c)
            if (county_used_.test(c)) scope(county_id(c), {counties[c].name}, "");
        std::string attributes;
        for (auto const& m : shapes_) {
            scope(m.id, {m.name, " kommun"}, county_id(m.county));
            for (std::size_t d = 0; d < m.districts.size(); ++d) {
                auto const& ds = m.districts[d];
                token const sd = district_id(m, d);
                std::string_view const suffix = d >= district_names.size() ? " (ytterområde)" : "";
                scope(sd, {district_name(d), suffix, ", ", m.name}, m.id);
                if (d == 0) scope(plan_id(sd, 0), {"Planreserv utan detaljplan, ", m.name}, sd);
                for (std::uint32_t p = 0; p < ds.plans; ++p) {
                    auto const& ps = m.plans[ds.first_plan + p];
                    attributes = "{\"plantyp\":\"detaljplan\",\"fastigheter\":" + std::to_string(ps.properties) +
                                 ",\"principiell\":" + (ps.principle ? "true" : "false") + "}";
                    token const pl = plan_id(sd, p + 1);
                    scope(pl,
                          {"Detaljplan för kv. ", block_names[(d + p) % block_names.size()], ", ", district_name(d),
                           ", ", m.name},
                          sd, attributes);
                }
            }
        }
    }

    // ---- actors ----------------------------------------------------------------------------------------------

    void actor(std::string_view id, std::initializer_list<std::string_view> name, std::string_view category) {
        object o = element();
        o.text("id", id);
        text_key(o, "name", name);
        o.text("category", category);
        o.close();
        count(element_kind::actor);
    }
    static token lst_id(std::uint32_t c) { return token{"lst"}.with(counties[c].code); }
    static token local(municipality_shape const& m, std::string_view role) { return token{m.id}.with(role); }

    void actors() {
        actor("polismyndigheten", {"Polismyndigheten"}, "stat");
        actor("bra", {"Brottsförebyggande rådet (Brå)"}, "stat");
        actor("boverket", {"Boverket"}, "stat");
        actor("lantmateriet", {"Lantmäteriet"}, "stat");
        actor("trafikverket", {"Trafikverket"}, "stat");
        for (std::uint32_t c = 0; c < counties.size(); ++c)
            if (county_used_.test(c)) actor(lst_id(c), {"Länsstyrelsen i ", counties[c].name}, "stat");
        for (auto const& m : shapes_) {
            std::string_view const n = m.name;
            actor(local(m, ".kf"), {"Kommunfullmäktige i ", n}, "kommun");
            actor(local(m, ".ks"), {"Kommunstyrelsen i ", n}, "kommun");
            actor(local(m, ".bn"), {"Byggnadsnämnden i ", n}, "kommun");
            actor(local(m, ".tn"), {"Tekniska nämnden i ", n}, "kommun");
            actor(local(m, ".sn"), {"Socialnämnden i ", n}, "kommun");
            actor(local(m, ".bun"), {"Barn- och utbildningsnämnden i ", n}, "kommun");
            actor(local(m, ".fn"), {"Fritidsnämnden i ", n}, "kommun");
            actor(local(m, ".sf"), {"Samordningsfunktionen för brottsförebyggande arbete, ", n}, "kommun");
            actor(local(m, ".sspf"), {"SSPF-koordinatorn, ", n}, "kommun");
            actor(local(m, ".lpo"), {"Lokalpolisområde ", n}, "stat");
            actor(local(m, ".rtj"), {"Räddningstjänsten, ", n}, "kommun");
            actor(local(m, ".bb"), {"Allmännyttiga bostadsbolaget i ", n}, "kommunalt bolag");
            for (std::size_t d = 0; d < m.districts.size(); ++d) {
                auto const& ds = m.districts[d];
                token const sd = district_id(m, d);
                actor(sd.with(".fo"), {"Fastighetsägarföreningen ", district_name(d), ", ", n}, "privat");
                actor(sd.with(".forening"), {"Nattvandrarna ", district_name(d), ", ", n}, "civilsamhälle");
                for (std::uint32_t p = 0; p < ds.plans; ++p) {
                    auto const& ps = m.plans[ds.first_plan + p];
                    token const pl = plan_id(sd, p + 1);
                    for (std::uint32_t i = 1; i <= ps.properties; ++i)
                        actor(pl.with(".fa", i), {"Fastighetsägare ", std::to_string(i), ", ", pl}, "privat");
                    for (std::uint32_t i = 1; i <= ps.builders; ++i)
                        actor(pl.with(".bh", i), {"Byggherre ", std::to_string(i), ", ", pl}, "privat");
                    if (ps.has(defect::idle_actor)) actor(pl.with(".sakagare"), {"Övrig sakägare, ", pl}, "privat");
                }
            }
        }
    }

    // ---- mandates --------------------------------------------------------------------------------------------

    void mandate(std::string_view id, std::initializer_list<std::string_view> name, std::string_view basis,
                 bool exclusive, bool delegable) {
        object o = element();
        o.text("id", id);
        text_key(o, "name", name);
        o.text("basis", basis);
        if (exclusive) o.boolean("exclusive", true);
        if (!delegable) o.boolean("delegable", false);
        o.close();
        count(element_kind::mandate);
    }
    void mandates() {
        mandate("kl-5-1", {"Besluta i ärenden av principiell beskaffenhet"}, "KL 5 kap. 1 § (ej verifierad)", true,
                false);
        mandate("kl-6-1", {"Leda och samordna förvaltningen"}, "KL 6 kap. 1 § (ej verifierad)", false, true);
        mandate("pbl-op", {"Anta översiktsplan"}, "PBL 3 kap. (ej verifierad)", true, false);
        mandate("pbl-dp", {"Anta detaljplan"}, "PBL 5 kap. 27 § (ej verifierad)", false, true);
        mandate("pbl-planbesked", {"Lämna planbesked"}, "PBL 5 kap. 2 § (ej verifierad)", false, true);
        mandate("pbl-samrad", {"Samråda om och granska planförslag"}, "PBL 5 kap. 11 § (ej verifierad)", false, true);
        mandate("pbl-bygglov", {"Pröva lov, startbesked och slutbesked"}, "PBL 9 och 10 kap. (ej verifierad)", true,
                true);
        mandate("pbl-tillsyn", {"Tillsyn enligt PBL"}, "PBL 11 kap. (ej verifierad)", false, true);
        mandate("pbl-allman-plats", {"Ordna allmän plats som huvudman"}, "PBL 6 kap. (ej verifierad)", false, true);
        mandate("pbl-byggherre", {"Ansvara som byggherre"}, "PBL 10 kap. 5 § (ej verifierad)", false, false);
        mandate("pbl-lst-granskning", {"Ge samrådsyttrande över planförslag"}, "PBL 5 kap. (ej verifierad)", false,
                true);
        mandate("pbl-overprovning", {"Överpröva detaljplan"}, "PBL 11 kap. 10 §", true, false);
        mandate("fastighet-forvaltning", {"Förvalta den egna fastigheten"}, "Äganderätt", false, true);
        mandate("bfl-lagesbild", {"Ta fram lägesbild över brottsligheten"}, "Lag (2023:196) 4 §", false, true);
        mandate("bfl-atgardsplan", {"Besluta om åtgärdsplan"}, "Lag (2023:196) (ej verifierad: 5 §)", false, true);
        mandate("bfl-samordning", {"Samordna det lokala brottsförebyggande arbetet"},
                "Lag (2023:196) (ej verifierad: 7 §)", false, true);
        mandate("polislagen-2", {"Förebygga brott och upprätthålla allmän ordning"}, "Polislagen (1984:387) 2 §", false,
                true);
        mandate("polislagen-3", {"Samverka med socialtjänsten"}, "Polislagen (1984:387) 3 §", false, true);
        mandate("ov-tillstand", {"Förordna ordningsvakter"}, "Lag om ordningsvakter (prop. 2022/23:91)", true, false);
        mandate("sol-brottsforebyggande", {"Förebygga och motverka brott (socialtjänst)"}, "SoL (prop. 2024/25:89)",
                true, false);
        mandate("osl-10-18a", {"Lämna uppgifter om unga under 21 till polisen"}, "OSL 10 kap. 18 a §", false, false);
        mandate("skollagen-huvudman", {"Huvudman för utbildningen"}, "Skollagen (ej verifierad)", true, true);
        mandate("fritid", {"Bedriva fritidsverksamhet"}, "Kommunal kompetens (ej verifierad)", false, true);
        mandate("lso", {"Förebygga bränder och andra olyckor"}, "LSO (ej verifierad)", false, true);
        mandate("lst-brottsforebyggande", {"Regional samordning av brottsförebyggande arbete"},
                "Förordning (2016:1258)", false, true);
        mandate("bra-nationellt-stod", {"Nationellt kunskapsstöd och uppföljning"}, "Regeringsuppdrag till Brå", false,
                true);
        mandate("boverket-vagledning", {"Vägledning om PBL och trygghet"}, "Boverkets instruktion (ej verifierad)",
                false, true);
        mandate("lm-fastighetsbildning", {"Besluta om fastighetsbildning"}, "Fastighetsbildningslagen (ej verifierad)",
                true, false);
        mandate("trv-statliga-vagar", {"Hålla statliga vägar"}, "Väglagen (ej verifierad)", false, true);
        bool any_unheld = false;
        for (auto const& m : shapes_)
            any_unheld = any_unheld || m.faults.test(static_cast<std::size_t>(defect::mandate_unheld));
        if (any_unheld)
            mandate("pbl-8-4a", {"Ställa egna tekniska egenskapskrav i detaljplan"},
                    "PBL 8 kap. 4 a § (sådana krav är utan verkan)", false, true);
        for (auto const& m : shapes_) {
            std::string_view const n = m.name;
            mandate(local(m, ".trygghetsbudget"), {"Besluta om medel för trygghetsåtgärder, ", n}, "Kommunens budget",
                    false, true);
            mandate(local(m, ".overenskommelse"), {"Ingå samverkansöverenskommelse med polisen, ", n},
                    "Samverkansöverenskommelse (Brå, Polisen, SKR)", false, true);
            mandate(local(m, ".ordningsforeskrifter"), {"Meddela lokala ordningsföreskrifter, ", n},
                    "Ordningslagen 3 kap. 8 § (ej verifierad)", false, false);
            for (std::size_t d = 0; d < m.districts.size(); ++d) {
                auto const& ds = m.districts[d];
                token const sd = district_id(m, d);
                for (std::uint32_t p = 0; p < ds.plans; ++p) {
                    token const pl = plan_id(sd, p + 1);
                    mandate(pl.with(".avtal"), {"Villkor i exploateringsavtal, ", pl},
                            "PBL 6 kap. 39 § (ej verifierad)", false, true);
                }
            }
        }
    }

    // ---- holdings --------------------------------------------------------------------------------------------

    void hold(std::string_view actor, std::string_view mandate, std::string_view scope, ids stages = {}) {
        object o = element();
        o.text("actor", actor).text("mandate", mandate);
        if (!scope.empty()) o.text("scope", scope);
        if (stages.size() != 0) o.list("stages", std::span<token const>{stages.begin(), stages.size()});
        o.close();
        count(relation_kind::holds);
    }
    void holdings() {
        for (auto m : {"polislagen-2", "polislagen-3", "ov-tillstand"}) hold("polismyndigheten", m, "");
        hold("bra", "bra-nationellt-stod", "");
        hold("boverket", "boverket-vagledning", "");
        hold("lantmateriet", "lm-fastighetsbildning", "");
        hold("trafikverket", "trv-statliga-vagar", "");
        for (std::uint32_t c = 0; c < counties.size(); ++c) {
            if (!county_used_.test(c)) continue;
            for (auto m : {"pbl-lst-granskning", "pbl-overprovning", "lst-brottsforebyggande"})
                hold(lst_id(c), m, county_id(c));
        }
        for (auto const& m : shapes_) {
            std::string_view const k = m.id;
            token const kf = local(m, ".kf"), ks = local(m, ".ks"), bn = local(m, ".bn"), tn = local(m, ".tn"),
                        sn = local(m, ".sn");
            for (auto x : {"kl-5-1", "pbl-op", "pbl-dp", "bfl-atgardsplan"}) hold(kf, x, k);
            hold(kf, local(m, ".ordningsforeskrifter"), k);
            hold(kf, local(m, ".trygghetsbudget"), k);
            for (auto x : {"kl-6-1", "bfl-lagesbild", "bfl-samordning"}) hold(ks, x, k);
            hold(ks, local(m, ".overenskommelse"), k);
            for (auto x : {"pbl-planbesked", "pbl-bygglov", "pbl-tillsyn", "pbl-samrad"}) hold(bn, x, k);
            hold(tn, "pbl-allman-plats", k);
            hold(sn, "sol-brottsforebyggande", k);
            hold(sn, "osl-10-18a", k);
            hold(local(m, ".bun"), "skollagen-huvudman", k);
            hold(local(m, ".fn"), "fritid", k);
            hold(local(m, ".rtj"), "lso", k);
            hold(local(m, ".bb"), "fastighet-forvaltning", k);
            if (m.faults.test(static_cast<std::size_t>(defect::missing_scope)))
                hold(ks, "pbl-dp", plan_id(district_id(m, 0), 0)); // only the planreserv
            if (m.faults.test(static_cast<std::size_t>(defect::missing_stage))) hold(tn, "pbl-dp", k, {token{"fop"}});
            for (std::size_t d = 0; d < m.districts.size(); ++d) {
                auto const& ds = m.districts[d];
                token const sd = district_id(m, d);
                for (std::uint32_t p = 0; p < ds.plans; ++p) {
                    auto const& ps = m.plans[ds.first_plan + p];
                    token const pl = plan_id(sd, p + 1);
                    for (std::uint32_t i = 1; i <= ps.properties; ++i)
                        hold(pl.with(".fa", i), "fastighet-forvaltning", pl,
                             {token{"genomforande"}, token{"bygglov"}, token{"byggskede"}, token{"slutbesked"},
                              token{"forvaltning"}});
                    for (std::uint32_t i = 1; i <= ps.builders; ++i)
                        hold(pl.with(".bh", i), "pbl-byggherre", pl,
                             {token{"genomforande"}, token{"bygglov"}, token{"byggskede"}, token{"slutbesked"}});
                    if (!ps.has(defect::unused_mandate)) hold(tn, pl.with(".avtal"), pl);
                    if (ps.has(defect::exclusive_overlap)) hold(pl.with(".bh1"), "lm-fastighetsbildning", pl);
                }
            }
        }
    }

    // ---- delegations -----------------------------------------------------------------------------------------

    void delegate(std::string_view from, std::string_view to, std::string_view mandate, std::string_view scope = {},
                  ids stages = {}) {
        object o = element();
        o.text("from", from).text("to", to).text("mandate", mandate);
        if (!scope.empty()) o.text("scope", scope);
        if (stages.size() != 0) o.list("stages", std::span<token const>{stages.begin(), stages.size()});
        o.close();
        count(relation_kind::delegates);
    }
    void delegations() {
        for (auto const& m : shapes_) {
            std::string_view const k = m.id;
            token const kf = local(m, ".kf"), ks = local(m, ".ks"), sf = local(m, ".sf"), lpo = local(m, ".lpo");
            delegate(kf, local(m, ".bn"), "pbl-dp");
            delegate(kf, ks, local(m, ".trygghetsbudget"));
            delegate(ks, sf, "bfl-lagesbild");
            delegate(ks, sf, "bfl-samordning");
            delegate(ks, local(m, ".sspf"), "bfl-samordning", k);
            delegate("polismyndigheten", lpo, "polislagen-2", k);
            delegate("polismyndigheten", lpo, "polislagen-3", k);
            if (m.faults.test(static_cast<std::size_t>(defect::missing_invalid_delegation)))
                delegate(local(m, ".fn"), sf, "pbl-dp"); // the fritidsnämnd holds no such mandate
            for (std::size_t d = 0; d < m.districts.size(); ++d) {
                auto const& ds = m.districts[d];
                token const sd = district_id(m, d);
                for (std::uint32_t p = 0; p < ds.plans; ++p) {
                    auto const& ps = m.plans[ds.first_plan + p];
                    token const pl = plan_id(sd, p + 1);
                    token const fa1 = pl.with(".fa1"), fa2 = pl.with(".fa2"), bh1 = pl.with(".bh1");
                    if (ps.builder_builds_public)
                        delegate(local(m, ".tn"), bh1, "pbl-allman-plats", pl,
                                 {token{"genomforande"}, token{"byggskede"}});
                    if (ps.has(defect::delegation_cycle)) {
                        delegate(fa1, fa2, "fastighet-forvaltning");
                        delegate(fa2, fa1, "fastighet-forvaltning");
                    }
                    if (ps.has(defect::invalid_delegation)) {
                        switch (ps.variant) {
                        case 0: delegate(bh1, fa1, "pbl-byggherre"); break;            // not-delegable
                        case 1: delegate(fa1, fa1, "fastighet-forvaltning"); break;    // self
                        case 2: delegate(bh1, fa1, "fastighet-forvaltning"); break;    // not-held
                        case 3: delegate(fa1, bh1, "fastighet-forvaltning", k); break; // scope
                        default: delegate(fa1, bh1, "fastighet-forvaltning", pl, {token{"samrad"}}); break; // stage
                        }
                    }
                }
            }
        }
    }

    // ---- duties ----------------------------------------------------------------------------------------------

    struct raci_lists {
        ids r{}, a{}, c{}, i{};
    };
    /// A duty. `name` is written as the concatenation of its parts; an empty stage or scope is left out.
    void duty(std::string_view id, std::initializer_list<std::string_view> name, std::string_view stage,
              std::string_view scope, ids requires_, ids needs, raci_lists const& raci, bool optional = false,
              std::string_view basis = {}) {
        duty_v(id, name, stage, scope, span(requires_), span(needs), span(raci.r), span(raci.a), span(raci.c),
               span(raci.i), optional, basis);
    }
    static std::span<token const> span(ids l) noexcept { return {l.begin(), l.size()}; }

    void duty_v(std::string_view id, std::initializer_list<std::string_view> name, std::string_view stage,
                std::string_view scope, std::span<token const> requires_, std::span<token const> needs,
                std::span<token const> r, std::span<token const> a, std::span<token const> c, std::span<token const> i,
                bool optional, std::string_view basis) {
        object o = element();
        o.text("id", id);
        text_key(o, "name", name);
        if (!basis.empty()) o.text("basis", basis);
        if (!stage.empty()) o.text("stage", stage);
        if (!scope.empty()) o.text("scope", scope);
        if (!requires_.empty()) count(relation_kind::requires_mandate, o.list("requires", requires_));
        if (!needs.empty()) count(relation_kind::needs, o.list("needs", needs));
        if (optional) o.boolean("optional", true);
        if (!r.empty() || !a.empty() || !c.empty() || !i.empty()) {
            object x = o.nested("raci");
            std::size_t n = 0;
            if (!r.empty()) n += x.list("R", r);
            if (!a.empty()) n += x.list("A", a);
            if (!c.empty()) n += x.list("C", c);
            if (!i.empty()) n += x.list("I", i);
            x.close();
            count(relation_kind::assigned, n);
        }
        o.close();
        count(element_kind::duty);
    }

    void duties() {
        duty("boverket.vagledning", {"Vägledning om trygghet och brottsförebyggande i planeringen"}, "", "",
             {token{"boverket-vagledning"}}, {}, {.r = {token{"boverket"}}, .a = {token{"boverket"}}});
        duty("bra.uppfoljning", {"Följa upp kommunernas brottsförebyggande arbete"}, "uppfoljning", "",
             {token{"bra-nationellt-stod"}}, {}, {.r = {token{"bra"}}, .a = {token{"bra"}}});
        for (std::uint32_t c = 0; c < counties.size(); ++c) {
            if (!county_used_.test(c)) continue;
            token const lst = lst_id(c);
            duty(lst.with(".stod"), {"Regionalt stöd till kommunernas brottsförebyggande arbete, ", counties[c].name},
                 "", county_id(c), {token{"lst-brottsforebyggande"}}, {}, {.r = {lst}, .a = {lst}}, false,
                 "Förordning (2016:1258)");
        }
        for (auto const& m : shapes_) municipality_duties(m);
    }

    void municipality_duties(municipality_shape const& m) {
        std::string_view const k = m.id, n = m.name;
        token const kf = local(m, ".kf"), ks = local(m, ".ks"), tn = local(m, ".tn"), sn = local(m, ".sn"),
                    bun = local(m, ".bun"), fn = local(m, ".fn"), sf = local(m, ".sf"), sspf = local(m, ".sspf"),
                    lpo = local(m, ".lpo"), rtj = local(m, ".rtj"), bb = local(m, ".bb");
        token const lst = lst_id(m.county);
        token const bf = local(m, ".bf");
        // Lag (2023:196): lägesbild -> orsaksanalys -> åtgärdsplan -> uppföljning
        duty(bf.with(".lagesbild"), {"Ta fram lägesbild över brottsligheten, ", n}, "lagesbild", k,
             {token{"bfl-lagesbild"}}, {}, {.r = {sf}, .a = {ks}, .c = {lpo, sn, bun, fn, rtj, bb}, .i = {kf}}, false,
             "Lag (2023:196) 4 §");
        duty(bf.with(".orsaksanalys"), {"Gemensam orsaksanalys med lokalpolisområdet, ", n}, "lagesbild", k,
             {token{"bfl-lagesbild"}, token{"polislagen-2"}}, {bf.with(".lagesbild")},
             {.r = {sf, lpo}, .a = {ks}, .c = {sn, bun}});
        duty(bf.with(".atgardsplan"), {"Besluta om åtgärdsplan, ", n}, "atgardsplan", k,
             {token{"bfl-atgardsplan"}, token{"bfl-samordning"}}, {bf.with(".orsaksanalys")},
             {.r = {sf}, .a = {kf}, .c = {ks, lpo}, .i = {lst}});
        duty(bf.with(".overenskommelse"), {"Teckna samverkansöverenskommelse, ", n}, "atgardsplan", k,
             {local(m, ".overenskommelse"), token{"polislagen-2"}}, {bf.with(".lagesbild")},
             {.r = {lpo}, .a = {ks}, .c = {sf}});
        duty(bf.with(".medborgarloften"), {"Medborgarlöften, ", n}, "atgardsplan", k,
             {token{"polislagen-2"}, token{"kl-6-1"}}, {bf.with(".orsaksanalys")}, {.r = {ks}, .a = {lpo}, .c = {sf}});
        duty(bf.with(".samordningsfunktion"), {"Inrätta en samordningsfunktion, ", n}, "", k, {token{"bfl-samordning"}},
             {}, {.r = {sf}, .a = {ks}, .i = {kf}});
        duty(bf.with(".uppfoljning"), {"Följa upp lägesbild och åtgärdsplan, ", n}, "uppfoljning", k,
             {token{"bfl-samordning"}}, {bf.with(".atgardsplan")},
             {.r = {sf}, .a = {ks}, .i = {kf, token{"bra"}, lst}});

        // SSPF: skola, socialtjänst, polis, fritid around one young person (with consent)
        for (std::uint32_t c = 1; c <= m.sspf_cases; ++c) {
            token const cs = local(m, ".sspf.c").num(c, 3);
            std::string const label = std::to_string(c);
            duty(cs.with(".samtycke"), {"SSPF ärende ", label, ": samtycke och uppgiftslämnande, ", n}, "atgarder", k,
                 {token{"osl-10-18a"}}, {}, {.r = {sn}, .a = {sn}, .i = {lpo}}, false, "OSL 10 kap. 18 a §");
            duty(cs.with(".plan"), {"SSPF ärende ", label, ": individuell plan, ", n}, "atgarder", k,
                 {token{"sol-brottsforebyggande"}, token{"polislagen-3"}, token{"skollagen-huvudman"}},
                 {cs.with(".samtycke")}, {.r = {bun, lpo}, .a = {sn}, .c = {fn, sspf}});
            duty(cs.with(".mote"), {"SSPF ärende ", label, ": samordningsmöte, ", n}, "atgarder", k,
                 {token{"bfl-samordning"}}, {cs.with(".plan")},
                 {.r = {sspf}, .a = {sspf}, .c = {bun, lpo, fn}, .i = {sn}});
            for (std::uint32_t j = 1; j <= 3; ++j) {
                token const prev = j == 1 ? cs.with(".mote") : cs.with(".uppf", j - 1);
                duty(cs.with(".uppf", j), {"SSPF ärende ", label, ": uppföljning ", std::to_string(j), ", ", n},
                     "atgarder", k, {token{"sol-brottsforebyggande"}}, {prev}, {.r = {sn}, .a = {sn}, .i = {sspf}});
            }
        }

        static constexpr std::array<std::string_view, 4> measure_names{
            "Förbättra belysning och skötsel i bostadsområdet", "Trygghetsskapande åtgärder på allmän plats",
            "Ökad polisiär närvaro på kvällstid", "Utökade öppettider på fritidsgården"};
        static constexpr std::array<std::string_view, 4> measure_mandates{"fastighet-forvaltning", "pbl-allman-plats",
                                                                          "polislagen-2", "fritid"};
        std::array<token const*, 4> const measure_actors{&bb, &tn, &lpo, &fn};
        for (std::size_t d = 0; d < m.districts.size(); ++d) {
            auto const& ds = m.districts[d];
            token const sd = district_id(m, d);
            token const est = sd.with(".est");
            token const fo = sd.with(".fo");
            std::string_view const dn = district_name(d);
            // EST: weekly reports -> shared lägesbild -> quarterly analyses -> measures -> follow-up
            duty(est.with(".rapport"), {"Veckovis rapportering av händelser, ", dn, ", ", n}, "lagesbild", sd, {}, {},
                 {.r = {bb, fo, lpo, rtj}, .a = {sf}, .i = {ks}});
            duty(est.with(".lagesbild"), {"Gemensam lägesbild, ", dn, ", ", n}, "lagesbild", sd,
                 {token{"bfl-lagesbild"}}, {est.with(".rapport")},
                 {.r = {sf}, .a = {sf}, .c = {lpo, bb, fo}, .i = {ks}});
            for (std::uint32_t q = 1; q <= 4; ++q)
                duty(est.with(".analys.q", q), {"Områdesanalys kvartal ", std::to_string(q), ", ", dn, ", ", n},
                     "lagesbild", sd, {token{"bfl-lagesbild"}}, {est.with(".lagesbild")},
                     {.r = {sf}, .a = {sf}, .c = {lpo, bb}});
            duty(est.with(".trygghetsvandring"), {"Trygghetsvandring, ", dn, ", ", n}, "uppfoljning", sd, {},
                 {est.with(".lagesbild")}, {.r = {fo}, .a = {sf}, .c = {lpo, tn}, .i = {sd.with(".forening")}});
            for (std::uint32_t i = 1; i <= ds.measures; ++i) {
                std::size_t const kind = (ds.measure_kind + i) % 4;
                token const me = sd.with(".atgard", i);
                duty(me, {measure_names[kind], ", ", dn, ", ", n}, "atgarder", sd,
                     {local(m, ".trygghetsbudget"), token{measure_mandates[kind]}}, {est.with(".lagesbild")},
                     {.r = {*measure_actors[kind]}, .a = {ks}, .c = {sf}, .i = {fo}});
                duty(me.with(".uppf"), {"Följa upp: ", measure_names[kind], ", ", dn, ", ", n}, "uppfoljning", sd,
                     {token{"bfl-samordning"}}, {me}, {.r = {sf}, .a = {ks}, .i = {kf}});
            }
            for (std::uint32_t p = 0; p < ds.plans; ++p)
                plan_duties(m, m.plans[ds.first_plan + p], plan_id(sd, p + 1), est, fo, lst);
        }
    }

    void plan_duties(municipality_shape const& m, plan_shape const& ps, token const& pl, token const& est,
                     token const& fo, token const& lst) {
        token const kf = local(m, ".kf"), ks = local(m, ".ks"), bn = local(m, ".bn"), tn = local(m, ".tn"),
                    sf = local(m, ".sf"), lpo = local(m, ".lpo"), rtj = local(m, ".rtj");
        token const bh1 = pl.with(".bh1");
        auto owner = [&](std::uint32_t i) { return pl.with(".fa", i); };
        auto builder = [&](std::uint32_t i) { return pl.with(".bh", (i - 1) % ps.builders + 1); };
        auto d = [&](std::string_view what) { return pl.with(".").add(what); };
        std::string_view const p = pl;

        duty(d("planansokan"), {"Ansöka om planbesked, ", p}, "planbesked", pl, {}, {},
             {.r = {bh1}, .a = {bh1}, .c = {owner(1)}});
        duty(d("planbesked"), {"Lämna planbesked, ", p}, "planbesked", pl, {token{"pbl-planbesked"}},
             {d("planansokan")}, {.r = {bn}, .a = {bn}, .c = {owner(1)}, .i = {bh1}});
        // samråd: BN consults the länsstyrelse, Lantmäteriet, the police, every owner, maybe Trafikverket
        list_.clear();
        list_.insert(list_.end(), {lst, token{"lantmateriet"}, lpo});
        for (std::uint32_t i = 1; i <= ps.properties; ++i) list_.push_back(owner(i));
        if (ps.near_state_road) list_.push_back(token{"trafikverket"});
        {
            token const req[] = {token{"pbl-samrad"}};
            token const needs[] = {d("planbesked"), est.with(".lagesbild")};
            token const ra[] = {bn};
            token const inf[] = {sf, fo};
            duty_v(d("samrad"), {"Samråd om planförslaget, ", p}, "samrad", pl, req, needs, ra, ra, list_, inf, false,
                   "PBL 5 kap. 11 § (ej verifierad)");
        }
        duty(d("samradsyttrande"), {"Länsstyrelsens samrådsyttrande, ", p}, "samrad", pl, {token{"pbl-lst-granskning"}},
             {d("samrad")}, {.r = {lst}, .a = {lst}, .i = {bn}});
        duty(d("bf-yttrande"), {"Brottsförebyggande synpunkter i samrådet, ", p}, "samrad", pl,
             {token{"lst-brottsforebyggande"}}, {d("samrad")}, {.r = {lst}, .c = {lpo}, .i = {bn, sf}}, true);
        list_.erase(list_.begin() + 1, list_.begin() + 3); // granskning: the länsstyrelse and the owners
        if (ps.near_state_road) list_.pop_back();
        {
            token const req[] = {token{"pbl-samrad"}};
            token const needs[] = {d("samrad"), d("samradsyttrande")};
            token const ra[] = {bn};
            token const inf[] = {sf};
            duty_v(d("granskning"), {"Granskning av planförslaget, ", p}, "granskning", pl, req, needs, ra, ra, list_,
                   inf, false, {});
        }
        // antagande: BN, or KF for a plan of principle; the defects replace the performers
        {
            token const req[] = {token{"pbl-dp"}};
            token const needs[] = {d("granskning")};
            token const inf[] = {ks, lst};
            token performers[2] = {bn, bn};
            std::size_t nr = 1, na = 1;
            token accountable[2] = {ps.principle ? kf : bn, bn};
            if (ps.has(defect::multiple_accountable)) {
                accountable[0] = bn;
                accountable[1] = kf;
                na = 2;
            } else if (ps.has(defect::missing_scope) || ps.has(defect::missing_stage) ||
                       ps.has(defect::missing_invalid_delegation)) {
                token const who = ps.has(defect::missing_scope) ? ks : ps.has(defect::missing_stage) ? tn : sf;
                performers[0] = who;
                accountable[0] = who;
            }
            duty_v(d("antagande"), {"Anta detaljplanen, ", p}, "antagande", pl, req, needs,
                   std::span<token const>{performers, nr}, std::span<token const>{accountable, na}, {}, inf, false,
                   "PBL 5 kap. 27 § (ej verifierad)");
        }
        duty(d("overprovning"), {"Pröva om detaljplanen ska överprövas, ", p}, "laga-kraft", pl,
             {token{"pbl-overprovning"}}, {d("antagande")}, {.r = {lst}, .a = {lst}, .i = {bn}}, false,
             "PBL 11 kap. 10 §");
        if (ps.has(defect::unused_mandate))
            duty(d("exploateringsavtal"), {"Teckna exploateringsavtal, ", p}, "genomforande", pl,
                 {token{"pbl-allman-plats"}, token{"pbl-byggherre"}}, {}, {.r = {bh1}, .a = {tn}, .c = {bn}});
        else
            duty(d("exploateringsavtal"), {"Teckna exploateringsavtal, ", p}, "genomforande", pl,
                 {token{"pbl-allman-plats"}, token{"pbl-byggherre"}, pl.with(".avtal")}, {},
                 {.r = {bh1}, .a = {tn}, .c = {bn}});
        duty(d("allman-plats"), {"Anlägga allmän plats: gator, belysning och park, ", p}, "genomforande", pl,
             {token{"pbl-allman-plats"}}, {d("exploateringsavtal")},
             {.r = {ps.builder_builds_public ? bh1 : tn}, .a = {tn}, .c = {lpo, sf}});

        for (std::uint32_t i = 1; i <= ps.properties; ++i) {
            token const f = pl.with(".f", i);
            token const fa = owner(i), bh = builder(i);
            std::string const fl = "fastighet " + std::to_string(i) + ", ";
            bool const first = i == 1;
            auto fd = [&](std::string_view what) { return f.with(".").add(what); };
            if (first && ps.has(defect::stage_order))
                duty(fd("ansokan"), {"Ansöka om bygglov, ", fl, p}, "bygglov", pl, {token{"pbl-byggherre"}},
                     {pl.with(".f2.forvaltning")}, {.r = {bh}, .a = {bh}, .c = {fa}, .i = {bn, fo}});
            else
                duty(fd("ansokan"), {"Ansöka om bygglov, ", fl, p}, "bygglov", pl, {token{"pbl-byggherre"}}, {},
                     {.r = {bh}, .a = {bh}, .c = {fa}, .i = {bn, fo}});
            if (first && ps.has(defect::unassigned_duty))
                duty(fd("bygglov"), {"Pröva bygglov, ", fl, p}, "bygglov", pl, {token{"pbl-bygglov"}},
                     {fd("ansokan"), d("antagande")}, {.c = {rtj, sf, lpo}, .i = {fa, bh, fo}});
            else
                duty(fd("bygglov"), {"Pröva bygglov, ", fl, p}, "bygglov", pl, {token{"pbl-bygglov"}},
                     {fd("ansokan"), d("antagande")}, {.r = {bn}, .a = {bn}, .c = {rtj, sf, lpo}, .i = {fa, bh, fo}});
            if (first && ps.has(defect::no_responsible))
                duty(fd("startbesked"), {"Ge startbesked, ", fl, p}, "byggskede", pl, {token{"pbl-bygglov"}},
                     {fd("bygglov")}, {.a = {bn}, .c = {rtj}, .i = {bh, fa, fo}});
            else
                duty(fd("startbesked"), {"Ge startbesked, ", fl, p}, "byggskede", pl, {token{"pbl-bygglov"}},
                     {fd("bygglov")}, {.r = {bn}, .a = {bn}, .c = {rtj}, .i = {bh, fa, fo}});
            if (first && ps.has(defect::no_accountable))
                duty(fd("byggnation"), {"Uppföra byggnaden enligt lovet, ", fl, p}, "byggskede", pl,
                     {token{"pbl-byggherre"}}, {fd("startbesked"), d("allman-plats")},
                     {.r = {bh}, .c = {fa, rtj}, .i = {bn, fo}});
            else
                duty(fd("byggnation"), {"Uppföra byggnaden enligt lovet, ", fl, p}, "byggskede", pl,
                     {token{"pbl-byggherre"}}, {fd("startbesked"), d("allman-plats")},
                     {.r = {bh}, .a = {bh}, .c = {fa, rtj}, .i = {bn, fo}});
            if (first && ps.has(defect::missing_not_held))
                duty(fd("slutbesked"), {"Ge slutbesked, ", fl, p}, "slutbesked", pl, {token{"pbl-bygglov"}},
                     {fd("byggnation")}, {.r = {tn}, .a = {tn}, .c = {rtj, sf}, .i = {fa, bh, fo}});
            else
                duty(fd("slutbesked"), {"Ge slutbesked, ", fl, p}, "slutbesked", pl, {token{"pbl-bygglov"}},
                     {fd("byggnation")}, {.r = {bn}, .a = {bn}, .c = {rtj, sf}, .i = {fa, bh, fo}});
            duty(fd("overlamning"), {"Överlämna från byggaktör till förvaltare, ", fl, p}, "slutbesked", pl,
                 {token{"pbl-byggherre"}, token{"fastighet-forvaltning"}}, {fd("slutbesked")},
                 {.r = {bh}, .a = {fa}, .c = {sf, lpo}, .i = {bn, fo}});
            {
                // förvaltning of kvartersmark: lighting, upkeep, quick repair
                token const req_normal[] = {token{"fastighet-forvaltning"}};
                token const req_unheld[] = {token{"fastighet-forvaltning"}, token{"pbl-8-4a"}};
                token const needs_normal[] = {fd("overlamning")};
                token const needs_cycle[] = {fd("overlamning"), fd("trygghetsbesiktning")};
                token const r_normal[] = {fa};
                token const r_extra[] = {fa, bh};
                token const a[] = {fa};
                token const c[] = {sf, rtj};
                token const inf[] = {lpo, fo, local(m, ".bb")};
                bool const unheld = first && ps.has(defect::mandate_unheld);
                bool const cycle = first && ps.has(defect::dependency_cycle);
                bool const extra = first && ps.has(defect::responsible_without_mandate);
                duty_v(
                    fd("forvaltning"), {"Förvalta kvartersmarken: belysning, skötsel, snabb reparation, ", fl, p},
                    "forvaltning", pl, unheld ? std::span<token const>{req_unheld} : std::span<token const>{req_normal},
                    cycle ? std::span<token const>{needs_cycle} : std::span<token const>{needs_normal},
                    extra ? std::span<token const>{r_extra} : std::span<token const>{r_normal}, a, c, inf, false, {});
            }
            duty(fd("trygghetsbesiktning"), {"Trygghetsbesiktning, ", fl, p}, "forvaltning", pl,
                 {token{"fastighet-forvaltning"}}, {fd("forvaltning")},
                 {.r = {fa}, .a = {fa}, .c = {lpo, sf}, .i = {fo, local(m, ".bb")}}, ps.optional_inspection);
        }
    }

    // ---- forums ----------------------------------------------------------------------------------------------

    void forum(std::string_view id, std::initializer_list<std::string_view> name, std::string_view model,
               std::span<token const> members, std::string_view coordinator, std::span<token const> covers,
               std::string_view scope) {
        object o = element();
        o.text("id", id);
        text_key(o, "name", name);
        o.text("model", model);
        count(relation_kind::member, o.list("members", members));
        if (!coordinator.empty()) {
            o.text("coordinator", coordinator);
            count(relation_kind::coordinated_by);
        }
        if (!covers.empty()) count(relation_kind::covers, o.list("covers", covers));
        if (!scope.empty()) o.text("scope", scope);
        o.close();
        count(element_kind::forum);
    }

    void forums() {
        std::vector<token> members, covers;
        for (auto const& m : shapes_) {
            std::string_view const k = m.id, n = m.name;
            token const kf = local(m, ".kf"), ks = local(m, ".ks"), bn = local(m, ".bn"), tn = local(m, ".tn"),
                        sn = local(m, ".sn"), bun = local(m, ".bun"), fn = local(m, ".fn"), sf = local(m, ".sf"),
                        lpo = local(m, ".lpo"), rtj = local(m, ".rtj"), bb = local(m, ".bb");
            token const bf = local(m, ".bf");
            // brottsförebyggande rådet: the samverkansöverenskommelse's forum, led by the samordningsfunktion
            members = {kf, ks, lpo, sn, bun, fn, bn, tn, rtj, bb};
            covers.clear();
            for (auto x : {".lagesbild", ".orsaksanalys", ".atgardsplan", ".overenskommelse", ".medborgarloften",
                           ".samordningsfunktion", ".uppfoljning"})
                covers.push_back(bf.with(x));
            for (std::size_t d = 0; d < m.districts.size(); ++d)
                for (std::uint32_t i = 1; i <= m.districts[d].measures; ++i) {
                    token const me = district_id(m, d).with(".atgard", i);
                    covers.push_back(me);
                    covers.push_back(me.with(".uppf"));
                }
            forum(local(m, ".rad"), {"Brottsförebyggande rådet, ", n}, "samverkansöverenskommelse", members, sf, covers,
                  k);
            // SSPF group, led by the SSPF-koordinator
            members = {sn, bun, lpo, fn};
            covers.clear();
            for (std::uint32_t c = 1; c <= m.sspf_cases; ++c) {
                token const cs = local(m, ".sspf.c").num(c, 3);
                for (auto x : {".samtycke", ".plan", ".mote"}) covers.push_back(cs.with(x));
                for (std::uint32_t j = 1; j <= 3; ++j) covers.push_back(cs.with(".uppf", j));
            }
            forum(local(m, ".sspf-grupp"), {"SSPF-gruppen, ", n}, "SSPF", members, local(m, ".sspf"), covers, k);
            // planning dialogue with the länsstyrelse (samråd and överprövning), led by the länsstyrelse
            members = {kf, ks, bn, tn, sf};
            covers.clear();
            for (std::size_t d = 0; d < m.districts.size(); ++d)
                for (std::uint32_t p = 0; p < m.districts[d].plans; ++p) {
                    token const pl = plan_id(district_id(m, d), p + 1);
                    for (auto x : {".samradsyttrande", ".bf-yttrande", ".granskning", ".overprovning"})
                        covers.push_back(pl.with(x));
                }
            forum(local(m, ".planeringsdialog"), {"Planeringsdialog med länsstyrelsen, ", n}, "samråd enligt PBL",
                  members, lst_id(m.county), covers, k);
            for (std::size_t d = 0; d < m.districts.size(); ++d) {
                auto const& ds = m.districts[d];
                token const sd = district_id(m, d);
                token const est = sd.with(".est");
                // EST (Effektiv samordning för trygghet), led by the samordningsfunktion
                members = {sf, lpo, bb, rtj, fn, sd.with(".fo"), sd.with(".forening")};
                covers.clear();
                for (auto x : {".rapport", ".lagesbild"}) covers.push_back(est.with(x));
                for (std::uint32_t q = 1; q <= 4; ++q) covers.push_back(est.with(".analys.q", q));
                covers.push_back(est.with(".trygghetsvandring"));
                for (std::uint32_t p = 0; p < ds.plans; ++p) {
                    token const pl = plan_id(sd, p + 1);
                    for (std::uint32_t i = 1; i <= m.plans[ds.first_plan + p].properties; ++i) {
                        covers.push_back(pl.with(".f", i).add(".forvaltning"));
                        covers.push_back(pl.with(".f", i).add(".trygghetsbesiktning"));
                    }
                }
                forum(est, {"EST-gruppen ", district_name(d), ", ", n}, "EST", members, sf, covers, sd);
                for (std::uint32_t p = 0; p < ds.plans; ++p)
                    plan_forum(m, m.plans[ds.first_plan + p], plan_id(sd, p + 1), members, covers);
            }
        }
    }

    void plan_forum(municipality_shape const& m, plan_shape const& ps, token const& pl, std::vector<token>& members,
                    std::vector<token>& covers) {
        members = {local(m, ".bn"), local(m, ".tn"), local(m, ".sf"), local(m, ".lpo")};
        for (std::uint32_t i = 1; i <= ps.properties; ++i)
            if (i != 1 || !ps.has(defect::coordination_gap)) members.push_back(pl.with(".fa", i));
        for (std::uint32_t i = 1; i <= ps.builders; ++i) members.push_back(pl.with(".bh", i));
        covers.clear();
        for (auto x : {".planansokan", ".planbesked", ".samrad", ".granskning", ".antagande", ".exploateringsavtal",
                       ".allman-plats"})
            covers.push_back(pl.with(x));
        for (std::uint32_t i = 1; i <= ps.properties; ++i)
            for (auto x :
                 {".ansokan", ".bygglov", ".startbesked", ".byggnation", ".slutbesked", ".overlamning", ".forvaltning"})
                covers.push_back(pl.with(".f", i).add(x));
        token const bn = local(m, ".bn"), lpo = local(m, ".lpo");
        std::string_view coordinator = bn;
        if (ps.has(defect::coordinator_without_mandate)) coordinator = lpo;
        if (ps.has(defect::forum_without_coordinator)) coordinator = {};
        forum(pl.with(".projekt"), {"Projektgrupp för ", pl}, "plansamverkan enligt PBL", members, coordinator, covers,
              pl);
    }

    json_sink out_;
    generator_options opt_;
    std::vector<municipality_shape> shapes_;
    std::bitset<21> county_used_;
    generator_stats stats_;
    bool first_ = true;
    std::string scratch_;
    std::vector<token> list_;
};

} // namespace detail

/// Writes a samverkan/1 model for `options.municipalities` municipalities to `os` and returns what it
/// wrote. Deterministic: the same options give the same bytes. Time O(output), memory O(plans), no
/// document in memory. Throws samverkan::error on invalid options or when the stream fails.
inline generator_stats generate(std::ostream& os, generator_options const& options = {}) {
    return detail::generator{os, options}.run();
}

} // namespace samverkan::synthetic

#endif // SAMVERKAN_SYNTHETIC_GENERATOR_HPP
