// adjacency: a small directed graph on vertices 0..n-1 with an out-list and an in-list per vertex, for the
// model's stage order and scope forest. It stores what basic_model needs of them (add and remove an edge,
// the out- and in-neighbours of a vertex, clearing a vertex, the number of edges) without Boost.Graph, so
// that the core headers do not pull Boost.Graph into every translation unit (issue 8). The algorithms run
// elsewhere, on graphs built from the model (model/graph_view.hpp).
//
// Order: both lists of a vertex are in the order the edges were added; removing an edge keeps the order of
// the others. (This is the order Boost.Graph's adjacency_list<vecS, vecS, bidirectionalS> gave, which the
// model used before, so every output stays the same.)
#ifndef SAMVERKAN_DETAIL_ADJACENCY_HPP
#define SAMVERKAN_DETAIL_ADJACENCY_HPP

#include <algorithm>
#include <cassert>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace samverkan::detail {

class adjacency {
public:
    /// Number of vertices and of edges. O(1).
    [[nodiscard]] std::size_t num_vertices() const noexcept { return out_.size(); }
    [[nodiscard]] std::size_t num_edges() const noexcept { return edges_; }

    /// The targets of the edges leaving `v` / the sources of the edges arriving at `v`, in insertion order.
    /// O(1). Precondition: v < num_vertices(). The span is invalidated by any change to the graph.
    [[nodiscard]] std::span<std::uint32_t const> out(std::uint32_t v) const noexcept {
        assert(v < out_.size());
        return out_[v];
    }
    [[nodiscard]] std::span<std::uint32_t const> in(std::uint32_t v) const noexcept {
        assert(v < in_.size());
        return in_[v];
    }

    /// Whether the edge u -> v exists. O(out-degree of u).
    [[nodiscard]] bool has_edge(std::uint32_t u, std::uint32_t v) const noexcept {
        auto const& o = out_[u];
        return std::find(o.begin(), o.end(), v) != o.end();
    }

    /// Makes room for one more vertex, so that the add_vertex() that follows cannot throw. Amortised O(1).
    void reserve_vertex() {
        grow(out_);
        grow(in_);
    }
    /// Adds vertex num_vertices(). Cannot throw after reserve_vertex(); strong guarantee otherwise.
    void add_vertex() {
        reserve_vertex();
        out_.emplace_back();
        in_.emplace_back();
    }

    /// Adds the edge u -> v (the caller keeps edges unique). Amortised O(1); strong guarantee.
    void add_edge(std::uint32_t u, std::uint32_t v) {
        out_[u].push_back(v);
        try {
            in_[v].push_back(u);
        } catch (...) {
            out_[u].pop_back();
            throw;
        }
        ++edges_;
    }

    /// Removes the edge u -> v if there is one; keeps the order of the other edges. O(degrees). Never throws.
    bool remove_edge(std::uint32_t u, std::uint32_t v) noexcept {
        if (!erase_one(out_[u], v)) return false;
        erase_one(in_[v], u);
        --edges_;
        return true;
    }

    /// Removes every edge into and out of `v`. O(its edges x the degrees at their other ends). Never throws.
    void clear_vertex(std::uint32_t v) noexcept {
        for (std::uint32_t t : out_[v]) erase_one(in_[t], v);
        for (std::uint32_t s : in_[v]) erase_one(out_[s], v);
        edges_ -= out_[v].size() + in_[v].size(); // a self loop left in_[v] in the first loop: counted once
        out_[v].clear();
        in_[v].clear();
    }

private:
    static void grow(std::vector<std::vector<std::uint32_t>>& lists) {
        if (lists.size() == lists.capacity()) lists.reserve(std::max<std::size_t>(16, 2 * lists.capacity()));
    }
    static bool erase_one(std::vector<std::uint32_t>& list, std::uint32_t x) noexcept {
        auto const it = std::find(list.begin(), list.end(), x);
        if (it == list.end()) return false;
        list.erase(it);
        return true;
    }

    std::vector<std::vector<std::uint32_t>> out_;
    std::vector<std::vector<std::uint32_t>> in_;
    std::size_t edges_ = 0;
};

} // namespace samverkan::detail

#endif // SAMVERKAN_DETAIL_ADJACENCY_HPP
