// basic_model: the typed collaboration model.
//
//   samverkan::model m;                                        // basic_model<default_traits>
//   auto kommun = m.add_scope({.id = "kommun", .name = "Exempelkommun"});
//   auto ks     = m.add_actor({.id = "ks", .name = "Kommunstyrelsen"});
//   auto leda   = m.add_mandate({.id = "leda", .name = "Leda och samordna", .basis = "KL 6 kap. 1 §"});
//   m.grant(ks, leda, {.scope = kommun});
//   auto lb     = m.add_duty({.id = "lagesbild", .name = "Ta fram lägesbild"}, {.scope = kommun});
//   m.require(lb, leda);
//   m.assign(ks, lb, samverkan::raci::accountable);
//
// Guarantees (the same as a valid model file): ids are unique per kind, every reference resolves, the
// stage order is acyclic and the scopes form a forest. An operation that would break one throws
// samverkan::error naming the elements, and leaves the model unchanged (strong guarantee, also on
// bad_alloc). The guarantees hold after every edit.
//
// Edits (section "editing" below): remove(id) removes an element of any kind together with every relation
// that names it (holdings and delegations whose reach names a removed scope or stage included); unassign,
// unrequire, unneed, unorder, unnest, remove_member, clear_coordinator, uncover, revoke and undelegate
// remove one relation; set_reach, reassign, place, set_coordinator, update and rename replace one.
// Removing a stage or scope that still places a duty or forum throws (move them first with place).
//
// Ids are stable handles: an id keeps meaning the same element for the model's lifetime, and a removed
// element's index is never reused (its slot stays as a tombstone; the id *text* becomes free and may be
// given to a new element, which gets a new index). The same holds for holding_id and delegation_id.
// Iteration (stages(), actors(), ..., holdings(), ids<Id>()) visits the live ids in increasing index, that
// is in insertion order; relation lists (raci_of, members, ...) are in the order the relations were made.
// count<Id>() is the number of live elements; id_bound<Id>() the number of indices issued (size per-id
// arrays with it); contains(id) tells a live id from a removed one. A model built by edits therefore
// writes (io/json) exactly the bytes of the model read back from that output, and audits to the same
// report.
//
// Preconditions (checked by assert in debug builds): every id passed in was issued by this model and is
// live, except for contains() and operator[] (a removed element's data stays readable, so that a finding
// about it, such as one an incremental audit reports as removed, can still be printed).
//
// Concurrency: a basic_model is a value with no hidden mutable state: any number of threads may call const
// member functions (and so audit(), the writers and the exporters) on one model at once; an edit (any
// non-const member function) must not run concurrently with any other access to the same model.
//
// Storage: elements in dense vectors per kind; the stage order and the scope forest in small adjacency
// lists of their own (detail/adjacency.hpp: this header does not include Boost.Graph); the bulk relations in edge
// tables of 16 bytes per relation (see detail/edge_table.hpp). Removed elements and relations keep their slots (a bit
// each marks them; nothing is allocated for that until the first removal). relation_graph(m) (model/graph_view.hpp)
// gives the whole model as one Boost.Graph CSR graph (removed elements are isolated vertices there), and
// stage_graph(m) and scope_graph(m) there give the stage order and the scope forest as Boost.Graph graphs.
#ifndef SAMVERKAN_MODEL_BASIC_MODEL_HPP
#define SAMVERKAN_MODEL_BASIC_MODEL_HPP

#include <samverkan/detail/adjacency.hpp>
#include <samverkan/detail/edge_table.hpp>
#include <samverkan/detail/id_index.hpp>
#include <samverkan/detail/optional_index.hpp>
#include <samverkan/detail/ranges.hpp>
#include <samverkan/detail/tombstones.hpp>
#include <samverkan/error.hpp>
#include <samverkan/model/elements.hpp>
#include <samverkan/model/ids.hpp>
#include <samverkan/model/relations.hpp>

#include <algorithm>
#include <cassert>
#include <concepts>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace samverkan {

/// A holding or delegation's reach as stored: scope (none = everywhere) and stages (empty = every stage).
struct reach_view {
    std::optional<scope_id> scope;
    std::span<stage_id const> stages;
    [[nodiscard]] bool everywhere() const noexcept { return !scope; }
    [[nodiscard]] bool every_stage() const noexcept { return stages.empty(); }
};

/// A direct holding: `actor` holds `mandate` over `where`.
struct holding_view {
    actor_id actor;
    mandate_id mandate;
    reach_view where;
    std::string_view attributes;
};

/// A delegation of `mandate` from `from` to `to`. `explicit_grant()` is true when it names a scope or
/// at least one stage (model-format.md, precise reading 2).
struct delegation_view {
    actor_id from;
    actor_id to;
    mandate_id mandate;
    reach_view where;
    std::string_view attributes;
    [[nodiscard]] bool explicit_grant() const noexcept { return where.scope.has_value() || !where.stages.empty(); }
};

/// One RACI entry of a duty.
struct assignment {
    actor_id actor;
    duty_id duty;
    raci role;
    friend bool operator==(assignment const&, assignment const&) = default;
};

/// The version of the model format a model is written in (templates.md section 3): samverkan/1, or
/// samverkan/1.1 (samverkan/1 plus the duty key `realises`).
enum class format_version : std::uint8_t { v1, v1_1 };

/// The format string of a version: "samverkan/1" or "samverkan/1.1".
[[nodiscard]] constexpr std::string_view to_string(format_version v) noexcept {
    return v == format_version::v1 ? "samverkan/1" : "samverkan/1.1";
}

// The NOLINT below: clang-tidy 14 reports a compiler-invented template parameter of this class ('__i0',
// reached through the watch command's instantiations); no identifier of ours is reserved.
template <model_traits Traits = default_traits>
class basic_model { // NOLINT(bugprone-reserved-identifier)
public:
    using traits_type = Traits;
    using stage_type = typename Traits::stage_type;
    using scope_type = typename Traits::scope_type;
    using actor_type = typename Traits::actor_type;
    using mandate_type = typename Traits::mandate_type;
    using duty_type = typename Traits::duty_type;
    using forum_type = typename Traits::forum_type;

    /// The element type stored for an id type: `element_t<actor_id>` is actor_type.
    template <element_id Id>
    using element_t = std::remove_cvref_t<decltype(std::declval<basic_model const&>()[Id{}])>;

    // ---- model-level data ------------------------------------------------------------------------------
    /// The model's name; empty when it has none (has_name() tells an empty name from none).
    [[nodiscard]] std::string const& name() const noexcept { return name_; }
    /// Whether the model has a name, possibly empty: a file's `"name": ""` is a name, a missing key is not.
    [[nodiscard]] bool has_name() const noexcept { return has_name_; }
    [[nodiscard]] std::string const& description() const noexcept { return description_; }
    [[nodiscard]] std::string const& attributes() const noexcept { return attributes_; }
    void set_name(std::string name) noexcept {
        name_ = std::move(name);
        has_name_ = true;
    }
    void set_description(std::string text) noexcept { description_ = std::move(text); }
    /// `json` is the text of a JSON object (empty: none). Not parsed here; io/json checks it on reading.
    void set_attributes(std::string json) noexcept { attributes_ = std::move(json); }

    /// The format version the model is written in: read from its file, v1_1 once a duty realises
    /// something (realise), v1 for a model built in code otherwise. The writer writes this version.
    [[nodiscard]] samverkan::format_version format_version() const noexcept { return version_; }
    /// Sets the format version. Lowering it to v1 while a duty has `realises` is the caller's mistake:
    /// the writer then throws.
    void set_format_version(samverkan::format_version v) noexcept { version_ = v; }

    /// Duty `d` carries out template duty `key` ("TEMPLATE:DUTY", matched as a whole string; need not
    /// resolve). Raises the format version to samverkan/1.1. Returns false (changing nothing) if `d`
    /// already realises `key`. O(|realises(d)|) amortised; strong guarantee.
    bool realise(duty_id d, std::string key) {
        check(d);
        if (d.index() < realises_.size()) {
            auto const& keys = realises_[d.index()];
            if (std::find(keys.begin(), keys.end(), key) != keys.end()) return false;
        } else {
            realises_.resize(duties_.size());
        }
        realises_[d.index()].push_back(std::move(key));
        version_ = samverkan::format_version::v1_1;
        return true;
    }
    /// What duty `d` realises, in the order given (each once). O(1).
    [[nodiscard]] std::span<std::string const> realises(duty_id d) const noexcept {
        if (d.index() >= realises_.size()) return {};
        return realises_[d.index()];
    }

    // ---- adding elements: O(1) amortised; throw samverkan::error on a duplicate id -----------------------
    stage_id add_stage(stage_type s) {
        stage_graph_.reserve_vertex();
        auto const id = add_element<stage_id>(std::move(s));
        stage_graph_.add_vertex(); // cannot throw: room reserved
        return id;
    }
    scope_id add_scope(scope_type s) {
        scope_graph_.reserve_vertex();
        auto const id = add_element<scope_id>(std::move(s));
        scope_graph_.add_vertex(); // cannot throw: room reserved
        return id;
    }
    actor_id add_actor(actor_type a) { return add_element<actor_id>(std::move(a)); }
    mandate_id add_mandate(mandate_type m) { return add_element<mandate_id>(std::move(m)); }

    /// Adds a duty placed at `where` (no stage: stage-independent; no scope: everywhere).
    duty_id add_duty(duty_type d, placement where = {}) {
        check_opt(where.stage);
        check_opt(where.scope);
        reserve_one_more(duty_stage_);
        reserve_one_more(duty_scope_);
        auto const id = add_element<duty_id>(std::move(d));
        duty_stage_.push_back(raw(where.stage));
        duty_scope_.push_back(raw(where.scope));
        return id;
    }

    /// Adds a forum (no coordinator yet; see set_coordinator).
    forum_id add_forum(forum_type f, forum_placement where = {}) {
        check_opt(where.scope);
        reserve_one_more(forum_scope_);
        reserve_one_more(forum_coordinator_);
        auto const id = add_element<forum_id>(std::move(f));
        forum_scope_.push_back(raw(where.scope));
        forum_coordinator_.push_back(detail::npos);
        return id;
    }

    /// Replaces the data of an element; its id string must stay the same (ids are stable). O(1).
    template <element_id Id>
    void update(Id id, element_t<Id> value) {
        check(id);
        auto& slot = store<Id>()[id.index()];
        if (std::string_view{value.id} != std::string_view{slot.id})
            throw error{std::string{Id::tag_type::name} + " \"" + std::string{slot.id} +
                        "\": update cannot change an id (add a new element instead)"};
        slot = std::move(value);
    }

    // ---- relations ---------------------------------------------------------------------------------------
    // Each takes ids of the kinds its relation declares (model/relations.hpp); other kinds do not compile.

    /// `a` holds mandate `m` directly over `where`. Duplicate stages are read as a set. O(|stages|).
    template <class A, class M>
    holding_id grant(A a, M m, reach const& where = {}) {
        static_assert(connects<relation::holds, A, M>,
                      "grant(actor, mandate, reach) takes an actor_id and a mandate_id: an actor holds a mandate");
        check(a);
        check(m);
        auto const payload = make_reach(where);
        auto const e = holdings_.add(a, m, payload);
        return holding_id{e};
    }

    /// `from` delegates mandate `m` to `to`. Without scope and stages it passes on exactly what `from`
    /// holds; with either it is an explicit grant (model-format.md). An invalid delegation (to oneself, of
    /// a non-delegable mandate...) is accepted here and reported by the audit.
    template <class A, class B, class M>
    delegation_id delegate(A from, B to, M m, reach const& where = {}) {
        static_assert(connects<relation::delegates, A, B> && std::same_as<M, mandate_id>,
                      "delegate(from, to, mandate, reach) takes two actor_ids and a mandate_id: an actor "
                      "delegates a mandate to another actor");
        check(from);
        check(to);
        check(m);
        auto payload = make_reach(where);
        auto const e = delegations_.add(from, to, delegation_payload{m, payload});
        return delegation_id{e};
    }

    /// Gives actor `a` the RACI `role` on duty `d`. Returns false (and changes nothing) if it already has it.
    template <class A, class D>
    bool assign(A a, D d, raci role) {
        static_assert(connects<relation::assigned, A, D>,
                      "assign(actor, duty, role) takes an actor_id and a duty_id: a RACI role connects an "
                      "actor to a duty");
        check(a);
        check(d);
        if (assignments_.find(a, d, [role](raci r) { return r == role; }) != detail::npos) return false;
        assignments_.add(a, d, role);
        return true;
    }

    /// Duty `d` requires mandate `m`. Returns false if it already did.
    template <class D, class M>
    bool require(D d, M m) {
        static_assert(connects<relation::requires_mandate, D, M>,
                      "require(duty, mandate) takes a duty_id and a mandate_id: a duty requires a mandate");
        return connect_set(requirements_, d, m);
    }

    /// Duty `d` needs the output of duty `e` (`d` may equal `e`: the audit reports it as a cycle).
    template <class D, class E>
    bool need(D d, E e) {
        static_assert(connects<relation::needs, D, E>,
                      "need(duty, needed_duty) takes two duty_ids: a duty needs another duty's output");
        return connect_set(needs_, d, e);
    }

    /// Stage `later` comes after stage `earlier`. Throws if that would close a cycle. O(stages + links).
    template <class T, class S>
    bool order(T later, S earlier) {
        static_assert(connects<relation::after, T, S>,
                      "order(later, earlier) takes two stage_ids: a stage comes after another stage");
        check(later);
        check(earlier);
        if (stage_graph_.has_edge(later.index(), earlier.index())) return false;
        if (later == earlier) throw error{"stage \"" + stages_[later.index()].id + "\" cannot come after itself"};
        if (reaches(earlier, later))
            throw error{"stage \"" + stages_[later.index()].id + "\" cannot come after \"" +
                        stages_[earlier.index()].id + "\": \"" + stages_[earlier.index()].id +
                        "\" already comes after \"" + stages_[later.index()].id +
                        "\" (directly or through other stages), so the stage order would have a cycle"};
        stage_graph_.add_edge(later.index(), earlier.index());
        return true;
    }

    /// Scope `inner` lies within scope `outer`. A scope has at most one enclosing scope; throws if `inner`
    /// already has another, or if that would close a cycle. O(depth).
    template <class I, class O>
    bool nest(I inner, O outer) {
        static_assert(connects<relation::within, I, O>,
                      "nest(inner, outer) takes two scope_ids: a scope lies within another scope");
        check(inner);
        check(outer);
        if (auto p = parent(inner)) {
            if (*p == outer) return false;
            throw error{"scope \"" + scopes_[inner.index()].id + "\" is already within \"" + scopes_[p->index()].id +
                        "\"; it cannot also be within \"" + scopes_[outer.index()].id + "\""};
        }
        for (std::optional<scope_id> s = outer; s; s = parent(*s))
            if (*s == inner)
                throw error{"scope \"" + scopes_[inner.index()].id + "\" cannot lie within \"" +
                            scopes_[outer.index()].id + "\": the scopes would form a cycle"};
        scope_graph_.add_edge(inner.index(), outer.index());
        return true;
    }

    /// Actor `a` is a member of forum `f`. Returns false if it already was.
    template <class F, class A>
    bool add_member(F f, A a) {
        static_assert(connects<relation::member, F, A>,
                      "add_member(forum, actor) takes a forum_id and an actor_id: an actor is a member of a forum");
        return connect_set(members_, f, a);
    }

    /// Actor `a` coordinates forum `f` (and so counts as a member). Replaces any earlier coordinator.
    template <class F, class A>
    void set_coordinator(F f, A a) {
        static_assert(connects<relation::coordinated_by, F, A>,
                      "set_coordinator(forum, actor) takes a forum_id and an actor_id: an actor coordinates a forum");
        check(f);
        check(a);
        forum_coordinator_[f.index()] = a.index();
    }

    /// Forum `f` covers (discusses, coordinates) duty `d`. Returns false if it already did.
    template <class F, class D>
    bool cover(F f, D d) {
        static_assert(connects<relation::covers, F, D>,
                      "cover(forum, duty) takes a forum_id and a duty_id: a forum covers a duty");
        return connect_set(covers_, f, d);
    }

    /// Generic form of the relations without data: `m.connect<relation::needs>(d, e)`.
    template <relation_type R, class From, class To>
    bool connect(From from, To to) {
        static_assert(connects<R, From, To>,
                      "connect<R>(from, to): the ids must have the kinds R declares (R::source, R::target); "
                      "see the table in samverkan/model/relations.hpp");
        if constexpr (std::same_as<R, relation::requires_mandate>) return require(from, to);
        else if constexpr (std::same_as<R, relation::needs>) return need(from, to);
        else if constexpr (std::same_as<R, relation::after>) return order(from, to);
        else if constexpr (std::same_as<R, relation::within>) return nest(from, to);
        else if constexpr (std::same_as<R, relation::member>) return add_member(from, to);
        else if constexpr (std::same_as<R, relation::covers>) return cover(from, to);
        else if constexpr (std::same_as<R, relation::coordinated_by>) {
            bool const changed = coordinator(from) != std::optional{to};
            set_coordinator(from, to);
            return changed;
        } else {
            static_assert(!std::same_as<R, R>, "connect<R>: this relation carries data; use grant, delegate or assign");
            return false;
        }
    }

    /// Moves a duty to another stage and scope. O(1).
    void place(duty_id d, placement where) {
        check(d);
        check_opt(where.stage);
        check_opt(where.scope);
        duty_stage_[d.index()] = raw(where.stage);
        duty_scope_[d.index()] = raw(where.scope);
    }

    /// Moves a forum to another scope (none: everywhere). O(1).
    void place(forum_id f, forum_placement where) {
        check(f);
        check_opt(where.scope);
        forum_scope_[f.index()] = raw(where.scope);
    }

    // ---- editing: removing elements and relations, replacing relations ---------------------------------------
    // Each edit checks first, allocates next and only then changes the model in steps that cannot fail, so
    // a throw (samverkan::error or bad_alloc) leaves the model exactly as it was. See the top of this header
    // for what happens to ids.

    /// Removes actor `a` with its holdings, the delegations from and to it, its RACI entries and its
    /// memberships; a forum it coordinated has no coordinator afterwards. O(its relations x the degrees at
    /// their other ends + forums).
    void remove(actor_id a) {
        check(a);
        auto const hs = collect(holdings_.out(a));
        auto ds = collect(delegations_.out(a));
        for (std::uint32_t e : delegations_.in(a))
            if (delegations_[e].source != a) ds.push_back(e);
        auto const as = collect(assignments_.out(a));
        auto const ms = collect(members_.in(a));
        std::vector<std::uint32_t> coordinated;
        for (std::uint32_t f = 0; f < forum_coordinator_.size(); ++f)
            if (forum_coordinator_[f] == a.index()) coordinated.push_back(f);
        holdings_.prepare_remove();
        delegations_.prepare_remove();
        assignments_.prepare_remove();
        members_.prepare_remove();
        dead<actor_id>().prepare(actors_.size());
        // nothing below throws
        remove_all(holdings_, hs);
        remove_all(delegations_, ds);
        remove_all(assignments_, as);
        remove_all(members_, ms);
        for (std::uint32_t f : coordinated) forum_coordinator_[f] = detail::npos;
        retire(a);
    }

    /// Removes mandate `mnd` with its holdings, its delegations and the requirements of it.
    /// O(its relations x degrees + delegations).
    void remove(mandate_id mnd) {
        check(mnd);
        auto const hs = collect(holdings_.in(mnd));
        auto const rs = collect(requirements_.in(mnd));
        std::vector<std::uint32_t> ds;
        for (std::uint32_t e = 0; e < delegations_.bound(); ++e)
            if (!delegations_.dead(e) && delegations_[e].payload.mandate == mnd) ds.push_back(e);
        holdings_.prepare_remove();
        delegations_.prepare_remove();
        requirements_.prepare_remove();
        dead<mandate_id>().prepare(mandates_.size());
        remove_all(holdings_, hs);
        remove_all(delegations_, ds);
        remove_all(requirements_, rs);
        retire(mnd);
    }

    /// Removes duty `d` with its RACI entries, its requirements, its needs links (both ways) and the forum
    /// covers of it. O(its relations x degrees).
    void remove(duty_id d) {
        check(d);
        auto const as = collect(assignments_.in(d));
        auto const rs = collect(requirements_.out(d));
        auto ns = collect(needs_.out(d));
        for (std::uint32_t e : needs_.in(d))
            if (needs_[e].source != d) ns.push_back(e);
        auto const cs = collect(covers_.in(d));
        assignments_.prepare_remove();
        requirements_.prepare_remove();
        needs_.prepare_remove();
        covers_.prepare_remove();
        dead<duty_id>().prepare(duties_.size());
        remove_all(assignments_, as);
        remove_all(requirements_, rs);
        remove_all(needs_, ns);
        remove_all(covers_, cs);
        duty_stage_[d.index()] = detail::npos;
        duty_scope_[d.index()] = detail::npos;
        retire(d);
    }

    /// Removes forum `f` with its memberships, its coordinator link and its covers. O(its relations x degrees).
    void remove(forum_id f) {
        check(f);
        auto const ms = collect(members_.out(f));
        auto const cs = collect(covers_.out(f));
        members_.prepare_remove();
        covers_.prepare_remove();
        dead<forum_id>().prepare(forums_.size());
        remove_all(members_, ms);
        remove_all(covers_, cs);
        forum_coordinator_[f.index()] = detail::npos;
        forum_scope_[f.index()] = detail::npos;
        retire(f);
    }

    /// Removes stage `s` with its "after" links (both ways) and the holdings and delegations whose reach
    /// names it. Throws samverkan::error, naming the duty, if a duty is still placed at `s` (move it first
    /// with place). O(duties + holdings + delegations + its links).
    void remove(stage_id s) {
        check(s);
        for (std::size_t d = 0; d < duty_stage_.size(); ++d)
            if (duty_stage_[d] == s.index())
                throw error{"stage \"" + std::string{std::string_view{stages_[s.index()].id}} +
                            "\" cannot be removed: duty \"" + std::string{std::string_view{duties_[d].id}} +
                            "\" is placed at it (place the duty elsewhere first)"};
        auto const names = [&](reach_payload const& p) {
            auto const v = view(p);
            return std::find(v.stages.begin(), v.stages.end(), s) != v.stages.end();
        };
        auto const hs = live_where(holdings_, [&](auto const& r) { return names(r.payload); });
        auto const ds = live_where(delegations_, [&](auto const& r) { return names(r.payload.where); });
        holdings_.prepare_remove();
        delegations_.prepare_remove();
        dead<stage_id>().prepare(stages_.size());
        remove_all(holdings_, hs);
        remove_all(delegations_, ds);
        stage_graph_.clear_vertex(s.index());
        retire(s);
    }

    /// Removes scope `s` with its "within" links (the scopes directly within it become outermost scopes)
    /// and the holdings and delegations whose reach is `s`. Throws samverkan::error, naming the element, if
    /// a duty or forum is still placed in `s` (move it first with place). O(duties + forums + holdings +
    /// delegations + its links).
    void remove(scope_id s) {
        check(s);
        auto const placed = [&](auto const& where, auto const& elements, std::string_view kind) {
            for (std::size_t i = 0; i < where.size(); ++i)
                if (where[i] == s.index())
                    throw error{"scope \"" + std::string{std::string_view{scopes_[s.index()].id}} +
                                "\" cannot be removed: " + std::string{kind} + " \"" +
                                std::string{std::string_view{elements[i].id}} +
                                "\" is placed in it (place it elsewhere first)"};
        };
        placed(duty_scope_, duties_, "duty");
        placed(forum_scope_, forums_, "forum");
        auto const hs = live_where(holdings_, [&](auto const& r) { return r.payload.scope == s.index(); });
        auto const ds = live_where(delegations_, [&](auto const& r) { return r.payload.where.scope == s.index(); });
        holdings_.prepare_remove();
        delegations_.prepare_remove();
        dead<scope_id>().prepare(scopes_.size());
        remove_all(holdings_, hs);
        remove_all(delegations_, ds);
        scope_graph_.clear_vertex(s.index());
        retire(s);
    }

    /// Gives element `id` another id text (every relation keeps naming it: relations refer to the element,
    /// not to its text). Throws samverkan::error if another element of the kind has that id. O(1) expected.
    template <element_id Id>
    void rename(Id id, std::string new_id) {
        check(id);
        auto& elements = store<Id>();
        auto& slot = elements[id.index()];
        if (std::string_view{slot.id} == std::string_view{new_id}) return;
        if (find<Id>(new_id))
            throw error{"cannot rename " + std::string{Id::tag_type::name} + " \"" +
                        std::string{std::string_view{slot.id}} + "\" to \"" + new_id + "\": duplicate " +
                        std::string{Id::tag_type::name} + " id \"" + new_id + "\""};
        auto value = slot; // may throw: nothing changed yet
        value.id = std::move(new_id);
        index<Id>().reserve(index_size<Id>() + 1, key_of<Id>()); // may throw: nothing changed yet
        index<Id>().erase(std::string_view{slot.id}, id.index());
        slot = std::move(value);
        index<Id>().insert(id.index(), key_of<Id>()); // cannot grow: room reserved above
    }

    /// Removes holding `h` (the "holds" entry). Precondition: `h` is live. O(degrees).
    void revoke(holding_id h) {
        assert(contains(h));
        holdings_.prepare_remove();
        holdings_.remove(h.index());
    }
    /// Removes delegation `d`. Precondition: `d` is live. O(degrees).
    void undelegate(delegation_id d) {
        assert(contains(d));
        delegations_.prepare_remove();
        delegations_.remove(d.index());
    }
    /// Replaces the reach of a holding or delegation, keeping its place and attributes. O(|stages|).
    void set_reach(holding_id h, reach const& where) {
        assert(contains(h));
        auto const p = make_reach(where);
        auto& payload = holdings_.at(h.index()).payload;
        payload = reach_payload{p.scope, p.stages_begin, p.stages_count, payload.attributes};
    }
    void set_reach(delegation_id d, reach const& where) {
        assert(contains(d));
        auto const p = make_reach(where);
        auto& payload = delegations_.at(d.index()).payload.where;
        payload = reach_payload{p.scope, p.stages_begin, p.stages_count, payload.attributes};
    }

    /// Removes actor `a`'s `role` on duty `d`. Returns false (and changes nothing) if it did not have it.
    bool unassign(actor_id a, duty_id d, raci role) {
        check(a);
        check(d);
        auto const e = assignments_.find(a, d, [role](raci r) { return r == role; });
        if (e == detail::npos) return false;
        assignments_.prepare_remove();
        assignments_.remove(e);
        return true;
    }
    /// Changes actor `a`'s role `from` on duty `d` into `to`, keeping its place in the RACI list. Returns
    /// false (and changes nothing) if `a` has no role `from` on `d`; if it already has `to`, the `from`
    /// entry is removed.
    bool reassign(actor_id a, duty_id d, raci from, raci to) {
        check(a);
        check(d);
        auto const e = assignments_.find(a, d, [from](raci r) { return r == from; });
        if (e == detail::npos) return false;
        if (from == to) return true;
        if (assignments_.find(a, d, [to](raci r) { return r == to; }) != detail::npos) {
            assignments_.prepare_remove();
            assignments_.remove(e);
        } else {
            assignments_.at(e).payload = to;
        }
        return true;
    }
    /// Duty `d` no longer requires mandate `m`. Returns false if it did not.
    bool unrequire(duty_id d, mandate_id m) { return disconnect_set(requirements_, d, m); }
    /// Duty `d` no longer needs duty `e`. Returns false if it did not.
    bool unneed(duty_id d, duty_id e) { return disconnect_set(needs_, d, e); }
    /// Actor `a` is no longer a member of forum `f` (a coordinator stays one). Returns false if it was not.
    bool remove_member(forum_id f, actor_id a) { return disconnect_set(members_, f, a); }
    /// Forum `f` no longer covers duty `d`. Returns false if it did not.
    bool uncover(forum_id f, duty_id d) { return disconnect_set(covers_, f, d); }
    /// Forum `f` has no coordinator any more. Returns false if it had none.
    bool clear_coordinator(forum_id f) {
        check(f);
        bool const had = forum_coordinator_[f.index()] != detail::npos;
        forum_coordinator_[f.index()] = detail::npos;
        return had;
    }
    /// Stage `later` no longer comes directly after `earlier`. Returns false if it did not. O(links of later).
    bool unorder(stage_id later, stage_id earlier) {
        check(later);
        check(earlier);
        return stage_graph_.remove_edge(later.index(), earlier.index());
    }
    /// Scope `inner` no longer lies within its enclosing scope (it becomes outermost). Returns false if it
    /// had none.
    bool unnest(scope_id inner) {
        auto const p = parent(inner);
        if (!p) return false;
        scope_graph_.remove_edge(inner.index(), p->index());
        return true;
    }

    /// Generic removal of a relation without data: `m.disconnect<relation::needs>(d, e)`. Returns false if
    /// there was no such relation. (holds, delegates: revoke, undelegate; assigned: unassign.)
    template <relation_type R, class From, class To>
    bool disconnect(From from, To to) {
        static_assert(connects<R, From, To>,
                      "disconnect<R>(from, to): the ids must have the kinds R declares (R::source, R::target)");
        if constexpr (std::same_as<R, relation::requires_mandate>) return unrequire(from, to);
        else if constexpr (std::same_as<R, relation::needs>) return unneed(from, to);
        else if constexpr (std::same_as<R, relation::after>) return unorder(from, to);
        else if constexpr (std::same_as<R, relation::within>) return parent(from) == std::optional{to} && unnest(from);
        else if constexpr (std::same_as<R, relation::member>) return remove_member(from, to);
        else if constexpr (std::same_as<R, relation::covers>) return uncover(from, to);
        else if constexpr (std::same_as<R, relation::coordinated_by>)
            return coordinator(from) == std::optional{to} && clear_coordinator(from);
        else {
            static_assert(!std::same_as<R, R>, "disconnect<R>: use revoke, undelegate or unassign");
            return false;
        }
    }

    // ---- element access ------------------------------------------------------------------------------------
    [[nodiscard]] stage_type const& operator[](stage_id id) const noexcept { return at(stages_, id); }
    [[nodiscard]] scope_type const& operator[](scope_id id) const noexcept { return at(scopes_, id); }
    [[nodiscard]] actor_type const& operator[](actor_id id) const noexcept { return at(actors_, id); }
    [[nodiscard]] mandate_type const& operator[](mandate_id id) const noexcept { return at(mandates_, id); }
    [[nodiscard]] duty_type const& operator[](duty_id id) const noexcept { return at(duties_, id); }
    [[nodiscard]] forum_type const& operator[](forum_id id) const noexcept { return at(forums_, id); }

    /// The element with id string `key`, if any. O(1) expected.
    ///     if (auto ks = m.find<samverkan::actor_id>("ks")) std::cout << m[*ks].name;
    template <element_id Id>
    [[nodiscard]] std::optional<Id> find(std::string_view key) const noexcept {
        auto const& elements = store<Id>();
        auto const found = index<Id>().find(key, [&](std::uint32_t i) -> std::string_view { return elements[i].id; });
        if (!found) return std::nullopt;
        return Id{*found};
    }

    /// n lookups at once, for readers that resolve many references: out[i] is the index of the element
    /// with id string key_at(i), or 0xFFFFFFFF when there is none (the same as find). Pipelined, so much
    /// faster than n calls of find on a model larger than the cache. O(n) expected.
    template <element_id Id, class KeyAt>
    void find_many(std::size_t n, KeyAt const& key_at, std::uint32_t* out) const noexcept {
        auto const& elements = store<Id>();
        index<Id>().find_many(
            n, key_at, out, [&](std::uint32_t i) -> std::string_view { return elements[i].id; },
            [&](std::uint32_t i) -> void const* { return &elements[i]; });
    }

    /// The display name (name, or id when unnamed) of any element.
    template <element_id Id>
    [[nodiscard]] std::string_view name_of(Id id) const noexcept {
        return display_name((*this)[id]);
    }

    /// Number of live elements of a kind: `m.count<actor_id>()`. O(1).
    template <element_id Id>
    [[nodiscard]] std::size_t count() const noexcept {
        return store<Id>().size() - dead<Id>().count();
    }

    /// Whether an element, a holding or a delegation has ever been removed from this model (it has
    /// tombstones). Every analysis works on such a model as it is (arrays by id_bound, live ids only) and
    /// gives what it gives on the model written and read back. O(1).
    [[nodiscard]] bool has_removed() const noexcept {
        return count<stage_id>() != id_bound<stage_id>() || count<scope_id>() != id_bound<scope_id>() ||
               count<actor_id>() != id_bound<actor_id>() || count<mandate_id>() != id_bound<mandate_id>() ||
               count<duty_id>() != id_bound<duty_id>() || count<forum_id>() != id_bound<forum_id>() ||
               holdings_.size() != holdings_.bound() || delegations_.size() != delegations_.bound();
    }

    /// Number of indices issued for a kind, live and removed: every id of the kind has index() below it,
    /// so it is the size of an array indexed by id. Also for holding_id and delegation_id. O(1).
    template <class Id>
    [[nodiscard]] std::size_t id_bound() const noexcept {
        if constexpr (std::same_as<Id, holding_id>) return holdings_.bound();
        else if constexpr (std::same_as<Id, delegation_id>) return delegations_.bound();
        else return store<Id>().size();
    }

    /// Whether `id` names a live element (or holding, or delegation) of this model: issued and not removed.
    template <class Id>
    [[nodiscard]] bool contains(Id id) const noexcept {
        return id.index() < id_bound<Id>() && !dead<Id>().dead(id.index());
    }

    /// All live ids of a kind, in insertion order: `for (actor_id a : m.ids<actor_id>())`. size() is the
    /// number of live ids.
    template <class Id>
    [[nodiscard]] auto ids() const noexcept {
        auto const& d = dead<Id>();
        auto const n = id_bound<Id>();
        return detail::id_range<Id>{0, static_cast<std::uint32_t>(n), d.words(), n - d.count()};
    }
    [[nodiscard]] auto stages() const noexcept { return ids<stage_id>(); }
    [[nodiscard]] auto scopes() const noexcept { return ids<scope_id>(); }
    [[nodiscard]] auto actors() const noexcept { return ids<actor_id>(); }
    [[nodiscard]] auto mandates() const noexcept { return ids<mandate_id>(); }
    [[nodiscard]] auto duties() const noexcept { return ids<duty_id>(); }
    [[nodiscard]] auto forums() const noexcept { return ids<forum_id>(); }
    [[nodiscard]] auto holdings() const noexcept { return ids<holding_id>(); }
    [[nodiscard]] auto delegations() const noexcept { return ids<delegation_id>(); }

    [[nodiscard]] holding_view holding(holding_id h) const noexcept {
        auto const& r = holdings_[h.index()];
        return {r.source, r.target, view(r.payload), attributes_of(r.payload)};
    }
    [[nodiscard]] delegation_view delegation(delegation_id d) const noexcept {
        auto const& r = delegations_[d.index()];
        return {r.source, r.target, r.payload.mandate, view(r.payload.where), attributes_of(r.payload.where)};
    }
    /// Attaches JSON text to a holding or delegation (as the "attributes" key of model files).
    void set_attributes(holding_id h, std::string json) {
        set_relation_attributes(holdings_.at(h.index()).payload, std::move(json));
    }
    void set_attributes(delegation_id d, std::string json) {
        set_relation_attributes(delegations_.at(d.index()).payload.where, std::move(json));
    }

    /// Number of relations of each kind, and in all.
    [[nodiscard]] std::size_t relation_count(relation_kind k) const noexcept {
        switch (k) {
        case relation_kind::holds: return holdings_.size();
        case relation_kind::delegates: return delegations_.size();
        case relation_kind::assigned: return assignments_.size();
        case relation_kind::requires_mandate: return requirements_.size();
        case relation_kind::needs: return needs_.size();
        case relation_kind::after: return stage_graph_.num_edges();
        case relation_kind::within: return scope_graph_.num_edges();
        case relation_kind::member: return members_.size();
        case relation_kind::coordinated_by:
            return static_cast<std::size_t>(std::count_if(forum_coordinator_.begin(), forum_coordinator_.end(),
                                                          [](auto c) { return c != detail::npos; }));
        case relation_kind::covers: return covers_.size();
        }
        return 0;
    }
    [[nodiscard]] std::size_t relation_count() const noexcept {
        std::size_t n = 0;
        for (auto k :
             {relation_kind::holds, relation_kind::delegates, relation_kind::assigned, relation_kind::requires_mandate,
              relation_kind::needs, relation_kind::after, relation_kind::within, relation_kind::member,
              relation_kind::coordinated_by, relation_kind::covers})
            n += relation_count(k);
        return n;
    }

    // ---- relations of an element (ranges of ids, in insertion order) ----------------------------------------
    [[nodiscard]] auto holdings_of(actor_id a) const noexcept { return as<holding_id>(holdings_.out(a)); }
    [[nodiscard]] auto holdings_of(mandate_id m) const noexcept { return as<holding_id>(holdings_.in(m)); }
    [[nodiscard]] auto delegations_from(actor_id a) const noexcept { return as<delegation_id>(delegations_.out(a)); }
    [[nodiscard]] auto delegations_to(actor_id a) const noexcept { return as<delegation_id>(delegations_.in(a)); }

    /// The RACI entries of a duty, or of an actor.
    [[nodiscard]] auto raci_of(duty_id d) const noexcept { return entries(assignments_.in(d)); }
    [[nodiscard]] auto raci_of(actor_id a) const noexcept { return entries(assignments_.out(a)); }
    /// The actors with `role` on duty `d`: `m.actors_with(d, raci::accountable)`.
    [[nodiscard]] auto actors_with(duty_id d, raci role) const noexcept {
        auto const* table = &assignments_;
        return detail::mapped_range{assignments_.in(d), [table](std::uint32_t e) { return (*table)[e].source; },
                                    [table, role](std::uint32_t e) { return (*table)[e].payload == role; }};
    }

    [[nodiscard]] auto required_mandates(duty_id d) const noexcept {
        return targets(requirements_, requirements_.out(d));
    }
    [[nodiscard]] auto duties_requiring(mandate_id m) const noexcept {
        return sources(requirements_, requirements_.in(m));
    }
    [[nodiscard]] auto needs(duty_id d) const noexcept { return targets(needs_, needs_.out(d)); }
    [[nodiscard]] auto needed_by(duty_id d) const noexcept { return sources(needs_, needs_.in(d)); }
    [[nodiscard]] auto members(forum_id f) const noexcept { return targets(members_, members_.out(f)); }
    [[nodiscard]] auto forums_of(actor_id a) const noexcept { return sources(members_, members_.in(a)); }
    [[nodiscard]] auto covered(forum_id f) const noexcept { return targets(covers_, covers_.out(f)); }
    [[nodiscard]] auto forums_covering(duty_id d) const noexcept { return sources(covers_, covers_.in(d)); }

    [[nodiscard]] std::optional<actor_id> coordinator(forum_id f) const noexcept {
        return unraw<actor_id>(forum_coordinator_[f.index()]);
    }
    [[nodiscard]] std::optional<stage_id> stage_of(duty_id d) const noexcept {
        return unraw<stage_id>(duty_stage_[d.index()]);
    }
    [[nodiscard]] std::optional<scope_id> scope_of(duty_id d) const noexcept {
        return unraw<scope_id>(duty_scope_[d.index()]);
    }
    [[nodiscard]] std::optional<scope_id> scope_of(forum_id f) const noexcept {
        return unraw<scope_id>(forum_scope_[f.index()]);
    }

    /// The stages that `s` comes directly after ("after" in model files), and those directly after `s`.
    [[nodiscard]] auto earlier_stages(stage_id s) const noexcept { return as<stage_id>(stage_graph_.out(s.index())); }
    [[nodiscard]] auto later_stages(stage_id s) const noexcept { return as<stage_id>(stage_graph_.in(s.index())); }
    /// The scope directly enclosing `s`, if any, and the scopes directly within it.
    [[nodiscard]] std::optional<scope_id> parent(scope_id s) const noexcept {
        auto const up = scope_graph_.out(s.index());
        if (up.empty()) return std::nullopt;
        return scope_id{up.front()};
    }
    [[nodiscard]] auto children(scope_id s) const noexcept { return as<scope_id>(scope_graph_.in(s.index())); }

    /// Reserves room for `n` elements of a kind (avoids rehashing while loading large models).
    template <element_id Id>
    void reserve(std::size_t n) {
        auto& elements = store<Id>();
        elements.reserve(n);
        if constexpr (std::same_as<Id, duty_id>) {
            duty_stage_.reserve(n);
            duty_scope_.reserve(n);
        } else if constexpr (std::same_as<Id, forum_id>) {
            forum_scope_.reserve(n);
            forum_coordinator_.reserve(n);
        }
        index<Id>().reserve(n, [&](std::uint32_t i) -> std::string_view { return elements[i].id; });
    }

    /// Reserves room for `n` relations of kind R in all, for the elements the model has now: a loader that
    /// knows its counts avoids regrowing the relation tables. (after, within and coordinated_by are stored
    /// per element and need no reservation.)
    ///     m.reserve_relations<samverkan::relation::assigned>(raci_entries);
    template <relation_type R>
    void reserve_relations(std::size_t n) {
        auto const ends = [&](auto& table) {
            table.reserve(n, id_bound<typename R::source>(), id_bound<typename R::target>());
        };
        if constexpr (std::same_as<R, relation::holds>) ends(holdings_);
        else if constexpr (std::same_as<R, relation::delegates>) ends(delegations_);
        else if constexpr (std::same_as<R, relation::assigned>) ends(assignments_);
        else if constexpr (std::same_as<R, relation::requires_mandate>) ends(requirements_);
        else if constexpr (std::same_as<R, relation::needs>) ends(needs_);
        else if constexpr (std::same_as<R, relation::member>) ends(members_);
        else if constexpr (std::same_as<R, relation::covers>) ends(covers_);
    }

private:
    struct reach_payload {
        std::uint32_t scope = detail::npos;
        std::uint32_t stages_begin = 0;
        std::uint32_t stages_count = 0;
        std::uint32_t attributes = detail::npos;
    };
    struct delegation_payload {
        mandate_id mandate;
        reach_payload where;
    };

    template <class Id, class Range>
    static auto as(Range r) noexcept {
        return detail::mapped_range{r, [](std::uint32_t e) { return Id{e}; }};
    }
    template <class Table, class Range>
    static auto targets(Table const& t, Range r) noexcept {
        return detail::mapped_range{r, [t = &t](std::uint32_t e) { return (*t)[e].target; }};
    }
    template <class Table, class Range>
    static auto sources(Table const& t, Range r) noexcept {
        return detail::mapped_range{r, [t = &t](std::uint32_t e) { return (*t)[e].source; }};
    }
    template <class Range>
    auto entries(Range r) const noexcept {
        return detail::mapped_range{r, [this](std::uint32_t e) {
                                        auto const& x = assignments_[e];
                                        return assignment{x.source, x.target, x.payload};
                                    }};
    }

    // Room for one more element, growing geometrically (reserve(size() + 1) on every add is quadratic), so
    // the push_back that follows cannot throw and adding an element keeps the strong guarantee.
    template <class Vector>
    static void reserve_one_more(Vector& v) {
        if (v.size() == v.capacity()) v.reserve(std::max<std::size_t>(16, 2 * v.capacity()));
    }

    template <class Id>
    static std::uint32_t raw(std::optional<Id> id) noexcept {
        return detail::index_or_npos(id);
    }
    template <class Id>
    static std::optional<Id> unraw(std::uint32_t v) noexcept {
        return detail::id_or_none<Id>(v);
    }

    template <class Vector, class Id>
    static auto const& at(Vector const& v, Id id) noexcept {
        // a removed element's data stays readable, so findings about it can still be printed
        assert(id.index() < v.size() && "samverkan: an id that this model did not issue");
        return v[id.index()];
    }

    template <element_id Id>
    void check(Id id) const noexcept {
        assert(id.index() < store<Id>().size() && "samverkan: an id that this model did not issue");
        assert(!dead<Id>().dead(id.index()) && "samverkan: an id of a removed element");
        (void)id;
    }
    template <element_id Id>
    void check_opt(std::optional<Id> id) const noexcept {
        if (id) check(*id);
    }

    template <element_id Id, class Self>
    static auto& store_of(Self& self) noexcept {
        if constexpr (std::same_as<Id, stage_id>) return self.stages_;
        else if constexpr (std::same_as<Id, scope_id>) return self.scopes_;
        else if constexpr (std::same_as<Id, actor_id>) return self.actors_;
        else if constexpr (std::same_as<Id, mandate_id>) return self.mandates_;
        else if constexpr (std::same_as<Id, duty_id>) return self.duties_;
        else return self.forums_;
    }
    template <element_id Id>
    auto& store() noexcept {
        return store_of<Id>(*this);
    }
    template <element_id Id>
    auto const& store() const noexcept {
        return store_of<Id>(*this);
    }
    template <element_id Id>
    detail::id_index& index() noexcept {
        return indices_[static_cast<std::size_t>(kind_of<Id>)];
    }
    template <element_id Id>
    detail::id_index const& index() const noexcept {
        return indices_[static_cast<std::size_t>(kind_of<Id>)];
    }

    template <class Id>
    detail::tombstones& dead() noexcept {
        return removed_[static_cast<std::size_t>(kind_of<Id>)];
    }
    template <class Id>
    detail::tombstones const& dead() const noexcept {
        if constexpr (std::same_as<Id, holding_id>) return holdings_.removed();
        else if constexpr (std::same_as<Id, delegation_id>) return delegations_.removed();
        else return removed_[static_cast<std::size_t>(kind_of<Id>)];
    }
    template <element_id Id>
    auto key_of() const noexcept {
        return [&elements = store<Id>()](std::uint32_t k) -> std::string_view { return elements[k].id; };
    }
    template <element_id Id>
    std::size_t index_size() const noexcept {
        return count<Id>();
    }
    /// Marks element `id` removed: its id text leaves the index. Precondition: dead<Id>().prepare() done.
    template <element_id Id>
    void retire(Id id) noexcept {
        index<Id>().erase(std::string_view{store<Id>()[id.index()].id}, id.index());
        dead<Id>().kill(id.index());
    }
    template <class Range>
    static std::vector<std::uint32_t> collect(Range const& r) {
        std::vector<std::uint32_t> out;
        for (std::uint32_t e : r) out.push_back(e);
        return out;
    }
    template <class Table, class Pred>
    static std::vector<std::uint32_t> live_where(Table const& t, Pred const& pred) {
        std::vector<std::uint32_t> out;
        for (std::uint32_t e = 0; e < t.bound(); ++e)
            if (!t.dead(e) && pred(t[e])) out.push_back(e);
        return out;
    }
    template <class Table>
    static void remove_all(Table& t, std::vector<std::uint32_t> const& edges) noexcept {
        for (std::uint32_t e : edges) t.remove(e);
    }
    template <class Table, class S, class T>
    bool disconnect_set(Table& table, S s, T t) {
        check(s);
        check(t);
        auto const e = table.find(s, t, [](auto const&) { return true; });
        if (e == detail::npos) return false;
        table.prepare_remove();
        table.remove(e);
        return true;
    }

    template <element_id Id, class T>
    Id add_element(T&& value) { // always an rvalue (the adders' by-value parameters): one move into the vector
        auto& elements = store<Id>();
        if (elements.size() >= detail::npos - 1) throw error{"too many elements of one kind (at most 2^32 - 2)"};
        auto const duplicate = [](std::string_view id) {
            return error{"duplicate " + std::string{Id::tag_type::name} + " id \"" + std::string{id} + "\""};
        };
        // A push_back that moves the elements must not happen for a duplicate (references stay valid)
        if (elements.size() == elements.capacity() && find<Id>(value.id)) throw duplicate(value.id);
        auto const i = static_cast<std::uint32_t>(elements.size());
        elements.push_back(std::forward<T>(value));
        std::optional<std::uint32_t> present;
        try {
            present = index<Id>().try_insert(i, [&](std::uint32_t k) -> std::string_view { return elements[k].id; });
        } catch (...) {
            elements.pop_back();
            throw;
        }
        if (present) {
            auto e = duplicate(elements.back().id);
            elements.pop_back();
            throw e;
        }
        return Id{i};
    }

    template <class Table, class S, class T>
    bool connect_set(Table& table, S s, T t) {
        check(s);
        check(t);
        if (table.find(s, t, [](auto const&) { return true; }) != detail::npos) return false;
        table.add(s, t);
        return true;
    }

    reach_payload make_reach(reach const& where) {
        check_opt(where.scope);
        for (stage_id s : where.stages) check(s);
        reach_payload p;
        p.scope = raw(where.scope);
        std::vector<stage_id> set = where.stages;
        std::sort(set.begin(), set.end());
        set.erase(std::unique(set.begin(), set.end()), set.end());
        p.stages_begin = static_cast<std::uint32_t>(stage_pool_.size());
        p.stages_count = static_cast<std::uint32_t>(set.size());
        stage_pool_.insert(stage_pool_.end(), set.begin(), set.end()); // strong: appended stages are unused on failure
        return p;
    }
    reach_view view(reach_payload const& p) const noexcept {
        return {unraw<scope_id>(p.scope),
                std::span<stage_id const>{stage_pool_}.subspan(p.stages_begin, p.stages_count)};
    }
    std::string_view attributes_of(reach_payload const& p) const noexcept {
        return p.attributes == detail::npos ? std::string_view{} : std::string_view{relation_attributes_[p.attributes]};
    }
    void set_relation_attributes(reach_payload& p, std::string json) {
        if (p.attributes != detail::npos) {
            relation_attributes_[p.attributes] = std::move(json);
            return;
        }
        relation_attributes_.push_back(std::move(json));
        p.attributes = static_cast<std::uint32_t>(relation_attributes_.size() - 1);
    }

    /// Whether `to` can be reached from `from` along "after" links. O(stages + links).
    bool reaches(stage_id from, stage_id to) const {
        std::vector<bool> seen(stages_.size(), false);
        std::vector<std::uint32_t> stack{from.index()};
        seen[from.index()] = true;
        while (!stack.empty()) {
            auto const v = stack.back();
            stack.pop_back();
            if (v == to.index()) return true;
            for (std::uint32_t w : stage_graph_.out(v))
                if (!seen[w]) {
                    seen[w] = true;
                    stack.push_back(w);
                }
        }
        return false;
    }

    std::string name_, description_, attributes_;
    bool has_name_ = false;

    std::vector<stage_type> stages_;
    std::vector<scope_type> scopes_;
    std::vector<actor_type> actors_;
    std::vector<mandate_type> mandates_;
    std::vector<duty_type> duties_;
    std::vector<forum_type> forums_;
    detail::id_index indices_[6];
    detail::tombstones removed_[6];

    std::vector<std::uint32_t> duty_stage_, duty_scope_, forum_scope_, forum_coordinator_;
    detail::adjacency stage_graph_, scope_graph_; // edges later -> earlier, inner -> outer

    detail::edge_table<actor_id, mandate_id, reach_payload> holdings_;
    detail::edge_table<actor_id, actor_id, delegation_payload> delegations_;
    detail::edge_table<actor_id, duty_id, raci> assignments_;
    detail::edge_table<duty_id, mandate_id> requirements_;
    detail::edge_table<duty_id, duty_id> needs_;
    detail::edge_table<forum_id, actor_id> members_;
    detail::edge_table<forum_id, duty_id> covers_;
    std::vector<stage_id> stage_pool_;
    std::vector<std::string> relation_attributes_;

    samverkan::format_version version_ = samverkan::format_version::v1;
    std::vector<std::vector<std::string>> realises_; // per duty, sized on first use
};

/// The model with the default element types.
using model = basic_model<default_traits>;

} // namespace samverkan

#endif // SAMVERKAN_MODEL_BASIC_MODEL_HPP
