// The model as GraphML, for igraph, NetworkX, Gephi and yEd.
//
//     std::ofstream out{"model.graphml"};
//     samverkan::io::write_graphml(out, m);
//     // python3 -c 'import networkx as nx; g = nx.read_graphml("model.graphml"); print(g.nodes["actor:ks"])'
//
// The document is GraphML 1.0 (XML 1.0, UTF-8) with one directed graph:
// - One <node> per element. Its id is the node key "<kind>:<id>" ("actor:ks", "duty:lagesbild"), with
//   characters that an XML NMTOKEN cannot hold (spaces, punctuation) and ':' written as ":<hex>:"
//   ("scope:Centrum:20:väst"); see io/detail/export_text.hpp.
// - One <edge> per relation, from source to target as in model/relations.hpp (a holding actor ->
//   mandate, a delegation from -> to, a RACI entry actor -> duty, after later -> earlier stage, within
//   inner -> outer scope, member/coordinated_by forum -> actor, covers forum -> duty). Edge ids are e0, e1,
//   ... in writing order: after, within, holds, delegates, then per duty its RACI entries, requirements and
//   needs, then per forum its members, coordinator and covered duties. Parallel edges occur (an actor both
//   R and A on one duty gives two edges), so NetworkX reads a MultiDiGraph.
//
// Attributes (<key> declarations; every key is declared whether used or not):
//   graph  name, description, attributes                     the model's, when not empty
//   node   kind         stage | scope | actor | mandate | duty | forum
//          label        the display name (name, or id when unnamed): Gephi's node label
//          element_id   the element's id (the member `id`; named so because igraph and Gephi reserve "id")
//          name, category, basis, exclusive, delegable, optional, model, attributes
//                       the element type's members (io/detail/graphml_members.hpp: a planning tool's own
//                       described members appear too, with their GraphML type)
//          stage, scope the id of a duty's stage and of a duty's or forum's scope, when placed
//   edge   relation     holds | delegates | assigned | requires_mandate | needs | after | within | member |
//                       coordinated_by | covers  (the relation_kind names)
//          role         R, A, C or I (assigned)
//          mandate      the delegated mandate's id (delegates)
//          scope        the scope id of a holding or delegation, when it has one (none = everywhere)
//          stages       the stage ids of a holding or delegation as a JSON array, e.g. ["s1","s2"], when it
//                       lists stages (none = every stage); JSON because ids may contain any separator
//          attributes   a holding's or delegation's attributes (JSON text)
// Strings that are empty are left out (NetworkX and igraph read an empty <data> as absent anyway), except
// element_id and label, which are always written. Booleans are written for every element whose type has
// them. Text is escaped for XML; code points XML 1.0 cannot carry at all (most C0 control characters)
// and bytes that are not UTF-8 are written as U+FFFD. Described members named kind, label, stage, scope
// or element_id are written as user_<name>, so they do not collide with the keys above.
#ifndef SAMVERKAN_IO_GRAPHML_HPP
#define SAMVERKAN_IO_GRAPHML_HPP

#include <samverkan/io/detail/export_text.hpp>
#include <samverkan/io/detail/graphml_members.hpp>
#include <samverkan/io/detail/json_text.hpp>
#include <samverkan/model/basic_model.hpp>

#include <boost/describe/enum_to_string.hpp>

#include <cstddef>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace samverkan::io {

namespace detail {

/// One declared node attribute: its GraphML name and type, and its key id.
struct graphml_key {
    std::string name;
    graphml_type type{};
    std::string id;
};

/// The node attribute name of member `member`: "id" becomes element_id; names of the fixed keys get a
/// user_ prefix.
[[nodiscard]] inline std::string graphml_attribute_name(std::string_view member) {
    if (member == "id") return "element_id";
    if (member == "kind" || member == "label" || member == "stage" || member == "scope" || member == "element_id")
        return "user_" + std::string{member};
    return std::string{member};
}

/// The node keys of a model's element types, and for each kind the key index of each member that
/// for_each_graphml_member visits, in visiting order. Built once per document: O(members of the types).
template <class Traits>
class graphml_node_keys {
public:
    graphml_node_keys() {
        add_fixed("kind");
        add_fixed("label");
        collect<typename Traits::stage_type>(element_kind::stage);
        collect<typename Traits::scope_type>(element_kind::scope);
        collect<typename Traits::actor_type>(element_kind::actor);
        collect<typename Traits::mandate_type>(element_kind::mandate);
        collect<typename Traits::duty_type>(element_kind::duty);
        collect<typename Traits::forum_type>(element_kind::forum);
        add_fixed("stage");
        add_fixed("scope");
        // A name declared with two types (a user's `level` that is a string in one type and a number in
        // another) gets one key per type, told apart by the type in the key id. The fixed keys never
        // share a name (members with their names are renamed), so their ids are n_kind, n_label,
        // n_stage and n_scope.
        for (auto& k : keys_) {
            std::size_t same_name = 0;
            for (auto const& other : keys_) same_name += other.name == k.name ? 1 : 0;
            k.id = "n_" + k.name;
            if (same_name > 1) (k.id += '_') += graphml_type_name(k.type);
        }
    }

    [[nodiscard]] std::span<graphml_key const> keys() const noexcept { return keys_; }
    /// The key of the i-th visited member of kind k.
    [[nodiscard]] std::string const& member_key(element_kind k, std::size_t i) const noexcept {
        return keys_[members_[static_cast<std::size_t>(k)][i]].id;
    }

private:
    void add_fixed(std::string name) { keys_.push_back({std::move(name), graphml_type::string, {}}); }

    template <class T>
    void collect(element_kind kind) {
        auto& slots = members_[static_cast<std::size_t>(kind)];
        for_each_graphml_member<T>([&](std::string_view member, auto pointer) {
            using M = decltype(graphml_member_type(pointer));
            graphml_type const type = *graphml_type_of<M>();
            std::string name = graphml_attribute_name(member);
            std::size_t at = 0;
            while (at < keys_.size() && !(keys_[at].name == name && keys_[at].type == type)) ++at;
            if (at == keys_.size()) keys_.push_back({std::move(name), type, {}});
            slots.push_back(at);
        });
    }

    std::vector<graphml_key> keys_;
    std::vector<std::size_t> members_[6];
};

inline void append_graphml_data(std::string& out, std::string_view indent, std::string_view key,
                                std::string_view value) {
    out += indent;
    out += "<data key=\"";
    out += key; // key ids are NMTOKENs built from C++ identifiers: nothing to escape
    out += "\">";
    append_xml_escaped(out, value);
    out += "</data>\n";
}

} // namespace detail

/// Writes `m` as a GraphML document (the layout is described at the top of this file). Deterministic: the
/// same model gives byte-identical output. O(elements + relations + total text size).
///
///     samverkan::io::write_graphml(std::cout, m);
///     // <node id="actor:ks"><data key="n_kind">actor</data><data key="n_label">Kommunstyrelsen</data>...
template <class Traits>
void write_graphml(std::ostream& os, basic_model<Traits> const& m) {
    detail::graphml_node_keys<Traits> const node_keys;
    constexpr std::string_view edge_keys[] = {"relation", "role", "mandate", "scope", "stages", "attributes"};
    constexpr std::string_view graph_keys[] = {"name", "description", "attributes"};

    std::string out;
    out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
           "         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
           "         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
           "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
    auto declare = [&out](std::string_view id, std::string_view domain, std::string_view name, std::string_view type) {
        out += "  <key id=\"";
        out += id;
        out += "\" for=\"";
        out += domain;
        out += "\" attr.name=\"";
        out += name;
        out += "\" attr.type=\"";
        out += type;
        out += "\"/>\n";
    };
    for (auto name : graph_keys) declare("g_" + std::string{name}, "graph", name, "string");
    for (auto const& k : node_keys.keys()) declare(k.id, "node", k.name, detail::graphml_type_name(k.type));
    for (auto name : edge_keys) declare("e_" + std::string{name}, "edge", name, "string");
    out += "  <graph id=\"model\" edgedefault=\"directed\">\n";
    auto graph_data = [&out](std::string_view key, std::string_view value) {
        if (!value.empty()) detail::append_graphml_data(out, "    ", key, value);
    };
    graph_data("g_name", m.name());
    graph_data("g_description", m.description());
    graph_data("g_attributes", m.attributes());
    os << out;

    // ---- nodes ------------------------------------------------------------------------------------------
    auto write_nodes = [&]<class Id>(Id, auto&& extra) {
        constexpr element_kind kind = kind_of<Id>;
        using element = typename basic_model<Traits>::template element_t<Id>;
        for (Id id : m.template ids<Id>()) {
            auto const& e = m[id];
            out.clear();
            out += "    <node id=\"";
            out += detail::node_key(m, id); // only name characters and ':': nothing to escape
            out += "\">\n";
            detail::append_graphml_data(out, "      ", "n_kind", Id::tag_type::name);
            detail::append_graphml_data(out, "      ", "n_label", m.name_of(id));
            std::size_t i = 0;
            detail::for_each_graphml_member<element>([&](std::string_view member, auto pointer) {
                auto const& key = node_keys.member_key(kind, i++);
                auto const text = detail::graphml_value_text(e.*pointer);
                if (text && (!text->empty() || member == "id")) detail::append_graphml_data(out, "      ", key, *text);
            });
            extra(id);
            out += "    </node>\n";
            os << out;
        }
    };
    auto placed = [&](std::string_view key, auto where) {
        if (where) detail::append_graphml_data(out, "      ", key, m[*where].id);
    };
    auto nothing = [](auto) {};
    write_nodes(stage_id{}, nothing);
    write_nodes(scope_id{}, nothing);
    write_nodes(actor_id{}, nothing);
    write_nodes(mandate_id{}, nothing);
    write_nodes(duty_id{}, [&](duty_id d) {
        placed("n_stage", m.stage_of(d));
        placed("n_scope", m.scope_of(d));
    });
    write_nodes(forum_id{}, [&](forum_id f) { placed("n_scope", m.scope_of(f)); });

    // ---- edges ------------------------------------------------------------------------------------------
    std::size_t edge_count = 0;
    auto edge = [&](auto source, auto target, relation_kind kind, auto&& data) {
        out.clear();
        out += "    <edge id=\"e";
        out += std::to_string(edge_count++);
        out += "\" source=\"";
        out += detail::node_key(m, source);
        out += "\" target=\"";
        out += detail::node_key(m, target);
        out += "\">\n";
        detail::append_graphml_data(out, "      ", "e_relation", boost::describe::enum_to_string(kind, "relation"));
        data();
        out += "    </edge>\n";
        os << out;
    };
    auto none = [] {};
    auto reach_data = [&](reach_view where, std::string_view attributes) {
        if (where.scope) detail::append_graphml_data(out, "      ", "e_scope", m[*where.scope].id);
        if (!where.stages.empty()) {
            std::string list = "[";
            for (stage_id s : where.stages) {
                if (list.size() > 1) list += ',';
                detail::append_string(list, m[s].id, detail::invalid_utf8::replace);
            }
            list += ']';
            detail::append_graphml_data(out, "      ", "e_stages", list);
        }
        if (!attributes.empty()) detail::append_graphml_data(out, "      ", "e_attributes", attributes);
    };

    for (stage_id s : m.stages())
        for (stage_id earlier : m.earlier_stages(s)) edge(s, earlier, relation_kind::after, none);
    for (scope_id s : m.scopes())
        if (auto outer = m.parent(s)) edge(s, *outer, relation_kind::within, none);
    for (holding_id h : m.holdings()) {
        auto const v = m.holding(h);
        edge(v.actor, v.mandate, relation_kind::holds, [&] { reach_data(v.where, v.attributes); });
    }
    for (delegation_id d : m.delegations()) {
        auto const v = m.delegation(d);
        edge(v.from, v.to, relation_kind::delegates, [&] {
            detail::append_graphml_data(out, "      ", "e_mandate", m[v.mandate].id);
            reach_data(v.where, v.attributes);
        });
    }
    for (duty_id d : m.duties()) {
        for (assignment const& a : m.raci_of(d)) {
            char const role[] = {letter(a.role), '\0'};
            edge(a.actor, d, relation_kind::assigned,
                 [&] { detail::append_graphml_data(out, "      ", "e_role", role); });
        }
        for (mandate_id r : m.required_mandates(d)) edge(d, r, relation_kind::requires_mandate, none);
        for (duty_id e : m.needs(d)) edge(d, e, relation_kind::needs, none);
    }
    for (forum_id f : m.forums()) {
        for (actor_id a : m.members(f)) edge(f, a, relation_kind::member, none);
        if (auto c = m.coordinator(f)) edge(f, *c, relation_kind::coordinated_by, none);
        for (duty_id d : m.covered(f)) edge(f, d, relation_kind::covers, none);
    }
    os << "  </graph>\n</graphml>\n";
}

} // namespace samverkan::io

#endif // SAMVERKAN_IO_GRAPHML_HPP
