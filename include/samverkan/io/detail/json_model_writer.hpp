// The canonical samverkan/1 writer behind io::write_json.
//
// Canonical form: the keys in the order of model-format.md's table (format, name, description,
// attributes, stages, scopes, actors, mandates, holds, delegations, duties, forums; within an element its
// id first and attributes last), elements and list entries in model order, empty strings, empty lists,
// absent references and absent attributes left out, booleans always written, RACI letters in the order
// R, A, C, I. Layout as in json_text.hpp. Cost: O(model size + attribute text), output through a 64 KiB
// buffer.
#ifndef SAMVERKAN_IO_DETAIL_JSON_MODEL_WRITER_HPP
#define SAMVERKAN_IO_DETAIL_JSON_MODEL_WRITER_HPP

#include <samverkan/error.hpp>
#include <samverkan/io/detail/json_cursor.hpp>
#include <samverkan/io/detail/json_element_reader.hpp>
#include <samverkan/io/detail/json_model_reader.hpp>
#include <samverkan/io/detail/json_text.hpp>
#include <samverkan/model/basic_model.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace samverkan::io::detail {

/// Writes the members of one JSON object, one per line, at nesting `level` (the object's own).
class object_writer {
public:
    object_writer(json_sink& out, std::size_t level) : out_{out}, level_{level} { out_.put('{'); }

    void key(std::string_view k) {
        if (!first_) out_.put(',');
        first_ = false;
        out_.newline(level_ + 1);
        out_.put('"');
        out_.append(k); // keys of the format need no escaping
        out_.append("\": ");
    }
    void string(std::string_view k, std::string_view value) {
        key(k);
        append_string(out_, value);
    }
    void optional_string(std::string_view k, std::string_view value) {
        if (!value.empty()) string(k, value);
    }
    void boolean(std::string_view k, bool value) {
        key(k);
        out_.append(value ? "true" : "false");
    }
    /// A list of ids; left out when empty.
    template <class Range, class Text>
    void ids(std::string_view k, Range const& range, Text const& text) {
        auto it = range.begin();
        auto const end = range.end();
        if (it == end) return;
        key(k);
        out_.put('[');
        for (bool first = true; it != end; ++it, first = false) {
            if (!first) out_.put(',');
            out_.newline(level_ + 2);
            append_string(out_, text(*it));
        }
        out_.newline(level_ + 1);
        out_.put(']');
    }
    /// Stored attribute text (a JSON object), re-formatted; left out when empty. `owner()` names the
    /// element in an error message (called only then).
    template <class Owner>
    void attributes(std::string_view text, Owner const& owner) {
        if (text.empty()) return;
        std::size_t i = 0;
        while (i < text.size() && (text[i] == ' ' || text[i] == '\n' || text[i] == '\r' || text[i] == '\t')) ++i;
        if (i == text.size() || text[i] != '{')
            throw error{"cannot write the attributes of " + owner() + ": they must be a JSON object"};
        key("attributes");
        try {
            write_pretty(out_, text, level_ + 1);
        } catch (json_failure const& f) {
            throw error{"cannot write the attributes of " + owner() + ": not valid JSON (" + f.message() + ")"};
        }
    }
    json_sink& sink() noexcept { return out_; }
    std::size_t level() const noexcept { return level_; }
    void close() {
        if (!first_) out_.newline(level_);
        out_.put('}');
    }

private:
    json_sink& out_;
    std::size_t level_;
    bool first_ = true;
};

template <model_traits Traits>
class basic_model_writer {
    static_assert(check_element_types<Traits>());
    using model_type = basic_model<Traits>;

public:
    basic_model_writer(json_sink& out, model_type const& m) : out_{out}, m_{m} {}

    void write() {
        object_writer top{out_, 0};
        if (m_.format_version() == format_version::v1)
            for (duty_id d : m_.duties())
                if (!m_.realises(d).empty())
                    throw error{"cannot write duty " + quote(m_[d].id) +
                                " as samverkan/1: it has \"realises\", which needs samverkan/1.1"};
        top.string("format", to_string(m_.format_version()));
        if (m_.has_name()) top.string("name", m_.name()); // "name": "" is kept: the report shows it
        top.optional_string("description", m_.description());
        top.attributes(m_.attributes(), [] { return std::string{"the model"}; });
        array(top, "stages", m_.stages(), [&](object_writer& o, stage_id s) { stage(o, s); });
        array(top, "scopes", m_.scopes(), [&](object_writer& o, scope_id s) { scope(o, s); });
        array(top, "actors", m_.actors(), [&](object_writer& o, actor_id a) { actor(o, a); });
        array(top, "mandates", m_.mandates(), [&](object_writer& o, mandate_id x) { mandate(o, x); });
        array(top, "holds", m_.holdings(), [&](object_writer& o, holding_id h) { holding(o, h); });
        array(top, "delegations", m_.delegations(), [&](object_writer& o, delegation_id d) { delegation(o, d); });
        array(top, "duties", m_.duties(), [&](object_writer& o, duty_id d) { duty(o, d); });
        array(top, "forums", m_.forums(), [&](object_writer& o, forum_id f) { forum(o, f); });
        top.close();
        out_.put('\n');
    }

private:
    template <class Range, class Element>
    void array(object_writer& parent, std::string_view k, Range const& range, Element const& element) {
        if (range.empty()) return;
        parent.key(k);
        out_.put('[');
        bool first = true;
        for (auto id : range) {
            if (!first) out_.put(',');
            first = false;
            out_.newline(2);
            object_writer o{out_, 2};
            element(o, id);
            o.close();
        }
        out_.newline(1);
        out_.put(']');
    }

    template <element_id Id>
    std::string_view text(Id id) const noexcept {
        return m_[id].id;
    }
    template <element_id Id>
    auto id_text() const {
        return [this](Id id) -> std::string_view { return m_[id].id; };
    }
    /// Names an element in an error message: `actor "ks"`.
    static auto owner(std::string_view kind, std::string_view id) {
        return [kind, id] { return std::string{kind} + " " + quote(id); };
    }

    /// Writes the keys of element `id` in canonical order (json_element_reader.hpp): described members
    /// by the rules there, relation keys through `relation(key)`.
    template <element_id Id, class Relation>
    void element(object_writer& o, Id id, std::string_view kind, Relation&& relation) {
        using T = typename model_type::template element_t<Id>;
        T const& e = m_[id];
        for (element_key const& k : known_keys<Id, T>()) {
            if (k.member < 0) {
                relation(k.name);
                continue;
            }
            boost::mp11::mp_with_index<boost::mp11::mp_size<json_members<T>>::value>(
                static_cast<std::size_t>(k.member), [&](auto I) {
                    using D = boost::mp11::mp_at_c<json_members<T>, I>;
                    member(o, D::name, e.*D::pointer, kind, e.id);
                });
        }
    }

    template <class V>
    void member(object_writer& o, std::string_view name, V const& v, std::string_view kind, std::string_view id) {
        if constexpr (std::same_as<V, std::string>) {
            if (name == "attributes") return o.attributes(v, owner(kind, id));
            if (name == "id") return o.string(name, v);
        }
        if (member_omitted(v)) return;
        o.key(name);
        if constexpr (member_optional<V>::value) {
            append_member_scalar(out_, *v);
        } else if constexpr (member_vector<V>::value) {
            out_.put('[');
            for (std::size_t i = 0; i < v.size(); ++i) {
                if (i > 0) out_.put(',');
                out_.newline(o.level() + 2);
                append_member_scalar(out_, v[i]);
            }
            out_.newline(o.level() + 1);
            out_.put(']');
        } else {
            append_member_scalar(out_, v);
        }
    }

    void stage(object_writer& o, stage_id s) {
        element(o, s, "stage", [&](std::string_view) { o.ids("after", m_.earlier_stages(s), id_text<stage_id>()); });
    }
    void scope(object_writer& o, scope_id s) {
        element(o, s, "scope", [&](std::string_view) {
            if (auto const p = m_.parent(s)) o.string("within", text(*p));
        });
    }
    void actor(object_writer& o, actor_id a) {
        element(o, a, "actor", [](std::string_view) {});
    }
    void mandate(object_writer& o, mandate_id x) {
        element(o, x, "mandate", [](std::string_view) {});
    }
    void reach(object_writer& o, reach_view const& where) {
        if (where.scope) o.string("scope", text(*where.scope));
        o.ids("stages", where.stages, id_text<stage_id>());
    }
    void holding(object_writer& o, holding_id h) {
        auto const v = m_.holding(h);
        o.string("actor", text(v.actor));
        o.string("mandate", text(v.mandate));
        reach(o, v.where);
        o.attributes(v.attributes, [h] { return "holding " + std::to_string(h.index()); });
    }
    void delegation(object_writer& o, delegation_id d) {
        auto const v = m_.delegation(d);
        o.string("from", text(v.from));
        o.string("to", text(v.to));
        o.string("mandate", text(v.mandate));
        reach(o, v.where);
        o.attributes(v.attributes, [d] { return "delegation " + std::to_string(d.index()); });
    }
    void duty(object_writer& o, duty_id d) {
        element(o, d, "duty", [&](std::string_view k) {
            if (k == "stage") {
                if (auto const s = m_.stage_of(d)) o.string("stage", text(*s));
            } else if (k == "scope") {
                if (auto const s = m_.scope_of(d)) o.string("scope", text(*s));
            } else if (k == "requires") {
                o.ids("requires", m_.required_mandates(d), id_text<mandate_id>());
            } else if (k == "needs") {
                o.ids("needs", m_.needs(d), id_text<duty_id>());
            } else if (k == "raci") {
                raci_object(o, d);
            } else {
                o.ids("realises", m_.realises(d), [](std::string const& key) -> std::string_view { return key; });
            }
        });
    }
    void raci_object(object_writer& o, duty_id d) {
        auto entries = m_.raci_of(d);
        if (entries.begin() == entries.end()) return;
        o.key("raci");
        object_writer r{out_, o.level() + 1};
        static constexpr samverkan::raci roles[] = {samverkan::raci::responsible, samverkan::raci::accountable,
                                                    samverkan::raci::consulted, samverkan::raci::informed};
        for (samverkan::raci role : roles) {
            char const name[] = {letter(role), '\0'};
            r.ids(name, m_.actors_with(d, role), id_text<actor_id>());
        }
        r.close();
    }
    void forum(object_writer& o, forum_id f) {
        element(o, f, "forum", [&](std::string_view k) {
            if (k == "members") {
                o.ids("members", m_.members(f), id_text<actor_id>());
            } else if (k == "coordinator") {
                if (auto const c = m_.coordinator(f)) o.string("coordinator", text(*c));
            } else if (k == "covers") {
                o.ids("covers", m_.covered(f), id_text<duty_id>());
            } else {
                if (auto const s = m_.scope_of(f)) o.string("scope", text(*s));
            }
        });
    }

    json_sink& out_;
    model_type const& m_;
};

/// The writer of the default model.
using model_writer = basic_model_writer<default_traits>;

} // namespace samverkan::io::detail

#endif // SAMVERKAN_IO_DETAIL_JSON_MODEL_WRITER_HPP
