// The concepts of the model layer, checked at compile time with conforming and non-conforming types
// (what does not compile at all is in tests/compile_fail).
#include "catch.hpp"

#include <samverkan/model.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace samverkan_tests_concepts_test { // one per file: the tests are built as a unity build

namespace sv = samverkan;

namespace concepts_test {

// ---- element_type ------------------------------------------------------------------------------------------
struct minimal {
    std::string id{}, name{};
};
struct views {
    std::string_view id{}, name{}; // anything convertible to std::string_view will do
};
struct c_strings {
    char const* id = "";
    char const* name = "";
};
struct no_name {
    std::string id;
};
struct no_id {
    std::string name;
};
struct numeric_id {
    int id;
    std::string name;
};
struct move_only {
    std::string id{}, name{};
    move_only() = default;
    move_only(move_only&&) = default;
    move_only(move_only const&) = delete;
};

static_assert(sv::element_type<minimal>);
static_assert(sv::element_type<views>);
static_assert(sv::element_type<c_strings>);
static_assert(sv::element_type<sv::actor>);
static_assert(sv::element_type<sv::stage>);
static_assert(!sv::element_type<no_name>);
static_assert(!sv::element_type<no_id>);
static_assert(!sv::element_type<numeric_id>);
static_assert(!sv::element_type<move_only>);
static_assert(!sv::element_type<int>);

// ---- mandate_type and duty_type --------------------------------------------------------------------------
struct my_mandate {
    std::string id{}, name{};
    bool exclusive = false, delegable = true;
    std::string decided_by{};
};
struct int_flags_mandate { // integers convert to bool
    std::string id{}, name{};
    int exclusive = 0, delegable = 1;
};
struct no_exclusive {
    std::string id{}, name{};
    bool delegable = true;
};
struct no_delegable {
    std::string id{}, name{};
    bool exclusive = false;
};
struct string_flags {
    std::string id{}, name{};
    std::string exclusive, delegable;
};
struct my_duty {
    std::string id{}, name{};
    bool optional = false;
    int priority = 0;
};
struct no_optional {
    std::string id{}, name{};
};

static_assert(sv::mandate_type<sv::mandate>);
static_assert(sv::mandate_type<my_mandate>);
static_assert(sv::mandate_type<int_flags_mandate>);
static_assert(!sv::mandate_type<no_exclusive>);
static_assert(!sv::mandate_type<no_delegable>);
static_assert(!sv::mandate_type<string_flags>);
static_assert(!sv::mandate_type<minimal>);
static_assert(!sv::mandate_type<sv::duty>);

static_assert(sv::duty_type<sv::duty>);
static_assert(sv::duty_type<my_duty>);
static_assert(!sv::duty_type<no_optional>);
static_assert(!sv::duty_type<sv::mandate>);

// ---- model_traits ------------------------------------------------------------------------------------------
struct own_types : sv::default_traits {
    using actor_type = minimal;
    using mandate_type = my_mandate;
    using duty_type = my_duty;
};
struct bad_mandate : sv::default_traits {
    using mandate_type = no_exclusive;
};
struct bad_duty : sv::default_traits {
    using duty_type = no_optional;
};
struct bad_forum : sv::default_traits {
    using forum_type = no_name;
};
struct incomplete_traits { // lacks forum_type
    using stage_type = sv::stage;
    using scope_type = sv::scope;
    using actor_type = sv::actor;
    using mandate_type = sv::mandate;
    using duty_type = sv::duty;
};

static_assert(sv::model_traits<sv::default_traits>);
static_assert(sv::model_traits<own_types>);
static_assert(!sv::model_traits<bad_mandate>);
static_assert(!sv::model_traits<bad_duty>);
static_assert(!sv::model_traits<bad_forum>);
static_assert(!sv::model_traits<incomplete_traits>);
static_assert(!sv::model_traits<int>);

// ---- element_id ------------------------------------------------------------------------------------------
static_assert(sv::element_id<sv::stage_id>);
static_assert(sv::element_id<sv::scope_id>);
static_assert(sv::element_id<sv::actor_id>);
static_assert(sv::element_id<sv::mandate_id>);
static_assert(sv::element_id<sv::duty_id>);
static_assert(sv::element_id<sv::forum_id>);
static_assert(!sv::element_id<sv::holding_id>); // relations are not elements
static_assert(!sv::element_id<sv::delegation_id>);
static_assert(!sv::element_id<std::uint32_t>);
static_assert(!sv::element_id<sv::actor_id const&>);
struct my_tag {
    static constexpr std::string_view name = "mine";
};
static_assert(!sv::element_id<sv::basic_id<my_tag>>);

// ---- relation_type and connects -------------------------------------------------------------------------
struct supervises { // a relation of the planning tool's own: actor -> actor
    using source = sv::actor_id;
    using target = sv::actor_id;
    static constexpr sv::relation_kind kind = sv::relation_kind::delegates;
};
struct no_kind {
    using source = sv::actor_id;
    using target = sv::duty_id;
};
struct holding_ends {
    using source = sv::holding_id;
    using target = sv::actor_id;
    static constexpr sv::relation_kind kind = sv::relation_kind::holds;
};
struct int_kind {
    using source = sv::actor_id;
    using target = sv::actor_id;
    static constexpr std::string_view kind = "holds";
};

static_assert(sv::relation_type<sv::relation::holds>);
static_assert(sv::relation_type<sv::relation::delegates>);
static_assert(sv::relation_type<sv::relation::assigned>);
static_assert(sv::relation_type<sv::relation::requires_mandate>);
static_assert(sv::relation_type<sv::relation::needs>);
static_assert(sv::relation_type<sv::relation::after>);
static_assert(sv::relation_type<sv::relation::within>);
static_assert(sv::relation_type<sv::relation::member>);
static_assert(sv::relation_type<sv::relation::coordinated_by>);
static_assert(sv::relation_type<sv::relation::covers>);
static_assert(sv::relation_type<supervises>);
static_assert(!sv::relation_type<no_kind>);
static_assert(!sv::relation_type<holding_ends>);
static_assert(!sv::relation_type<int_kind>);
static_assert(!sv::relation_type<sv::actor_id>);

// the table in relations.hpp, end by end
static_assert(sv::connects<sv::relation::holds, sv::actor_id, sv::mandate_id>);
static_assert(sv::connects<sv::relation::delegates, sv::actor_id, sv::actor_id>);
static_assert(sv::connects<sv::relation::assigned, sv::actor_id, sv::duty_id>);
static_assert(sv::connects<sv::relation::requires_mandate, sv::duty_id, sv::mandate_id>);
static_assert(sv::connects<sv::relation::needs, sv::duty_id, sv::duty_id>);
static_assert(sv::connects<sv::relation::after, sv::stage_id, sv::stage_id>);
static_assert(sv::connects<sv::relation::within, sv::scope_id, sv::scope_id>);
static_assert(sv::connects<sv::relation::member, sv::forum_id, sv::actor_id>);
static_assert(sv::connects<sv::relation::coordinated_by, sv::forum_id, sv::actor_id>);
static_assert(sv::connects<sv::relation::covers, sv::forum_id, sv::duty_id>);
// reversed ends and wrong kinds
static_assert(!sv::connects<sv::relation::holds, sv::mandate_id, sv::actor_id>);
static_assert(!sv::connects<sv::relation::assigned, sv::duty_id, sv::actor_id>);
static_assert(!sv::connects<sv::relation::assigned, sv::mandate_id, sv::duty_id>);
static_assert(!sv::connects<sv::relation::requires_mandate, sv::mandate_id, sv::duty_id>);
static_assert(!sv::connects<sv::relation::needs, sv::actor_id, sv::duty_id>);
static_assert(!sv::connects<sv::relation::member, sv::actor_id, sv::forum_id>);
static_assert(!sv::connects<sv::relation::covers, sv::forum_id, sv::mandate_id>);
// exact types only: no references, no indices
static_assert(!sv::connects<sv::relation::needs, sv::duty_id const&, sv::duty_id>);
static_assert(!sv::connects<sv::relation::after, std::uint32_t, std::uint32_t>);
static_assert(!sv::connects<no_kind, sv::actor_id, sv::duty_id>);
static_assert(sv::connects<supervises, sv::actor_id, sv::actor_id>);

// ---- the relation kinds carry their kind value --------------------------------------------------------------
static_assert(sv::relation::holds::kind == sv::relation_kind::holds);
static_assert(sv::relation::covers::kind == sv::relation_kind::covers);
static_assert(sv::kind_of<sv::relation::assigned::target> == sv::element_kind::duty);

} // namespace concepts_test

TEST_CASE("concepts: a model over conforming user types works end to end") {
    sv::basic_model<concepts_test::own_types> m;
    auto a = m.add_actor({.id = "a", .name = "Aktören"});
    auto md = m.add_mandate({.id = "m", .exclusive = true, .decided_by = "KF"});
    auto d = m.add_duty({.id = "d", .optional = true, .priority = 3});
    m.grant(a, md);
    m.require(d, md);
    CHECK(m.assign(a, d, sv::raci::accountable));
    CHECK(m[md].exclusive);
    CHECK(m[d].priority == 3);
    CHECK(m.name_of(a) == "Aktören");
    CHECK(m.name_of(md) == "m");
    CHECK(m.relation_count() == 3);
}

TEST_CASE("concepts: display_name accepts any element_type") {
    concepts_test::views v{"id-only", ""};
    concepts_test::c_strings c{"x", "Named"};
    CHECK(sv::display_name(v) == "id-only");
    CHECK(sv::display_name(c) == "Named");
    CHECK(sv::display_name(concepts_test::minimal{"k", "n"}) == "n");
}

} // namespace samverkan_tests_concepts_test
