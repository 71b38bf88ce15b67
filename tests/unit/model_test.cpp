// The model: strong ids, elements, relations and their guarantees (basic_model.hpp, ids.hpp).
#include "catch.hpp"

#include <samverkan/model.hpp>

#include <boost/describe/class.hpp>
#include <boost/describe/members.hpp>
#include <boost/mp11/algorithm.hpp>

#include <concepts>
#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_set>
#include <utility>
#include <vector>

namespace samverkan_tests_model_test { // one per file: the tests are built as a unity build

namespace sv = samverkan;

namespace {

/// The message of the samverkan::error that `f` throws, or "" when it throws nothing.
template <class F>
std::string error_of(F&& f) {
    try {
        std::forward<F>(f)();
    } catch (sv::error const& e) {
        return e.what();
    }
    return {};
}

template <class Range>
auto to_vector(Range const& r) {
    return std::vector<std::remove_cvref_t<decltype(*r.begin())>>(r.begin(), r.end());
}

bool contains(std::string const& text, std::string_view part) { return text.find(part) != std::string::npos; }

/// A snapshot of everything countable in a model, to check that a failed operation changed nothing.
template <class Model>
std::vector<std::size_t> shape(Model const& m) {
    std::vector<std::size_t> out{m.template count<sv::stage_id>(), m.template count<sv::scope_id>(),
                                 m.template count<sv::actor_id>(), m.template count<sv::mandate_id>(),
                                 m.template count<sv::duty_id>(),  m.template count<sv::forum_id>()};
    for (auto k : {sv::relation_kind::holds, sv::relation_kind::delegates, sv::relation_kind::assigned,
                   sv::relation_kind::requires_mandate, sv::relation_kind::needs, sv::relation_kind::after,
                   sv::relation_kind::within, sv::relation_kind::member, sv::relation_kind::coordinated_by,
                   sv::relation_kind::covers})
        out.push_back(m.relation_count(k));
    return out;
}

} // namespace

// ---- strong ids -------------------------------------------------------------------------------------------

TEST_CASE("model: ids of different kinds are distinct types that neither convert nor compare") {
    STATIC_REQUIRE_FALSE(std::is_same_v<sv::actor_id, sv::duty_id>);
    STATIC_REQUIRE_FALSE(std::is_convertible_v<sv::actor_id, sv::duty_id>);
    STATIC_REQUIRE_FALSE(std::is_convertible_v<sv::mandate_id, sv::actor_id>);
    STATIC_REQUIRE_FALSE(std::equality_comparable_with<sv::actor_id, sv::duty_id>);
    STATIC_REQUIRE_FALSE(std::totally_ordered_with<sv::stage_id, sv::scope_id>);
    // an index does not silently become an id
    STATIC_REQUIRE_FALSE(std::is_convertible_v<std::uint32_t, sv::actor_id>);
    STATIC_REQUIRE(std::is_constructible_v<sv::actor_id, std::uint32_t>);
    STATIC_REQUIRE(std::is_trivially_copyable_v<sv::actor_id>);
    STATIC_REQUIRE(sizeof(sv::actor_id) == sizeof(std::uint32_t));

    sv::model m;
    auto a = m.add_actor({.id = "x"});
    auto d = m.add_duty({.id = "x"});
    // same index, different kinds: only the index is equal
    CHECK(a.index() == d.index());
    CHECK(sv::kind_of<sv::actor_id> == sv::element_kind::actor);
    CHECK(sv::kind_of<sv::duty_id> == sv::element_kind::duty);
    CHECK(sv::kind_of<sv::forum_id> == sv::element_kind::forum);
}

TEST_CASE("model: ids are ordered by index and usable as keys of hashed and ordered containers") {
    constexpr sv::actor_id a0{0}, a1{1}, a7{7};
    STATIC_REQUIRE(a0 < a1);
    STATIC_REQUIRE(a7 > a1);
    STATIC_REQUIRE(a1 == sv::actor_id{1});
    STATIC_REQUIRE(sv::actor_id{} == a0);
    STATIC_REQUIRE((a1 <=> a7) == std::strong_ordering::less);

    CHECK(std::hash<sv::actor_id>{}(a7) == std::hash<sv::actor_id>{}(sv::actor_id{7}));
    std::unordered_set<sv::actor_id> seen{a1, a7, sv::actor_id{1}};
    CHECK(seen.size() == 2);
    CHECK(seen.count(a7) == 1);
    CHECK(seen.count(a0) == 0);

    std::set<sv::duty_id> sorted{sv::duty_id{5}, sv::duty_id{2}, sv::duty_id{9}};
    CHECK(to_vector(sorted) == std::vector{sv::duty_id{2}, sv::duty_id{5}, sv::duty_id{9}});
}

TEST_CASE("model: ids are dense indices in insertion order, per kind") {
    sv::model m;
    auto ks = m.add_actor({.id = "ks"});
    auto lpo = m.add_actor({.id = "lpo"});
    auto leda = m.add_mandate({.id = "leda"});
    auto sf = m.add_actor({.id = "sf"});
    CHECK(ks.index() == 0);
    CHECK(lpo.index() == 1);
    CHECK(sf.index() == 2);
    CHECK(leda.index() == 0);
    CHECK(to_vector(m.actors()) == std::vector{ks, lpo, sf});
    CHECK(to_vector(m.ids<sv::actor_id>()) == std::vector{ks, lpo, sf});
    CHECK(m.actors().size() == 3);
    CHECK(m.forums().empty());
}

// ---- elements ----------------------------------------------------------------------------------------------

TEST_CASE("model: every kind of element can be added, found, read and counted") {
    sv::model m;
    auto s = m.add_stage({.id = "lagesbild", .name = "Lägesbild"});
    auto c = m.add_scope({.id = "kommun", .name = "Exempelkommun"});
    auto a = m.add_actor({.id = "lpo", .name = "Lokalpolisområdet", .category = "stat"});
    auto md =
        m.add_mandate({.id = "leda", .name = "Leda", .basis = "KL 6 kap. 1 §", .exclusive = true, .delegable = false});
    auto d = m.add_duty({.id = "plan", .name = "Besluta åtgärdsplan", .basis = "Lag (2023:196) 5 §", .optional = true},
                        {.stage = s, .scope = c});
    auto f = m.add_forum({.id = "rad", .name = "Brottsförebyggande rådet", .model = "SSPF"}, {.scope = c});

    CHECK(m.find<sv::stage_id>("lagesbild") == s);
    CHECK(m.find<sv::scope_id>("kommun") == c);
    CHECK(m.find<sv::actor_id>("lpo") == a);
    CHECK(m.find<sv::mandate_id>("leda") == md);
    CHECK(m.find<sv::duty_id>("plan") == d);
    CHECK(m.find<sv::forum_id>("rad") == f);

    CHECK(m[s].name == "Lägesbild");
    CHECK(m[c].name == "Exempelkommun");
    CHECK(m[a].category == "stat");
    CHECK(m[md].basis == "KL 6 kap. 1 §");
    CHECK(m[md].exclusive);
    CHECK_FALSE(m[md].delegable);
    CHECK(m[d].optional);
    CHECK(m[d].basis == "Lag (2023:196) 5 §");
    CHECK(m.stage_of(d) == s);
    CHECK(m.scope_of(d) == c);
    CHECK(m[f].model == "SSPF");
    CHECK(m.scope_of(f) == c);

    CHECK(m.count<sv::stage_id>() == 1);
    CHECK(m.count<sv::scope_id>() == 1);
    CHECK(m.count<sv::actor_id>() == 1);
    CHECK(m.count<sv::mandate_id>() == 1);
    CHECK(m.count<sv::duty_id>() == 1);
    CHECK(m.count<sv::forum_id>() == 1);
}

TEST_CASE("model: defaults of added elements follow model-format.md") {
    sv::model m;
    auto md = m.add_mandate({.id = "m"});
    auto d = m.add_duty({.id = "d"});
    auto f = m.add_forum({.id = "f"});
    CHECK_FALSE(m[md].exclusive);
    CHECK(m[md].delegable);
    CHECK_FALSE(m[d].optional);
    CHECK_FALSE(m.stage_of(d)); // stage-independent
    CHECK_FALSE(m.scope_of(d)); // everywhere
    CHECK_FALSE(m.scope_of(f));
    CHECK_FALSE(m.coordinator(f));
    CHECK(m.relation_count() == 0);
}

TEST_CASE("model: find returns nothing for unknown ids and for ids of another kind") {
    sv::model m;
    CHECK_FALSE(m.find<sv::actor_id>("ks")); // empty model
    m.add_actor({.id = "ks"});
    CHECK(m.find<sv::actor_id>("ks"));
    CHECK_FALSE(m.find<sv::mandate_id>("ks"));
    CHECK_FALSE(m.find<sv::actor_id>("KS"));  // exact comparison
    CHECK_FALSE(m.find<sv::actor_id>("ks ")); // no trimming
    CHECK_FALSE(m.find<sv::actor_id>("k"));
}

TEST_CASE("model: lookups stay correct while the id index grows") {
    sv::model m;
    std::vector<sv::actor_id> ids;
    ids.reserve(1000);
    for (int i = 0; i < 1000; ++i) ids.push_back(m.add_actor({.id = "actor-" + std::to_string(i)}));
    for (int i = 0; i < 1000; ++i) {
        auto const found = m.find<sv::actor_id>("actor-" + std::to_string(i));
        REQUIRE(found);
        CHECK(*found == ids[static_cast<std::size_t>(i)]);
    }
    CHECK_FALSE(m.find<sv::actor_id>("actor-1000"));
    CHECK(m.count<sv::actor_id>() == 1000);
}

TEST_CASE("model: a duplicate id throws an error naming it and leaves the model unchanged") {
    sv::model m;
    auto kommun = m.add_scope({.id = "kommun"});
    auto s = m.add_stage({.id = "s"});
    auto ks = m.add_actor({.id = "ks", .name = "Kommunstyrelsen"});
    auto d = m.add_duty({.id = "lagesbild", .name = "Ta fram lägesbild"}, {.stage = s, .scope = kommun});
    auto f = m.add_forum({.id = "rad", .name = "Rådet"}, {.scope = kommun});
    m.add_mandate({.id = "leda", .name = "Leda"});
    auto const before = shape(m);

    SECTION("actor") {
        auto const what = error_of([&] { m.add_actor({.id = "ks", .name = "Another"}); });
        CHECK(contains(what, "\"ks\""));
        CHECK(contains(what, "actor"));
        CHECK(m[ks].name == "Kommunstyrelsen");
        CHECK(shape(m) == before);
    }
    SECTION("duty with a placement") {
        auto const what = error_of([&] { m.add_duty({.id = "lagesbild", .name = "Other"}, {}); });
        CHECK(contains(what, "\"lagesbild\""));
        CHECK(contains(what, "duty"));
        CHECK(m[d].name == "Ta fram lägesbild");
        CHECK(m.stage_of(d) == s);
        CHECK(m.scope_of(d) == kommun);
        CHECK(shape(m) == before);
        // the next duty gets the next index and its own placement
        auto e = m.add_duty({.id = "e"});
        CHECK(e.index() == 1);
        CHECK_FALSE(m.stage_of(e));
    }
    SECTION("forum") {
        CHECK(contains(error_of([&] { m.add_forum({.id = "rad"}); }), "\"rad\""));
        CHECK(m[f].name == "Rådet");
        CHECK(m.scope_of(f) == kommun);
        CHECK(shape(m) == before);
        auto g = m.add_forum({.id = "g"});
        CHECK_FALSE(m.scope_of(g));
        CHECK_FALSE(m.coordinator(g));
    }
    SECTION("stage and scope keep their graphs in step") {
        CHECK(contains(error_of([&] { m.add_stage({.id = "s"}); }), "\"s\""));
        CHECK(contains(error_of([&] { m.add_scope({.id = "kommun"}); }), "\"kommun\""));
        CHECK(m.id_bound<sv::stage_id>() == 1);
        CHECK(m.id_bound<sv::scope_id>() == 1);
        CHECK(m.relation_count(sv::relation_kind::after) == 0);
        CHECK(shape(m) == before);
    }
    SECTION("mandate") {
        CHECK(contains(error_of([&] { m.add_mandate({.id = "leda", .exclusive = true}); }), "\"leda\""));
        CHECK_FALSE(m[*m.find<sv::mandate_id>("leda")].exclusive);
        CHECK(shape(m) == before);
    }
    CHECK(m.find<sv::actor_id>("ks") == ks);
    CHECK(m.find<sv::duty_id>("lagesbild") == d);
}

TEST_CASE("model: the same id may be used by different kinds") {
    sv::model m;
    auto s = m.add_stage({.id = "lagesbild", .name = "the stage"});
    auto d = m.add_duty({.id = "lagesbild", .name = "the duty"}, {.stage = s});
    auto c = m.add_scope({.id = "lagesbild"});
    auto a = m.add_actor({.id = "lagesbild"});
    auto md = m.add_mandate({.id = "lagesbild"});
    auto f = m.add_forum({.id = "lagesbild"});
    CHECK(m.find<sv::stage_id>("lagesbild") == s);
    CHECK(m.find<sv::duty_id>("lagesbild") == d);
    CHECK(m.find<sv::scope_id>("lagesbild") == c);
    CHECK(m.find<sv::actor_id>("lagesbild") == a);
    CHECK(m.find<sv::mandate_id>("lagesbild") == md);
    CHECK(m.find<sv::forum_id>("lagesbild") == f);
    CHECK(m[s].name == "the stage");
    CHECK(m[d].name == "the duty");
}

TEST_CASE("model: the empty string is a valid id, unique like any other") {
    sv::model m;
    auto a = m.add_actor({.id = ""});
    auto d = m.add_duty({.id = ""});
    CHECK(m.find<sv::actor_id>("") == a);
    CHECK(m.find<sv::duty_id>("") == d);
    CHECK(m.name_of(a).empty());
    CHECK(contains(error_of([&] { m.add_actor({.id = "", .name = "again"}); }), "\"\""));
    CHECK(m.count<sv::actor_id>() == 1);
    CHECK_FALSE(m.find<sv::actor_id>(" "));
}

TEST_CASE("model: name_of falls back to the id when the name is empty") {
    sv::model m;
    auto ks = m.add_actor({.id = "ks", .name = "Kommunstyrelsen"});
    auto sf = m.add_actor({.id = "sf"});
    auto st = m.add_stage({.id = "s1"});
    CHECK(m.name_of(ks) == "Kommunstyrelsen");
    CHECK(m.name_of(sf) == "sf");
    CHECK(m.name_of(st) == "s1");
    CHECK(sv::display_name(m[sf]) == "sf");
}

TEST_CASE("model: model-level name, description and attributes") {
    sv::model m;
    CHECK(m.name().empty());
    m.set_name("Exempelkommun");
    m.set_description("free text");
    m.set_attributes(R"({"owner":"ks"})");
    CHECK(m.name() == "Exempelkommun");
    CHECK(m.description() == "free text");
    CHECK(m.attributes() == R"({"owner":"ks"})");
}

TEST_CASE("model: update replaces an element's data and keeps its id") {
    sv::model m;
    auto ks = m.add_actor({.id = "ks", .name = "KS"});
    auto lpo = m.add_actor({.id = "lpo"});
    m.update(ks, {.id = "ks", .name = "Kommunstyrelsen", .category = "kommun"});
    CHECK(m[ks].name == "Kommunstyrelsen");
    CHECK(m[ks].category == "kommun");
    CHECK(m.find<sv::actor_id>("ks") == ks);
    CHECK(m.find<sv::actor_id>("lpo") == lpo);

    auto leda = m.add_mandate({.id = "leda"});
    m.update(leda, {.id = "leda", .exclusive = true, .delegable = false});
    CHECK(m[leda].exclusive);
    CHECK_FALSE(m[leda].delegable);
}

TEST_CASE("model: update throws when the id would change, and changes nothing") {
    sv::model m;
    auto ks = m.add_actor({.id = "ks", .name = "Kommunstyrelsen"});
    m.add_actor({.id = "sf"});
    auto const what = error_of([&] { m.update(ks, {.id = "sf", .name = "renamed"}); });
    CHECK(contains(what, "\"ks\""));
    CHECK(contains(what, "actor"));
    CHECK(m[ks].id == "ks");
    CHECK(m[ks].name == "Kommunstyrelsen");
    CHECK(m.find<sv::actor_id>("ks") == ks);
    CHECK(m.find<sv::actor_id>("sf") == sv::actor_id{1});

    auto d = m.add_duty({.id = "d", .name = "Duty"});
    CHECK_FALSE(error_of([&] { m.update(d, {.id = "", .name = "x"}); }).empty());
    CHECK(m[d].name == "Duty");
}

// ---- relations --------------------------------------------------------------------------------------------

TEST_CASE("model: grant records a holding with its reach; stages are read as a set") {
    sv::model m;
    auto s1 = m.add_stage({.id = "s1"});
    auto s2 = m.add_stage({.id = "s2"});
    auto kommun = m.add_scope({.id = "kommun"});
    auto ks = m.add_actor({.id = "ks"});
    auto leda = m.add_mandate({.id = "leda"});

    auto everywhere = m.grant(ks, leda);
    auto scoped = m.grant(ks, leda, {.scope = kommun, .stages = {s2, s1, s2, s2}});
    CHECK(everywhere.index() == 0);
    CHECK(scoped.index() == 1);
    CHECK(m.relation_count(sv::relation_kind::holds) == 2);

    auto const h0 = m.holding(everywhere);
    CHECK(h0.actor == ks);
    CHECK(h0.mandate == leda);
    CHECK(h0.where.everywhere());
    CHECK(h0.where.every_stage());
    CHECK(h0.attributes.empty());

    auto const h1 = m.holding(scoped);
    CHECK(h1.where.scope == kommun);
    CHECK_FALSE(h1.where.everywhere());
    CHECK_FALSE(h1.where.every_stage());
    REQUIRE(h1.where.stages.size() == 2);
    CHECK(std::set<sv::stage_id>(h1.where.stages.begin(), h1.where.stages.end()) == std::set{s1, s2});

    m.set_attributes(scoped, R"({"beslut":"KS 2023/12"})");
    CHECK(m.holding(scoped).attributes == R"({"beslut":"KS 2023/12"})");
    CHECK(m.holding(everywhere).attributes.empty());
}

TEST_CASE("model: delegate records from, to, mandate and reach; explicit_grant follows precise reading 2") {
    sv::model m;
    auto s1 = m.add_stage({.id = "s1"});
    auto kommun = m.add_scope({.id = "kommun"});
    auto ks = m.add_actor({.id = "ks"});
    auto sf = m.add_actor({.id = "sf"});
    auto leda = m.add_mandate({.id = "leda", .delegable = false});

    auto pass_on = m.delegate(ks, sf, leda);
    auto empty_stages = m.delegate(ks, sf, leda, {.stages = {}});
    auto by_scope = m.delegate(ks, sf, leda, {.scope = kommun});
    auto by_stage = m.delegate(ks, sf, leda, {.stages = {s1, s1}});
    auto to_self = m.delegate(ks, ks, leda); // invalid, but a model may contain it: the audit reports it

    auto const v = m.delegation(pass_on);
    CHECK(v.from == ks);
    CHECK(v.to == sf);
    CHECK(v.mandate == leda);
    CHECK_FALSE(v.explicit_grant());
    CHECK_FALSE(m.delegation(empty_stages).explicit_grant()); // an empty list is the same as none
    CHECK(m.delegation(by_scope).explicit_grant());
    CHECK(m.delegation(by_scope).where.scope == kommun);
    CHECK(m.delegation(by_stage).explicit_grant());
    CHECK(m.delegation(by_stage).where.stages.size() == 1);
    CHECK(m.delegation(to_self).from == m.delegation(to_self).to);
    CHECK(m.relation_count(sv::relation_kind::delegates) == 5);
    CHECK(m.delegations().size() == 5);

    m.set_attributes(by_stage, "{}");
    m.set_attributes(by_stage, R"({"x":1})"); // replaces
    CHECK(m.delegation(by_stage).attributes == R"({"x":1})");
}

TEST_CASE("model: assign gives each RACI role once; a repeated role returns false") {
    sv::model m;
    auto ks = m.add_actor({.id = "ks"});
    auto sf = m.add_actor({.id = "sf"});
    auto d = m.add_duty({.id = "d"});

    for (auto role : {sv::raci::responsible, sv::raci::accountable, sv::raci::consulted, sv::raci::informed}) {
        CAPTURE(sv::letter(role));
        CHECK(m.assign(sf, d, role));
        CHECK_FALSE(m.assign(sf, d, role));
        CHECK(to_vector(m.actors_with(d, role)) == std::vector{sf});
    }
    CHECK(m.relation_count(sv::relation_kind::assigned) == 4);
    CHECK(m.assign(ks, d, sv::raci::accountable));
    CHECK(to_vector(m.actors_with(d, sv::raci::accountable)) == std::vector{sf, ks});
    CHECK(to_vector(m.actors_with(d, sv::raci::responsible)) == std::vector{sf});
    CHECK(m.relation_count(sv::relation_kind::assigned) == 5);
}

TEST_CASE("model: RACI letters are R, A, C and I") {
    CHECK(sv::letter(sv::raci::responsible) == 'R');
    CHECK(sv::letter(sv::raci::accountable) == 'A');
    CHECK(sv::letter(sv::raci::consulted) == 'C');
    CHECK(sv::letter(sv::raci::informed) == 'I');
}

TEST_CASE("model: require, need, cover and add_member have set semantics") {
    sv::model m;
    auto a = m.add_actor({.id = "a"});
    auto b = m.add_actor({.id = "b"});
    auto leda = m.add_mandate({.id = "leda"});
    auto d = m.add_duty({.id = "d"});
    auto e = m.add_duty({.id = "e"});
    auto f = m.add_forum({.id = "f"});

    CHECK(m.require(d, leda));
    CHECK_FALSE(m.require(d, leda));
    CHECK(m.require(e, leda));
    CHECK(m.relation_count(sv::relation_kind::requires_mandate) == 2);

    CHECK(m.need(e, d));
    CHECK_FALSE(m.need(e, d));
    CHECK(m.need(d, e)); // the reverse is another relation
    CHECK(m.need(d, d)); // a self-need is accepted (the audit reports it as a cycle)
    CHECK(m.relation_count(sv::relation_kind::needs) == 3);

    CHECK(m.cover(f, d));
    CHECK_FALSE(m.cover(f, d));
    CHECK(m.relation_count(sv::relation_kind::covers) == 1);

    CHECK(m.add_member(f, a));
    CHECK(m.add_member(f, b));
    CHECK_FALSE(m.add_member(f, a));
    CHECK(m.relation_count(sv::relation_kind::member) == 2);
    CHECK(to_vector(m.members(f)) == std::vector{a, b});
}

TEST_CASE("model: reserve_relations changes no content, whatever the counts and the elements added later") {
    sv::model m;
    auto a = m.add_actor({.id = "a"});
    auto leda = m.add_mandate({.id = "leda"});
    auto d = m.add_duty({.id = "d"});
    m.reserve_relations<sv::relation::assigned>(100);
    m.reserve_relations<sv::relation::requires_mandate>(0);
    m.reserve_relations<sv::relation::holds>(1);
    CHECK(m.relation_count() == 0);
    CHECK(to_vector(m.raci_of(d)).empty());
    CHECK(m.assign(a, d, sv::raci::responsible));
    auto b = m.add_actor({.id = "b"}); // an element added after the reservation gets its lists as before
    auto e = m.add_duty({.id = "e"});
    CHECK(m.assign(b, e, sv::raci::accountable));
    CHECK(m.assign(b, d, sv::raci::consulted));
    m.grant(b, leda);
    m.grant(a, leda);
    CHECK(m.relation_count(sv::relation_kind::assigned) == 3);
    CHECK(to_vector(m.actors_with(d, sv::raci::responsible)) == std::vector{a});
    CHECK(to_vector(m.actors_with(d, sv::raci::consulted)) == std::vector{b});
    CHECK(to_vector(m.actors_with(e, sv::raci::accountable)) == std::vector{b});
    CHECK(to_vector(m.holdings_of(a)).size() == 1);
    CHECK(to_vector(m.holdings_of(leda)).size() == 2);
}

TEST_CASE("model: the coordinator of a forum is replaced, never accumulated") {
    sv::model m;
    auto ks = m.add_actor({.id = "ks"});
    auto sf = m.add_actor({.id = "sf"});
    auto f = m.add_forum({.id = "f"});
    auto g = m.add_forum({.id = "g"});
    m.set_coordinator(f, ks);
    CHECK(m.coordinator(f) == ks);
    m.set_coordinator(f, sf);
    CHECK(m.coordinator(f) == sf);
    CHECK_FALSE(m.coordinator(g));
    CHECK(m.relation_count(sv::relation_kind::coordinated_by) == 1);
    // the coordinator counts as a member for the audit, but is not added to the member list
    CHECK(m.members(f).empty());
    // through connect: returns whether anything changed
    CHECK_FALSE(m.connect<sv::relation::coordinated_by>(f, sf));
    CHECK(m.connect<sv::relation::coordinated_by>(f, ks));
    CHECK(m.coordinator(f) == ks);
    CHECK(m.connect<sv::relation::coordinated_by>(g, ks));
    CHECK(m.relation_count(sv::relation_kind::coordinated_by) == 2);
}

TEST_CASE("model: connect<R> is the generic form of the relations without data") {
    sv::model m;
    auto s1 = m.add_stage({.id = "s1"});
    auto s2 = m.add_stage({.id = "s2"});
    auto inner = m.add_scope({.id = "inner"});
    auto outer = m.add_scope({.id = "outer"});
    auto a = m.add_actor({.id = "a"});
    auto leda = m.add_mandate({.id = "leda"});
    auto d = m.add_duty({.id = "d"});
    auto e = m.add_duty({.id = "e"});
    auto f = m.add_forum({.id = "f"});

    CHECK(m.connect<sv::relation::requires_mandate>(d, leda));
    CHECK(m.connect<sv::relation::needs>(d, e));
    CHECK(m.connect<sv::relation::after>(s2, s1));
    CHECK(m.connect<sv::relation::within>(inner, outer));
    CHECK(m.connect<sv::relation::member>(f, a));
    CHECK(m.connect<sv::relation::covers>(f, d));
    CHECK_FALSE(m.connect<sv::relation::covers>(f, d));

    CHECK(to_vector(m.required_mandates(d)) == std::vector{leda});
    CHECK(to_vector(m.needs(d)) == std::vector{e});
    CHECK(to_vector(m.earlier_stages(s2)) == std::vector{s1});
    CHECK(m.parent(inner) == outer);
    CHECK(to_vector(m.members(f)) == std::vector{a});
    CHECK(to_vector(m.covered(f)) == std::vector{d});
    CHECK(m.relation_count() == 6);
}

TEST_CASE("model: order() records the stage order; duplicates return false") {
    sv::model m;
    auto lagesbild = m.add_stage({.id = "lagesbild"});
    auto plan = m.add_stage({.id = "atgardsplan"});
    CHECK(m.order(plan, lagesbild));
    CHECK_FALSE(m.order(plan, lagesbild));
    CHECK(m.relation_count(sv::relation_kind::after) == 1);
    CHECK(to_vector(m.earlier_stages(plan)) == std::vector{lagesbild});
    CHECK(to_vector(m.later_stages(lagesbild)) == std::vector{plan});
    CHECK(m.earlier_stages(lagesbild).empty());
}

TEST_CASE("model: order() throws on a self-order or a cycle and leaves the model unchanged") {
    sv::model m;
    auto a = m.add_stage({.id = "a"});
    auto b = m.add_stage({.id = "b"});
    auto c = m.add_stage({.id = "c"});
    m.order(b, a);
    m.order(c, b);
    auto const before = shape(m);

    auto const self = error_of([&] { m.order(a, a); });
    CHECK(contains(self, "\"a\""));

    auto const direct = error_of([&] { m.order(a, b); });
    CHECK(contains(direct, "\"a\""));
    CHECK(contains(direct, "\"b\""));
    CHECK(contains(direct, "cycle"));

    auto const transitive = error_of([&] { m.order(a, c); });
    CHECK(contains(transitive, "\"c\""));
    CHECK(contains(transitive, "cycle"));

    CHECK(shape(m) == before);
    CHECK(m.earlier_stages(a).empty());
    CHECK(to_vector(m.later_stages(a)) == std::vector{b});
    // a later non-cyclic order still works
    CHECK(m.order(c, a));
}

TEST_CASE("model: nest() builds a forest; a second parent or a cycle throws and changes nothing") {
    sv::model m;
    auto kommun = m.add_scope({.id = "kommun"});
    auto centrum = m.add_scope({.id = "centrum"});
    auto torget = m.add_scope({.id = "torget"});
    auto region = m.add_scope({.id = "region"});
    CHECK(m.nest(centrum, kommun));
    CHECK(m.nest(torget, centrum));
    CHECK_FALSE(m.nest(centrum, kommun)); // the same parent again
    auto const before = shape(m);

    auto const second = error_of([&] { m.nest(centrum, region); });
    CHECK(contains(second, "\"centrum\""));
    CHECK(contains(second, "\"kommun\""));
    CHECK(contains(second, "\"region\""));

    auto const cycle = error_of([&] { m.nest(kommun, torget); });
    CHECK(contains(cycle, "\"kommun\""));
    CHECK(contains(cycle, "cycle"));

    CHECK_FALSE(error_of([&] { m.nest(region, region); }).empty());

    CHECK(shape(m) == before);
    CHECK(m.parent(centrum) == kommun);
    CHECK_FALSE(m.parent(kommun));
    CHECK_FALSE(m.parent(region));
    CHECK(m.nest(kommun, region)); // a root may still be nested
    CHECK(m.parent(kommun) == region);
}

TEST_CASE("model: place() moves a duty to another stage and scope") {
    sv::model m;
    auto s = m.add_stage({.id = "s"});
    auto c = m.add_scope({.id = "c"});
    auto d = m.add_duty({.id = "d"}, {.stage = s});
    CHECK(m.stage_of(d) == s);
    CHECK_FALSE(m.scope_of(d));
    m.place(d, {.scope = c});
    CHECK_FALSE(m.stage_of(d));
    CHECK(m.scope_of(d) == c);
}

// ---- custom traits -------------------------------------------------------------------------------------------

namespace planner {

// A planning tool's own types: the default fields plus its own, described for its own serialisation.
struct actor {
    std::string id{};
    std::string name{};
    std::string category{};
    int budget_kkr = 0;
    std::vector<std::string> contacts{};
};
BOOST_DESCRIBE_STRUCT(actor, (), (id, name, category, budget_kkr, contacts))

struct mandate {
    std::string id{};
    std::string name{};
    bool exclusive = false;
    bool delegable = true;
    std::string decided_by{};
};
BOOST_DESCRIBE_STRUCT(mandate, (), (id, name, exclusive, delegable, decided_by))

struct traits : samverkan::default_traits {
    using actor_type = planner::actor;
    using mandate_type = planner::mandate;
};

} // namespace planner

TEST_CASE("model: a planning tool's own described element types are stored and returned as they are") {
    STATIC_REQUIRE(sv::model_traits<planner::traits>);
    using model = sv::basic_model<planner::traits>;
    STATIC_REQUIRE(std::is_same_v<model::actor_type, planner::actor>);
    STATIC_REQUIRE(std::is_same_v<model::element_t<sv::actor_id>, planner::actor>);
    STATIC_REQUIRE(std::is_same_v<model::element_t<sv::duty_id>, sv::duty>);

    model m;
    auto ks = m.add_actor({.id = "ks", .name = "Kommunstyrelsen", .budget_kkr = 1200, .contacts = {"a@kommun.se"}});
    auto leda = m.add_mandate({.id = "leda", .exclusive = true, .decided_by = "KF"});
    auto d = m.add_duty({.id = "d"});
    m.grant(ks, leda);
    m.assign(ks, d, sv::raci::accountable);

    CHECK(m[ks].budget_kkr == 1200);
    CHECK(m[ks].contacts == std::vector<std::string>{"a@kommun.se"});
    CHECK(m[leda].decided_by == "KF");
    CHECK(m.find<sv::actor_id>("ks") == ks);
    CHECK(m.name_of(leda) == "leda");

    m.update(ks, {.id = "ks", .name = "KS", .budget_kkr = 900});
    CHECK(m[ks].budget_kkr == 900);
    CHECK(m[ks].contacts.empty());

    // Boost.Describe sees the tool's fields, so it can serialise them itself.
    std::vector<std::string> names;
    boost::mp11::mp_for_each<boost::describe::describe_members<planner::actor, boost::describe::mod_public>>(
        [&](auto member) { names.emplace_back(member.name); });
    CHECK(names == std::vector<std::string>{"id", "name", "category", "budget_kkr", "contacts"});
    CHECK(contains(error_of([&] { m.add_actor({.id = "ks"}); }), "\"ks\""));
}

} // namespace samverkan_tests_model_test
