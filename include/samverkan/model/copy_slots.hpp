// copy_slots: copies the elements of one kind of a model into a new model so that every id keeps naming
// the same element, on an edited model too (removed elements are copied as removed elements). Used where
// an analysis builds a model from part of another and maps findings back by index (withdraw, what_if's
// region model, fit's region model). Internal (samverkan::detail); it sits in the model layer because it
// works on models.
#ifndef SAMVERKAN_MODEL_COPY_SLOTS_HPP
#define SAMVERKAN_MODEL_COPY_SLOTS_HPP

#include <samverkan/model/ids.hpp>

#include <cstdint>
#include <string>
#include <utility>

namespace samverkan::detail {

/// Adds to `out` (a model with no elements of the kind yet) every element of kind Id of `m` by
/// `add(value, id in m)`, removed ones included (under an id text that no live element has) and removed
/// again at once, so that every id of `m` names the same element in `out`. O(id_bound<Id>()).
template <element_id Id, class Model, class Add>
void copy_slots(Model const& m, Model& out, Add const& add) {
    auto const n = static_cast<std::uint32_t>(m.template id_bound<Id>());
    for (std::uint32_t i = 0; i < n; ++i) {
        Id const id{i};
        if (m.contains(id)) {
            add(m[id], id);
            continue;
        }
        auto value = m[id];
        std::string text = "\x7f(removed " + std::to_string(i) + ")";
        while (m.template find<Id>(text)) text += '_';
        value.id = std::move(text);
        out.remove(add(std::move(value), id));
    }
}

} // namespace samverkan::detail

#endif // SAMVERKAN_MODEL_COPY_SLOTS_HPP
