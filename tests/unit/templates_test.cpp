// Templates (templates.md): the samverkan/1.1 format, the template reader and writer, binding, apply,
// profiles and fit. Each test names the sentence of the contract it makes matter.
#include "analysis_test_support.hpp"
#include "catch.hpp"

#include <samverkan/io/fit_json.hpp>
#include <samverkan/io/json.hpp>
#include <samverkan/io/template_json.hpp>
#include <samverkan/templates/apply.hpp>
#include <samverkan/templates/binding.hpp>
#include <samverkan/templates/fit.hpp>
#include <samverkan/templates/profile.hpp>

#include <optional>
#include <string>
#include <vector>

namespace samverkan_tests_templates_test { // one per file: the tests are built as a unity build

using namespace samverkan;
namespace tpl = samverkan::templates;
using strings = std::vector<std::string>;
using samverkan_test::contains;

namespace {

// A town with a centre of three parcels and a station area; two kommun bodies, the police, owners.
constexpr char const* town = R"({"format": "samverkan/1", "name": "Stad",
  "stages": [{"id": "lagesbild"}, {"id": "atgardsplan", "after": ["lagesbild"]}],
  "scopes": [{"id": "stad"}, {"id": "centrum", "within": "stad"}, {"id": "p1", "within": "centrum"},
             {"id": "p2", "within": "centrum"}, {"id": "p2a", "within": "p2"}, {"id": "station", "within": "stad"}],
  "actors": [{"id": "ks", "category": "kommun"}, {"id": "tn", "category": "kommun"}, {"id": "lpo", "category": "stat"},
             {"id": "bolaget", "category": "kommunalt bolag"}, {"id": "agare-a", "category": "privat"},
             {"id": "agare-b", "category": "privat"}, {"id": "forvaltare", "category": "privat"},
             {"id": "stationsagare", "category": "privat"}, {"id": "vakt", "category": "privat"}],
  "mandates": [{"id": "leda-samordna"}, {"id": "aga-fastighet"}, {"id": "polisiara-befogenheter", "delegable": false}],
  "holds": [{"actor": "ks", "mandate": "leda-samordna", "scope": "stad"},
            {"actor": "lpo", "mandate": "polisiara-befogenheter", "scope": "stad"},
            {"actor": "bolaget", "mandate": "aga-fastighet", "scope": "stad"},
            {"actor": "agare-a", "mandate": "aga-fastighet", "scope": "p1"},
            {"actor": "agare-a", "mandate": "aga-fastighet", "scope": "p2"},
            {"actor": "agare-a", "mandate": "aga-fastighet", "scope": "p2a"},
            {"actor": "agare-b", "mandate": "aga-fastighet", "scope": "p2a"},
            {"actor": "stationsagare", "mandate": "aga-fastighet", "scope": "station"}],
  "delegations": [{"from": "agare-b", "to": "forvaltare", "mandate": "aga-fastighet"},
                  {"from": "lpo", "to": "vakt", "mandate": "polisiara-befogenheter"}]})";

model place() { return io::read_json(town, "town.json"); }

tpl::collaboration_template read(std::string const& text) { return io::read_template(text, "t.json"); }

tpl::collaboration_template with_roles(std::string const& roles, std::string const& rest = "") {
    return read(R"({"format": "samverkan-template/1", "id": "t", "roles": [)" + roles + "]" + rest + "}");
}

strings ids(model const& m, std::vector<actor_id> const& actors) {
    strings out;
    for (auto a : actors) out.push_back(m[a].id);
    return out;
}

struct bound {
    model m;
    tpl::binding b;
};

tpl::binding bind(model const& m, tpl::collaboration_template const& t, tpl::binding_options const& o = {}) {
    capability_index const cap{m};
    tpl::check_options(m, t, o);
    return tpl::bind(m, cap, t, o, tpl::application_scope(m, o));
}

model applied(model const& m, tpl::collaboration_template const& t, tpl::binding_options const& o = {},
              std::optional<std::string> prefix = std::nullopt) {
    capability_index const cap{m};
    tpl::check_options(m, t, o);
    auto const scope = tpl::application_scope(m, o);
    auto const b = tpl::bind(m, cap, t, o, scope);
    return tpl::apply(m, cap, t, b, o, scope, prefix ? *prefix : t.id);
}

strings duty_ids(model const& m, std::size_t from) {
    strings out;
    for (std::size_t i = from; i < m.count<duty_id>(); ++i) out.push_back(m[duty_id{static_cast<std::uint32_t>(i)}].id);
    return out;
}

std::string scope_text(model const& m, duty_id d) { return m.scope_of(d) ? m[*m.scope_of(d)].id : "-"; }

} // namespace

// ---- the format -----------------------------------------------------------------------------------------

TEST_CASE("templates.md 3: realises round trips; 1 stays 1, 1.1 stays 1.1; realises in samverkan/1 is unknown",
          "[templates]") {
    auto const one = place();
    CHECK(one.format_version() == format_version::v1);
    CHECK_THAT(io::to_json(one), contains("\"format\": \"samverkan/1\""));
    CHECK(io::to_json(io::read_json(io::to_json(one))) == io::to_json(one));

    std::string const v11 = R"({"format": "samverkan/1.1", "duties": [
        {"id": "d", "realises": ["p:o", "p:o", "a:b:c"]}, {"id": "e", "realises": []}]})";
    auto const m = io::read_json(v11);
    CHECK(m.format_version() == format_version::v1_1);
    CHECK(strings(m.realises(duty_id{0}).begin(), m.realises(duty_id{0}).end()) == strings{"p:o", "a:b:c"});
    CHECK(m.realises(duty_id{1}).empty());
    auto const text = io::to_json(m);
    CHECK_THAT(text, contains("\"format\": \"samverkan/1.1\""));
    CHECK(io::to_json(io::read_json(text)) == text);

    // a 1.1 model without any realises stays 1.1
    CHECK(io::read_json(R"({"format": "samverkan/1.1"})").format_version() == format_version::v1_1);

    // "format" after the duties: still caught, at the realises key
    try {
        (void)io::read_json(R"({"duties": [{"id": "d", "realises": ["p:o"]}], "format": "samverkan/1"})", "x.json");
        FAIL("no error");
    } catch (io::load_error const& e) {
        CHECK(e.json_path() == "/duties/0/realises");
        CHECK_THAT(e.message(), contains("unknown key \"realises\""));
    }
    CHECK_THROWS_AS(io::read_json(R"({"format": "samverkan/1.2"})"), io::load_error);
    CHECK_THROWS_AS(io::read_json(R"({"format": "samverkan/1.1", "duties": [{"id": "d", "realises": [1]}]})"),
                    io::load_error);
}

TEST_CASE("templates.md 3: a model built in code is 1 until a duty is given realises through the API", "[templates]") {
    model m;
    auto const d = m.add_duty({.id = "d"});
    CHECK(m.format_version() == format_version::v1);
    CHECK(m.realise(d, "p:o"));
    CHECK_FALSE(m.realise(d, "p:o")); // a set
    CHECK(m.format_version() == format_version::v1_1);
    m.set_format_version(format_version::v1);
    CHECK_THROWS_AS(io::to_json(m), error); // would lose realises
}

// ---- the template file ------------------------------------------------------------------------------------

TEST_CASE("templates.md 1: the reader is strict and locates its errors; the writer is canonical", "[templates]") {
    auto const t = read(R"({"format": "samverkan-template/1", "id": "est", "kind": "model", "name": "EST",
      "attributes": {"x": [1, 2]},
      "roles": [{"id": "s", "category": ["kommun", "kommun"]}, {"id": "f", "holds": ["aga-fastighet"], "many": true}],
      "stages": [{"id": "a"}, {"id": "b", "after": ["a", "a"]}],
      "mandates": [{"id": "m", "exclusive": true}],
      "duties": [{"id": "r", "stage": "a", "requires": ["m", "m"], "raci": {"R": ["f"], "A": ["s"]}, "each": "f"},
                 {"id": "l", "needs": ["r", "r"], "raci": {"R": ["s"]}}],
      "forums": [{"id": "g", "members": ["f"], "coordinator": "s", "covers": ["r", "l", "r"]}]})");
    CHECK(t.roles[0].category == strings{"kommun"}); // a set
    CHECK(t.stages[1].after == strings{"a"});
    CHECK(t.duties[0].requires_ == strings{"m"});
    CHECK(t.forums[0].covers == strings{"r", "l"});
    auto const text = io::to_json(t);
    CHECK(io::to_json(read(text)) == text); // canonical and idempotent
    CHECK_THAT(text, contains("\"x\": ["));

    auto const error_of = [](std::string const& body) {
        try {
            (void)io::read_template(body, "t.json");
        } catch (io::load_error const& e) {
            return std::string{e.what()};
        }
        return std::string{"no error"};
    };
    std::string const head = R"({"format": "samverkan-template/1", "id": "t", )";
    CHECK_THAT(error_of(head + R"("roles": [{"id": "r", "hold": []}]})"),
               contains("t.json:1:69: /roles/0/hold: unknown key \"hold\" in a role; did you mean \"holds\"?"));
    CHECK_THAT(error_of(head + R"("roles": [{"id": "polis"}], "duties": [{"id": "d", "raci": {"R": ["polsi"]}}]})"),
               contains("/duties/0/raci/R/0: unknown role \"polsi\"; did you mean \"polis\"?"));
    CHECK_THAT(error_of(R"({"format": "samverkan-template/2", "id": "t"})"), contains("unknown format"));
    CHECK_THAT(error_of(R"({"format": "samverkan-template/1"})"), contains("missing required key \"id\""));
    CHECK_THAT(error_of(head + R"("kind": "profil"})"), contains("did you mean \"profile\"?"));
    CHECK_THAT(error_of(head + R"("duties": [{"id": "d", "scope": "x"}]})"), contains("a template duty has no scope"));
    CHECK_THAT(error_of(head + R"("forums": [{"id": "f", "model": "x"}]})"), contains("a template forum has no model"));
    CHECK_THAT(error_of(head + R"("roles": [{"id": "r", "many": 1}]})"), contains("expected true or false"));
    CHECK_THAT(error_of(head + R"("stages": [{"id": "a", "after": ["b"]}, {"id": "b", "after": ["a"]}]})"),
               contains("form a cycle"));
    CHECK_THAT(error_of(head + R"("roles": [{"id": "r"}], "forums": [{"id": "f", "members": ["r", "r"]}]})"),
               contains("/forums/0/members/1: role \"r\" is listed twice"));
    CHECK_THAT(error_of(head + R"("duties": [{"id": "d"}, {"id": "d"}]})"),
               contains("/duties/1/id: duplicate duty id"));
    CHECK_THAT(error_of(head + R"("duties": [{"id": "d", "needs": ["e"]}]})"), contains("unknown duty \"e\""));
    // holds may name a mandate the template does not list
    CHECK_NOTHROW(read(head + R"("roles": [{"id": "r", "holds": ["elsewhere"]}]})"));
}

// ---- binding ------------------------------------------------------------------------------------------------

TEST_CASE("templates.md 2: the unbound reasons: ambiguous, no-candidate, explicit-only, explicit", "[templates]") {
    auto const m = place();
    auto const t = with_roles(R"({"id": "kommun", "category": ["kommun"]}, {"id": "region", "category": ["region"]},
                                {"id": "fri"}, {"id": "polis", "category": ["stat"]})");
    tpl::binding_options o;
    o.bindings.push_back({"polis", {}});
    auto const b = bind(m, t, o);
    CHECK(b.roles[0].reason == tpl::unbound_reason::ambiguous);
    CHECK(ids(m, b.roles[0].candidates) == strings{"ks", "tn"});
    CHECK(b.roles[1].reason == tpl::unbound_reason::no_candidate);
    CHECK(b.roles[2].reason == tpl::unbound_reason::explicit_only);
    CHECK(b.roles[3].reason == tpl::unbound_reason::explicit_none); // lpo would have matched
    CHECK(b.unbound_required(t) == 4);
    CHECK(tpl::to_string(tpl::unbound_reason::explicit_none) == "explicit");
}

TEST_CASE("templates.md 2: many roles take every candidate in id order; optional roles do not count as required",
          "[templates]") {
    auto const m = place();
    auto const t = with_roles(R"({"id": "privat", "category": ["privat"], "many": true},
                                {"id": "region", "category": ["region"], "optional": true})");
    auto const b = bind(m, t);
    CHECK(ids(m, b.roles[0].actors) == strings{"agare-a", "agare-b", "forvaltare", "stationsagare", "vakt"});
    CHECK(b.roles[1].actors.empty());
    CHECK(b.unbound_required(t) == 0);
}

TEST_CASE("templates.md 2: explicit binding overrides automatic, bypasses category and holds", "[templates]") {
    auto const m = place();
    auto const t = with_roles(R"({"id": "polis", "category": ["stat"], "holds": ["polisiara-befogenheter"]})");
    tpl::binding_options o;
    o.bindings.push_back({"polis", {"ks"}});
    CHECK(ids(m, bind(m, t, o).roles[0].actors) == strings{"ks"});
    CHECK(ids(m, bind(m, t).roles[0].actors) == strings{"lpo"});
}

TEST_CASE("templates.md 2: usage errors of --bind, --mandate, --stage, --scope", "[templates]") {
    auto const m = place();
    auto const t = with_roles(R"({"id": "r", "holds": ["aga-fastighet"]}, {"id": "s", "holds": ["leda"]})",
                              R"(, "stages": [{"id": "x"}, {"id": "y"}])");
    auto const misuse = [&](tpl::binding_options const& o) { CHECK_THROWS_AS(tpl::check_options(m, t, o), error); };
    misuse({.bindings = {{"nope", {"ks"}}}});
    misuse({.bindings = {{"r", {"nobody"}}}});
    misuse({.bindings = {{"r", {"ks", "ks"}}}});
    misuse({.bindings = {{"r", {"ks"}}, {"r", {"tn"}}}});
    misuse({.bindings = {{"r", {"ks", "tn"}}}}); // r is not many
    misuse({.mandates = {{"unknown", "leda-samordna"}}});
    misuse({.mandates = {{"leda", "unknown"}}});
    misuse({.mandates = {{"leda", "leda-samordna"}, {"leda", "aga-fastighet"}}});
    misuse({.mandates = {{"leda", "aga-fastighet"}}}); // onto a mandate named in holds
    misuse({.stages = {{"x", "nope"}}});
    misuse({.stages = {{"nope", "lagesbild"}}});
    CHECK_NOTHROW(tpl::check_options(m, t, {.mandates = {{"leda", "leda-samordna"}}, .stages = {{"x", "lagesbild"}}}));
    CHECK_THROWS_AS(tpl::application_scope(m, {.scope = "centrum", .everywhere = true}), error);
    CHECK_THROWS_AS(tpl::application_scope(m, {.scope = "nowhere"}), error);
}

TEST_CASE("templates.md 2: holds: a single role needs a holding covering the scope, a many role one overlapping it",
          "[templates]") {
    auto const m = place();
    auto const t = with_roles(R"({"id": "agare", "holds": ["aga-fastighet"], "many": true},
                                {"id": "ensam", "holds": ["aga-fastighet"]},
                                {"id": "polis", "holds": ["polisiara-befogenheter"]})");
    auto const b = bind(m, t, {.scope = "centrum"});
    // inside (agare-a's parcels), covering (bolaget), through a valid bare delegation (forvaltare);
    // stationsagare holds only outside the centrum
    CHECK(ids(m, b.roles[0].actors) == strings{"agare-a", "agare-b", "bolaget", "forvaltare"});
    CHECK(ids(m, b.roles[1].actors) == strings{"bolaget"}); // only its holding covers the centrum
    // lpo's delegation to vakt is invalid (not delegable): vakt holds nothing
    CHECK(ids(m, b.roles[2].actors) == strings{"lpo"});
    // two holdings that cover p2 (bolaget's stad, agare-a's p2): ambiguous, with the candidates
    auto const two = bind(m, with_roles(R"({"id": "ensam", "holds": ["aga-fastighet"]})"), {.scope = "p2"});
    CHECK(two.roles[0].reason == tpl::unbound_reason::ambiguous);
    CHECK(ids(m, two.roles[0].candidates) == strings{"agare-a", "bolaget"});
    // a single role whose holders all hold only inside the scope: no candidate
    auto const none =
        bind(m, with_roles(R"({"id": "x", "holds": ["aga-fastighet"], "category": ["privat"]})"), {.scope = "centrum"});
    CHECK(none.roles[0].reason == tpl::unbound_reason::no_candidate);
    // the same role with many: the owners inside are candidates
    auto const many =
        bind(m, with_roles(R"({"id": "x", "holds": ["aga-fastighet"], "category": ["privat"], "many": true})"),
             {.scope = "centrum"});
    CHECK(ids(m, many.roles[0].actors) == strings{"agare-a", "agare-b", "forvaltare"});
}

TEST_CASE("templates.md 2: everywhere: only a holding without scope covers it, every holding overlaps it",
          "[templates]") {
    auto const m = place();
    auto const b = bind(m, with_roles(R"({"id": "a", "holds": ["aga-fastighet"]},
                                         {"id": "b", "holds": ["aga-fastighet"], "many": true})"),
                        {.everywhere = true});
    CHECK(b.roles[0].reason == tpl::unbound_reason::no_candidate);
    CHECK(ids(m, b.roles[1].actors) == strings{"agare-a", "agare-b", "bolaget", "forvaltare", "stationsagare"});
}

TEST_CASE("templates.md 3: the default application scope: the only root, or everywhere with several", "[templates]") {
    auto const m = place();
    CHECK(m[*tpl::application_scope(m, {})].id == "stad");
    auto const two = io::read_json(R"({"format": "samverkan/1", "scopes": [{"id": "a"}, {"id": "b"}]})");
    CHECK_FALSE(tpl::application_scope(two, {}).has_value());
    auto const none = io::read_json(R"({"format": "samverkan/1"})");
    CHECK_FALSE(tpl::application_scope(none, {}).has_value());
}

// ---- apply ----------------------------------------------------------------------------------------------------

TEST_CASE("templates.md 3: apply adds duties and forums in template order with prefixed ids, RACI by role order",
          "[templates]") {
    auto const m = place();
    auto const t = read(R"({"format": "samverkan-template/1", "id": "trygg",
      "roles": [{"id": "kommun", "holds": ["leda-samordna"]}, {"id": "agare", "holds": ["aga-fastighet"], "many": true},
                {"id": "polis", "category": ["stat"]}, {"id": "vakt", "category": ["region"], "optional": true}],
      "stages": [{"id": "ny"}, {"id": "atgardsplan", "after": ["ny"]}, {"id": "sen", "after": ["ny", "atgardsplan"]}],
      "mandates": [{"id": "leda-samordna", "name": "ignored"}, {"id": "egen", "name": "Egen"}],
      "duties": [{"id": "d1", "stage": "ny", "requires": ["leda-samordna", "egen"],
                  "raci": {"R": ["agare", "kommun"], "A": ["kommun"], "C": ["vakt"]}, "attributes": {"a": 1}},
                 {"id": "d2", "stage": "atgardsplan", "needs": ["d1"], "optional": true, "raci": {"R": ["polis"]}}],
      "forums": [{"id": "f", "members": ["polis", "agare", "kommun"], "coordinator": "vakt", "covers": ["d1"]}]})");
    auto const a = applied(m, t, {.scope = "centrum"});
    CHECK(a.format_version() == format_version::v1_1);
    CHECK(m.format_version() == format_version::v1); // the place is unchanged
    CHECK(duty_ids(a, 0) == strings{"trygg:d1", "trygg:d2"});
    auto const d1 = *a.find<duty_id>("trygg:d1");
    auto const d2 = *a.find<duty_id>("trygg:d2");
    CHECK(scope_text(a, d1) == "centrum");
    strings r;
    for (auto x : a.actors_with(d1, raci::responsible)) r.push_back(a[x].id);
    CHECK(r == strings{"agare-a", "agare-b", "bolaget", "forvaltare", "ks"}); // agare's actors first, then kommun
    CHECK(a[d1].attributes.empty());                                          // applied duties carry no attributes
    CHECK(strings(a.realises(d1).begin(), a.realises(d1).end()) == strings{"trygg:d1"});
    CHECK(a[d2].optional);
    CHECK(a[*a.stage_of(d2)].id == "atgardsplan");               // the place's stage: its after ignored
    CHECK(a[*a.find<mandate_id>("leda-samordna")].name.empty()); // the place's definition stands
    CHECK(a[*a.find<mandate_id>("egen")].name == "Egen");        // added
    CHECK(a.count<stage_id>() == 4);                             // ny and sen added
    strings earlier;
    for (auto x : a.earlier_stages(*a.find<stage_id>("sen"))) earlier.push_back(a[x].id);
    CHECK(earlier == strings{"ny", "atgardsplan"}); // links to added and existing stages
    CHECK(a.later_stages(*a.find<stage_id>("ny")).begin() != a.later_stages(*a.find<stage_id>("ny")).end());
    CHECK(a.holdings().size() == m.holdings().size()); // no holding is ever added
    auto const f = *a.find<forum_id>("trygg:f");
    CHECK(a[f].model == "trygg");
    CHECK_FALSE(a.coordinator(f).has_value()); // unbound coordinator role: none
    strings members;
    for (auto x : a.members(f)) members.push_back(a[x].id);
    CHECK(members == strings{"agare-a", "agare-b", "bolaget", "forvaltare", "ks", "lpo"});

    // --stage maps a template stage onto a place stage; --mandate a template mandate onto a place mandate
    auto const mapped =
        applied(m, t, {.mandates = {{"egen", "polisiara-befogenheter"}}, .stages = {{"ny", "lagesbild"}}});
    CHECK(mapped.count<stage_id>() == 3); // ny is lagesbild; sen added
    CHECK(mapped.count<mandate_id>() == 3);
    auto const md1 = *mapped.find<duty_id>("trygg:d1");
    CHECK(mapped[*mapped.stage_of(md1)].id == "lagesbild");
    strings req;
    for (auto x : mapped.required_mandates(md1)) req.push_back(mapped[x].id);
    CHECK(req == strings{"leda-samordna", "polisiara-befogenheter"});
}

TEST_CASE("templates.md 3: each duties: instances per actor and part, ids, scopes, needs and covers expanded",
          "[templates]") {
    auto const m = place();
    auto const t = read(R"({"format": "samverkan-template/1", "id": "rond",
      "roles": [{"id": "k", "holds": ["leda-samordna"]}, {"id": "agare", "holds": ["aga-fastighet"], "many": true}],
      "duties": [{"id": "inv", "raci": {"R": ["agare"], "C": ["k"]}, "each": "agare"},
                 {"id": "atg", "needs": ["inv"], "raci": {"R": ["agare"]}, "each": "agare"},
                 {"id": "rapport", "needs": ["atg"], "raci": {"R": ["k"], "I": ["agare"]}}],
      "forums": [{"id": "f", "coordinator": "k", "covers": ["inv"]}]})");
    auto const a = applied(m, t, {.scope = "centrum"});
    std::size_t const base = m.count<duty_id>();
    // agare-a holds p1, p2 and p2a (inside p2): two parts; agare-b one part (p2a) and so does forvaltare
    // (through the delegation); bolaget covers the centrum: one part, the centrum
    CHECK(duty_ids(a, base) == strings{"rond:inv@agare-a@p1", "rond:inv@agare-a@p2", "rond:inv@agare-b",
                                       "rond:inv@bolaget", "rond:inv@forvaltare", "rond:atg@agare-a@p1",
                                       "rond:atg@agare-a@p2", "rond:atg@agare-b", "rond:atg@bolaget",
                                       "rond:atg@forvaltare", "rond:rapport"});
    CHECK(scope_text(a, *a.find<duty_id>("rond:inv@agare-b")) == "p2a");
    CHECK(scope_text(a, *a.find<duty_id>("rond:inv@bolaget")) == "centrum");
    auto const need_ids = [&](std::string const& d) {
        strings out;
        for (auto x : a.needs(*a.find<duty_id>(d))) out.push_back(a[x].id);
        return out;
    };
    CHECK(need_ids("rond:atg@agare-a@p2") == strings{"rond:inv@agare-a@p1", "rond:inv@agare-a@p2"});
    CHECK(need_ids("rond:atg@agare-b") == strings{"rond:inv@agare-b"});
    CHECK(need_ids("rond:rapport").size() == 5);
    auto const inst = *a.find<duty_id>("rond:inv@agare-b");
    strings r, c;
    for (auto x : a.actors_with(inst, raci::responsible)) r.push_back(a[x].id);
    for (auto x : a.actors_with(inst, raci::consulted)) c.push_back(a[x].id);
    CHECK(r == strings{"agare-b"}); // the each role stands for that actor alone
    CHECK(c == strings{"ks"});
    CHECK(strings(a.realises(inst).begin(), a.realises(inst).end()) == strings{"rond:inv"});
    CHECK(std::distance(a.covered(*a.find<forum_id>("rond:f")).begin(), a.covered(*a.find<forum_id>("rond:f")).end()) ==
          5);

    // an explicitly bound actor that holds the mandate nowhere inside: one part, the application scope
    auto const x = applied(m, t, {.bindings = {{"agare", {"lpo"}}}, .scope = "centrum"});
    CHECK(duty_ids(x, base) == strings{"rond:inv@lpo", "rond:atg@lpo", "rond:rapport"});
    CHECK(scope_text(x, *x.find<duty_id>("rond:inv@lpo")) == "centrum");
    // everywhere: agare-a's holdings are the outermost inside everywhere: p1, p2 (p2a inside p2)
    auto const e = applied(m, t, {.everywhere = true});
    CHECK(scope_text(e, *e.find<duty_id>("rond:inv@agare-a@p2")) == "p2");
    CHECK(e.find<duty_id>("rond:inv@stationsagare").has_value());
    CHECK_FALSE(e.find<duty_id>("rond:inv@bolaget@stad").has_value());
    // an unbound each role: no instance at all; needs and covers expand to nothing
    auto const u = applied(m, t, {.bindings = {{"agare", {}}}});
    CHECK(duty_ids(u, base) == strings{"rond:rapport"});
    CHECK(u.needs(*u.find<duty_id>("rond:rapport")).empty());
}

TEST_CASE("templates.md 3: an id the place already has is an error suggesting --as; --as applies it again",
          "[templates]") {
    auto const m = place();
    auto const t = read(R"({"format": "samverkan-template/1", "id": "t", "duties": [{"id": "d"}]})");
    auto const once = applied(m, t);
    try {
        (void)applied(once, t);
        FAIL("no clash");
    } catch (error const& e) {
        CHECK_THAT(std::string{e.what()}, contains("--as PREFIX"));
    }
    auto const twice = applied(once, t, {}, "t2");
    CHECK(twice.find<duty_id>("t2:d").has_value());
    CHECK(strings(twice.realises(*twice.find<duty_id>("t2:d")).begin(),
                  twice.realises(*twice.find<duty_id>("t2:d")).end()) == strings{"t:d"}); // whatever the prefix
    // an id the application would add twice (through @ in ids)
    auto const twin = read(R"({"format": "samverkan-template/1", "id": "w",
      "roles": [{"id": "r", "many": true}], "duties": [{"id": "d", "raci": {"R": ["r"]}, "each": "r"},
      {"id": "d@ks"}]})");
    CHECK_THROWS_AS(applied(m, twin, {.bindings = {{"r", {"ks"}}}}), error);
}

// ---- profiles --------------------------------------------------------------------------------------------------

TEST_CASE("templates.md 4: the three obligation rules, firing and not firing", "[templates]") {
    auto const profile = read(R"({"format": "samverkan-template/1", "id": "lag", "kind": "profile",
      "roles": [{"id": "ks", "holds": ["leda-samordna"]}, {"id": "bn", "category": ["region"]},
                {"id": "opt", "category": ["region"], "optional": true}, {"id": "k", "category": ["kommun"]}],
      "duties": [{"id": "lagesbild", "raci": {"A": ["ks"]}}, {"id": "plan", "raci": {"A": ["ks"]}},
                 {"id": "frivillig", "optional": true}, {"id": "utan-a", "raci": {"R": ["ks"]}},
                 {"id": "obunden", "raci": {"A": ["bn"]}}]})");
    auto m = place();
    auto const d1 = m.add_duty({.id = "lb"});
    m.assign(*m.find<actor_id>("ks"), d1, raci::accountable);
    m.realise(d1, "lag:lagesbild");
    auto const d2 = m.add_duty({.id = "pl"});
    m.assign(*m.find<actor_id>("tn"), d2, raci::accountable);
    m.realise(d2, "lag:plan");
    auto const d3 = m.add_duty({.id = "no-a"});
    m.realise(d3, "lag:plan");        // no A: not misowned (unassigned-duty says it)
    m.realise(d3, "lag:utan-a");      // an obligation without A roles: never misowned
    m.realise(d3, "lag:obunden");     // its A role is unbound: not misowned
    m.realise(d3, "lag:lagesbild:x"); // a whole string: realises nothing of lag:lagesbild
    auto const b = bind(m, profile);
    auto const r = tpl::audit(m, profile, b);
    strings got;
    for (auto const& f : r.findings)
        if (f.rule.text().starts_with("obligation") || f.rule.text().starts_with("profile"))
            got.push_back(samverkan_test::line(m, f));
    CHECK(got ==
          strings{"warning obligation-misowned profile=lag obligation=plan duty=pl | roles=[ks] accountable=[tn]",
                  "warning profile-role-unbound profile=lag role=bn | reason=no-candidate candidates=[]",
                  "warning profile-role-unbound profile=lag role=k | reason=ambiguous candidates=[ks,tn]"});
    // no obligation-unrealised: every obligation is realised; drop one realisation and it fires
    model bare = place();
    auto const only = tpl::audit(bare, profile, bind(bare, profile));
    strings unrealised;
    for (auto const& f : only.findings)
        if (f.rule == "obligation-unrealised") unrealised.push_back(samverkan_test::line(bare, f));
    CHECK(unrealised == strings{"error obligation-unrealised profile=lag obligation=lagesbild",
                                "error obligation-unrealised profile=lag obligation=obunden",
                                "error obligation-unrealised profile=lag obligation=plan",
                                "error obligation-unrealised profile=lag obligation=utan-a"});
    // they take part in skip and severity like every other rule, and never fire without a profile
    audit_options opts;
    opts.skip(rule_id::obligation_unrealised).set_severity(rule_id::profile_role_unbound, severity::error);
    auto const skipped = tpl::audit(bare, profile, bind(bare, profile), opts);
    for (auto const& f : skipped.findings) {
        CHECK(f.rule != "obligation-unrealised");
        if (f.rule == "profile-role-unbound") CHECK(f.severity == severity::error);
    }
    CHECK(parse_rule_id("obligation-misowned") == rule_id::obligation_misowned);
    for (auto const& f : audit(m).findings) CHECK_FALSE(is_profile_rule(*parse_rule_id(f.rule)));
}

// ---- fit -------------------------------------------------------------------------------------------------------

namespace {

/// A place of two actors and one duty; each template adds one duty with its own findings.
constexpr char const* small = R"({"format": "samverkan/1", "name": "Liten",
  "actors": [{"id": "ks", "category": "kommun"}, {"id": "lpo", "category": "stat"}],
  "duties": [{"id": "d", "raci": {"R": ["ks"], "A": ["ks"]}}]})";

tpl::collaboration_template tmpl(std::string const& id, std::string const& body) {
    return read(R"({"format": "samverkan-template/1", "id": ")" + id + "\"" + body + "}");
}

strings ranking(tpl::fit_result const& r) {
    strings out;
    for (auto const& c : r.candidates) out.push_back(c.skipped ? "-" + c.tmpl->id : c.tmpl->id);
    return out;
}

tpl::fit_result fit_of(model const& m, std::vector<tpl::collaboration_template> const& ts,
                       tpl::binding_options const& o = {}) {
    std::vector<tpl::collaboration_template const*> ps;
    for (auto const& t : ts) ps.push_back(&t);
    return tpl::fit(m, ps, o);
}

} // namespace

TEST_CASE("templates.md 5: every ranking key, in order", "[templates]") {
    auto const m = io::read_json(small);
    auto const lpo_idle_before = audit(m).summary(); // lpo is idle: one info
    CHECK(lpo_idle_before.info == 1);
    // 1. fewer unbound required roles beats fewer introduced errors
    auto const a = tmpl("a", R"(, "roles": [{"id": "x", "category": ["region"]}],
                                 "duties": [{"id": "u", "raci": {"R": ["x"], "A": ["x"]}}])"); // 1 unbound, 1 error
    auto const b = tmpl("b", R"(, "duties": [{"id": "u"}, {"id": "v"}])");                     // 0 unbound, 2 errors
    CHECK(ranking(fit_of(m, {a, b})) == strings{"b", "a"});
    // 2. fewer introduced errors beats fewer warnings
    auto const c = tmpl("c", R"(, "roles": [{"id": "k", "category": ["kommun"]}],
                                 "duties": [{"id": "u", "raci": {"A": ["k"]}}])"); // no-responsible: 1 warning
    CHECK(ranking(fit_of(m, {b, c})) == strings{"c", "b"});
    // 3. fewer introduced warnings beats more resolved
    auto const d = tmpl("d", R"(, "roles": [{"id": "p", "category": ["stat"]}],
                                 "duties": [{"id": "u", "raci": {"A": ["p"]}}])"); // 1 warning, resolves idle lpo
    auto const e = tmpl("e", R"(, "roles": [{"id": "k", "category": ["kommun"]}],
                                 "duties": [{"id": "u", "raci": {"R": ["k"], "A": ["k"]}}])"); // nothing at all
    CHECK(ranking(fit_of(m, {d, e})) == strings{"e", "d"});
    // 4. more resolved beats fewer introduced infos
    auto const f = tmpl("f", R"(, "roles": [{"id": "p", "category": ["stat"]}],
                                 "duties": [{"id": "u", "raci": {"R": ["p"], "A": ["p"]}}],
                                 "mandates": [{"id": "oanvand"}])"); // resolves idle lpo, adds unused-mandate
    CHECK(ranking(fit_of(m, {e, f})) == strings{"f", "e"});
    // 5. fewer introduced infos
    auto const g = tmpl("g", R"(, "mandates": [{"id": "oanvand"}])");
    auto const h = tmpl("h", "");
    CHECK(ranking(fit_of(m, {g, h})) == strings{"h", "g"});
    // 6. template id by code point
    auto const h2 = tmpl("H", "");
    CHECK(ranking(fit_of(m, {h, h2})) == strings{"H", "h"});
    // candidate order does not matter
    CHECK(ranking(fit_of(m, {h, g, f, e, d, c, b, a})) == ranking(fit_of(m, {a, b, c, d, e, f, g, h})));
}

TEST_CASE("templates.md 5: skipped candidates: already followed (forum model, realises) or clashing", "[templates]") {
    auto m = io::read_json(small);
    auto const f = m.add_forum({.id = "forum", .model = "via-forum"});
    m.add_member(f, *m.find<actor_id>("ks"));
    m.realise(*m.find<duty_id>("d"), "via-realises:x");
    m.add_duty({.id = "clash:y"});
    auto const a = tmpl("via-forum", "");
    auto const b = tmpl("via-realises", R"(, "duties": [{"id": "x"}])");
    auto const c = tmpl("clash", R"(, "duties": [{"id": "y"}])");
    auto const d = tmpl("ok", "");
    std::vector<tpl::collaboration_template> const candidates{d, c, b, a};
    auto const r = fit_of(m, candidates);
    CHECK(ranking(r) == strings{"ok", "-clash", "-via-forum", "-via-realises"});
    auto const text = io::fit_to_json(m, r);
    CHECK_THAT(text, contains("\"rank\": null,\n      \"template\": \"clash\",\n      \"name\": null,\n      "
                              "\"skipped\": \"already-applied\"\n    }"));
    // a realises that names no duty of the template does not count
    auto const other = tmpl("via-realises", R"(, "duties": [{"id": "z"}])");
    CHECK(ranking(fit_of(m, {other})) == strings{"via-realises"});
}

TEST_CASE("templates.md 5: explicit options apply to candidates that have them; others are usage errors",
          "[templates]") {
    auto const m = io::read_json(small);
    auto const a = tmpl("a", R"(, "roles": [{"id": "p"}])");
    auto const b = tmpl("b", "");
    CHECK(fit_of(m, {a, b}, {.bindings = {{"p", {"lpo"}}}}).candidates.size() == 2);
    CHECK_THROWS_AS(fit_of(m, {a, b}, {.bindings = {{"q", {"lpo"}}}}), error);
    CHECK_THROWS_AS(fit_of(m, {a, b}, {.bindings = {{"p", {"nobody"}}}}), error);
    CHECK_THROWS_AS(fit_of(m, {a, b}, {.mandates = {{"x", "y"}}}), error);
    CHECK_THROWS_AS(fit_of(m, {a, a}), error); // one id twice
    auto const p = read(R"({"format": "samverkan-template/1", "id": "p", "kind": "profile"})");
    CHECK_THROWS_AS(fit_of(m, {a, p}), error);
}

} // namespace samverkan_tests_templates_test
