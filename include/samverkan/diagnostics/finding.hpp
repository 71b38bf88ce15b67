// finding: one problem the audit found, as data (typed ids; the text is derived when written).
#ifndef SAMVERKAN_DIAGNOSTICS_FINDING_HPP
#define SAMVERKAN_DIAGNOSTICS_FINDING_HPP

#include <samverkan/diagnostics/names.hpp>
#include <samverkan/diagnostics/severity.hpp>
#include <samverkan/model/ids.hpp>

#include <algorithm>
#include <cstddef>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace samverkan {

/// A reference to one element of any kind.
using element_ref = std::variant<stage_id, scope_id, actor_id, mandate_id, duty_id, forum_id>;

/// A list of element references. `std::nullopt` appears only where rules.md writes `null` (the
/// "everywhere" scope in the witness of exclusive-overlap).
using ref_list = std::vector<std::optional<element_ref>>;

/// A map from elements to short texts (the `reasons` of mandate-missing), ordered by element id text.
using ref_map = std::vector<std::pair<element_ref, std::string>>;

/// A list of texts that are not model elements (the template role ids of obligation-misowned's `roles`).
using text_list = std::vector<std::string>;

/// The value of a subject or witness key.
using field_value = std::variant<element_ref, ref_list, std::string, ref_map, text_list>;

/// One key of a finding's subjects or witness, e.g. {key_id::duty, duty_id{3}} or, in a user rule,
/// {"consulted", actor_id{2}}.
struct field {
    key_name key;
    field_value value;
    friend bool operator==(field const&, field const&) = default;
};

/// The message a finding carries as text: that of a user rule, or one fixed when a finding leaves the model
/// it was found in (what_if, diff, fit, the incremental audit: see samverkan::freeze_messages). Empty for
/// the findings of the built-in rules, whose text samverkan::message(m, f) (analysis/message.hpp) derives
/// from the rule, the subjects, the witness and the model. 8 bytes; the text, if any, on the heap.
class literal_message {
public:
    literal_message() noexcept = default;
    literal_message(std::string text) // NOLINT(google-explicit-constructor): `.message = "..."` in user rules
        : text_{text.empty() ? nullptr : std::make_unique<std::string>(std::move(text))} {}
    literal_message(char const* text) : literal_message(std::string{text}) {} // NOLINT(google-explicit-constructor)
    literal_message(literal_message const& other)
        : text_{other.text_ ? std::make_unique<std::string>(*other.text_) : nullptr} {}
    literal_message(literal_message&&) noexcept = default;
    literal_message& operator=(literal_message const& other) {
        if (this != &other) text_ = other.text_ ? std::make_unique<std::string>(*other.text_) : nullptr;
        return *this;
    }
    literal_message& operator=(literal_message&&) noexcept = default;
    ~literal_message() = default;

    [[nodiscard]] bool empty() const noexcept { return !text_; }
    [[nodiscard]] std::string_view text() const noexcept {
        return text_ ? std::string_view{*text_} : std::string_view{};
    }
    friend bool operator==(literal_message const& a, literal_message const& b) noexcept { return a.text() == b.text(); }

private:
    std::unique_ptr<std::string> text_;
};

/// A finding: the rule id, its severity, the elements involved (subjects, in the key order of rules.md) and
/// the evidence (witness), as typed ids. Findings are data, never exceptions; their text for people is
/// samverkan::message(m, f) (analysis/message.hpp), built when it is written, not when the finding is made.
///
///     for (auto const& f : samverkan::audit(m).findings)
///         if (f.rule == "mandate-missing") std::cout << samverkan::message(m, f) << '\n';
///
/// Size: 80 bytes, plus one heap block for the subjects (48 bytes a key) and one for the witness, if any.
struct finding {
    rule_name rule{};
    samverkan::severity severity = samverkan::severity::error;
    std::vector<field> subjects{};
    std::vector<field> witness{};
    /// The text a user rule gives (or a fixed text, see literal_message); empty for built-in findings.
    literal_message message{};
    /// invalid-delegation only: the delegation the finding reports (the first invalid one listed of its
    /// mandate, from and to), whose scope and stages its message names. Not written in reports.
    std::optional<delegation_id> delegation{};

    /// The value of subject `key`, or nullptr.
    [[nodiscard]] field_value const* subject(std::string_view key) const noexcept { return lookup(subjects, key); }
    [[nodiscard]] field_value const* subject(key_id key) const noexcept { return lookup(subjects, key); }
    /// The value of witness `key`, or nullptr.
    [[nodiscard]] field_value const* evidence(std::string_view key) const noexcept { return lookup(witness, key); }
    [[nodiscard]] field_value const* evidence(key_id key) const noexcept { return lookup(witness, key); }

    /// The single element id of subject `key`, if it is one of type Id: `f.subject_id<duty_id>("duty")`.
    template <element_id Id>
    [[nodiscard]] std::optional<Id> subject_id(std::string_view key) const noexcept {
        return single<Id>(subject(key));
    }
    template <element_id Id>
    [[nodiscard]] std::optional<Id> subject_id(key_id key) const noexcept {
        return single<Id>(subject(key));
    }

    friend bool operator==(finding const&, finding const&) = default;

private:
    template <element_id Id>
    static std::optional<Id> single(field_value const* v) noexcept {
        if (v)
            if (auto const* ref = std::get_if<element_ref>(v))
                if (auto const* id = std::get_if<Id>(ref)) return *id;
        return std::nullopt;
    }
    static field_value const* lookup(std::vector<field> const& fields, std::string_view key) noexcept {
        auto it = std::find_if(fields.begin(), fields.end(), [key](field const& f) { return f.key.text() == key; });
        return it == fields.end() ? nullptr : &it->value;
    }
    static field_value const* lookup(std::vector<field> const& fields, key_id key) noexcept {
        auto it = std::find_if(fields.begin(), fields.end(), [key](field const& f) { return f.key == key; });
        return it == fields.end() ? nullptr : &it->value;
    }
};

/// A finding's text needs its model: write `samverkan::describe(m, f)` (analysis/message.hpp).
std::ostream& operator<<(std::ostream& os, finding const& f) = delete;

} // namespace samverkan

#endif // SAMVERKAN_DIAGNOSTICS_FINDING_HPP
