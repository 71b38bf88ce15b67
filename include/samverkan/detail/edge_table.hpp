// Storage for one relation kind: a flat vector of edge records, threaded into per-source and per-target
// singly linked lists (in insertion order). 16 bytes plus the payload per relation, no allocation per
// relation beyond amortised vector growth. A removed edge is unlinked from both lists and its record stays
// as a tombstone (its index is never reused); see remove().
#ifndef SAMVERKAN_DETAIL_EDGE_TABLE_HPP
#define SAMVERKAN_DETAIL_EDGE_TABLE_HPP

#include <samverkan/detail/optional_index.hpp>
#include <samverkan/detail/tombstones.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <limits>
#include <vector>

namespace samverkan::detail {

struct no_payload {
    friend constexpr bool operator==(no_payload, no_payload) noexcept { return true; }
};

/// A forward range of edge indices following one of the `next` links of an edge table.
template <class Record, std::uint32_t Record::*Next>
class edge_chain {
public:
    class iterator {
    public:
        using value_type = std::uint32_t;
        using difference_type = std::ptrdiff_t;
        using iterator_concept = std::forward_iterator_tag;
        iterator() = default;
        iterator(Record const* records, std::uint32_t at) noexcept : records_{records}, at_{at} {}
        std::uint32_t operator*() const noexcept { return at_; }
        iterator& operator++() noexcept {
            at_ = records_[at_].*Next;
            return *this;
        }
        iterator operator++(int) noexcept {
            iterator old = *this;
            ++*this;
            return old;
        }
        friend bool operator==(iterator const& a, iterator const& b) noexcept { return a.at_ == b.at_; }

    private:
        Record const* records_ = nullptr;
        std::uint32_t at_ = npos;
    };

    edge_chain() = default;
    edge_chain(Record const* records, std::uint32_t head) noexcept : records_{records}, head_{head} {}
    [[nodiscard]] iterator begin() const noexcept { return {records_, head_}; }
    [[nodiscard]] iterator end() const noexcept { return {records_, npos}; }

private:
    Record const* records_ = nullptr;
    std::uint32_t head_ = npos;
};

template <class Source, class Target, class Payload = no_payload>
class edge_table {
public:
    struct record {
        Source source;
        Target target;
        std::uint32_t next_out = npos;
        std::uint32_t next_in = npos;
        [[no_unique_address]] Payload payload{};
    };
    using out_range = edge_chain<record, &record::next_out>;
    using in_range = edge_chain<record, &record::next_in>;

    /// Number of live edges.
    [[nodiscard]] std::size_t size() const noexcept { return records_.size() - dead_.count(); }
    /// One past the largest edge index issued (live or removed): the size of per-edge arrays.
    [[nodiscard]] std::size_t bound() const noexcept { return records_.size(); }
    /// Whether edge `e` was removed.
    [[nodiscard]] bool dead(std::uint32_t e) const noexcept { return dead_.dead(e); }
    [[nodiscard]] tombstones const& removed() const noexcept { return dead_; }
    [[nodiscard]] record const& operator[](std::uint32_t e) const noexcept { return records_[e]; }
    [[nodiscard]] record& at(std::uint32_t e) noexcept { return records_[e]; }

    /// The edges leaving `s` / arriving at `t`, in insertion order.
    [[nodiscard]] out_range out(Source s) const noexcept { return {records_.data(), head(out_, s.index())}; }
    [[nodiscard]] in_range in(Target t) const noexcept { return {records_.data(), head(in_, t.index())}; }
    [[nodiscard]] std::uint32_t out_degree(Source s) const noexcept { return degree(out_, s.index()); }
    [[nodiscard]] std::uint32_t in_degree(Target t) const noexcept { return degree(in_, t.index()); }

    /// The first edge from s to t whose payload satisfies `pred`, or npos. O(min(out_degree, in_degree)).
    template <class Pred>
    [[nodiscard]] std::uint32_t find(Source s, Target t, Pred const& pred) const noexcept {
        if (out_degree(s) <= in_degree(t)) {
            for (std::uint32_t e : out(s))
                if (records_[e].target == t && pred(records_[e].payload)) return e;
        } else {
            for (std::uint32_t e : in(t))
                if (records_[e].source == s && pred(records_[e].payload)) return e;
        }
        return npos;
    }

    /// Appends an edge; returns its index. Strong guarantee.
    std::uint32_t add(Source s, Target t, Payload p = {}) {
        grow(out_, s.index());
        grow(in_, t.index());
        records_.push_back(record{s, t, npos, npos, p});
        auto const e = static_cast<std::uint32_t>(records_.size() - 1);
        link(out_[s.index()], e, &record::next_out);
        link(in_[t.index()], e, &record::next_in);
        return e;
    }

    /// Makes room to mark every edge removed; the only allocating step of a removal (call it first).
    void prepare_remove() { dead_.prepare(records_.size()); }

    /// Unlinks edge `e` from its two lists and marks it removed. O(out_degree(source) + in_degree(target)).
    /// Precondition: prepare_remove() since the last add(), and `e` is live.
    void remove(std::uint32_t e) noexcept {
        auto& r = records_[e];
        unlink(out_[r.source.index()], e, &record::next_out);
        unlink(in_[r.target.index()], e, &record::next_in);
        r.next_out = npos;
        r.next_in = npos;
        dead_.kill(e);
    }

    /// Room for `records` edges in all, and list heads for `sources` and `targets` elements, so that adding
    /// them does not regrow a vector (a regrowth briefly holds the old and the new array).
    void reserve(std::size_t records, std::size_t sources = 0, std::size_t targets = 0) {
        records_.reserve(records);
        if (sources > out_.size()) out_.resize(sources);
        if (targets > in_.size()) in_.resize(targets);
    }

private:
    struct list {
        std::uint32_t head = npos;
        std::uint32_t tail = npos;
        std::uint32_t degree = 0;
    };

    static std::uint32_t head(std::vector<list> const& lists, std::uint32_t i) noexcept {
        return i < lists.size() ? lists[i].head : npos;
    }
    static std::uint32_t degree(std::vector<list> const& lists, std::uint32_t i) noexcept {
        return i < lists.size() ? lists[i].degree : 0;
    }
    static void grow(std::vector<list>& lists, std::uint32_t i) {
        if (i >= lists.size()) lists.resize(std::max<std::size_t>(i + 1, lists.size() + lists.size() / 2));
    }
    void link(list& l, std::uint32_t e, std::uint32_t record::*next) noexcept {
        if (l.tail == npos) l.head = e;
        else records_[l.tail].*next = e;
        l.tail = e;
        ++l.degree;
    }

    void unlink(list& l, std::uint32_t e, std::uint32_t record::*next) noexcept {
        std::uint32_t prev = npos;
        for (std::uint32_t at = l.head; at != e; at = records_[at].*next) prev = at;
        std::uint32_t const after = records_[e].*next;
        if (prev == npos) l.head = after;
        else records_[prev].*next = after;
        if (l.tail == e) l.tail = prev;
        --l.degree;
    }

    std::vector<record> records_;
    tombstones dead_;
    std::vector<list> out_;
    std::vector<list> in_;
};

} // namespace samverkan::detail

#endif // SAMVERKAN_DETAIL_EDGE_TABLE_HPP
