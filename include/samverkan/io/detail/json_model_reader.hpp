// The samverkan/1 model reader behind io::read_json (model-format.md, section 1).
//
// Two phases:
//   1. One streaming pass over the text with json_cursor. Elements go straight into a local model (their
//      strings copied once; duplicate ids caught at the element). Every reference gets a slot in a flat
//      pool of its kind and is looked up in batches of 256 while its text is still in the cache (the
//      lookups pipelined: basic_model::find_many); one that does not resolve yet (a forward reference,
//      an escaped id, or an unknown id) has its text copied aside.
//   2. The copied references are looked up again, the relations added, and any reference that still
//      does not resolve is reported. Stage and scope links are checked for cycles first (so the error
//      names the whole cycle) and added in an order that keeps the model's own checks O(1) per link.
// Errors found in phase 1 are reported in the order of the file; references may point forward, so they
// are all checked after it, kind by kind. The local model is returned only when everything is valid.
//
// Phase 2 does not read the text again except to locate an error. A caller that owns the text (the
// mapped file of io::read_json_file) can therefore drop its pages as phase 1 passes them (on_release):
// loading a national model then holds the model and a window of the file, not the whole file besides.
//
// Cost: O(input) time for phase 1; phase 2 is O(relations) expected (hash lookups). Extra memory besides
// the input and the model: 8 bytes per reference (the element's index and where it was), the text of the
// references that did not resolve while reading, and a few bytes per element. The text must be shorter
// than 4 GiB (a 290-municipality national model is about 0.4 GiB).
#ifndef SAMVERKAN_IO_DETAIL_JSON_MODEL_READER_HPP
#define SAMVERKAN_IO_DETAIL_JSON_MODEL_READER_HPP

#include <samverkan/detail/suggest.hpp>
#include <samverkan/io/detail/json_cursor.hpp>
#include <samverkan/io/detail/json_element_reader.hpp>
#include <samverkan/io/detail/json_text.hpp>
#include <samverkan/io/detail/text_release.hpp>
#include <samverkan/io/load_error.hpp>
#include <samverkan/model/basic_model.hpp>

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace samverkan::io::detail {

using samverkan::detail::suggester;

/// The keys of each object of the format, in the canonical order the writer uses.
namespace keys {
inline constexpr std::string_view top[] = {"format", "name",     "description", "attributes",  "stages", "scopes",
                                           "actors", "mandates", "holds",       "delegations", "duties", "forums"};
inline constexpr std::string_view stage[] = {"id", "name", "after", "attributes"};
inline constexpr std::string_view scope[] = {"id", "name", "within", "attributes"};
inline constexpr std::string_view actor[] = {"id", "name", "category", "attributes"};
inline constexpr std::string_view mandate[] = {"id", "name", "basis", "exclusive", "delegable", "attributes"};
inline constexpr std::string_view holding[] = {"actor", "mandate", "scope", "stages", "attributes"};
inline constexpr std::string_view delegation[] = {"from", "to", "mandate", "scope", "stages", "attributes"};
inline constexpr std::string_view duty[] = {"id",    "name",     "basis", "stage",    "scope",     "requires",
                                            "needs", "optional", "raci",  "realises", "attributes"};
inline constexpr std::string_view forum[] = {"id",          "name",   "model", "members",
                                             "coordinator", "covers", "scope", "attributes"};
inline constexpr std::string_view raci[] = {"R", "A", "C", "I"};

/// The relation keys of each element kind: read and written explicitly, never described members.
inline constexpr std::string_view stage_relations[] = {"after"};
inline constexpr std::string_view scope_relations[] = {"within"};
inline constexpr std::span<std::string_view const> no_relations{};
inline constexpr std::string_view duty_relations[] = {"stage", "scope", "requires", "needs", "raci", "realises"};
inline constexpr std::string_view forum_relations[] = {"members", "coordinator", "covers", "scope"};

/// The canonical key table and the relation keys of the elements of kind Id.
template <class Id>
struct of;
template <>
struct of<stage_id> {
    static constexpr std::span<std::string_view const> table{stage}, relations{stage_relations};
    static constexpr std::string_view what = "a stage";
};
template <>
struct of<scope_id> {
    static constexpr std::span<std::string_view const> table{scope}, relations{scope_relations};
    static constexpr std::string_view what = "a scope";
};
template <>
struct of<actor_id> {
    static constexpr std::span<std::string_view const> table{actor}, relations{no_relations};
    static constexpr std::string_view what = "an actor";
};
template <>
struct of<mandate_id> {
    static constexpr std::span<std::string_view const> table{mandate}, relations{no_relations};
    static constexpr std::string_view what = "a mandate";
};
template <>
struct of<duty_id> {
    static constexpr std::span<std::string_view const> table{duty}, relations{duty_relations};
    static constexpr std::string_view what = "a duty";
};
template <>
struct of<forum_id> {
    static constexpr std::span<std::string_view const> table{forum}, relations{forum_relations};
    static constexpr std::string_view what = "a forum";
};
} // namespace keys

/// The keys of an element of kind Id with element type T, in canonical order (computed once).
template <element_id Id, class T>
[[nodiscard]] std::span<element_key const> known_keys() {
    static std::vector<element_key> const list = element_keys<T>(keys::of<Id>::table, keys::of<Id>::relations);
    return list;
}

/// Compile-time checks of a traits type's element types for reading and writing.
template <model_traits Traits>
consteval bool check_element_types() {
    using T = Traits;
    static_assert(described_element<typename T::stage_type> && described_element<typename T::scope_type> &&
                      described_element<typename T::actor_type> && described_element<typename T::mandate_type> &&
                      described_element<typename T::duty_type> && described_element<typename T::forum_type>,
                  "samverkan::io: every element type must be described with BOOST_DESCRIBE_STRUCT");
    static_assert(members_fit<typename T::stage_type>(keys::of<stage_id>::relations) &&
                      members_fit<typename T::scope_type>(keys::of<scope_id>::relations) &&
                      members_fit<typename T::actor_type>(keys::of<actor_id>::relations) &&
                      members_fit<typename T::mandate_type>(keys::of<mandate_id>::relations) &&
                      members_fit<typename T::duty_type>(keys::of<duty_id>::relations) &&
                      members_fit<typename T::forum_type>(keys::of<forum_id>::relations),
                  "samverkan::io: a described member has a type the JSON format cannot hold (see "
                  "io/detail/json_element_reader.hpp) or is named like a relation key of its kind");
    return true;
}

template <model_traits Traits>
class basic_model_reader : json_document_reader {
    static_assert(check_element_types<Traits>());
    using model_type = basic_model<Traits>;

public:
    basic_model_reader(std::string_view text, std::string_view source, std::size_t max_depth)
        : json_document_reader{text, source, max_depth} {
        description_hint_ = true;
    }

    /// Reads and validates the whole text. Throws load_error.
    model_type read() {
        if (text_.size() >= kept_ref::unresolved)
            throw load_error{std::string{source_}, 0, 0, "",
                             "the text is 4 GiB or larger; this reader takes smaller models"};
        // Room for the references at once: growing a pool by doubling would copy it and, while copying,
        // hold both the old and the new array. A reference takes at least 4 bytes of text ("x",), usually
        // far more; the reservation is address space only until used.
        for (std::size_t k = 0; k < 5; ++k) pools_[k].reserve(text_.size() / (k == 2 ? 24 : 64));
        try {
            read_document();
            flush_all();
            release(text_.size());
            resolve();
        } catch (json_failure const& f) {
            throw error_of(f);
        }
        return std::move(m_);
    }

    /// Tells the reader that the owner of the text can drop its pages: `release(end)` is called with
    /// growing offsets, below which the reader needs the text only to report an error. (The tool's mapped
    /// file answers with madvise(MADV_DONTNEED): a page read again is read back from the file.)
    /// `step`: how many bytes the reader passes between two calls (tests use small steps).
    void on_release(text_release r, std::size_t step = std::size_t{32} << 20) noexcept {
        release_ = r;
        release_step_ = step == 0 ? 1 : step;
    }

private:
    struct ref_range {
        std::uint32_t begin = 0;
        std::uint32_t count = 0;
    };
    /// A reference kept for phase 2 in 8 bytes. References are resolved in batches while the text is
    /// read (flush), so phase 2 does not read the text again: resolved, `index` is the element's index
    /// and `at` the offset of the reference's opening quote; not resolved yet (a forward reference, or
    /// one that names no element: an error in phase 2), its text is copied to spill_ and `at` is its
    /// entry there.
    struct kept_ref {
        static constexpr std::uint32_t unresolved = std::numeric_limits<std::uint32_t>::max();
        std::uint32_t at = 0;
        std::uint32_t index = unresolved;
        [[nodiscard]] bool resolved() const noexcept { return index != unresolved; }
    };
    /// A reference whose text was copied: spill_text_[begin, begin + size), opening quote at `at`.
    struct spilled_ref {
        std::size_t begin = 0;
        std::uint32_t size = 0;
        std::uint32_t at = 0;
    };
    /// A reference read but not looked up yet: its slot in the pool, its text (in the input), its quote.
    struct pending_ref {
        std::uint32_t slot = 0;
        std::uint32_t at = 0;
        std::string_view text;
    };
    /// A reference: its index in the pool of its kind (pools_); absent: no_ref.
    using ref = std::uint32_t;
    static constexpr ref no_ref = std::numeric_limits<std::uint32_t>::max();
    struct raw_holding {
        ref actor = no_ref, mandate = no_ref, scope = no_ref;
        ref_range stages;
        std::string attributes;
    };
    struct raw_delegation {
        ref from = no_ref, to = no_ref, mandate = no_ref, scope = no_ref;
        ref_range stages;
        std::string attributes;
    };
    struct raw_duty {
        ref stage = no_ref, scope = no_ref;
        ref_range requires_, needs;
        std::array<ref_range, 4> raci;
    };
    struct raw_forum {
        typename Traits::forum_type value;
        std::size_t id_offset = 0;
        ref scope = no_ref, coordinator = no_ref;
        ref_range members, covers;
    };

    /// Copies a reference's text to spill_ and returns it as an unresolved kept_ref.
    kept_ref spill(std::string_view v, std::size_t quote) {
        if (spilled_.size() >= kept_ref::unresolved - 1) fail("too many unresolved references in one model");
        spilled_.push_back(
            {spill_text_.size(), static_cast<std::uint32_t>(v.size()), static_cast<std::uint32_t>(quote)});
        spill_text_.append(v);
        return {static_cast<std::uint32_t>(spilled_.size() - 1), kept_ref::unresolved};
    }
    /// The current string as a reference of kind Id in pool slot `slot`: unescaped, it waits in pending_
    /// for the next flush (a batched lookup while its text is still in the cache); escaped, its decoded
    /// text is copied at once (the cursor reuses its buffer) and looked up in phase 2.
    template <element_id Id>
    void keep(std::vector<kept_ref>& p) {
        std::string_view const v = c_.value();
        if (v.size() >= kept_ref::unresolved / 2) fail("an id of 2 GiB or more");
        if (p.size() >= no_ref - 1) fail("too many references in one model (at most 2^32 - 2 of a kind)");
        auto const slot = static_cast<std::uint32_t>(p.size());
        if (c_.escaped()) {
            p.push_back(spill(v, c_.offset()));
            return;
        }
        p.emplace_back();
        auto& waiting = pending_[static_cast<std::size_t>(kind_of<Id>)];
        waiting.push_back({slot, static_cast<std::uint32_t>(v.data() - text_.data() - 1), v});
        if (waiting.size() == batch) flush<Id>();
    }
    /// Looks up the pending references of kind Id at once (basic_model::find_many: the index lookups are
    /// pipelined). The staged elements of the kind are added first, so that a reference to an element a
    /// little earlier in the file resolves too. What does not resolve is copied for phase 2.
    template <element_id Id>
    void flush() {
        if constexpr (std::same_as<Id, actor_id> || std::same_as<Id, mandate_id> || std::same_as<Id, duty_id>)
            add_staged<Id>();
        auto& waiting = pending_[static_cast<std::size_t>(kind_of<Id>)];
        std::size_t const n = waiting.size();
        if (n == 0) return;
        std::uint32_t found[batch];
        m_.template find_many<Id>(
            n, [&](std::size_t i) { return waiting[i].text; }, found);
        auto& p = pool<Id>();
        for (std::size_t i = 0; i < n; ++i) {
            pending_ref const& r = waiting[i];
            p[r.slot] = found[i] != no_ref ? kept_ref{r.at, found[i]} : spill(r.text, r.at);
        }
        waiting.clear();
    }
    void flush_all() {
        flush<stage_id>();
        flush<scope_id>();
        flush<actor_id>();
        flush<mandate_id>();
        flush<duty_id>();
    }
    /// Every `release_step_` bytes: lets the owner of the text drop the pages before the current element.
    void maybe_release() {
        if (release_.release == nullptr || c_.offset() < released_ + release_step_) return;
        release(c_.offset());
    }
    /// Resolves what is pending (its text is about to go) and releases the text before `end`.
    void release(std::size_t end) {
        if (release_.release == nullptr || end <= released_) return;
        flush_all();
        release_.release(release_.context, end);
        released_ = end;
    }

    template <element_id Id>
    std::vector<kept_ref>& pool() noexcept {
        return pools_[static_cast<std::size_t>(kind_of<Id>)];
    }
    template <element_id Id>
    std::vector<kept_ref> const& pool() const noexcept {
        return pools_[static_cast<std::size_t>(kind_of<Id>)];
    }
    template <element_id Id>
    void read_ref(ref& out) {
        read_string();
        auto& p = pool<Id>();
        out = static_cast<ref>(p.size());
        keep<Id>(p);
    }
    template <element_id Id>
    void read_ref_list(ref_range& out) {
        auto& p = pool<Id>();
        out.begin = static_cast<std::uint32_t>(p.size());
        read_array([&](json_event e) {
            if (e != json_event::string) wrong_type(e, "a string (an id)");
            keep<Id>(p);
        });
        out.count = static_cast<std::uint32_t>(p.size() - out.begin);
    }

    // ---- phase 1: the document ----------------------------------------------------------------------------

    void read_document() {
        json_event e = c_.next();
        if (e != json_event::object_begin) wrong_type(e, "an object (a samverkan model) at the top level");
        std::size_t const root = c_.offset();
        bool format = false;
        while ((e = c_.next()) == json_event::key) {
            std::string_view const k = c_.value();
            if (same(k, "format")) {
                std::string_view const v = read_string();
                if (v == "samverkan/1") version_ = format_version::v1;
                else if (v == "samverkan/1.1") version_ = format_version::v1_1;
                else
                    fail("unknown format " + quote(v) +
                         "; this reader understands \"samverkan/1\" and \"samverkan/1.1\"");
                format = true;
            } else if (same(k, "name")) {
                m_.set_name(std::string{read_string()});
            } else if (same(k, "description")) {
                m_.set_description(std::string{read_string()});
            } else if (same(k, "attributes")) {
                std::string a;
                read_attributes(a);
                m_.set_attributes(std::move(a));
            } else if (same(k, "stages")) {
                read_array([&](json_event x) { read_stage(x); });
            } else if (same(k, "scopes")) {
                read_array([&](json_event x) { read_scope(x); });
            } else if (same(k, "actors")) {
                read_staged<actor_id>([&](json_event x) { read_actor(x); });
            } else if (same(k, "mandates")) {
                read_staged<mandate_id>([&](json_event x) { read_mandate(x); });
            } else if (same(k, "holds")) {
                read_array([&](json_event x) { read_holding(x); });
            } else if (same(k, "delegations")) {
                read_array([&](json_event x) { read_delegation(x); });
            } else if (same(k, "duties")) {
                read_staged<duty_id>([&](json_event x) { read_duty(x); });
            } else if (same(k, "forums")) {
                read_array([&](json_event x) { read_forum(x); });
            } else {
                unknown_key(k, keys::top, "the top level");
            }
        }
        // e is object_end; the cursor checks that nothing but whitespace follows.
        if (!format)
            throw error_at(root, "",
                           "missing required key \"format\" at the top level (a model file starts with "
                           "\"format\": \"samverkan/1\")");
        // "realises" exists only in samverkan/1.1; "format" may come after the duties, so this is checked last
        if (version_ == format_version::v1 && realises_at_)
            throw error_at(*realises_at_, realises_path_,
                           "unknown key \"realises\" in a duty: it belongs to format \"samverkan/1.1\", and this "
                           "file says \"samverkan/1\"");
        m_.set_format_version(version_);
        c_.next();
    }

    /// The number of objects directly inside the array whose '[' is at `open`, by a quick structural scan
    /// (strings skipped, brackets counted, nothing validated: the cursor does that), capped at what the
    /// array's bytes can hold (an element takes at least 9: {"id":""}). Sixteen bytes at a time with SSE2:
    /// only the bytes that can matter (quotes, brackets, backslashes) are looked at. O(length of the array).
    static std::size_t count_array_objects(std::string_view text, std::size_t open) noexcept {
        std::size_t depth = 0, count = 0, skip_to = 0;
        bool in_string = false;
        std::size_t const n = text.size();
        auto const* data = reinterpret_cast<unsigned char const*>(text.data());
        // Returns true at the array's closing bracket.
        auto const step = [&](std::size_t pos) {
            if (pos < skip_to) return false; // the byte after a backslash
            unsigned char const c = data[pos];
            if (in_string) {
                if (c == '\\') skip_to = pos + 2;
                else if (c == '"') in_string = false;
                return false;
            }
            if (c == '"') in_string = true;
            else if (c == '{' || c == '[') {
                if (depth++ == 0 && c == '{') ++count;
            } else if ((c == '}' || c == ']') && depth-- == 0) {
                return true;
            }
            return false;
        };
        auto const result = [&](std::size_t pos) { return std::min(count, (pos - open) / 9); };
        std::size_t pos = open + 1;
#if defined(__SSE2__)
        __m128i const quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\'), brace = _mm_set1_epi8('{'),
                      close_brace = _mm_set1_epi8('}'), bracket = _mm_set1_epi8('['),
                      close_bracket = _mm_set1_epi8(']');
        for (; pos + 16 <= n; pos += 16) {
            __m128i const v = _mm_loadu_si128(reinterpret_cast<__m128i const*>(data + pos));
            __m128i const hits =
                _mm_or_si128(_mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)),
                                          _mm_or_si128(_mm_cmpeq_epi8(v, brace), _mm_cmpeq_epi8(v, close_brace))),
                             _mm_or_si128(_mm_cmpeq_epi8(v, bracket), _mm_cmpeq_epi8(v, close_bracket)));
            for (auto mask = static_cast<unsigned>(_mm_movemask_epi8(hits)); mask != 0; mask &= mask - 1) {
                std::size_t const at = pos + static_cast<std::size_t>(std::countr_zero(mask));
                if (step(at)) return result(at);
            }
        }
#endif
        for (; pos < n; ++pos)
            if (step(pos)) return result(pos);
        return 0;
    }

    // Actors, mandates and duties are added in batches of `batch`: the index slots of a batch's ids are
    // prefetched together (basic_model::find_many), so that adding 10^6 elements does not wait for memory
    // once per element. A batch is added before any later error is reported, so errors still come in
    // the order of the file.
    static constexpr std::size_t batch = 256;
    template <class T>
    struct staged_element {
        T value;
        std::uint32_t id_offset = 0;
        std::vector<std::string> realised; // duties only
        /// Made by `make()` in place (guaranteed elision: no move of the element).
        template <class Make>
        explicit staged_element(Make const& make) : value(make()) {}
        staged_element(T&& v, std::size_t at, std::vector<std::string>&& keys)
            : value(std::move(v)), id_offset(static_cast<std::uint32_t>(at)), realised(std::move(keys)) {}
    };

    template <element_id Id>
    auto& staged() noexcept {
        if constexpr (std::same_as<Id, actor_id>) return staged_actors_;
        else if constexpr (std::same_as<Id, mandate_id>) return staged_mandates_;
        else return staged_duties_;
    }

    /// Reads the array of a staged kind; adds what is staged at its end, and before any error inside it
    /// is passed on (a duplicate id among the staged elements comes first in the file).
    template <element_id Id, class Each>
    void read_staged(Each&& each) {
        try {
            json_event e = c_.next();
            if (e != json_event::array_begin) wrong_type(e, "an array");
            // Actors and mandates: room for the whole array at once (no regrowing, copying, of the element
            // vector, no rehashing of the index), from a quick count of its objects. Duties are not
            // counted: they are large, so the count (a byte-wise scan of most of a national model) cost
            // more than the regrowing it saves.
            if constexpr (!std::same_as<Id, duty_id>) {
                std::size_t const n = count_array_objects(text_, c_.offset());
                m_.template reserve<Id>(m_.template id_bound<Id>() + n);
                id_offsets_[static_cast<std::size_t>(kind_of<Id>)].reserve(m_.template id_bound<Id>() + n);
            }
            std::size_t const start = c_.offset();
            std::size_t read = 0;
            while ((e = c_.next()) != json_event::array_end) {
                each(e);
                maybe_release();
                if constexpr (std::same_as<Id, duty_id>)
                    if (++read == estimate_after) reserve_duties(start, read);
            }
            flush_all();
        } catch (...) {
            add_staged<Id>();
            throw;
        }
        add_staged<Id>();
    }

    /// Duties: room for about as many more as the rest of the text holds at the size of the first
    /// `estimate_after` (a duty section is nearly always the bulk of a model). Counting them, as for
    /// actors and mandates, would scan most of a national model a second time; regrowing by doubling
    /// copies the duties and, while copying, holds both arrays. An estimate too high costs address space
    /// for the arrays (pages never touched are never resident) and 16 bytes per duty in the id index; one
    /// too low leaves the rest to doubling. The reservation is only a hint: if the estimate is more than
    /// the machine can give (bad_alloc), reading goes on without it.
    static constexpr std::size_t estimate_after = 4096;
    void reserve_duties(std::size_t start, std::size_t read) {
        std::size_t const used = c_.offset() - start;
        if (used == 0) return;
        std::size_t const more = (text_.size() - c_.offset()) / (used / read + 1);
        std::size_t const n = m_.template id_bound<duty_id>() + staged_duties_.size() + more + more / 32;
        try {
            m_.template reserve<duty_id>(n);
            duties_.reserve(n);
            id_offsets_[static_cast<std::size_t>(kind_of<duty_id>)].reserve(n);
        } catch (std::bad_alloc const&) {
            // each reserve is all or nothing: whatever was reserved stays, the rest grows by doubling
        }
    }

    template <element_id Id>
    void stage_element(typename model_type::template element_t<Id>&& value, std::size_t id_offset,
                       std::vector<std::string>&& realised = {}) {
        auto& st = staged<Id>();
        if (st.capacity() < batch) st.reserve(batch);
        st.emplace_back(std::move(value), id_offset, std::move(realised));
        if (st.size() == batch) add_staged<Id>();
    }

    /// Reads an element of a kind without relation keys (actors, mandates) straight into its place in
    /// the staged batch: no copy of the element on the way. (Duties are read aside: their references
    /// may add the staged batch before the duty is complete.)
    template <element_id Id>
    void read_in_place(json_event e) {
        auto& st = staged<Id>();
        if (st.capacity() < batch) st.reserve(batch);
        auto& slot = st.emplace_back([] { return fresh<Id>(); });
        try {
            slot.id_offset = static_cast<std::uint32_t>(read_element_of<Id>(e, slot.value, no_relation));
        } catch (...) {
            st.pop_back(); // never added half read
            throw;
        }
        if (st.size() == batch) add_staged<Id>();
    }

    template <element_id Id>
    void add_staged() {
        auto& st = staged<Id>();
        std::size_t const n = st.size();
        if (n == 0) return;
        std::uint32_t found[batch];
        m_.template find_many<Id>(
            n, [&](std::size_t i) -> std::string_view { return st[i].value.id; }, found);
        std::string_view const array = std::same_as<Id, actor_id>     ? "actors"
                                       : std::same_as<Id, mandate_id> ? "mandates"
                                                                      : "duties";
        auto& offsets = id_offsets_[static_cast<std::size_t>(kind_of<Id>)];
        // A duplicate within the batch is not in the index yet: looked up again (after the elements
        // before it are added) only when a 4,096-bit filter of the batch's ids says it may be one.
        std::uint64_t seen[64] = {};
        for (std::size_t i = 0; i < n; ++i) {
            auto& e = st[i];
            std::uint32_t const bit = samverkan::detail::hash_id(e.value.id) >> 20; // 12 bits
            bool const maybe = (seen[bit >> 6] >> (bit & 63U) & 1U) != 0;
            seen[bit >> 6] |= std::uint64_t{1} << (bit & 63U);
            std::optional<Id> first;
            if (found[i] != no_ref) first = Id{found[i]};
            else if (maybe) first = m_.template find<Id>(e.value.id);
            if (first) {
                std::size_t const index = m_.template id_bound<Id>();
                std::string const id{std::string_view{e.value.id}};
                std::size_t const id_offset = e.id_offset;
                st.clear();
                duplicate<Id>(id, first->index(), id_offset, array, at(array, index, "id"));
            }
            Id added;
            if constexpr (std::same_as<Id, actor_id>) added = m_.add_actor(std::move(e.value));
            else if constexpr (std::same_as<Id, mandate_id>) added = m_.add_mandate(std::move(e.value));
            else added = m_.add_duty(std::move(e.value));
            offsets.push_back(e.id_offset); // the text is shorter than 4 GiB
            if constexpr (std::same_as<Id, duty_id>)
                for (std::string& key : e.realised) m_.realise(added, std::move(key)); // duplicates: a set
        }
        st.clear();
    }

    /// Adds an element read at the current position; a duplicate id is an error at its "id" value.
    template <element_id Id, class T, class Add>
    Id add(T&& value, std::size_t id_offset, std::string_view array, Add&& add_to_model) {
        auto& offsets = id_offsets_[static_cast<std::size_t>(kind_of<Id>)];
        if (auto const first = m_.template find<Id>(value.id))
            duplicate<Id>(value.id, first->index(), id_offset, array, c_.path() + "/id");
        Id const id = add_to_model(std::forward<T>(value));
        offsets.push_back(static_cast<std::uint32_t>(id_offset)); // the text is shorter than 4 GiB
        return id;
    }

    template <element_id Id>
    [[noreturn]] void duplicate(std::string_view id, std::uint32_t first, std::size_t id_offset, std::string_view array,
                                std::string path) const {
        auto const at = position_of(text_, id_offsets_[static_cast<std::size_t>(kind_of<Id>)][first]);
        throw error_at(id_offset, std::move(path),
                       "duplicate " + std::string{Id::tag_type::name} + " id " + quote(id) + " (first at /" +
                           std::string{array} + "/" + std::to_string(first) + ", line " + std::to_string(at.line) +
                           "); ids must be unique within a kind");
    }

    /// A new element of kind Id to read into. The default element types initialise every member
    /// themselves, so they are default-initialised; value-initialising them would first clear the whole
    /// struct (a tenth of the time of reading a bare actor). Other types are value-initialised (a member
    /// without an initialiser must not stay indeterminate).
    template <element_id Id>
    static typename model_type::template element_t<Id> fresh() {
        using T = typename model_type::template element_t<Id>;
        if constexpr (std::same_as<T, samverkan::stage> || std::same_as<T, samverkan::scope> ||
                      std::same_as<T, samverkan::actor> || std::same_as<T, samverkan::mandate> ||
                      std::same_as<T, samverkan::duty> || std::same_as<T, samverkan::forum>) {
            T value;
            return value;
        } else {
            return T{};
        }
    }

    /// Reads an element of kind Id into `out`: its described members by name, its relation keys through
    /// `relation(key)`. Returns the offset of its id.
    template <element_id Id, class Relation>
    std::size_t read_element_of(json_event e, typename model_type::template element_t<Id>& out, Relation&& relation) {
        using T = typename model_type::template element_t<Id>;
        return read_element(e, out, known_keys<Id, T>(), keys::of<Id>::what, relation);
    }
    static bool same(std::string_view a, std::string_view b) noexcept { return samverkan::detail::same_bytes(a, b); }
    static constexpr auto no_relation = [](std::string_view) { return false; };

    void read_stage(json_event e) {
        ref_range after;
        auto s = fresh<stage_id>();
        std::size_t const id_at = read_element_of<stage_id>(e, s, [&](std::string_view k) {
            if (!same(k, "after")) return false;
            read_ref_list<stage_id>(after);
            return true;
        });
        add<stage_id>(std::move(s), id_at, "stages", [&](auto v) { return m_.add_stage(std::move(v)); });
        stage_after_.push_back(after);
    }

    void read_scope(json_event e) {
        ref within = no_ref;
        auto s = fresh<scope_id>();
        std::size_t const id_at = read_element_of<scope_id>(e, s, [&](std::string_view k) {
            if (!same(k, "within")) return false;
            read_ref<scope_id>(within);
            return true;
        });
        add<scope_id>(std::move(s), id_at, "scopes", [&](auto v) { return m_.add_scope(std::move(v)); });
        scope_within_.push_back(within);
    }

    void read_actor(json_event e) { read_in_place<actor_id>(e); }
    void read_mandate(json_event e) { read_in_place<mandate_id>(e); }

    void read_holding(json_event e) {
        std::size_t const start = begin_object(e, "a holding");
        raw_holding h;
        while ((e = c_.next()) == json_event::key) {
            std::string_view const k = c_.value();
            if (same(k, "actor")) read_ref<actor_id>(h.actor);
            else if (same(k, "mandate")) read_ref<mandate_id>(h.mandate);
            else if (same(k, "scope")) read_ref<scope_id>(h.scope);
            else if (same(k, "stages")) read_ref_list<stage_id>(h.stages);
            else if (same(k, "attributes")) read_attributes(h.attributes);
            else unknown_key(k, keys::holding, "a holding");
        }
        if (h.actor == no_ref) missing_key("actor", "a holding", start);
        if (h.mandate == no_ref) missing_key("mandate", "a holding", start);
        holdings_.push_back(std::move(h));
    }

    void read_delegation(json_event e) {
        std::size_t const start = begin_object(e, "a delegation");
        raw_delegation d;
        while ((e = c_.next()) == json_event::key) {
            std::string_view const k = c_.value();
            if (same(k, "from")) read_ref<actor_id>(d.from);
            else if (same(k, "to")) read_ref<actor_id>(d.to);
            else if (same(k, "mandate")) read_ref<mandate_id>(d.mandate);
            else if (same(k, "scope")) read_ref<scope_id>(d.scope);
            else if (same(k, "stages")) read_ref_list<stage_id>(d.stages);
            else if (same(k, "attributes")) read_attributes(d.attributes);
            else unknown_key(k, keys::delegation, "a delegation");
        }
        if (d.from == no_ref) missing_key("from", "a delegation", start);
        if (d.to == no_ref) missing_key("to", "a delegation", start);
        if (d.mandate == no_ref) missing_key("mandate", "a delegation", start);
        delegations_.push_back(std::move(d));
    }

    void read_raci(raw_duty& links) {
        json_event e = c_.next();
        if (e != json_event::object_begin) wrong_type(e, "an object with the keys R, A, C and I");
        while ((e = c_.next()) == json_event::key) read_ref_list<actor_id>(links.raci[raci_role(c_.value())]);
    }

    /// "realises": a list of free-text strings (templates.md section 3), kept whole.
    void read_realises(std::vector<std::string>& out) {
        if (!realises_at_) {
            realises_at_ = c_.offset();
            realises_path_ = c_.path();
        }
        read_array([&](json_event e) {
            if (e != json_event::string) wrong_type(e, "a string (TEMPLATE:DUTY)");
            out.emplace_back(c_.value());
        });
    }

    void read_duty(json_event e) {
        std::vector<std::string> realised;
        raw_duty links;
        auto d = fresh<duty_id>();
        std::size_t const id_at = read_element_of<duty_id>(e, d, [&](std::string_view k) {
            if (same(k, "stage")) read_ref<stage_id>(links.stage);
            else if (same(k, "scope")) read_ref<scope_id>(links.scope);
            else if (same(k, "requires")) read_ref_list<mandate_id>(links.requires_);
            else if (same(k, "needs")) read_ref_list<duty_id>(links.needs);
            else if (same(k, "raci")) read_raci(links);
            else if (same(k, "realises")) read_realises(realised);
            else return false;
            return true;
        });
        // Placed in phase 2, when the stage and scope references can be resolved.
        stage_element<duty_id>(std::move(d), id_at, std::move(realised));
        duties_.push_back(links);
    }

    void read_forum(json_event e) {
        raw_forum f; // a few per model: no need to avoid clearing its element
        std::size_t const id_at = read_element_of<forum_id>(e, f.value, [&](std::string_view k) {
            if (same(k, "members")) read_ref_list<actor_id>(f.members);
            else if (same(k, "coordinator")) read_ref<actor_id>(f.coordinator);
            else if (same(k, "covers")) read_ref_list<duty_id>(f.covers);
            else if (same(k, "scope")) read_ref<scope_id>(f.scope);
            else return false;
            return true;
        });
        f.id_offset = id_at;
        // Added in phase 2: a forum's scope is fixed when it is added, and it may be a forward reference.
        forums_.push_back(std::move(f));
    }

    // ---- phase 2: references --------------------------------------------------------------------------------

    /// The text of a kept reference that is not resolved.
    std::string_view text_of(kept_ref r) const noexcept {
        spilled_ref const& x = spilled_[r.at];
        return std::string_view{spill_text_}.substr(x.begin, x.size);
    }
    /// Byte offset of the opening quote of a kept reference.
    std::size_t offset_of(kept_ref r) const noexcept { return r.resolved() ? r.at : spilled_[r.at].at; }

    /// The text of reference i of kind Id.
    template <element_id Id>
    std::string_view text_of(ref i) const noexcept {
        kept_ref const r = pool<Id>()[i];
        if (r.resolved()) return m_[Id{r.index}].id;
        return text_of(r);
    }
    /// Byte offset of the opening quote of reference i of kind Id.
    template <element_id Id>
    std::size_t offset_of(ref i) const noexcept {
        return offset_of(pool<Id>()[i]);
    }

    /// Resolves the references to kind Id that the reading did not (forward references, escaped ones) at
    /// once (basic_model::find_many) and keeps the result in place. A reference that does not resolve
    /// stays as it was: resolve() reports it when the relations are added, in the order of the file's
    /// sections, as before.
    template <element_id Id>
    void resolve_spilled() {
        auto& p = pool<Id>();
        std::vector<std::uint32_t> open;
        for (std::size_t i = 0; i < p.size(); ++i)
            if (!p[i].resolved()) open.push_back(static_cast<std::uint32_t>(i));
        constexpr std::size_t chunk = 4096;
        std::uint32_t found[chunk];
        for (std::size_t begin = 0; begin < open.size(); begin += chunk) {
            std::size_t const n = std::min(chunk, open.size() - begin);
            m_.template find_many<Id>(
                n, [&](std::size_t i) { return text_of(p[open[begin + i]]); }, found);
            for (std::size_t i = 0; i < n; ++i) {
                if (found[i] == no_ref) continue;
                kept_ref& r = p[open[begin + i]];
                r = kept_ref{static_cast<std::uint32_t>(offset_of(r)), found[i]};
            }
        }
    }

    /// The kinds other than Id that have an element with id `text`: "a stage and a duty".
    template <element_id Id>
    std::string other_kinds(std::string_view text) const {
        std::vector<std::string_view> found;
        auto check = [&]<class Other>(Other) {
            if constexpr (!std::same_as<Other, Id>) {
                bool hit = m_.template find<Other>(text).has_value();
                if constexpr (std::same_as<Other, forum_id>)
                    if (!forums_added_)
                        for (auto const& f : forums_)
                            if (f.value.id == text) hit = true;
                if (hit) found.push_back(Other::tag_type::name);
            }
        };
        check(stage_id{});
        check(scope_id{});
        check(actor_id{});
        check(mandate_id{});
        check(duty_id{});
        check(forum_id{});
        std::string out;
        for (std::size_t i = 0; i < found.size(); ++i) {
            if (i > 0) out += i + 1 == found.size() ? " and " : ", ";
            out += (found[i] == "actor" ? "an " : "a ") + std::string{found[i]};
        }
        return out;
    }

    template <element_id Id, class Path>
    [[noreturn]] void unknown_reference(kept_ref kept, Path const& path) const {
        std::string_view const text = text_of(kept);
        std::string_view const kind = Id::tag_type::name;
        std::string message = "unknown " + std::string{kind} + " " + quote(text);
        if (std::string const others = other_kinds<Id>(text); !others.empty())
            message += " (there is " + others + " with that id, but no " + std::string{kind} + ")";
        suggester s{text};
        for (Id id : m_.template ids<Id>()) s.offer(m_[id].id, m_[id].name);
        throw error_at(offset_of(kept), path(), message + s.hint());
    }

    template <element_id Id, class Path>
    Id resolve(ref i, Path const& path) const {
        kept_ref const r = pool<Id>()[i];
        if (r.resolved()) return Id{r.index};
        if (auto const id = m_.template find<Id>(text_of(r))) return *id;
        unknown_reference<Id>(r, path);
    }
    template <element_id Id, class Path>
    std::optional<Id> resolve_optional(ref i, Path const& path) const {
        if (i == no_ref) return std::nullopt;
        return resolve<Id>(i, path);
    }

    static std::string at(std::string_view array, std::size_t i, std::string_view key) {
        return "/" + std::string{array} + "/" + std::to_string(i) + "/" + std::string{key};
    }
    static std::string at(std::string_view array, std::size_t i, std::string_view key, std::size_t j) {
        return at(array, i, key) + "/" + std::to_string(j);
    }

    void resolve() {
        resolve_spilled<stage_id>();
        resolve_spilled<scope_id>();
        resolve_spilled<actor_id>();
        resolve_spilled<mandate_id>();
        resolve_spilled<duty_id>();
        add_forums();
        place_duties();
        link_stages();
        link_scopes();
        add_holdings();
        add_delegations();
        link_duties();
        link_forums();
    }

    void add_forums() {
        m_.template reserve<forum_id>(forums_.size());
        for (std::size_t i = 0; i < forums_.size(); ++i) {
            raw_forum& f = forums_[i];
            auto const scope = resolve_optional<scope_id>(f.scope, [&] { return at("forums", i, "scope"); });
            if (auto const first = m_.template find<forum_id>(f.value.id)) {
                auto const where = position_of(text_, forums_[first->index()].id_offset);
                throw error_at(f.id_offset, at("forums", i, "id"),
                               "duplicate forum id " + quote(f.value.id) + " (first at /forums/" +
                                   std::to_string(first->index()) + ", line " + std::to_string(where.line) +
                                   "); ids must be unique within a kind");
            }
            m_.add_forum(f.value, {.scope = scope}); // a copy: other_kinds still reads the ids of forums_
        }
        forums_added_ = true;
    }

    void place_duties() {
        for (std::size_t i = 0; i < duties_.size(); ++i) {
            raw_duty const& d = duties_[i];
            if (d.stage == no_ref && d.scope == no_ref) continue;
            auto const stage = resolve_optional<stage_id>(d.stage, [&] { return at("duties", i, "stage"); });
            auto const scope = resolve_optional<scope_id>(d.scope, [&] { return at("duties", i, "scope"); });
            m_.place(duty_id{static_cast<std::uint32_t>(i)}, {.stage = stage, .scope = scope});
        }
    }

    /// A directed graph in compressed rows; slot[e] remembers where edge e came from (for messages).
    struct digraph {
        std::vector<std::uint32_t> offsets{0};
        std::vector<std::uint32_t> targets;
        std::vector<std::uint32_t> slots;
        [[nodiscard]] std::size_t size() const noexcept { return offsets.size() - 1; }
    };

    /// Kahn's algorithm: every node before the nodes it points to. Empty when there is a cycle. O(V + E).
    static std::vector<std::uint32_t> topological_order(digraph const& g) {
        std::size_t const n = g.size();
        std::vector<std::uint32_t> incoming(n, 0), order;
        order.reserve(n);
        for (std::uint32_t t : g.targets) ++incoming[t];
        for (std::uint32_t v = 0; v < n; ++v)
            if (incoming[v] == 0) order.push_back(v);
        for (std::size_t i = 0; i < order.size(); ++i) {
            std::uint32_t const u = order[i];
            for (std::uint32_t e = g.offsets[u]; e < g.offsets[u + 1]; ++e)
                if (--incoming[g.targets[e]] == 0) order.push_back(g.targets[e]);
        }
        if (order.size() != n) order.clear();
        return order;
    }

    /// A cycle of g (which must have one) as its nodes v0 ... vk, each pointing to the next and vk to v0,
    /// starting at its lowest node. Iterative depth-first search, O(V + E).
    static std::vector<std::uint32_t> find_cycle(digraph const& g) {
        std::size_t const n = g.size();
        constexpr std::uint32_t white = std::numeric_limits<std::uint32_t>::max(), black = white - 1;
        std::vector<std::uint32_t> depth_on_stack(n, white);        // white, black, or the node's position on the stack
        std::vector<std::pair<std::uint32_t, std::uint32_t>> stack; // (node, next edge)
        for (std::uint32_t root = 0; root < n; ++root) {
            if (depth_on_stack[root] != white) continue;
            stack.push_back({root, g.offsets[root]});
            depth_on_stack[root] = 0;
            while (!stack.empty()) {
                auto& [u, next] = stack.back();
                if (next == g.offsets[u + 1]) {
                    depth_on_stack[u] = black;
                    stack.pop_back();
                    continue;
                }
                std::uint32_t const v = g.targets[next++];
                if (depth_on_stack[v] == white) {
                    depth_on_stack[v] = static_cast<std::uint32_t>(stack.size());
                    stack.push_back({v, g.offsets[v]});
                } else if (depth_on_stack[v] != black) {
                    std::vector<std::uint32_t> cycle;
                    for (std::size_t i = depth_on_stack[v]; i < stack.size(); ++i) cycle.push_back(stack[i].first);
                    std::rotate(cycle.begin(), std::min_element(cycle.begin(), cycle.end()), cycle.end());
                    return cycle;
                }
            }
        }
        return {};
    }

    /// "\"a\" comes after \"b\", which comes after \"a\"" for a cycle, at most 12 links spelt out.
    template <element_id Id>
    std::string describe_cycle(std::vector<std::uint32_t> const& cycle, std::string_view relation) const {
        std::string out = quote(m_[Id{cycle[0]}].id) + " " + std::string{relation} + " ";
        std::size_t const shown = std::min<std::size_t>(cycle.size(), 12);
        for (std::size_t i = 1; i <= shown; ++i) {
            std::uint32_t const v = i == cycle.size() ? cycle[0] : cycle[i % cycle.size()];
            out += quote(m_[Id{v}].id);
            if (i < shown) out += ", which " + std::string{relation} + " ";
        }
        if (shown < cycle.size()) out += ", ... (" + std::to_string(cycle.size()) + " in all)";
        return out;
    }

    void link_stages() {
        digraph g;
        std::size_t const n = stage_after_.size();
        g.offsets.reserve(n + 1);
        for (std::size_t i = 0; i < n; ++i) {
            ref_range const r = stage_after_[i];
            for (std::uint32_t j = 0; j < r.count; ++j) {
                stage_id const s = resolve<stage_id>(r.begin + j, [&] { return at("stages", i, "after", j); });
                g.targets.push_back(s.index());
                g.slots.push_back(j);
            }
            g.offsets.push_back(static_cast<std::uint32_t>(g.targets.size()));
        }
        std::vector<std::uint32_t> const order = topological_order(g);
        if (order.size() != n) {
            auto const cycle = find_cycle(g);
            std::uint32_t const from = cycle[0], to = cycle[cycle.size() == 1 ? 0 : 1];
            std::uint32_t slot = 0;
            for (std::uint32_t e = g.offsets[from]; e < g.offsets[from + 1]; ++e)
                if (g.targets[e] == to) {
                    slot = g.slots[e];
                    break;
                }
            std::string const message =
                cycle.size() == 1
                    ? "stage " + quote(m_[stage_id{from}].id) + " is listed as coming after itself"
                    : "the \"after\" links form a cycle: " + describe_cycle<stage_id>(cycle, "comes after");
            throw error_at(offset_of<stage_id>(stage_after_[from].begin + slot), at("stages", from, "after", slot),
                           message);
        }
        // Latest stages first: each link then finds its earlier stage without links yet, so the model's
        // own cycle check is O(1) per link.
        for (std::uint32_t u : order)
            for (std::uint32_t e = g.offsets[u]; e < g.offsets[u + 1]; ++e)
                m_.order(stage_id{u}, stage_id{g.targets[e]});
    }

    void link_scopes() {
        digraph g;
        std::size_t const n = scope_within_.size();
        g.offsets.reserve(n + 1);
        for (std::size_t i = 0; i < n; ++i) {
            if (auto const outer =
                    resolve_optional<scope_id>(scope_within_[i], [&] { return at("scopes", i, "within"); })) {
                g.targets.push_back(outer->index());
                g.slots.push_back(0);
            }
            g.offsets.push_back(static_cast<std::uint32_t>(g.targets.size()));
        }
        std::vector<std::uint32_t> const order = topological_order(g);
        if (order.size() != n) {
            auto const cycle = find_cycle(g);
            std::uint32_t const from = cycle[0];
            std::string const message =
                cycle.size() == 1
                    ? "scope " + quote(m_[scope_id{from}].id) + " is listed as lying within itself"
                    : "the \"within\" links form a cycle: " + describe_cycle<scope_id>(cycle, "lies within");
            throw error_at(offset_of<scope_id>(scope_within_[from]), at("scopes", from, "within"), message);
        }
        // Innermost scopes first: the model's check walks up from the outer scope, which has no link yet.
        for (std::uint32_t u : order)
            for (std::uint32_t e = g.offsets[u]; e < g.offsets[u + 1]; ++e)
                m_.nest(scope_id{u}, scope_id{g.targets[e]});
    }

    template <class Raw>
    void read_reach(Raw const& r, std::size_t i, std::string_view array, samverkan::reach& out) const {
        out.scope = resolve_optional<scope_id>(r.scope, [&] { return at(array, i, "scope"); });
        out.stages.clear();
        for (std::uint32_t j = 0; j < r.stages.count; ++j)
            out.stages.push_back(resolve<stage_id>(r.stages.begin + j, [&] { return at(array, i, "stages", j); }));
    }

    void add_holdings() {
        m_.template reserve_relations<relation::holds>(holdings_.size());
        samverkan::reach where;
        for (std::size_t i = 0; i < holdings_.size(); ++i) {
            raw_holding& h = holdings_[i];
            actor_id const a = resolve<actor_id>(h.actor, [&] { return at("holds", i, "actor"); });
            mandate_id const m = resolve<mandate_id>(h.mandate, [&] { return at("holds", i, "mandate"); });
            read_reach(h, i, "holds", where);
            holding_id const id = m_.grant(a, m, where);
            if (!h.attributes.empty()) m_.set_attributes(id, std::move(h.attributes));
        }
        holdings_ = {};
    }

    void add_delegations() {
        m_.template reserve_relations<relation::delegates>(delegations_.size());
        samverkan::reach where;
        for (std::size_t i = 0; i < delegations_.size(); ++i) {
            raw_delegation& d = delegations_[i];
            actor_id const from = resolve<actor_id>(d.from, [&] { return at("delegations", i, "from"); });
            actor_id const to = resolve<actor_id>(d.to, [&] { return at("delegations", i, "to"); });
            mandate_id const m = resolve<mandate_id>(d.mandate, [&] { return at("delegations", i, "mandate"); });
            read_reach(d, i, "delegations", where);
            delegation_id const id = m_.delegate(from, to, m, where);
            if (!d.attributes.empty()) m_.set_attributes(id, std::move(d.attributes));
        }
        delegations_ = {};
    }

    /// Error for an actor listed twice in one list: at the second, naming the first.
    [[noreturn]] void listed_twice(ref_range r, std::uint32_t j, std::string_view list, std::string const& path,
                                   std::string const& first_path_prefix) const {
        std::string_view const text = text_of<actor_id>(r.begin + j);
        std::uint32_t first = 0;
        while (first < j && text_of<actor_id>(r.begin + first) != text) ++first;
        throw error_at(offset_of<actor_id>(r.begin + j), path,
                       "actor " + quote(text) + " is listed twice in " + std::string{list} + " (also at " +
                           first_path_prefix + std::to_string(first) + ")");
    }

    void link_duties() {
        std::size_t requirements = 0, needs = 0, assignments = 0;
        for (raw_duty const& links : duties_) {
            requirements += links.requires_.count;
            needs += links.needs.count;
            for (ref_range const r : links.raci) assignments += r.count;
        }
        // upper bounds (duplicates are dropped): the tables are allocated once, at their final size
        m_.template reserve_relations<relation::requires_mandate>(requirements);
        m_.template reserve_relations<relation::needs>(needs);
        m_.template reserve_relations<relation::assigned>(assignments);
        for (std::size_t i = 0; i < duties_.size(); ++i) {
            raw_duty const& links = duties_[i];
            duty_id const d{static_cast<std::uint32_t>(i)};
            for (std::uint32_t j = 0; j < links.requires_.count; ++j)
                m_.require(
                    d, resolve<mandate_id>(links.requires_.begin + j, [&] { return at("duties", i, "requires", j); }));
            for (std::uint32_t j = 0; j < links.needs.count; ++j)
                m_.need(d, resolve<duty_id>(links.needs.begin + j, [&] { return at("duties", i, "needs", j); }));
            for (std::size_t role = 0; role < 4; ++role) {
                ref_range const r = links.raci[role];
                std::string_view const letter = keys::raci[role];
                for (std::uint32_t j = 0; j < r.count; ++j) {
                    auto const path = [&] { return at("duties", i, "raci/" + std::string{letter}, j); };
                    actor_id const a = resolve<actor_id>(r.begin + j, path);
                    if (!m_.assign(a, d, static_cast<raci>(role)))
                        listed_twice(r, j, "RACI role " + std::string{letter}, path(),
                                     at("duties", i, "raci/" + std::string{letter}) + "/");
                }
            }
        }
        duties_ = {};
    }

    void link_forums() {
        std::size_t members = 0, covers = 0;
        for (raw_forum const& f : forums_) {
            members += f.members.count;
            covers += f.covers.count;
        }
        m_.template reserve_relations<relation::member>(members);
        m_.template reserve_relations<relation::covers>(covers);
        for (std::size_t i = 0; i < forums_.size(); ++i) {
            raw_forum const& f = forums_[i];
            forum_id const id{static_cast<std::uint32_t>(i)};
            for (std::uint32_t j = 0; j < f.members.count; ++j) {
                auto const path = [&] { return at("forums", i, "members", j); };
                if (!m_.add_member(id, resolve<actor_id>(f.members.begin + j, path)))
                    listed_twice(f.members, j, "members", path(), at("forums", i, "members") + "/");
            }
            if (f.coordinator != no_ref)
                m_.set_coordinator(id,
                                   resolve<actor_id>(f.coordinator, [&] { return at("forums", i, "coordinator"); }));
            for (std::uint32_t j = 0; j < f.covers.count; ++j)
                m_.cover(id, resolve<duty_id>(f.covers.begin + j, [&] { return at("forums", i, "covers", j); }));
        }
        forums_ = {};
    }

    model_type m_;

    std::array<std::vector<std::uint32_t>, 6> id_offsets_; // per kind: offset of each element's id
    std::vector<ref_range> stage_after_;
    std::vector<ref> scope_within_;
    std::vector<raw_holding> holdings_;
    std::vector<raw_delegation> delegations_;
    std::vector<raw_duty> duties_;
    std::vector<raw_forum> forums_;
    bool forums_added_ = false;
    format_version version_ = format_version::v1;
    std::optional<std::size_t> realises_at_; // the first "realises" key, for samverkan/1 files
    std::string realises_path_;

    std::array<std::vector<kept_ref>, 6> pools_;      // every reference, by the kind it refers to (never a forum)
    std::array<std::vector<pending_ref>, 6> pending_; // read, not looked up yet (flush)
    std::vector<spilled_ref> spilled_;                // references not resolved while reading
    std::string spill_text_;                          // their text
    text_release release_{};                          // who may drop the text's pages (on_release)
    std::size_t released_ = 0;                        // the text before this offset is released
    std::size_t release_step_ = 0;                    // on_release
    // elements read but not added yet (add_staged); spelt out, not through an alias template, which
    // crashes clang 14
    std::vector<staged_element<typename Traits::actor_type>> staged_actors_;
    std::vector<staged_element<typename Traits::mandate_type>> staged_mandates_;
    std::vector<staged_element<typename Traits::duty_type>> staged_duties_;
};

/// The reader of the default model.
using model_reader = basic_model_reader<default_traits>;

} // namespace samverkan::io::detail

#endif // SAMVERKAN_IO_DETAIL_JSON_MODEL_READER_HPP
