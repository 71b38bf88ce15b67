// The bundled example models (examples/models): each gives exactly the findings derived by hand in the
// comment at the top of its header, and the JSON files next to them are those models, written again.
#include "catch.hpp"

#include "../../examples/models/centrum_bid.hpp"
#include "../../examples/models/detaljplan_blandstad.hpp"
#include "../../examples/models/kommun_lag_2023_196.hpp"

#include <samverkan/io/json.hpp>
#include <samverkan/samverkan.hpp>

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace samverkan_tests_examples_test { // one per file: the tests are built as a unity build

namespace {

using samverkan::model;

std::string id_text(model const& m, samverkan::element_ref const& ref) {
    return std::visit([&](auto id) { return std::string{m[id].id}; }, ref);
}

std::string value_text(model const& m, samverkan::field_value const& value) {
    struct visitor {
        model const& m;
        std::string operator()(samverkan::element_ref const& ref) const { return id_text(m, ref); }
        std::string operator()(std::string const& text) const { return text; }
        std::string operator()(samverkan::ref_list const& list) const {
            std::string out = "[";
            for (auto const& item : list) {
                if (out.size() > 1) out += ',';
                out += item ? id_text(m, *item) : std::string{"null"};
            }
            return out + ']';
        }
        std::string operator()(samverkan::text_list const& list) const {
            std::string out = "[";
            for (auto const& item : list) out += (out.size() > 1 ? "," : "") + item;
            return out + ']';
        }
        std::string operator()(samverkan::ref_map const& map) const {
            std::string out = "{";
            for (auto const& [ref, text] : map) {
                if (out.size() > 1) out += ',';
                out += id_text(m, ref) + ':' + text;
            }
            return out + '}';
        }
    };
    return std::visit(visitor{m}, value);
}

// One finding as "severity rule key=value ... | key=value ...": subjects, then witness, with element ids.
std::string describe(model const& m, samverkan::finding const& f) {
    std::string out = std::string{to_string(f.severity)} + ' ' + std::string{f.rule.text()};
    for (auto const& s : f.subjects) out += ' ' + std::string{s.key.text()} + '=' + value_text(m, s.value);
    if (!f.witness.empty()) out += " |";
    for (auto const& w : f.witness) out += ' ' + std::string{w.key.text()} + '=' + value_text(m, w.value);
    return out;
}

std::vector<std::string> audit_lines(model const& m) {
    std::vector<std::string> lines;
    for (auto const& f : samverkan::audit(m).findings) lines.push_back(describe(m, f));
    return lines;
}

template <class Id>
Id id_of(model const& m, std::string_view key) {
    auto const id = m.find<Id>(key);
    REQUIRE(id.has_value());
    return *id;
}

using builder = samverkan::model (*)();
struct bundled {
    char const* name;
    builder build;
};
bundled const bundled_models[] = {{"kommun_lag_2023_196", samverkan::examples::kommun_lag_2023_196},
                                  {"detaljplan_blandstad", samverkan::examples::detaljplan_blandstad},
                                  {"centrum_bid", samverkan::examples::centrum_bid}};

std::string model_file(char const* name) {
    return std::string{SAMVERKAN_SOURCE_DIR} + "/examples/models/" + name + ".json";
}

} // namespace

TEST_CASE("the bundled JSON files are the models built in code, written again") {
    // If this fails after a change to a model, regenerate the files: cmake --build ... --target example_models_json
    for (auto const& [name, build] : bundled_models) {
        INFO("examples/models/" << name << ".json");
        auto const m = build();
        auto const text = samverkan::io::read_file(model_file(name));
        CHECK(text == samverkan::io::to_json(m));
    }
}

TEST_CASE("the bundled JSON files load and audit like the models built in code") {
    for (auto const& [name, build] : bundled_models) {
        INFO("examples/models/" << name << ".json");
        auto const from_code = build();
        auto const from_file = samverkan::io::read_json_file(model_file(name));
        CHECK(from_file.name() == from_code.name());
        CHECK(from_file.count<samverkan::duty_id>() == from_code.count<samverkan::duty_id>());
        CHECK(from_file.relation_count() == from_code.relation_count());
        CHECK(audit_lines(from_file) == audit_lines(from_code));
        CHECK(samverkan::io::to_json(from_file) == samverkan::io::to_json(from_code));
    }
}

TEST_CASE("kommun_lag_2023_196 gives exactly the hand-checked findings") {
    auto const m = samverkan::examples::kommun_lag_2023_196();
    std::vector<std::string> const expected{
        "error invalid-delegation mandate=principbeslut from=kf to=samordningsfunktion | reason=not-delegable",
        "error mandate-missing duty=medborgarlofte mandate=budget | reasons={kommunpolis:not-held,ks:not-held,"
        "lpo:not-held} capable=[kf]",
        "error mandate-missing duty=revidera-atgardsplan mandate=principbeslut | reasons={ks:not-held,"
        "samordningsfunktion:invalid-delegation} capable=[kf]",
        "error multiple-accountable duty=medborgarlofte actors=[ks,lpo]",
        "error no-accountable duty=faltarbete-centrum",
        "error unassigned-duty duty=folja-upp",
        "warning accountable-without-mandate duty=medborgarlofte actor=ks | mandates=[budget,polisiara-befogenheter]",
        "warning accountable-without-mandate duty=revidera-atgardsplan actor=ks | mandates=[principbeslut]",
        "warning coordinator-without-mandate forum=medborgarloften-grupp actor=kommunpolis | "
        "mandates=[budget,polisiara-befogenheter]",
        "info idle-actor actor=region",
        "info responsible-without-mandate duty=medborgarlofte actor=kommunpolis | "
        "mandates=[budget,polisiara-befogenheter]",
        "info responsible-without-mandate duty=revidera-atgardsplan actor=samordningsfunktion | "
        "mandates=[principbeslut]",
    };
    CHECK(audit_lines(m) == expected);
    CHECK(samverkan::audit(m).model == std::optional<std::string>{m.name()});
}

TEST_CASE("detaljplan_blandstad gives exactly the hand-checked findings") {
    auto const m = samverkan::examples::detaljplan_blandstad();
    std::vector<std::string> const expected{
        "error mandate-unheld duty=krav-inbrottsskydd mandate=egna-tekniska-krav",
        "error mandate-unheld duty=trygghet-bygglov mandate=reglera-utformning",
        "error stage-order duty=antagande needs=exploateringsavtal | stages=[antagande,genomforande]",
        "error unassigned-duty duty=allman-plats",
        "error unassigned-duty duty=forvaltningsrutiner",
        "warning accountable-without-mandate duty=krav-inbrottsskydd actor=bn | mandates=[egna-tekniska-krav]",
        "warning accountable-without-mandate duty=trygghet-bygglov actor=bn | mandates=[reglera-utformning]",
        "warning coordination-gap actors=[byggherre,fastighetsagare] | duties=[overlamning,skotsel-kvartersmark]",
    };
    CHECK(audit_lines(m) == expected);
}

TEST_CASE("centrum_bid gives exactly the hand-checked findings") {
    auto const m = samverkan::examples::centrum_bid();
    std::vector<std::string> const expected{
        "error exclusive-overlap mandate=aga-fastighet actors=[allmannyttan,torgfastigheter] | "
        "scopes=[kvarter-torget,kvarter-torget]",
        "error mandate-missing duty=sanering-parkkvarteret mandate=aga-fastighet | reasons={bid-forening:not-held} "
        "capable=[brf-parkhuset]",
        "warning accountable-without-mandate duty=sanering-parkkvarteret actor=bid-forening | mandates=[aga-fastighet]",
        "warning coordination-gap actors=[bid-forening,trygghetssamordnare] | "
        "duties=[sanering-parkkvarteret,uppfoljning]",
        "warning coordination-gap actors=[lpo,naringsidkare] | duties=[trygg-nattmiljo]",
        "warning coordinator-without-mandate forum=bid-centrum actor=bid-forening | mandates=[aga-fastighet]",
    };
    CHECK(audit_lines(m) == expected);
}

// The fixes a planner would make remove exactly the findings they address.

TEST_CASE("kommun_lag_2023_196: KF deciding the revision itself clears the revision's findings") {
    auto m = samverkan::examples::kommun_lag_2023_196();
    auto const revidera = id_of<samverkan::duty_id>(m, "revidera-atgardsplan");
    m.assign(id_of<samverkan::actor_id>(m, "kf"), revidera, samverkan::raci::accountable);
    auto const lines = audit_lines(m);
    // Two accountable now, but the mandate is brought by KF; KS remains accountable without the mandate.
    CHECK(std::count(lines.begin(), lines.end(),
                     "error multiple-accountable duty=revidera-atgardsplan actors=[kf,ks]") == 1);
    for (auto const& line : lines) CHECK(line.find("mandate-missing duty=revidera-atgardsplan") == std::string::npos);
    CHECK(std::count(lines.begin(), lines.end(),
                     "warning accountable-without-mandate duty=revidera-atgardsplan actor=ks | "
                     "mandates=[principbeslut]") == 1);
}

TEST_CASE("detaljplan_blandstad: the future owner in the project group closes the handover gap") {
    auto m = samverkan::examples::detaljplan_blandstad();
    auto const before = audit_lines(m);
    m.add_member(id_of<samverkan::forum_id>(m, "projektgrupp"), id_of<samverkan::actor_id>(m, "fastighetsagare"));
    auto after = audit_lines(m);
    std::vector<std::string> expected = before;
    expected.pop_back(); // the coordination gap, the last finding
    CHECK(after == expected);
}

TEST_CASE("detaljplan_blandstad: the trygghet requirement moved into the plan is no longer unheld") {
    // F2's remedy: decide the requirement as a planbestämmelse at antagande, where bn holds the mandate.
    auto m = samverkan::examples::detaljplan_blandstad();
    m.place(id_of<samverkan::duty_id>(m, "trygghet-bygglov"),
            {.stage = id_of<samverkan::stage_id>(m, "antagande"), .scope = id_of<samverkan::scope_id>(m, "kvarter")});
    auto const lines = audit_lines(m);
    for (auto const& line : lines) CHECK(line.find("duty=trygghet-bygglov") == std::string::npos);
    // ... but it now needs the planbeskrivning, written at granskning: still earlier, so no stage-order.
    CHECK(lines.size() == 8 - 2);
}

TEST_CASE("centrum_bid: a skötselavtal with Brf Parkhuset clears the free-rider findings") {
    // The owner that left the BID contracts the förening for quick repair on its land: a delegation of
    // agande for Parkkvarteret. The förening becomes capable there, which also clears the BID's coordinator.
    auto m = samverkan::examples::centrum_bid();
    m.delegate(id_of<samverkan::actor_id>(m, "brf-parkhuset"), id_of<samverkan::actor_id>(m, "bid-forening"),
               id_of<samverkan::mandate_id>(m, "aga-fastighet"),
               {.scope = id_of<samverkan::scope_id>(m, "kvarter-parken")});
    std::vector<std::string> const expected{
        "error exclusive-overlap mandate=aga-fastighet actors=[allmannyttan,torgfastigheter] | "
        "scopes=[kvarter-torget,kvarter-torget]",
        "warning coordination-gap actors=[bid-forening,trygghetssamordnare] | "
        "duties=[sanering-parkkvarteret,uppfoljning]",
        "warning coordination-gap actors=[lpo,naringsidkare] | duties=[trygg-nattmiljo]",
    };
    CHECK(audit_lines(m) == expected);
}

} // namespace samverkan_tests_examples_test
