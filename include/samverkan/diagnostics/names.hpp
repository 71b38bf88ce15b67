// names: the rule ids and the subject and witness keys of findings, defined once for the analysis and io
// alike.
//
// A finding names its rule and each of its subject and witness keys by a small handle (8 bytes) instead of a
// string: `rule_name` for rule ids, `key_name` for keys. A handle points at one interned text, so two
// handles are equal exactly when their texts are, and comparing them is a pointer comparison.
//   - The built-in names come from the described enums `rule_id` (diagnostics/rule_id.hpp) and `key_id`
//     (below): `rule_name{rule_id::idle_actor}` and `key_name{key_id::duty}` cost nothing and are constexpr.
//   - Any other text (the ids of user rules, the keys user rules choose) is interned once, for the life of
//     the program, in a table shared by all threads (guarded by a mutex; a name is looked up only when it is
//     made from text, never when it is read). Making a name from text that spells a built-in name gives the
//     built-in handle: `rule_name{"idle-actor"} == rule_id::idle_actor`.
// Names compare with texts (`f.rule == "mandate-missing"`, `fld.key == "duty"`), with their enum
// (`f.rule == rule_id::mandate_missing`) and convert to std::string_view.
//
// Making a name from text: O(length) expected (one hash lookup), may throw std::bad_alloc the first time a
// text is seen. Everything else is O(1) and noexcept.
#ifndef SAMVERKAN_DIAGNOSTICS_NAMES_HPP
#define SAMVERKAN_DIAGNOSTICS_NAMES_HPP

#include <samverkan/detail/described_enum.hpp>
#include <samverkan/diagnostics/rule_id.hpp>

#include <boost/describe/enum.hpp>

#include <array>
#include <compare>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace samverkan {

/// The subject and witness keys of the built-in rules (rules.md and templates.md section 4), in text
/// order. The text of a key is its enumerator name ("duty"); to_string gives it.
enum class key_id : std::uint8_t {
    accountable,
    actor,
    actors,
    candidates,
    capable,
    duties,
    duty,
    forum,
    from,
    mandate,
    mandates,
    needs,
    obligation,
    profile,
    reason,
    reasons,
    role,
    roles,
    scopes,
    stages,
    to
};
BOOST_DESCRIBE_ENUM(key_id, accountable, actor, actors, candidates, capable, duties, duty, forum, from, mandate,
                    mandates, needs, obligation, profile, reason, reasons, role, roles, scopes, stages, to)

/// The text of a built-in key: `to_string(key_id::duty) == "duty"`.
[[nodiscard]] constexpr std::string_view to_string(key_id k) noexcept { return detail::enum_text(k); }

namespace detail {

/// The texts of E's enumerators as string_views with static storage (what a name handle points at).
template <class E>
inline constexpr auto enum_views = [] {
    std::array<std::string_view, enum_count<E>> out{};
    for (std::size_t i = 0; i < out.size(); ++i) out[i] = enum_texts_v<E>[i];
    return out;
}();

inline constexpr std::string_view empty_name{};

/// The interned copy of `text`: one stable string_view per distinct text, for the life of the program.
/// Thread-safe. O(length) expected; throws std::bad_alloc.
[[nodiscard]] inline std::string_view const* intern_name(std::string_view text) {
    struct entry {
        std::string text;
        std::string_view view;
    };
    struct table {
        std::mutex lock;
        std::deque<entry> entries; // never moves an entry, so the views stay valid
        std::unordered_map<std::string_view, std::string_view const*> index;
    };
    static table* const names = new table; // never destroyed: names may be read during static destruction
    std::lock_guard const guard{names->lock};
    if (auto const it = names->index.find(text); it != names->index.end()) return it->second;
    auto& e = names->entries.emplace_back(entry{std::string{text}, {}});
    e.view = e.text;
    names->index.emplace(e.view, &e.view);
    return &e.view;
}

} // namespace detail

/// A name handle over the built-in names of the described enum E (see the top of this header).
template <class E>
class basic_name {
public:
    /// The empty name ("").
    constexpr basic_name() noexcept = default;
    /// The built-in name `e`.
    constexpr basic_name(E e) noexcept : text_{&detail::enum_views<E>[static_cast<std::size_t>(e)]} {}
    /// The name spelled `text`: the built-in handle when `text` is a built-in name, else an interned one.
    // clang-format off
    template <class S>
        requires std::convertible_to<S const&, std::string_view> && (!std::same_as<S, basic_name>)
    basic_name(S const& text) : text_{lookup(std::string_view{text})} {}
    // clang-format on

    [[nodiscard]] constexpr std::string_view text() const noexcept { return *text_; }
    constexpr operator std::string_view() const noexcept { return *text_; }
    [[nodiscard]] constexpr bool empty() const noexcept { return text_->empty(); }
    /// The built-in enumerator, or nullopt for another name. O(1).
    [[nodiscard]] constexpr std::optional<E> id() const noexcept {
        auto const& views = detail::enum_views<E>;
        if (text_ < views.data() || text_ >= views.data() + views.size()) return std::nullopt;
        return static_cast<E>(text_ - views.data());
    }

    friend constexpr bool operator==(basic_name a, basic_name b) noexcept { return a.text_ == b.text_; }
    friend constexpr bool operator==(basic_name a, E b) noexcept { return a == basic_name{b}; }
    // clang-format off
    template <class S>
        requires std::convertible_to<S const&, std::string_view> && (!std::same_as<S, basic_name>)
    friend constexpr bool operator==(basic_name a, S const& b) noexcept { return a.text() == std::string_view{b}; }
    // clang-format on
    /// Names order by text (byte order).
    friend constexpr std::strong_ordering operator<=>(basic_name a, basic_name b) noexcept {
        return a.text() <=> b.text();
    }

private:
    static std::string_view const* lookup(std::string_view text) {
        if (auto const e = detail::parse_enum<E>(text)) return &detail::enum_views<E>[static_cast<std::size_t>(*e)];
        if (text.empty()) return &detail::empty_name;
        return detail::intern_name(text);
    }

    std::string_view const* text_ = &detail::empty_name;
};

/// The rule id of a finding: a built-in rule (rule_id) or the id of a user rule.
using rule_name = basic_name<rule_id>;
/// A subject or witness key: a built-in key (key_id) or one a user rule chose.
using key_name = basic_name<key_id>;

} // namespace samverkan

#endif // SAMVERKAN_DIAGNOSTICS_NAMES_HPP
