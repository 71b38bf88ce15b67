// The default element types and the concepts a planning tool's own element types must meet.
//
// Every element has an `id` (unique within its kind, any string) and a `name` (for people; empty means
// "use the id"). `attributes` holds free-form JSON text (an object, exactly as read; empty when absent);
// the core never parses it, io/json preserves it verbatim.
#ifndef SAMVERKAN_MODEL_ELEMENTS_HPP
#define SAMVERKAN_MODEL_ELEMENTS_HPP

#include <samverkan/model/ids.hpp>

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>

#include <concepts>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace samverkan {

/// A stage (skede) of a process: a PBL planning stage, or a step of the lägesbild (situation picture) →
/// åtgärdsplan (action plan) → uppföljning (follow-up) cycle.
struct stage {
    std::string id{};
    std::string name{};
    std::string attributes{};
};
BOOST_DESCRIBE_STRUCT(stage, (), (id, name, attributes))

/// A scope: a geographic or organisational area (kommun, stadsdel, planområde). Scopes nest.
struct scope {
    std::string id{};
    std::string name{};
    std::string attributes{};
};
BOOST_DESCRIBE_STRUCT(scope, (), (id, name, attributes))

/// An actor (aktör): kommunstyrelsen, a lokalpolisområde, a fastighetsägare, a förening...
struct actor {
    std::string id{};
    std::string name{};
    std::string category{}; ///< free text, e.g. "kommun", "stat", "privat"
    std::string attributes{};
};
BOOST_DESCRIBE_STRUCT(actor, (), (id, name, category, attributes))

/// A mandate (mandat): what an actor may legally decide or do.
struct mandate {
    std::string id{};
    std::string name{};
    std::string basis{};    ///< legal or formal basis, e.g. "PBL 9 kap. 2 §"
    bool exclusive = false; ///< at most one actor may hold it directly for any place and stage
    bool delegable = true;  ///< may be passed on by delegation
    std::string attributes{};
};
BOOST_DESCRIBE_STRUCT(mandate, (), (id, name, basis, exclusive, delegable, attributes))

/// A duty (ansvar, uppgift): work to be done, with RACI roles.
struct duty {
    std::string id{};
    std::string name{};
    std::string basis{};
    bool optional = false; ///< optional duties skip the assignment rules (rules.md)
    std::string attributes{};
};
BOOST_DESCRIBE_STRUCT(duty, (), (id, name, basis, optional, attributes))

/// A collaboration forum (samverkansforum): who meets whom, under which collaboration model.
struct forum {
    std::string id{};
    std::string name{};
    std::string model{}; ///< the collaboration model it follows: "EST", "SSPF", "samverkansöverenskommelse"...
    std::string attributes{};
};
BOOST_DESCRIBE_STRUCT(forum, (), (id, name, model, attributes))

/// RACI roles of an actor on a duty.
enum class raci : std::uint8_t { responsible, accountable, consulted, informed };
BOOST_DESCRIBE_ENUM(raci, responsible, accountable, consulted, informed)

/// The letter of a role as written in model files: R, A, C or I.
[[nodiscard]] constexpr char letter(raci r) noexcept {
    constexpr char letters[] = {'R', 'A', 'C', 'I'};
    return letters[static_cast<std::uint8_t>(r) & 3U];
}

/// Where a holding or delegation applies. No scope means everywhere; no stages (an empty list) means
/// every stage.
///
///     m.grant(ks, leda, {.scope = kommun, .stages = {lagesbild}});
struct reach {
    std::optional<scope_id> scope{};
    std::vector<stage_id> stages{};
};

/// Where a duty sits. No stage means stage-independent; no scope means everywhere.
struct placement {
    std::optional<stage_id> stage{};
    std::optional<scope_id> scope{};
};

/// Where a forum works (informative; no rule reads it).
struct forum_placement {
    std::optional<scope_id> scope{};
};

// ---- concepts for user-supplied element types -------------------------------------------------------
//
// A planning tool may replace any default type with its own struct, typically the default plus fields of
// its own (see model_traits). The requirements:
//   element_type   `id` and `name` convertible to std::string_view; copyable
//   mandate_type   also `exclusive` and `delegable` convertible to bool
//   duty_type      also `optional` convertible to bool
//
//     struct my_actor { std::string id, name; int budget_kkr = 0; };
//     static_assert(samverkan::element_type<my_actor>);

template <class T>
concept element_type = std::copy_constructible<T> && requires(T const& t) {
    { t.id } -> std::convertible_to<std::string_view>;
    { t.name } -> std::convertible_to<std::string_view>;
};

template <class T>
concept mandate_type = element_type<T> && requires(T const& t) {
    { t.exclusive } -> std::convertible_to<bool>;
    { t.delegable } -> std::convertible_to<bool>;
};

template <class T>
concept duty_type = element_type<T> && requires(T const& t) {
    { t.optional } -> std::convertible_to<bool>;
};

/// The element types of a model. Derive from it and replace what you need:
///
///     struct my_traits : samverkan::default_traits { using actor_type = my_actor; };
///     samverkan::basic_model<my_traits> m;
struct default_traits {
    using stage_type = samverkan::stage;
    using scope_type = samverkan::scope;
    using actor_type = samverkan::actor;
    using mandate_type = samverkan::mandate;
    using duty_type = samverkan::duty;
    using forum_type = samverkan::forum;
};

/// Requirements on a traits type for basic_model.
template <class T>
concept model_traits = element_type<typename T::stage_type> && element_type<typename T::scope_type> &&
    element_type<typename T::actor_type> && mandate_type<typename T::mandate_type> &&
    duty_type<typename T::duty_type> && element_type<typename T::forum_type>;

/// The display name of an element: its name, or its id when the name is empty.
template <element_type T>
[[nodiscard]] std::string_view display_name(T const& e) noexcept {
    std::string_view name = e.name;
    return name.empty() ? std::string_view{e.id} : name;
}

} // namespace samverkan

#endif // SAMVERKAN_MODEL_ELEMENTS_HPP
