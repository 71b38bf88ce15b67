// The internal helpers of issue 8: the model's own adjacency lists (the same order as the Boost.Graph
// adjacency_list they replaced, under random edits), the counting sort of the CSR constructions, and the
// optional<->sentinel conversion.
#include "catch.hpp"

#include <samverkan/detail/adjacency.hpp>
#include <samverkan/detail/counting_sort.hpp>
#include <samverkan/detail/optional_index.hpp>
#include <samverkan/model/ids.hpp>

#include <boost/graph/adjacency_list.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <random>
#include <span>
#include <utility>
#include <vector>

namespace samverkan_tests_detail_helpers_test { // one per file: the tests are built as a unity build

namespace sd = samverkan::detail;

namespace {
using bgl_graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS>;

std::vector<std::uint32_t> out_of(bgl_graph const& g, std::uint32_t v) {
    std::vector<std::uint32_t> r;
    for (auto [b, e] = boost::adjacent_vertices(v, g); b != e; ++b) r.push_back(static_cast<std::uint32_t>(*b));
    return r;
}
std::vector<std::uint32_t> in_of(bgl_graph const& g, std::uint32_t v) {
    std::vector<std::uint32_t> r;
    for (auto [b, e] = boost::inv_adjacent_vertices(v, g); b != e; ++b) r.push_back(static_cast<std::uint32_t>(*b));
    return r;
}
std::vector<std::uint32_t> as_vector(std::span<std::uint32_t const> s) { return {s.begin(), s.end()}; }
} // namespace

TEST_CASE("adjacency: the same lists, in the same order, as Boost.Graph's adjacency_list under random edits") {
    for (unsigned seed = 1; seed <= 200; ++seed) {
        std::mt19937 rng{seed};
        auto const pick = [&](std::uint32_t n) { return std::uniform_int_distribution<std::uint32_t>{0, n - 1}(rng); };
        sd::adjacency mine;
        bgl_graph theirs;
        for (int step = 0; step < 60; ++step) {
            auto const n = static_cast<std::uint32_t>(mine.num_vertices());
            auto const what = pick(10);
            if (n < 2 || what == 0) {
                mine.add_vertex();
                boost::add_vertex(theirs);
                continue;
            }
            auto const u = pick(n), v = pick(n);
            if (what <= 5) {
                if (u == v || mine.has_edge(u, v)) continue; // the model keeps edges unique and loop-free
                mine.add_edge(u, v);
                boost::add_edge(u, v, theirs);
            } else if (what <= 8) {
                bool const had = boost::edge(u, v, theirs).second;
                CHECK(mine.remove_edge(u, v) == had);
                boost::remove_edge(u, v, theirs);
            } else {
                mine.clear_vertex(u);
                boost::clear_vertex(u, theirs);
            }
            REQUIRE(mine.num_edges() == boost::num_edges(theirs));
        }
        INFO("seed " << seed);
        REQUIRE(mine.num_vertices() == boost::num_vertices(theirs));
        for (std::uint32_t v = 0; v < mine.num_vertices(); ++v) {
            CHECK(as_vector(mine.out(v)) == out_of(theirs, v));
            CHECK(as_vector(mine.in(v)) == in_of(theirs, v));
            for (std::uint32_t w : mine.out(v)) CHECK(mine.has_edge(v, w));
        }
    }
}

TEST_CASE("counting_sort: offsets and a payload grouped by key, stable within a key") {
    std::vector<std::pair<std::uint32_t, char>> const items{{2, 'a'}, {0, 'b'}, {2, 'c'}, {4, 'd'}, {0, 'e'}, {2, 'f'}};
    std::vector<std::uint32_t> begin;
    std::vector<char> out;
    sd::counting_sort(
        5, items, [](auto const& p) { return p.first; }, [](auto const& p) { return p.second; }, begin, out);
    CHECK(begin == std::vector<std::uint32_t>{0, 2, 2, 5, 5, 6});
    CHECK(out == std::vector<char>{'b', 'e', 'a', 'c', 'f', 'd'});
    CHECK(sd::group_offsets(5, items, [](auto const& p) { return p.first; }) == begin);

    // value_of runs once per item in input order (the CSR constructions rely on it)
    std::vector<std::uint32_t> calls, positions;
    sd::counting_sort(
        3, sd::indices{4}, [](std::uint32_t i) { return 2 - i % 3; },
        [&](std::uint32_t i) {
            calls.push_back(i);
            return i;
        },
        begin, positions);
    CHECK(calls == std::vector<std::uint32_t>{0, 1, 2, 3});
    CHECK(begin == std::vector<std::uint32_t>{0, 1, 2, 4});
    CHECK(positions == std::vector<std::uint32_t>{2, 1, 0, 3});

    sd::counting_sort(
        0, std::vector<int>{}, [](int) { return 0U; }, [](int x) { return x; }, begin, positions);
    CHECK(begin == std::vector<std::uint32_t>{0});
    CHECK(positions.empty());
}

TEST_CASE("optional index: an id and its sentinel form convert both ways") {
    using samverkan::scope_id;
    CHECK(sd::index_or_npos(std::optional<scope_id>{}) == sd::npos);
    CHECK(sd::index_or_npos(std::optional{scope_id{7}}) == 7);
    CHECK_FALSE(sd::id_or_none<scope_id>(sd::npos));
    CHECK(sd::id_or_none<scope_id>(0) == std::optional{scope_id{0}});
    static_assert(sd::index_or_npos(std::optional{scope_id{3}}) == 3);
}

} // namespace samverkan_tests_detail_helpers_test
