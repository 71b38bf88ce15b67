// finding: one problem the audit found, as data.
#ifndef SAMVERKAN_DIAGNOSTICS_FINDING_HPP
#define SAMVERKAN_DIAGNOSTICS_FINDING_HPP

#include <samverkan/diagnostics/severity.hpp>
#include <samverkan/model/ids.hpp>

#include <algorithm>
#include <cstddef>
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

/// One key of a finding's subjects or witness, e.g. {"duty", duty_id{3}}.
struct field {
    std::string key;
    field_value value;
    friend bool operator==(field const&, field const&) = default;
};

/// A finding: the rule id, its severity, the elements involved (subjects, in the key order of rules.md),
/// the evidence (witness) and a message for people. Findings are data, never exceptions.
///
///     for (auto const& f : samverkan::audit(m).findings)
///         if (f.rule == "mandate-missing") std::cout << f.message << '\n';
struct finding {
    std::string rule{};
    samverkan::severity severity = samverkan::severity::error;
    std::vector<field> subjects{};
    std::vector<field> witness{};
    std::string message{};

    /// The value of subject `key`, or nullptr.
    [[nodiscard]] field_value const* subject(std::string_view key) const noexcept { return lookup(subjects, key); }
    /// The value of witness `key`, or nullptr.
    [[nodiscard]] field_value const* evidence(std::string_view key) const noexcept { return lookup(witness, key); }

    /// The single element id of subject `key`, if it is one of type Id: `f.subject_id<duty_id>("duty")`.
    template <element_id Id>
    [[nodiscard]] std::optional<Id> subject_id(std::string_view key) const noexcept {
        if (auto const* v = subject(key))
            if (auto const* ref = std::get_if<element_ref>(v))
                if (auto const* id = std::get_if<Id>(ref)) return *id;
        return std::nullopt;
    }

    friend bool operator==(finding const&, finding const&) = default;

private:
    static field_value const* lookup(std::vector<field> const& fields, std::string_view key) noexcept {
        auto it = std::find_if(fields.begin(), fields.end(), [key](field const& f) { return f.key == key; });
        return it == fields.end() ? nullptr : &it->value;
    }
};

/// One line for people: severity, rule id and message in columns.
///     error    mandate-missing              no one on 'Ta fram lägesbild' holds ...
inline std::ostream& operator<<(std::ostream& os, finding const& f) {
    std::string line{to_string(f.severity)};
    line.resize(std::max<std::size_t>(line.size() + 1, 9), ' ');
    line += f.rule;
    line.resize(std::max<std::size_t>(line.size() + 1, 38), ' ');
    line += f.message;
    return os << line;
}

} // namespace samverkan

#endif // SAMVERKAN_DIAGNOSTICS_FINDING_HPP
