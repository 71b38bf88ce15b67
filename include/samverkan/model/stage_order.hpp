// stage_order: O(1) "later than" queries on the stage DAG after a reachability preparation.
#ifndef SAMVERKAN_MODEL_STAGE_ORDER_HPP
#define SAMVERKAN_MODEL_STAGE_ORDER_HPP

#include <samverkan/model/basic_model.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace samverkan {

/// Stage order as model-format.md defines it: `t` is later than `s` when `s` can be reached from `t` by
/// following "after" links; stages neither of which is later than the other are parallel.
///
///     samverkan::stage_order order{m};
///     order.later_than(atgardsplan, lagesbild);   // true
///
/// Construction O(stages * links / 64) with a bit matrix of stages^2 bits (a model has few stages);
/// queries O(1), noexcept. The order does not follow later changes of the model.
class stage_order {
public:
    stage_order() = default;

    template <class Traits>
    explicit stage_order(basic_model<Traits> const& m)
        : n_{m.template id_bound<stage_id>()}, words_{(n_ + 63) / 64}, bits_(n_ * words_, 0) {
        // depth-first post-order over "after" links, so every earlier stage is finished first
        std::vector<std::uint8_t> state(n_, 0);
        std::vector<std::pair<stage_id, bool>> stack;
        for (stage_id start : m.stages()) {
            if (state[start.index()] != 0) continue;
            stack.emplace_back(start, false);
            while (!stack.empty()) {
                auto [t, done] = stack.back();
                stack.pop_back();
                if (done) {
                    for (stage_id s : m.earlier_stages(t)) {
                        set(t, s);
                        for (std::size_t w = 0; w < words_; ++w)
                            bits_[t.index() * words_ + w] |= bits_[s.index() * words_ + w];
                    }
                    state[t.index()] = 2;
                    continue;
                }
                if (state[t.index()] != 0) continue;
                state[t.index()] = 1;
                stack.emplace_back(t, true);
                for (stage_id s : m.earlier_stages(t))
                    if (state[s.index()] == 0) stack.emplace_back(s, false);
            }
        }
    }

    /// Whether `t` comes (transitively) after `s`. A stage is never later than itself.
    [[nodiscard]] bool later_than(stage_id t, stage_id s) const noexcept {
        return (bits_[t.index() * words_ + s.index() / 64] >> (s.index() % 64)) & 1U;
    }
    /// Whether neither stage is later than the other (a stage is parallel to itself).
    [[nodiscard]] bool parallel(stage_id a, stage_id b) const noexcept {
        return !later_than(a, b) && !later_than(b, a);
    }

private:
    void set(stage_id t, stage_id s) noexcept {
        bits_[t.index() * words_ + s.index() / 64] |= std::uint64_t{1} << (s.index() % 64);
    }

    std::size_t n_ = 0;
    std::size_t words_ = 0;
    std::vector<std::uint64_t> bits_;
};

} // namespace samverkan

#endif // SAMVERKAN_MODEL_STAGE_ORDER_HPP
