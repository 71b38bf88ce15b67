// collaboration_template: an established samverkansmodell (or a profile of obligations) with roles in
// place of actors (templates.md section 1). A value type of its own: it is not a model, and the model
// layer knows nothing of it.
//
//     samverkan::templates::collaboration_template t = samverkan::io::read_template_file("est.json");
//     for (auto const& r : t.roles) std::cout << r.id << (r.many ? " (many)" : "") << '\n';
//
// References are ids of the template (roles in raci, members, coordinator and each; stages in stage and
// after; duties in needs and covers; mandates in requires), except a role's `holds`, which may name a
// mandate the template does not list (it is looked up in the place). validate() checks every rule of
// templates.md section 1 that is not about the JSON text itself.
#ifndef SAMVERKAN_TEMPLATES_TEMPLATE_HPP
#define SAMVERKAN_TEMPLATES_TEMPLATE_HPP

#include <samverkan/error.hpp>
#include <samverkan/model/elements.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace samverkan::templates {

/// A template of an established model, or a profile (a template of obligations, section 4).
enum class template_kind : std::uint8_t { model, profile };

/// "model" or "profile".
[[nodiscard]] constexpr std::string_view to_string(template_kind k) noexcept {
    return k == template_kind::model ? "model" : "profile";
}

/// A role: a place in the model that an actor of the place fills.
struct role {
    std::string id{};
    std::string name{};
    std::vector<std::string> category{}; ///< actor categories that may fill it (empty: any)
    std::vector<std::string> holds{};    ///< mandate ids the actor must hold over the application scope
    bool many = false;                   ///< bound to every candidate (each takes part for its own part)
    bool optional = false;               ///< may stay unbound
    std::string attributes{};            ///< JSON object text, kept verbatim (empty: none)
};

/// A stage of the template's process.
struct template_stage {
    std::string id{};
    std::string name{};
    std::vector<std::string> after{}; ///< stage ids of the template
    std::string attributes{};
};

/// A duty of the template: its RACI lists hold role ids.
struct template_duty {
    std::string id{};
    std::string name{};
    std::string basis{};
    std::optional<std::string> stage{};
    std::vector<std::string> requires_{}; ///< the key "requires": mandate ids of the template
    std::vector<std::string> needs{};     ///< duty ids of the template
    bool optional = false;
    std::array<std::vector<std::string>, 4> raci{}; ///< R, A, C, I: role ids
    std::optional<std::string> each{};              ///< a `many` role: one instance per actor and part
    std::string attributes{};
};

/// A forum of the template.
struct template_forum {
    std::string id{};
    std::string name{};
    std::vector<std::string> members{};       ///< role ids
    std::optional<std::string> coordinator{}; ///< a role id (not a `many` role)
    std::vector<std::string> covers{};        ///< duty ids
    std::string attributes{};
};

/// A whole template (format samverkan-template/1).
struct collaboration_template {
    std::string id{};
    template_kind kind = template_kind::model;
    std::optional<std::string> name{};
    std::string basis{};
    std::string description{};
    std::string attributes{};
    std::vector<role> roles{};
    std::vector<template_stage> stages{};
    std::vector<samverkan::mandate> mandates{};
    std::vector<template_duty> duties{};
    std::vector<template_forum> forums{};

    /// Position of the role, stage, mandate, duty or forum with id `key`. O(elements of the kind).
    [[nodiscard]] std::optional<std::size_t> find_role(std::string_view key) const noexcept { return find(roles, key); }
    [[nodiscard]] std::optional<std::size_t> find_stage(std::string_view key) const noexcept {
        return find(stages, key);
    }
    [[nodiscard]] std::optional<std::size_t> find_mandate(std::string_view key) const noexcept {
        return find(mandates, key);
    }
    [[nodiscard]] std::optional<std::size_t> find_duty(std::string_view key) const noexcept {
        return find(duties, key);
    }
    [[nodiscard]] std::optional<std::size_t> find_forum(std::string_view key) const noexcept {
        return find(forums, key);
    }

private:
    template <class V>
    static std::optional<std::size_t> find(V const& v, std::string_view key) noexcept {
        for (std::size_t i = 0; i < v.size(); ++i)
            if (v[i].id == key) return i;
        return std::nullopt;
    }
};

/// One thing wrong with a template: the JSON pointer of the offending value and what is wrong.
struct template_problem {
    std::string path;
    std::string message;
    std::string unknown_ref{};        ///< for an unresolved reference: the id as written
    std::vector<std::string> known{}; ///< ... and the ids of its kind that the template has
};

namespace detail {

inline std::string in_quotes(std::string_view s) { return "\"" + std::string{s} + "\""; }

/// Removes repeated entries, keeping the first of each. O(n^2) on the short lists of a template.
inline void dedupe(std::vector<std::string>& v) {
    std::vector<std::string> out;
    out.reserve(v.size());
    for (auto& s : v)
        if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(std::move(s));
    v = std::move(out);
}

} // namespace detail

/// Reads the set-valued lists (category, holds, after, requires, needs, covers) as sets: repeated entries
/// removed, the first of each kept. O(size of the template x list length).
inline void normalise(collaboration_template& t) {
    for (auto& r : t.roles) {
        detail::dedupe(r.category);
        detail::dedupe(r.holds);
    }
    for (auto& s : t.stages) detail::dedupe(s.after);
    for (auto& d : t.duties) {
        detail::dedupe(d.requires_);
        detail::dedupe(d.needs);
    }
    for (auto& f : t.forums) detail::dedupe(f.covers);
}

/// The first problem of `t` against templates.md section 1 (duplicate ids within a kind, unresolved
/// references, a role twice in a RACI list or in members, a cycle of `after`, a coordinator that is a
/// `many` role, an `each` naming a role without `many` or not in the duty's RACI), or nullopt when valid.
/// Paths are JSON pointers into the file form. O(size of the template x ids of a kind).
[[nodiscard]] inline std::optional<template_problem> find_problem(collaboration_template const& t) {
    using detail::in_quotes;
    auto const at = [](std::string_view array, std::size_t i, std::string_view key = {}) {
        std::string p = "/" + std::string{array} + "/" + std::to_string(i);
        if (!key.empty()) p += "/" + std::string{key};
        return p;
    };
    auto const dup = [&](auto const& v, std::string_view array,
                         std::string_view kind) -> std::optional<template_problem> {
        std::unordered_map<std::string_view, std::size_t> seen;
        for (std::size_t i = 0; i < v.size(); ++i) {
            auto [it, fresh] = seen.emplace(v[i].id, i);
            if (!fresh)
                return template_problem{at(array, i, "id"), "duplicate " + std::string{kind} + " id " +
                                                                in_quotes(v[i].id) + " (first at /" +
                                                                std::string{array} + "/" + std::to_string(it->second) +
                                                                "); ids must be unique within a kind"};
        }
        return std::nullopt;
    };
    if (auto p = dup(t.roles, "roles", "role")) return p;
    if (auto p = dup(t.stages, "stages", "stage")) return p;
    if (auto p = dup(t.mandates, "mandates", "mandate")) return p;
    if (auto p = dup(t.duties, "duties", "duty")) return p;
    if (auto p = dup(t.forums, "forums", "forum")) return p;

    auto const unknown = [&](std::string path, std::string_view kind, std::string const& ref, auto const& v) {
        template_problem p{std::move(path), "unknown " + std::string{kind} + " " + in_quotes(ref), ref, {}};
        for (auto const& e : v) p.known.push_back(e.id);
        return p;
    };

    for (std::size_t i = 0; i < t.stages.size(); ++i)
        for (std::size_t j = 0; j < t.stages[i].after.size(); ++j)
            if (!t.find_stage(t.stages[i].after[j]))
                return unknown(at("stages", i, "after") + "/" + std::to_string(j), "stage", t.stages[i].after[j],
                               t.stages);
    for (std::size_t i = 0; i < t.duties.size(); ++i) {
        auto const& d = t.duties[i];
        if (d.stage && !t.find_stage(*d.stage)) return unknown(at("duties", i, "stage"), "stage", *d.stage, t.stages);
        for (std::size_t j = 0; j < d.requires_.size(); ++j)
            if (!t.find_mandate(d.requires_[j]))
                return unknown(at("duties", i, "requires") + "/" + std::to_string(j), "mandate", d.requires_[j],
                               t.mandates);
        for (std::size_t j = 0; j < d.needs.size(); ++j)
            if (!t.find_duty(d.needs[j]))
                return unknown(at("duties", i, "needs") + "/" + std::to_string(j), "duty", d.needs[j], t.duties);
        static constexpr char letters[] = {'R', 'A', 'C', 'I'};
        for (std::size_t r = 0; r < 4; ++r) {
            auto const& list = d.raci[r];
            for (std::size_t j = 0; j < list.size(); ++j) {
                std::string const path = at("duties", i, "raci") + "/" + letters[r] + "/" + std::to_string(j);
                if (!t.find_role(list[j])) return unknown(path, "role", list[j], t.roles);
                for (std::size_t k = 0; k < j; ++k)
                    if (list[k] == list[j])
                        return template_problem{path, "role " + in_quotes(list[j]) + " is listed twice in RACI role " +
                                                          std::string(1, letters[r]) + " (also at " +
                                                          at("duties", i, "raci") + "/" + letters[r] + "/" +
                                                          std::to_string(k) + ")"};
            }
        }
        if (d.each) {
            auto const r = t.find_role(*d.each);
            if (!r) return unknown(at("duties", i, "each"), "role", *d.each, t.roles);
            if (!t.roles[*r].many)
                return template_problem{at("duties", i, "each"),
                                        "\"each\" names role " + in_quotes(*d.each) +
                                            ", which is not a \"many\" role (one instance per actor needs a role "
                                            "that many actors fill)"};
            bool in_raci = false;
            for (auto const& list : d.raci)
                if (std::find(list.begin(), list.end(), *d.each) != list.end()) in_raci = true;
            if (!in_raci)
                return template_problem{at("duties", i, "each"), "\"each\" names role " + in_quotes(*d.each) +
                                                                     ", which is not in the duty's \"raci\""};
        }
    }
    for (std::size_t i = 0; i < t.forums.size(); ++i) {
        auto const& f = t.forums[i];
        for (std::size_t j = 0; j < f.members.size(); ++j) {
            std::string const path = at("forums", i, "members") + "/" + std::to_string(j);
            if (!t.find_role(f.members[j])) return unknown(path, "role", f.members[j], t.roles);
            for (std::size_t k = 0; k < j; ++k)
                if (f.members[k] == f.members[j])
                    return template_problem{path, "role " + in_quotes(f.members[j]) +
                                                      " is listed twice in members (also at " +
                                                      at("forums", i, "members") + "/" + std::to_string(k) + ")"};
        }
        if (f.coordinator) {
            auto const r = t.find_role(*f.coordinator);
            if (!r) return unknown(at("forums", i, "coordinator"), "role", *f.coordinator, t.roles);
            if (t.roles[*r].many)
                return template_problem{at("forums", i, "coordinator"),
                                        "the coordinator " + in_quotes(*f.coordinator) +
                                            " is a \"many\" role; one actor coordinates a forum"};
        }
        for (std::size_t j = 0; j < f.covers.size(); ++j)
            if (!t.find_duty(f.covers[j]))
                return unknown(at("forums", i, "covers") + "/" + std::to_string(j), "duty", f.covers[j], t.duties);
    }

    // cycles of "after": depth-first search with colours
    std::size_t const n = t.stages.size();
    std::vector<std::uint8_t> colour(n, 0);
    for (std::size_t root = 0; root < n; ++root) {
        if (colour[root] != 0) continue;
        std::vector<std::pair<std::size_t, std::size_t>> stack{{root, 0}};
        colour[root] = 1;
        while (!stack.empty()) {
            auto& [u, next] = stack.back();
            if (next == t.stages[u].after.size()) {
                colour[u] = 2;
                stack.pop_back();
                continue;
            }
            std::size_t const j = next++;
            std::size_t const v = *t.find_stage(t.stages[u].after[j]);
            if (colour[v] == 1) {
                std::string cycle;
                bool on = false;
                for (auto const& [s, unused] : stack) {
                    (void)unused;
                    if (s == v) on = true;
                    if (on) cycle += in_quotes(t.stages[s].id) + " comes after ";
                }
                cycle += in_quotes(t.stages[v].id);
                return template_problem{at("stages", u, "after") + "/" + std::to_string(j),
                                        "the \"after\" links form a cycle: " + cycle};
            }
            if (colour[v] == 0) {
                colour[v] = 1;
                stack.emplace_back(v, 0);
            }
        }
    }
    return std::nullopt;
}

/// Throws samverkan::error with the path and the problem when `t` is not a valid template.
///     samverkan::templates::validate(t);
inline void validate(collaboration_template const& t) {
    if (auto p = find_problem(t)) {
        std::string known;
        for (auto const& k : p->known) known += (known.empty() ? "" : ", ") + k;
        if (!p->unknown_ref.empty() || !p->known.empty())
            p->message += " (known: " + (known.empty() ? "none" : known) + ")";
        throw error{"template " + detail::in_quotes(t.id) + ": " + p->path + ": " + p->message};
    }
}

} // namespace samverkan::templates

#endif // SAMVERKAN_TEMPLATES_TEMPLATE_HPP
